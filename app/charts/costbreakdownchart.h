#pragma once

#include "charts/statechart.h"
#include "models/costbreakdownmodel.h"

#include <QList>

class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;
class QHorizontalStackedBarSeries;

namespace ace::charts {

class ChartLabel;

// Each option's monthly bill for the current workload as a horizontal bar stacked from its
// line items by kind (requests, duration, vCPU, ...), with the total at the bar's end. An
// infeasible option keeps its row, empty, with the reason. Follows the state's workload,
// selection and theme; clicking a bar selects its option.
class CostBreakdownChart final : public StateChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostBreakdownChart)

public:
    explicit CostBreakdownChart(ui::ExplorerState& state, QGraphicsItem* parent = nullptr);

    const CostBreakdownModel& model() const { return m_model; }

    QHorizontalStackedBarSeries* bars() const { return m_bars; }
    QBarSet* barSetOf(LineItemKind kind) const { return m_parts.at(static_cast<int>(kind)); }
    // The bar index of the option in `row` of the model: the catalog's first option is drawn
    // at the top, and bars count from the bottom.
    int barOf(int row) const { return m_model.rowCount() - 1 - row; }
    // The label at the end of each option's bar, in model rows: its total, or "not feasible"
    // with the reason as its tooltip.
    const QList<ChartLabel*>& totalLabels() const { return m_totalLabels; }
    // What hovering `kind` in `row`'s bar shows.
    QString toolTipText(int row, LineItemKind kind) const;

private:
    void followCostResults();
    // Row `row`'s charges before its discount: where its bar ends.
    double chargesBeforeDiscount(int row) const;
    void refill();
    void fitAmountAxis();
    void restyle();
    void updateLegend();
    void placeTotalLabels();

    CostBreakdownModel m_model;
    QHorizontalStackedBarSeries* m_bars;
    QList<QBarSet*> m_parts; // one per LineItemKind, in LineItemKind order
    QBarCategoryAxis* m_optionsAxis;
    QCategoryAxis* m_amountAxis;
    QList<ChartLabel*> m_totalLabels;
};

// The cost breakdown on screen. The view shows its own chart; renderTo() draws a fresh one at
// the target's size, so exports do not depend on the window.
class CostBreakdownChartView final : public StateChartView<CostBreakdownChart>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostBreakdownChartView)

public:
    explicit CostBreakdownChartView(ui::ExplorerState& state, QWidget* parent = nullptr)
        : StateChartView(state, parent)
    {}
};

} // namespace ace::charts
