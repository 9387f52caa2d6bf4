#pragma once

#include "charts/statechart.h"
#include "models/costcurvemodel.h"

#include <QHash>
#include <QLineF>
#include <QList>

#include <optional>

class QCategoryAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QLineSeries;
class QScatterSeries;

namespace ace::charts {

class ChartLabel;

// Monthly cost of every option against requests a month, both on log scales: one curve per
// option (capacity steps drawn as steps; infeasible stretches left as gaps), the lasting
// break-evens marked and labelled, near ties shaded as one band each, and the current
// workload's volume marked. Follows the state's workload, selection and theme; clicking a
// curve selects its option, and hovering the plot reads out every option's total there.
//
// The plot works in decades: x = log10(requests), y = log10(money), so both axes can carry
// readable labels (1k, 1M; $1, $1k) that Qt's log axis cannot format. Amounts below the
// lowest decade (a free tier's $0) are drawn on its floor, which is labelled "≤" that amount.
class CostCurveChart final : public StateChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostCurveChart)

public:
    explicit CostCurveChart(ui::ExplorerState& state, QGraphicsItem* parent = nullptr);

    const CostCurveModel& model() const { return m_model; }

    // The curves of an option, one per feasible stretch (none when it is never feasible).
    QList<QLineSeries*> curvesOf(const QString& optionId) const;
    // Every option curve, in catalog order.
    QList<QLineSeries*> curves() const;
    // Every straight piece of every curve, in chart coordinates.
    QList<QLineF> curveSegments() const;
    QScatterSeries* breakEvenMarkers() const { return m_breakEvenMarkers; }
    QLineSeries* workloadMarker() const { return m_workloadMarker; }
    const QList<ChartLabel*>& breakEvenLabels() const { return m_breakEvenLabels; }
    // The line from each break-even label to its marker, shown where the label had to move
    // away from it.
    const QList<QGraphicsLineItem*>& breakEvenLeaders() const { return m_breakEvenLeaders; }
    // One band and one label per near tie (model().nearTies() order).
    const QList<QGraphicsRectItem*>& nearTieBands() const { return m_nearTieBands; }
    const QList<ChartLabel*>& nearTieLabels() const { return m_nearTieLabels; }
    ChartLabel* workloadLabel() const { return m_workloadLabel; }
    QCategoryAxis* amountAxis() const { return m_amountAxis; }
    QCategoryAxis* requestsAxis() const { return m_requestsAxis; }
    // The point in chart coordinates where `total` at `requestsPerMonth` is drawn.
    QPointF positionOf(double requestsPerMonth, double total);
    // Plot coordinates (decades) of a volume and an amount, clamped to the visible range.
    QPointF plotPointOf(double requestsPerMonth, double total) const;
    // Every option's total at `requestsPerMonth` (the sample at or below it).
    QString readOutText(double requestsPerMonth) const;
    // What hovering the plot at `position` (chart coordinates) shows: the break-even under it,
    // or the read-out of the volume there, after the near tie it falls in.
    QString toolTipAt(const QPointF& position);

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void followCostResults();
    void refill();
    void fitAmountAxis();
    void fillCurves(const QString& optionId);
    QLineSeries* addCurve(const QString& optionId);
    void fillMarkers();
    // The workload's label, whole and then shorter.
    QStringList workloadLabelTexts() const;
    void fillNearTies();
    // The theme on the chart, its legend and its items (the theme or the current option changed).
    void restyle();
    // The theme on the chart and its legend, not on what they hold.
    void applyChartTheme();
    // The theme on the curves, markers and labels alone: new ones come with every refill, and
    // the chart's own styling would lay it out again.
    void styleItems();
    void updateLegend();
    void updateNote();
    void placeAnnotations();
    void setRequestDecades();
    void setAmountDecades();
    static QString amountAxisTitle();
    // Labels every decade on each axis if the plot has room for it, else every second, third,
    // ... (new labels lay the chart out again), and shows the amount axis's title if it fits.
    void thinAxisLabels();
    // Puts `label` at the first of `places` (its top-left corners) inside the plot and clear of
    // `taken`, preferring one clear of the curves too; hides it if none is.
    bool placeLabel(ChartLabel* label, const QList<QPointF>& places, QList<QRectF>& taken,
                    const QList<QLineF>& segments);
    // False if some break-even label found no room (and was hidden).
    bool tryToPlaceBreakEvenLabels(QList<QRectF> taken, const QList<QLineF>& segments);
    void leadLabelsToMarkers();

    CostCurveModel m_model;
    QCategoryAxis* m_requestsAxis;
    QCategoryAxis* m_amountAxis;
    QHash<QString, QList<QLineSeries*>> m_curves;
    QScatterSeries* m_breakEvenMarkers;
    QLineSeries* m_workloadMarker;
    QList<ChartLabel*> m_breakEvenLabels;
    QList<QGraphicsLineItem*> m_breakEvenLeaders;
    QList<QGraphicsRectItem*> m_nearTieBands;
    QList<ChartLabel*> m_nearTieLabels;
    ChartLabel* m_workloadLabel;
    // The amount axis's range, in decades of money, and whether something is drawn on its
    // floor that costs less.
    double m_lowestDecade = 0;
    double m_highestDecade = 1;
    bool m_floorHoldsLess = false;
    int m_decadesPerAmountLabel = 1;
    int m_decadesPerRequestsLabel = 1;
    bool m_showingReadOut = false;
};

// The cost curves on screen. The view shows its own chart; renderTo() draws a fresh one at the
// target's size, so exports do not depend on the window.
class CostCurveChartView final : public StateChartView<CostCurveChart>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostCurveChartView)

public:
    explicit CostCurveChartView(ui::ExplorerState& state, QWidget* parent = nullptr)
        : StateChartView(state, parent)
    {}
};

} // namespace ace::charts
