#pragma once

#include "cost/breakeven.h"
#include "cost/costcomparison.h"
#include "cost/costmodel.h"
#include "cost/workload.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ace {

class Catalog;
class PriceBook;

// Everything the explorer shows about what a workload costs, computed in one pass per change
// of the workload, the price book or the compared pair: every option's estimate, the sweep over
// request volume behind the cost curves, where the cheapest option changes, and, when two
// options are compared, the two side by side. Views read these numbers and never price
// anything themselves, so they cannot disagree and an edit is priced once.
struct CostResults
{
    // The sweep's volumes: enough for a smooth curve at any chart width, and a pass of all
    // options stays around a millisecond.
    static constexpr int defaultCurvePoints = 500;

    Workload workload;
    QString currency;          // the price book's, for every amount below
    QList<Estimate> estimates; // catalog order
    // Monthly totals at log-spaced volumes from fewestRequestsPerMonth to mostRequestsPerMonth,
    // everything else in the workload fixed.
    CostSweep sweep;
    // Where the cheapest of all options changes over the same range.
    BreakEvens breakEvens;
    // Why each option that runs at no volume of the sweep cannot: the reason at the workload's
    // own volume, or at the sweep's first when it can run that one (fixed capacity).
    QHash<QString, QString> neverFeasibleReasons;
    // The compared pair, when there is one.
    std::optional<CostComparison> comparison;

    // The estimate of an option (nullptr for one not in the results).
    const Estimate* estimateOf(const QString& optionId) const;
    // The cheapest feasible option at a point of the sweep (ties go to the earlier option in
    // catalog order); empty when none is feasible there.
    QString cheapestAt(int point) const;
    // Only the options the comparison compares, with the pair's own break-evens (where the
    // cheaper of the two changes) in place of all options': what a comparison's views show.
    // Empty results without a comparison.
    CostResults comparedPairOnly() const;
};

// Prices `workload` for every option of `catalog`, and compares the two options of
// `comparedOptionIds` when it names two (both must be in the catalog).
CostResults computeCostResults(const Catalog& catalog, const Workload& workload,
                               const PriceBook& prices, const QStringList& comparedOptionIds = {},
                               int curvePoints = CostResults::defaultCurvePoints);
// Whether `a` and `b` cost the same at every volume of the chart: they differ at most in their
// own request volume and their name. The sweep and the break-evens, which price every volume
// whatever the workload's own, are then the same for both.
bool sameAtEveryVolume(const Workload& a, const Workload& b);
// `previous` priced again for `workload`, the same as previous.workload at every volume
// (sameAtEveryVolume), at the same prices: new estimates and comparison, previous's sweep and
// break-evens. What dragging the requests slider needs, at a small part of the cost of
// computeCostResults (the sweep and the break-even search are most of it).
CostResults repricedAtVolume(const CostResults& previous, const Catalog& catalog,
                             const Workload& workload, const PriceBook& prices,
                             const QStringList& comparedOptionIds = {});
// `results` with the two options of `comparedOptionIds` compared (the estimates and the sweep
// as they are; no comparison unless it names two options of the results).
CostResults withComparison(CostResults results, const Catalog& catalog, const PriceBook& prices,
                           const QStringList& comparedOptionIds);

} // namespace ace
