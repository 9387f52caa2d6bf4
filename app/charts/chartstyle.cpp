#include "charts/chartstyle.h"

#include "catalog/catalog.h"
#include "cost/quantitytext.h"

#include <QAbstractAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ace::charts {

namespace {

constexpr qreal curveWidth = 2;
constexpr qreal currentCurveWidth = 4;
constexpr double goldenAngle = 137.508;
// Small enough for "100k" to fit a decade of a 500-pixel-wide chart.
constexpr qreal narrowLabelScale = 0.72;
// How far a label's halo reaches beyond its letters.
constexpr qreal haloRadius = 1.5;

// The option's place in the catalog, or -1.
int placeOf(const Catalog& catalog, const QString& optionId)
{
    const QList<DeploymentOption>& options = catalog.options();
    const auto found =
        std::find_if(options.cbegin(), options.cend(),
                     [&optionId](const DeploymentOption& option) { return option.id == optionId; });
    return found == options.cend() ? -1 : int(found - options.cbegin());
}

} // namespace

QColor optionColor(const ui::Theme& theme, const Catalog& catalog, const QString& optionId)
{
    const int place = placeOf(catalog, optionId);
    return place < 0 ? theme.mutedText() : theme.seriesColor(place);
}

QPen optionPen(const ui::Theme& theme, const Catalog& catalog, const QString& optionId,
               bool isCurrent)
{
    QPen pen(optionColor(theme, catalog, optionId), isCurrent ? currentCurveWidth : curveWidth,
             Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    const int place = std::max(0, placeOf(catalog, optionId));
    // In units of the pen's width.
    switch (place % 3) {
    case 1:
        pen.setDashPattern({4, 2});
        break;
    case 2:
        pen.setDashPattern({1, 1.5});
        break;
    default:
        break;
    }
    return pen;
}

QColor partColor(const ui::Theme& theme, int index)
{
    const QColor base = theme.selection().toHsl();
    const int hue = (base.hslHue() + qRound(index * goldenAngle)) % 360;
    return QColor::fromHsl(hue, std::min(base.hslSaturation(), 170), base.lightness()).toRgb();
}

QColor gridColor(const ui::Theme& theme)
{
    const QColor border = theme.border();
    const QColor background = theme.background();
    return QColor((border.red() + background.red()) / 2, (border.green() + background.green()) / 2,
                  (border.blue() + background.blue()) / 2);
}

QString shortMoney(double amount, const QString& currency)
{
    // A minus before the currency sign, as money() writes it: "-$20", not "$-20".
    if (amount < 0)
        return u'-' + shortMoney(-amount, currency);
    const QString number = shortQuantity(amount);
    if (currency == QLatin1String("USD"))
        return u'$' + number;
    return number + u' ' + currency;
}

void fitToWidth(QChart& chart, qreal width)
{
    const bool narrow = width < narrowChartWidth;
    QFont labelFont = chart.font();
    if (narrow)
        labelFont.setPointSizeF(labelFont.pointSizeF() * narrowLabelScale);
    const QList<QAbstractAxis*> axes = chart.axes();
    for (QAbstractAxis* axis : axes)
        axis->setLabelsFont(labelFont);
}

void applyTheme(QChart& chart, const ui::Theme& theme)
{
    chart.setBackgroundBrush(theme.background());
    chart.setBackgroundPen(Qt::NoPen);
    chart.setBackgroundRoundness(0);
    // The background is drawn inside the layout's margins: without this a frame of the
    // view's own colour shows around the chart. Setting them lays the chart out again even
    // when they stay the same, which repainted every curve at every workload edit.
    qreal left = 0, top = 0, right = 0, bottom = 0;
    chart.layout()->getContentsMargins(&left, &top, &right, &bottom);
    if (left != 0 || top != 0 || right != 0 || bottom != 0)
        chart.layout()->setContentsMargins(0, 0, 0, 0);
    chart.setPlotAreaBackgroundVisible(false);
    chart.setTitleBrush(theme.mutedText());
    const QList<QAbstractAxis*> axes = chart.axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsBrush(theme.mutedText());
        axis->setTitleBrush(theme.text());
        axis->setLinePen(QPen(theme.border(), 1));
        axis->setGridLinePen(QPen(gridColor(theme), 1));
        axis->setMinorGridLinePen(QPen(gridColor(theme), 1, Qt::DotLine));
    }
}

ChartLabel::ChartLabel(QGraphicsItem* parent, Backing backing)
    : QGraphicsSimpleTextItem(parent)
    , m_backing(backing)
{}

QRectF ChartLabel::boundingRect() const
{
    return QGraphicsSimpleTextItem::boundingRect().adjusted(-3, -1, 3, 1);
}

void ChartLabel::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    switch (m_backing) {
    case Backing::None:
        break;
    case Backing::Plate:
        painter->fillRect(boundingRect(), m_backingColor);
        break;
    case Backing::Halo: {
        // The letters in the backing colour, moved half the halo's width each way around: text
        // drawn from the glyph cache, where stroking the letters' outlines cost a label more
        // than a tenth of a workload edit (callgrind).
        painter->save();
        painter->setPen(m_backingColor);
        painter->setFont(font());
        const QPointF baseline(0, QFontMetricsF(font()).ascent());
        constexpr int directions = 8;
        for (int i = 0; i < directions; ++i) {
            const qreal angle = 2 * M_PI * i / directions;
            painter->drawText(baseline + haloRadius * QPointF(std::cos(angle), std::sin(angle)),
                              text());
        }
        painter->restore();
        break;
    }
    }
    QGraphicsSimpleTextItem::paint(painter, option, widget);
}

} // namespace ace::charts
