#pragma once

#include "cost/costresults.h"

#include <QAbstractTableModel>
#include <QList>

#include <array>
#include <memory>

namespace ace {

// Each option's bill for one workload (of its cost results) by kind of line item: one row per
// option in catalog order, one column per LineItemKind, then the total. Infeasible options have no
// amounts; their reason is available through InfeasibleReasonRole.
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

    explicit CostBreakdownModel(QObject* parent = nullptr);

    const Workload& workload() const { return m_results->workload; }
    // Shows the estimates of `results`, as a model reset.
    void setResults(std::shared_ptr<const CostResults> results);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QList<Estimate>& estimates() const { return m_results->estimates; }
    // The amount of `kind` in row `row`'s bill (0 when it has none or is infeasible).
    double amount(int row, LineItemKind kind) const;
    // Whether any option's bill has an amount of this kind (kinds no option pays are hidden).
    bool anyOptionPays(LineItemKind kind) const;

private:
    std::shared_ptr<const CostResults> m_results;
    // m_amounts[row][kind]
    QList<std::array<double, lineItemKindCount>> m_amounts;
};

} // namespace ace
