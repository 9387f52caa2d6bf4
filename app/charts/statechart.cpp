#include "charts/statechart.h"

#include "state/explorerstate.h"

#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsSceneResizeEvent>

#include <cmath>

namespace ace::charts {

namespace {

// As many legend entries as fit one row under a 400-pixel-wide chart.
constexpr qsizetype fewLegendEntries = 3;
// Below this height even one row of legend under the plot would leave its axes too little room
// (the bill breakdown's option names would be cut short), so a short legend goes beside too.
constexpr qreal shortChartHeight = 240;
constexpr int legendGap = 8;
// A column beside a narrow chart in smaller type leaves the plot more room.
constexpr qreal narrowLegendScale = 0.85;

} // namespace

StateChart::StateChart(ui::ExplorerState& state, QGraphicsItem* parent)
    : QChart(parent)
    , m_state(state)
    , m_legend(new ChartLegend(this))
    , m_note(new QGraphicsTextItem(this))
    , m_baseMargins(margins())
{
    legend()->hide();
    m_legend->setFont(font());
    m_note->setVisible(false);
}

void StateChart::layOut(const QSizeF& size)
{
    resize(size);
    layout()->activate();
}

void StateChart::selectOption(const QString& optionId)
{
    m_state.setCurrent(CatalogItem::option(optionId));
}

void StateChart::resizeEvent(QGraphicsSceneResizeEvent* event)
{
    fitToWidth(*this, event->newSize().width());
    placeLegend(event->newSize());
    QChart::resizeEvent(event);
}

void StateChart::setLegendEntries(const QList<LegendEntry>& entries)
{
    m_legend->setEntries(entries);
    placeLegend(size());
}

void StateChart::applyLegendTheme(const ui::Theme& theme)
{
    m_legend->setTextColor(theme.text());
    m_note->setDefaultTextColor(theme.mutedText());
    placeLegend(size());
}

void StateChart::setNote(const QString& text, const QString& toolTip)
{
    // Most workload edits keep the note: laying the text and the chart out again costs.
    if (text == m_note->toPlainText() && toolTip == m_note->toolTip())
        return;
    m_note->setPlainText(text);
    m_note->setToolTip(toolTip);
    m_note->setVisible(!text.isEmpty());
    placeLegend(size());
}

void StateChart::placeLegend(const QSizeF& size)
{
    m_legendBeside =
        size.width() < narrowChartWidth &&
        (m_legend->entries().size() > fewLegendEntries || size.height() < shortChartHeight);
    QFont legendFont = font();
    if (m_legendBeside)
        legendFont.setPointSizeF(legendFont.pointSizeF() * narrowLegendScale);
    if (legendFont != m_legend->font())
        m_legend->setFont(legendFont);
    QMargins room = m_baseMargins;
    // The top axis label is centred on the plot's top edge: half of it is above.
    room.setTop(std::max(room.top(), int(std::ceil(QFontMetricsF(font()).height()))));
    if (m_note->isVisible()) {
        m_note->setTextWidth(size.width() - m_baseMargins.left() - m_baseMargins.right());
        m_note->setPos(m_baseMargins.left(), legendGap / 2);
        room.setTop(room.top() + int(std::ceil(m_note->boundingRect().height())));
    }
    if (m_legendBeside) {
        const QSizeF legendSize = m_legend->layOut(size.width(), true);
        room.setRight(room.right() + int(std::ceil(legendSize.width())) + legendGap);
        m_legend->setPos(size.width() - m_baseMargins.right() - legendSize.width(),
                         (size.height() - legendSize.height()) / 2);
    } else {
        const qreal width = size.width() - m_baseMargins.left() - m_baseMargins.right();
        const QSizeF legendSize = m_legend->layOut(width, false);
        room.setBottom(room.bottom() + int(std::ceil(legendSize.height())) + legendGap);
        m_legend->setPos(m_baseMargins.left(),
                         size.height() - m_baseMargins.bottom() - legendSize.height());
    }
    if (room != margins())
        setMargins(room);
}

} // namespace ace::charts
