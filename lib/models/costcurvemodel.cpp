#include "models/costcurvemodel.h"

#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "models/costbreakdownmodel.h"

#include <algorithm>
#include <limits>

namespace ace {

CostCurveModel::CostCurveModel(const Catalog& catalog, const PriceBook& prices, int points,
                               QObject* parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
    , m_prices(prices)
    , m_points(std::max(points, 2))
{
    recompute();
}

void CostCurveModel::setWorkload(const Workload& workload)
{
    beginResetModel();
    m_workload = workload;
    recompute();
    endResetModel();
}

void CostCurveModel::recompute()
{
    m_sweep =
        sweepRequests(m_catalog, m_workload, m_prices, m_points, fewestRequests, mostRequests);
    m_breakEvens.clear();
    m_nearTies.clear();
    const BreakEvens found =
        findBreakEvensAndNearTies(m_catalog, m_workload, m_prices, fewestRequests, mostRequests);
    for (const Crossing& crossing : found.crossings)
        m_breakEvens.append(breakEvenOf(crossing));
    for (const NearTie& tie : found.nearTies)
        m_nearTies.append(nearTieRangeOf(tie));
}

NearTieRange CostCurveModel::nearTieRangeOf(const NearTie& tie) const
{
    NearTieRange range{
        tie, std::numeric_limits<double>::max(), 0, nearTieOptionNames(tie, m_catalog),
        //: A near tie: "EC2 instances and ECS on Fargate take turns as the
        //: cheapest, at most 25% apart, from 440,737,501 to 4,618,162,505
        //: requests/month".
        tr("%1, from %2 to %3 requests/month")
            .arg(nearTieText(tie, m_catalog), groupedNumber(double(tie.fromRequestsPerMonth)),
                 groupedNumber(double(tie.toRequestsPerMonth)))};
    const auto include = [&range](std::optional<double> total) {
        if (total) {
            range.lowestTotal = std::min(range.lowestTotal, *total);
            range.highestTotal = std::max(range.highestTotal, *total);
        }
    };
    Workload atVolume = m_workload;
    for (const QString& optionId : tie.optionIds) {
        const DeploymentOption* option = m_catalog.option(optionId);
        if (!option)
            continue;
        for (qint64 end : {tie.fromRequestsPerMonth, tie.toRequestsPerMonth}) {
            atVolume.requestsPerMonth = double(end);
            include(estimateMonthlyTotal(*option, atVolume, m_prices));
        }
        for (int row = rowAtOrBelow(double(tie.fromRequestsPerMonth)) + 1;
             row < rowCount() && requestsAt(row) < double(tie.toRequestsPerMonth); ++row) {
            include(totalAt(row, optionId));
        }
    }
    if (range.highestTotal < range.lowestTotal)
        range.lowestTotal = range.highestTotal;
    return range;
}

BreakEven CostCurveModel::breakEvenOf(const Crossing& crossing) const
{
    Workload atCrossing = m_workload;
    atCrossing.requestsPerMonth = static_cast<double>(crossing.requestsPerMonth);
    const DeploymentOption* cheaper = m_catalog.option(crossing.cheapestAbove);
    const std::optional<double> total =
        cheaper ? estimateMonthlyTotal(*cheaper, atCrossing, m_prices) : std::nullopt;
    //: A break-even label: "Lambda functions → ECS on Fargate at 41.2M requests/month".
    const QString label =
        tr("%1 → %2 at %3 requests/month")
            .arg(optionName(crossing.cheapestBelow), optionName(crossing.cheapestAbove),
                 shortQuantity(static_cast<double>(crossing.requestsPerMonth)));
    return {crossing, total.value_or(0), label};
}

int CostCurveModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sweep.requestsPerMonth.size());
}

int CostCurveModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1 + static_cast<int>(m_sweep.optionIds.size());
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
    const QString& optionId = m_sweep.optionIds.at(index.column() - 1);
    const std::optional<double> total = m_sweep.totals.at(index.column() - 1).at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return total ? money(*total, m_prices.currency()) : tr("not feasible");
    case ValueRole:
        return total ? QVariant(*total) : QVariant();
    case InfeasibleReasonRole:
        return total ? QString() : infeasibleReason(optionId, requests);
    case Qt::ToolTipRole:
        return total ? QVariant() : QVariant(infeasibleReason(optionId, requests));
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
    return section < columnCount() ? QVariant(optionName(m_sweep.optionIds.at(section - 1)))
                                   : QVariant();
}

int CostCurveModel::columnOf(const QString& optionId) const
{
    const qsizetype position = m_sweep.optionIds.indexOf(optionId);
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
    return column < 1 ? std::nullopt : m_sweep.totals.at(column - 1).at(row);
}

int CostCurveModel::rowAtOrBelow(double requestsPerMonth) const
{
    const QList<double>& volumes = m_sweep.requestsPerMonth;
    const auto above = std::upper_bound(volumes.cbegin(), volumes.cend(), requestsPerMonth);
    return std::max(0, static_cast<int>(above - volumes.cbegin()) - 1);
}

bool CostCurveModel::isFeasibleAnywhere(const QString& optionId) const
{
    const int column = columnOf(optionId);
    if (column < 1)
        return false;
    const QList<std::optional<double>>& totals = m_sweep.totals.at(column - 1);
    return std::any_of(totals.cbegin(), totals.cend(),
                       [](const std::optional<double>& total) { return total.has_value(); });
}

QString CostCurveModel::infeasibleReason(const QString& optionId, double requestsPerMonth) const
{
    const DeploymentOption* option = m_catalog.option(optionId);
    if (!option)
        return {};
    Workload atVolume = m_workload;
    atVolume.requestsPerMonth = requestsPerMonth;
    const Estimate estimate = estimateOption(*option, atVolume, m_prices);
    return estimate.feasible ? QString() : infeasibleReasonOf(estimate);
}

} // namespace ace
