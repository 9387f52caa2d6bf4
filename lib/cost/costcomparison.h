#pragma once

#include "cost/breakeven.h"
#include "cost/costmodel.h"

#include <optional>

namespace ace {

// What two options cost for one workload, side by side: both estimates, how far apart they
// are, and the request volumes at which the cheaper of the two changes.
struct CostComparison
{
    Estimate first;
    Estimate second;
    // second − first, and second ÷ first; nullopt unless both are feasible (and, for the
    // ratio, the first costs more than nothing).
    std::optional<double> difference;
    std::optional<double> ratio;
    // Where the cheaper of the two changes between 1,000 and 10 billion requests a month,
    // everything else in the workload fixed, for good (breakEvens) and where the two take turns
    // (nearTies): findBreakEvensAndNearTies over a catalog of the two.
    QList<Crossing> breakEvens;
    QList<NearTie> nearTies;
};

// Compares two options of `catalog` (both ids must exist) for `workload`.
CostComparison compareCosts(const Catalog& catalog, const Workload& workload,
                            const PriceBook& prices, const QString& firstOptionId,
                            const QString& secondOptionId);
// The two estimates side by side, their difference and ratio, without the break-even search
// (breakEvens and nearTies empty).
CostComparison compareTotals(const Estimate& first, const Estimate& second);
// The same from the two options' estimates for `workload`, already made: only the pair's
// break-even search prices anything.
CostComparison compareEstimates(const Catalog& catalog, const Workload& workload,
                                const PriceBook& prices, const Estimate& first,
                                const Estimate& second);

} // namespace ace
