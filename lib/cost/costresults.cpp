// The one pass that prices a workload for every view (issue 13).
#include "cost/costresults.h"

#include "catalog/catalog.h"
#include "pricing/pricebook.h"

#include <algorithm>

namespace ace {

namespace {

bool feasibleAnywhere(const QList<std::optional<double>>& totals)
{
    return std::any_of(totals.cbegin(), totals.cend(),
                       [](const std::optional<double>& total) { return total.has_value(); });
}

// The columns of `sweep` for `optionIds`, in the sweep's order.
CostSweep sweepColumns(const CostSweep& sweep, const QStringList& optionIds)
{
    CostSweep columns;
    columns.requestsPerMonth = sweep.requestsPerMonth;
    for (qsizetype i = 0; i < sweep.optionIds.size(); ++i) {
        if (optionIds.contains(sweep.optionIds.at(i))) {
            columns.optionIds.append(sweep.optionIds.at(i));
            columns.totals.append(sweep.totals.at(i));
        }
    }
    return columns;
}

} // namespace

const Estimate* CostResults::estimateOf(const QString& optionId) const
{
    const auto found =
        std::find_if(estimates.cbegin(), estimates.cend(), [&optionId](const Estimate& estimate) {
            return estimate.optionId == optionId;
        });
    return found == estimates.cend() ? nullptr : &*found;
}

QString CostResults::cheapestAt(int point) const
{
    QString cheapest;
    std::optional<double> cheapestTotal;
    for (qsizetype i = 0; i < sweep.optionIds.size(); ++i) {
        const std::optional<double>& total = sweep.totals.at(i).at(point);
        if (total && (!cheapestTotal || *total < *cheapestTotal)) {
            cheapest = sweep.optionIds.at(i);
            cheapestTotal = total;
        }
    }
    return cheapest;
}

CostResults CostResults::comparedPairOnly() const
{
    CostResults pair;
    if (!comparison)
        return pair;
    const QStringList ids = {comparison->first.optionId, comparison->second.optionId};
    pair.workload = workload;
    pair.currency = currency;
    for (const Estimate& estimate : estimates) {
        if (ids.contains(estimate.optionId))
            pair.estimates.append(estimate);
    }
    pair.sweep = sweepColumns(sweep, ids);
    pair.breakEvens = {comparison->breakEvens, comparison->nearTies};
    for (const QString& id : ids) {
        if (neverFeasibleReasons.contains(id))
            pair.neverFeasibleReasons.insert(id, neverFeasibleReasons.value(id));
    }
    pair.comparison = comparison;
    return pair;
}

namespace {

// `results`, whose estimates and sweep are in, with why each option that never runs cannot.
CostResults withNeverFeasibleReasons(CostResults results, const Catalog& catalog,
                                     const PriceBook& prices)
{
    results.neverFeasibleReasons.clear();
    for (qsizetype i = 0; i < results.sweep.optionIds.size(); ++i) {
        if (feasibleAnywhere(results.sweep.totals.at(i)))
            continue;
        const Estimate& atWorkload = results.estimates.at(i);
        QString reason = infeasibleReasonOf(atWorkload);
        if (reason.isEmpty()) {
            // Fixed capacity can run the workload's own volume yet none of those charted.
            Workload atFirst = results.workload;
            atFirst.requestsPerMonth = results.sweep.requestsPerMonth.constFirst();
            reason = infeasibleReasonOf(estimateOption(catalog.options().at(i), atFirst, prices));
        }
        results.neverFeasibleReasons.insert(results.sweep.optionIds.at(i), reason);
    }
    return results;
}

} // namespace

CostResults computeCostResults(const Catalog& catalog, const Workload& workload,
                               const PriceBook& prices, const QStringList& comparedOptionIds,
                               int curvePoints)
{
    CostResults results;
    results.workload = workload;
    results.currency = prices.currency();
    results.estimates = estimateAll(catalog, workload, prices);
    results.sweep = sweepRequests(catalog, workload, prices, std::max(curvePoints, 2),
                                  fewestRequestsPerMonth, mostRequestsPerMonth);
    results.breakEvens = findBreakEvensAndNearTies(catalog, workload, prices);
    return withComparison(withNeverFeasibleReasons(std::move(results), catalog, prices), catalog,
                          prices, comparedOptionIds);
}

bool sameAtEveryVolume(const Workload& a, const Workload& b)
{
    Workload likeA = b;
    likeA.requestsPerMonth = a.requestsPerMonth;
    likeA.name = a.name;
    return likeA == a;
}

CostResults repricedAtVolume(const CostResults& previous, const Catalog& catalog,
                             const Workload& workload, const PriceBook& prices,
                             const QStringList& comparedOptionIds)
{
    Q_ASSERT(sameAtEveryVolume(previous.workload, workload));
    Q_ASSERT(previous.currency == prices.currency());
    CostResults results = previous;
    results.workload = workload;
    results.estimates = estimateAll(catalog, workload, prices);
    results = withNeverFeasibleReasons(std::move(results), catalog, prices);
    const std::optional<CostComparison>& before = previous.comparison;
    if (!before ||
        comparedOptionIds != QStringList{before->first.optionId, before->second.optionId})
        return withComparison(std::move(results), catalog, prices, comparedOptionIds);
    // The pair's break-evens, like everyone's, span every volume.
    CostComparison comparison = compareTotals(*results.estimateOf(comparedOptionIds.at(0)),
                                              *results.estimateOf(comparedOptionIds.at(1)));
    comparison.breakEvens = before->breakEvens;
    comparison.nearTies = before->nearTies;
    results.comparison = std::move(comparison);
    return results;
}

CostResults withComparison(CostResults results, const Catalog& catalog, const PriceBook& prices,
                           const QStringList& comparedOptionIds)
{
    results.comparison.reset();
    if (comparedOptionIds.size() != 2)
        return results;
    const Estimate* first = results.estimateOf(comparedOptionIds.at(0));
    const Estimate* second = results.estimateOf(comparedOptionIds.at(1));
    Q_ASSERT_X(first && second, "withComparison", "compared options must be in the results");
    if (first && second)
        results.comparison = compareEstimates(catalog, results.workload, prices, *first, *second);
    return results;
}

} // namespace ace
