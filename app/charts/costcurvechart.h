#pragma once

#include "charts/stateplot.h"
#include "models/costcurvemodel.h"

#include <QHash>
#include <QList>

class QCategoryAxis;
class QLineSeries;
class QScatterSeries;

namespace ace::charts {

class PlateLabel;

// Monthly cost of every option against requests a month, both on log scales: one curve per
// option (capacity steps drawn as steps; infeasible stretches left as gaps), the break-evens
// marked and labelled, and the current workload's volume marked. Follows the state's workload,
// selection and theme; clicking a curve selects its option.
//
// The plot works in decades: x = log10(requests), y = log10(money), so both axes can carry
// readable labels (1k, 1M; $1, $1k) that Qt's log axis cannot format.
class CostCurvePlot final : public StatePlot
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostCurvePlot)

public:
    explicit CostCurvePlot(ui::ExplorerState& state, QGraphicsItem* parent = nullptr);

    const CostCurveModel& model() const { return m_model; }

    // The curves of an option, one per feasible stretch (none when it is never feasible).
    QList<QLineSeries*> curvesOf(const QString& optionId) const;
    // Every option curve, in catalog order.
    QList<QLineSeries*> curves() const;
    QScatterSeries* breakEvenMarkers() const { return m_breakEvenMarkers; }
    QLineSeries* workloadMarker() const { return m_workloadMarker; }
    const QList<PlateLabel*>& breakEvenLabels() const { return m_breakEvenLabels; }
    // The point in chart coordinates where `total` at `requestsPerMonth` is drawn.
    QPointF positionOf(double requestsPerMonth, double total);
    // Plot coordinates (decades) of a volume and an amount, clamped to the visible range.
    QPointF plotPointOf(double requestsPerMonth, double total) const;
    // What hovering `optionId`'s curve at `requestsPerMonth` shows.
    QString toolTipText(const QString& optionId, double requestsPerMonth) const;

private:
    void showBreakEvenToolTip(const QPointF& plotPoint, bool hovering);
    void followWorkload();
    void refill();
    void fitAmountAxis();
    void fillCurves(const QString& optionId);
    QLineSeries* addCurve(const QString& optionId);
    void fillMarkers();
    void restyle();
    void placeAnnotations();
    void placeBreakEvenLabels();
    // False if some label found no room (and was hidden).
    bool tryToPlaceBreakEvenLabels();
    void showToolTip(const QString& optionId, const QPointF& plotPoint, bool hovering);

    CostCurveModel m_model;
    QCategoryAxis* m_requestsAxis;
    QCategoryAxis* m_amountAxis;
    QHash<QString, QList<QLineSeries*>> m_curves;
    QScatterSeries* m_breakEvenMarkers;
    QLineSeries* m_workloadMarker;
    QList<PlateLabel*> m_breakEvenLabels;
    PlateLabel* m_workloadLabel;
    // The amount axis's range, in decades of money.
    double m_lowestDecade = 0;
    double m_highestDecade = 1;
};

// The cost curves on screen. The view shows its own plot; renderTo() draws a fresh one at the
// target's size, so exports do not depend on the window.
class CostCurveChart final : public PlotView<CostCurvePlot>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostCurveChart)

public:
    explicit CostCurveChart(ui::ExplorerState& state, QWidget* parent = nullptr)
        : PlotView(state, parent)
    {}
};

} // namespace ace::charts
