#pragma once

#include "cost/costmodel.h"
#include "cost/workload.h"

#include <QAbstractTableModel>
#include <QList>

#include <array>

namespace ace {

class Catalog;
class PriceBook;

// "Requests", "Compute", "Control plane", ...: a kind's name in the bill breakdown.
QString lineItemKindName(LineItemKind kind);

// Why an infeasible estimate cannot be met. The cost model stops at the first reason, so the
// notes of an infeasible estimate are that reason and the assumptions that led to it.
QString infeasibleReasonOf(const Estimate& estimate);

// Each option's bill for one workload by kind of line item: one row per option in catalog
// order, one column per LineItemKind, then the total. Infeasible options have no amounts; their
// reason is available through InfeasibleReasonRole.
class CostBreakdownModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostBreakdownModel)

public:
    enum Role {
        AmountRole = Qt::UserRole + 1, // unrounded double; invalid when infeasible
        FeasibleRole,                  // bool, for the row's option
        InfeasibleReasonRole,          // empty when feasible
        OptionIdRole,
    };

    static constexpr int totalColumn = lineItemKindCount;

    CostBreakdownModel(const Catalog& catalog, const PriceBook& prices, QObject* parent = nullptr);

    const Workload& workload() const { return m_workload; }
    // Re-estimates every option for `workload`, as a model reset.
    void setWorkload(const Workload& workload);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QList<Estimate>& estimates() const { return m_estimates; }
    // The amount of `kind` in row `row`'s bill (0 when it has none or is infeasible).
    double amount(int row, LineItemKind kind) const;
    // Whether any option's bill has an amount of this kind (kinds no option pays are hidden).
    bool anyOptionPays(LineItemKind kind) const;

private:
    void recompute();

    const Catalog& m_catalog;
    const PriceBook& m_prices;
    Workload m_workload;
    QList<Estimate> m_estimates;
    // m_amounts[row][kind]
    QList<std::array<double, lineItemKindCount>> m_amounts;
};

} // namespace ace
