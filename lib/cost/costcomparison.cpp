// Two options' costs side by side (issue 7: comparing two deployment options).
#include "cost/costcomparison.h"

#include "catalog/catalog.h"

namespace ace {

CostComparison compareCosts(const Catalog& catalog, const Workload& workload,
                            const PriceBook& prices, const QString& firstOptionId,
                            const QString& secondOptionId)
{
    // The same arithmetic as everywhere else, over a catalog of just the pair: its break-evens
    // are where the cheaper of the two changes, whatever the other options cost.
    const Catalog pair = catalog.withOnlyOptions({firstOptionId, secondOptionId});
    const DeploymentOption* first = pair.option(firstOptionId);
    const DeploymentOption* second = pair.option(secondOptionId);
    Q_ASSERT_X(first && second, "compareCosts", "both option ids must exist in the catalog");
    CostComparison comparison;
    if (!first || !second)
        return comparison; // a broken precondition; release builds must not crash on it

    comparison.first = estimateOption(*first, workload, prices);
    comparison.second = estimateOption(*second, workload, prices);
    const std::optional<double>& firstTotal = comparison.first.monthlyTotal;
    const std::optional<double>& secondTotal = comparison.second.monthlyTotal;
    if (firstTotal && secondTotal) {
        comparison.difference = *secondTotal - *firstTotal;
        if (*firstTotal > 0)
            comparison.ratio = *secondTotal / *firstTotal;
    }
    BreakEvens found = findBreakEvensAndNearTies(pair, workload, prices);
    comparison.breakEvens = std::move(found.crossings);
    comparison.nearTies = std::move(found.nearTies);
    return comparison;
}

} // namespace ace
