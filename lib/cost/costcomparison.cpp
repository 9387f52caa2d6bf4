// Two options' costs side by side (issue 7: comparing two deployment options).
#include "cost/costcomparison.h"

#include "catalog/catalog.h"

namespace ace {

CostComparison compareCosts(const Catalog& catalog, const Workload& workload,
                            const PriceBook& prices, const QString& firstOptionId,
                            const QString& secondOptionId)
{
    const DeploymentOption* first = catalog.option(firstOptionId);
    const DeploymentOption* second = catalog.option(secondOptionId);
    Q_ASSERT_X(first && second, "compareCosts", "both option ids must exist in the catalog");
    if (!first || !second)
        return {}; // a broken precondition; release builds must not crash on it
    return compareEstimates(catalog, workload, prices, estimateOption(*first, workload, prices),
                            estimateOption(*second, workload, prices));
}

CostComparison compareTotals(const Estimate& first, const Estimate& second)
{
    CostComparison comparison{first, second, std::nullopt, std::nullopt, {}, {}};
    const std::optional<double>& firstTotal = comparison.first.monthlyTotal;
    const std::optional<double>& secondTotal = comparison.second.monthlyTotal;
    if (firstTotal && secondTotal) {
        comparison.difference = *secondTotal - *firstTotal;
        if (*firstTotal > 0)
            comparison.ratio = *secondTotal / *firstTotal;
    }
    return comparison;
}

CostComparison compareEstimates(const Catalog& catalog, const Workload& workload,
                                const PriceBook& prices, const Estimate& first,
                                const Estimate& second)
{
    CostComparison comparison = compareTotals(first, second);
    // The same arithmetic as everywhere else, over a catalog of just the pair: its break-evens
    // are where the cheaper of the two changes, whatever the other options cost.
    BreakEvens found = findBreakEvensAndNearTies(
        catalog.withOnlyOptions({first.optionId, second.optionId}), workload, prices);
    comparison.breakEvens = std::move(found.crossings);
    comparison.nearTies = std::move(found.nearTies);
    return comparison;
}

} // namespace ace
