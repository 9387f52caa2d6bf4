#include "models/costbreakdownmodel.h"

#include "cost/quantitytext.h"

#include <algorithm>

namespace ace {

CostBreakdownModel::CostBreakdownModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_results(std::make_shared<const CostResults>())
{}

void CostBreakdownModel::setResults(std::shared_ptr<const CostResults> results)
{
    Q_ASSERT(results);
    beginResetModel();
    m_results = std::move(results);
    m_amounts.clear();
    for (const Estimate& estimate : m_results->estimates) {
        std::array<double, lineItemKindCount> amounts{};
        for (const LineItem& item : estimate.lineItems)
            amounts.at(static_cast<size_t>(item.kind)) += item.amount;
        m_amounts.append(amounts);
    }
    endResetModel();
}

int CostBreakdownModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(estimates().size());
}

int CostBreakdownModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : totalColumn + 1;
}

double CostBreakdownModel::amount(int row, LineItemKind kind) const
{
    return m_amounts.at(row).at(static_cast<size_t>(kind));
}

bool CostBreakdownModel::anyOptionPays(LineItemKind kind) const
{
    return std::any_of(m_amounts.cbegin(), m_amounts.cend(), [kind](const auto& amounts) {
        return amounts.at(static_cast<size_t>(kind)) != 0;
    });
}

QVariant CostBreakdownModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Estimate& estimate = estimates().at(index.row());
    const std::optional<double> value =
        !estimate.feasible ? std::nullopt
        : index.column() == totalColumn
            ? estimate.monthlyTotal
            : std::optional<double>(amount(index.row(), static_cast<LineItemKind>(index.column())));
    switch (role) {
    case Qt::DisplayRole:
        return value ? money(*value, m_results->currency) : tr("not feasible");
    case Qt::ToolTipRole:
        return estimate.feasible ? QVariant() : QVariant(infeasibleReasonOf(estimate));
    case AmountRole:
        return value ? QVariant(*value) : QVariant();
    case FeasibleRole:
        return estimate.feasible;
    case InfeasibleReasonRole:
        return infeasibleReasonOf(estimate);
    case OptionIdRole:
        return estimate.optionId;
    default:
        return {};
    }
}

QVariant CostBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < rowCount() ? QVariant(estimates().at(section).optionName) : QVariant();
    if (section == totalColumn)
        return tr("Total");
    return section < totalColumn ? QVariant(lineItemKindName(static_cast<LineItemKind>(section)))
                                 : QVariant();
}

} // namespace ace
