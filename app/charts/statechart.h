#pragma once

#include "charts/chartlegend.h"
#include "charts/chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QPainter>

#include <memory>

namespace ace::ui {
class ExplorerState;
} // namespace ace::ui

namespace ace::charts {

// A chart drawn from the shared state: what the cost charts have in common. Its layout
// follows its width (fitToWidth; the legend goes beside a narrow chart) and it can be laid out
// at once, without an event loop, for rendering off screen.
class StateChart : public QChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateChart)

public:
    // Resizes the chart and lays it out at once (without waiting for the event loop).
    void layOut(const QSizeF& size);

    // The legend (Qt's own is hidden: see ChartLegend).
    ChartLegend* chartLegend() const { return m_legend; }
    // The note above the plot (wrapped to the chart's width, never cut short; hidden when
    // empty).
    QGraphicsTextItem* note() const { return m_note; }
    bool isLegendBeside() const { return m_legendBeside; }

public slots:
    // Makes the option current in the shared state, as clicking its curve or bar does.
    void selectOption(const QString& optionId);

protected:
    explicit StateChart(ui::ExplorerState& state, QGraphicsItem* parent);

    ui::ExplorerState& state() const { return m_state; }
    void resizeEvent(QGraphicsSceneResizeEvent* event) override;
    // Replaces the legend's entries and makes room for them.
    void setLegendEntries(const QList<LegendEntry>& entries);
    // Restyles the legend's and the note's text from the theme.
    void applyLegendTheme(const ui::Theme& theme);
    // Shows `text` above the plot, with `toolTip` on hovering it.
    void setNote(const QString& text, const QString& toolTip);

private:
    // Puts the legend under a wide chart and beside a narrow one, where a row of entries would
    // be cut short, the note above the plot, and keeps the chart's margins clear for both (and
    // for the top axis label, which reaches above the plot).
    void placeLegend(const QSizeF& size);

    ui::ExplorerState& m_state;
    ChartLegend* m_legend;
    QGraphicsTextItem* m_note;
    QMargins m_baseMargins;
    bool m_legendBeside = false;
};

// Shows a chart of type Chart (a StateChart) on screen. renderTo() draws a fresh Chart at the
// target's size, the same drawing as on screen without a view or window, so exports do not
// depend on the window.
template <typename Chart>
class StateChartView : public QChartView
{
public:
    // QChartView::chart(), typed: the view's chart is always a Chart.
    Chart* chart() const { return static_cast<Chart*>(QChartView::chart()); }
    void renderTo(QPainter& painter, const QRectF& target) const
    {
        renderTo(m_state, painter, target);
    }
    static void renderTo(ui::ExplorerState& state, QPainter& painter, const QRectF& target)
    {
        QGraphicsScene scene;
        auto chart = std::make_unique<Chart>(state);
        scene.addItem(chart.get());
        chart->layOut(target.size());
        scene.render(&painter, target, QRectF(QPointF(), target.size()));
        scene.removeItem(chart.get());
    }

protected:
    StateChartView(ui::ExplorerState& state, QWidget* parent)
        // The view owns the chart. (Constructed without one, it would make a default chart that
        // setChart() lets go of without deleting.)
        : QChartView(new Chart(state), parent)
        , m_state(state)
    {
        setRenderHint(QPainter::Antialiasing);
    }

private:
    ui::ExplorerState& m_state;
};

} // namespace ace::charts
