#include "charts/chartstyle.h"

#include "catalog/catalog.h"
#include "cost/quantitytext.h"

#include <QAbstractAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>

#include <algorithm>

namespace ace::charts {

namespace {

// The hue step between options of one category: wide enough to tell four lines apart, small
// enough that they still read as one family.
constexpr int siblingHueStep = 36;
constexpr double goldenAngle = 137.508;
// Below this width a legend row would not hold six option names.
constexpr qreal narrowChartWidth = 720;
// Small enough for "100k" to fit a decade of a 500-pixel-wide chart.
constexpr qreal narrowLabelScale = 0.72;
// As many legend entries as fit one row under a 400-pixel-wide chart.
constexpr qsizetype fewLegendEntries = 3;

} // namespace

QColor optionColor(const ui::Theme& theme, const Catalog& catalog, const QString& optionId)
{
    const auto categoryOf = [&catalog](const DeploymentOption& option) {
        const Service* top = catalog.service(option.topService());
        return top ? top->category : QString();
    };
    const DeploymentOption* option = catalog.option(optionId);
    if (!option)
        return theme.mutedText();
    const QString category = categoryOf(*option);
    int siblingsBefore = 0;
    for (const DeploymentOption& other : catalog.options()) {
        if (other.id == optionId)
            break;
        siblingsBefore += categoryOf(other) == category ? 1 : 0;
    }
    const QColor accent = theme.categoryColor(category).toHsl();
    const int hue = (accent.hslHue() + 360 - siblingsBefore * siblingHueStep) % 360;
    return QColor::fromHsl(hue, accent.hslSaturation(), accent.lightness()).toRgb();
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
    const QString number = shortQuantity(amount);
    if (currency == QLatin1String("USD"))
        return u'$' + number;
    return number + u' ' + currency;
}

void fitToWidth(QChart& chart, qreal width)
{
    const bool narrow = width < narrowChartWidth;
    const QList<QLegendMarker*> markers = chart.legend()->markers();
    const auto shown =
        std::count_if(markers.cbegin(), markers.cend(),
                      [](const QLegendMarker* marker) { return marker->isVisible(); });
    // A few entries fit a row under even a narrow chart, which then keeps its whole width.
    const bool legendBeside = narrow && shown > fewLegendEntries;
    chart.legend()->setAlignment(legendBeside ? Qt::AlignRight : Qt::AlignBottom);
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
    // view's own colour shows around the chart.
    chart.layout()->setContentsMargins(0, 0, 0, 0);
    chart.setPlotAreaBackgroundVisible(false);
    chart.setTitleBrush(theme.mutedText());
    chart.legend()->setLabelColor(theme.text());
    chart.legend()->setBorderColor(Qt::transparent);
    chart.legend()->setBrush(Qt::NoBrush);
    const QList<QAbstractAxis*> axes = chart.axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsBrush(theme.mutedText());
        axis->setTitleBrush(theme.text());
        axis->setLinePen(QPen(theme.border(), 1));
        axis->setGridLinePen(QPen(gridColor(theme), 1));
        axis->setMinorGridLinePen(QPen(gridColor(theme), 1, Qt::DotLine));
    }
}

PlateLabel::PlateLabel(QGraphicsItem* parent)
    : QGraphicsSimpleTextItem(parent)
{}

QRectF PlateLabel::boundingRect() const
{
    return QGraphicsSimpleTextItem::boundingRect().adjusted(-3, -1, 3, 1);
}

void PlateLabel::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    painter->fillRect(boundingRect(), m_plate);
    QGraphicsSimpleTextItem::paint(painter, option, widget);
}

} // namespace ace::charts
