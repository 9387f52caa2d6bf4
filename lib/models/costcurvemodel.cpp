#include "models/costcurvemodel.h"

#include "catalog/catalog.h"
#include "cost/quantitytext.h"

#include <algorithm>
#include <limits>

namespace ace {

CostCurveModel::CostCurveModel(const Catalog& catalog, QObject* parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
    , m_results(std::make_shared<const CostResults>())
{}

void CostCurveModel::setResults(std::shared_ptr<const CostResults> results)
{
    Q_ASSERT(results);
    beginResetModel();
    m_results = std::move(results);
    m_breakEvens.clear();
    m_nearTies.clear();
    for (const Crossing& crossing : m_results->breakEvens.crossings)
        m_breakEvens.append(breakEvenOf(crossing));
    for (const NearTie& tie : m_results->breakEvens.nearTies)
        m_nearTies.append(nearTieRangeOf(tie));
    endResetModel();
}

NearTieRange CostCurveModel::nearTieRangeOf(const NearTie& tie) const
{
    return {tie, nearTieOptionNames(tie, m_catalog),
            //: A near tie: "EC2 instances and ECS on Fargate take turns as the
            //: cheapest, at most 25% apart, from 440,737,501 to 4,618,162,505
            //: requests/month".
            tr("%1, from %2 to %3 requests/month")
                .arg(nearTieText(tie, m_catalog), groupedNumber(double(tie.fromRequestsPerMonth)),
                     groupedNumber(double(tie.toRequestsPerMonth)))};
}

BreakEven CostCurveModel::breakEvenOf(const Crossing& crossing) const
{
    //: A break-even label: "Lambda functions → ECS on Fargate at 41.2M requests/month".
    return {crossing,
            tr("%1 → %2 at %3 requests/month")
                .arg(optionName(crossing.cheapestBelow), optionName(crossing.cheapestAbove),
                     shortQuantity(static_cast<double>(crossing.requestsPerMonth)))};
}

int CostCurveModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results->sweep.requestsPerMonth.size());
}

int CostCurveModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1 + static_cast<int>(m_results->sweep.optionIds.size());
}

QVariant CostCurveModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double requests = requestsAt(index.row());
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return groupedNumber(requests);
        case ValueRole:
            return requests;
        default:
            return {};
        }
    }
    const QString& optionId = optionIds().at(index.column() - 1);
    const std::optional<double> total =
        m_results->sweep.totals.at(index.column() - 1).at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return total ? money(*total, m_results->currency) : tr("not feasible");
    case ValueRole:
        return total ? QVariant(*total) : QVariant();
    case OptionIdRole:
        return optionId;
    default:
        return {};
    }
}

QVariant CostCurveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < rowCount() ? QVariant(section + 1) : QVariant();
    if (section == 0)
        return tr("Requests/month");
    return section < columnCount() ? QVariant(optionName(optionIds().at(section - 1))) : QVariant();
}

int CostCurveModel::columnOf(const QString& optionId) const
{
    const qsizetype position = optionIds().indexOf(optionId);
    return position < 0 ? -1 : static_cast<int>(position) + 1;
}

QString CostCurveModel::optionName(const QString& optionId) const
{
    const DeploymentOption* option = m_catalog.option(optionId);
    return option ? option->name : optionId;
}

std::optional<double> CostCurveModel::totalAt(int row, const QString& optionId) const
{
    const int column = columnOf(optionId);
    return column < 1 ? std::nullopt : m_results->sweep.totals.at(column - 1).at(row);
}

int CostCurveModel::rowAtOrBelow(double requestsPerMonth) const
{
    const QList<double>& volumes = m_results->sweep.requestsPerMonth;
    const auto above = std::upper_bound(volumes.cbegin(), volumes.cend(), requestsPerMonth);
    return std::max(0, static_cast<int>(above - volumes.cbegin()) - 1);
}

bool CostCurveModel::isFeasibleAnywhere(const QString& optionId) const
{
    const int column = columnOf(optionId);
    if (column < 1)
        return false;
    const QList<std::optional<double>>& totals = m_results->sweep.totals.at(column - 1);
    return std::any_of(totals.cbegin(), totals.cend(),
                       [](const std::optional<double>& total) { return total.has_value(); });
}

QString CostCurveModel::neverFeasibleReason(const QString& optionId) const
{
    return m_results->neverFeasibleReasons.value(optionId);
}

} // namespace ace
