#include "charts/stateplot.h"

#include "ui/explorerstate.h"

#include <QGraphicsLayout>
#include <QGraphicsSceneResizeEvent>

namespace ace::charts {

StatePlot::StatePlot(ui::ExplorerState& state, QGraphicsItem* parent)
    : QChart(parent)
    , m_state(state)
{}

void StatePlot::layOut(const QSizeF& size)
{
    resize(size);
    layout()->activate();
}

void StatePlot::selectOption(const QString& optionId)
{
    m_state.setCurrent(CatalogItem::option(optionId));
}

void StatePlot::resizeEvent(QGraphicsSceneResizeEvent* event)
{
    fitToWidth(*this, event->newSize().width());
    QChart::resizeEvent(event);
}

} // namespace ace::charts
