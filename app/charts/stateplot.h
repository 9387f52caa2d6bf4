#pragma once

#include "charts/chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QPainter>

#include <memory>

namespace ace::ui {
class ExplorerState;
} // namespace ace::ui

namespace ace::charts {

// A chart drawn from the shared state: what the cost charts have in common. Its layout
// follows its width (fitToWidth) and it can be laid out at once, without an event loop, for
// rendering off screen.
class StatePlot : public QChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatePlot)

public:
    // Resizes the chart and lays it out at once (without waiting for the event loop).
    void layOut(const QSizeF& size);

public slots:
    // Makes the option current in the shared state, as clicking its curve or bar does.
    void selectOption(const QString& optionId);

protected:
    explicit StatePlot(ui::ExplorerState& state, QGraphicsItem* parent);

    ui::ExplorerState& state() const { return m_state; }
    void resizeEvent(QGraphicsSceneResizeEvent* event) override;

private:
    ui::ExplorerState& m_state;
};

// Shows a plot of type Plot on screen. renderTo() draws a fresh Plot at the target's size, the
// same drawing as on screen without a view or window, so exports do not depend on the window.
template <typename Plot>
class PlotView : public QChartView
{
public:
    Plot* plot() const { return m_plot; }

    void renderTo(QPainter& painter, const QRectF& target) const
    {
        renderTo(m_state, painter, target);
    }

    static void renderTo(ui::ExplorerState& state, QPainter& painter, const QRectF& target)
    {
        QGraphicsScene scene;
        auto plot = std::make_unique<Plot>(state);
        scene.addItem(plot.get());
        plot->layOut(target.size());
        scene.render(&painter, target, QRectF(QPointF(), target.size()));
        scene.removeItem(plot.get());
    }

protected:
    PlotView(ui::ExplorerState& state, QWidget* parent)
        // The view owns the chart. (Constructed without one, it would make a default chart that
        // setChart() lets go of without deleting.)
        : QChartView(new Plot(state), parent)
        , m_state(state)
        , m_plot(static_cast<Plot*>(chart()))
    {
        setRenderHint(QPainter::Antialiasing);
    }

private:
    ui::ExplorerState& m_state;
    Plot* m_plot;
};

} // namespace ace::charts
