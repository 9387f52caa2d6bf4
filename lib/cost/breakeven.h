#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace ace {

class Catalog;
class PriceBook;
struct Workload;

// The monthly total of every option at log-spaced request volumes, everything else in the
// workload unchanged: the data behind cost-versus-volume charts.
// The request volumes the cost curves, the sweeps and the break-even search cover (DESIGN.md
// §6): from a hobby project to a large public API. Everything that spans "all volumes" uses
// these two, so the chart, the comparison text and the command line agree.
inline constexpr double fewestRequestsPerMonth = 1e3;
inline constexpr double mostRequestsPerMonth = 1e10;

struct CostSweep
{
    QList<double> requestsPerMonth; // ascending, log-spaced, first and last included
    QStringList optionIds;          // catalog order
    // totals[option][point]; nullopt where the option is infeasible.
    QList<QList<std::optional<double>>> totals;
};

CostSweep sweepRequests(const Catalog& catalog, const Workload& workload, const PriceBook& prices,
                        int points = 1000, double from = fewestRequestsPerMonth,
                        double to = mostRequestsPerMonth);

// A request volume at which the cheapest feasible option changes: `cheapestBelow` is cheapest
// at requestsPerMonth - 1, `cheapestAbove` at requestsPerMonth.
struct Crossing
{
    qint64 requestsPerMonth = 0;
    QString cheapestBelow;
    QString cheapestAbove;
    // What `cheapestAbove` costs at requestsPerMonth (both options cost about this there).
    double monthlyTotal = 0;
};

// The cheapest feasible option at a request volume (ties go to the earlier catalog option);
// empty when no option is feasible.
QString cheapestOptionAt(const Catalog& catalog, const Workload& workload, const PriceBook& prices,
                         qint64 requestsPerMonth);

// Where the cheapest option alternates between a few options whose capacity steps interleave
// (EC2 instances buy capacity by the instance, ECS on Fargate by the task): one range instead
// of each flip, with how far apart the options get in it.
struct NearTie
{
    QStringList optionIds;           // catalog order
    qint64 fromRequestsPerMonth = 0; // the first change of the cheapest option in the range
    qint64 toRequestsPerMonth = 0;   // the last one: from here on one option is cheapest
    // The largest gap between the dearest and the cheapest of the options, as a percentage of
    // the cheapest, at the range's changes and sweep points (capacity steps make it jump).
    double maxGapPercent = 0;
    // The cheapest and the dearest monthly total of the options at those same volumes: the
    // band a chart draws for the range.
    double lowestTotal = 0;
    double highestTotal = 0;
};

// A change of the cheapest option counts as part of a near tie when the option it replaced
// (or another of the range's options) is cheapest again before the volume grows by this
// factor. Capacity steps make alternating options differ by up to one instance or task, which
// at a few instances is a quarter of the bill; a tolerance on the cost gap would either miss
// those alternations or merge real changes, so the gap is reported (maxGapPercent) instead.
// A lasting change holds for more than this factor of volume.
constexpr double nearTieVolumeFactor = 2.0;

struct BreakEvens
{
    // Lasting changes of the cheapest option, ordered by request count. A near tie that ends
    // with another option cheapest than before it has one, at its end.
    QList<Crossing> crossings;
    QList<NearTie> nearTies; // ordered, never overlapping
};

// The changes of the cheapest feasible option between `from` and `to` requests a month, found
// on a 1,000-point log sweep (a step of about 1.6% in volume) and refined by bisection to the
// exact request count (capacity is a step function, so there is one). Alternations are merged
// into near ties (nearTieVolumeFactor). Two changes within one sweep step that return to the
// same option (a sawtooth of two options whose capacity steps interleave) are below the
// sweep's resolution and not reported.
BreakEvens findBreakEvensAndNearTies(const Catalog& catalog, const Workload& workload,
                                     const PriceBook& prices, double from = fewestRequestsPerMonth,
                                     double to = mostRequestsPerMonth);

// "EC2 instances and ECS on Fargate take turns as the cheapest, at most 25% apart" ("the
// cheaper" when the catalog has just those two options, as a comparison's has)
QString nearTieText(const NearTie& tie, const Catalog& catalog);
// "From 440,737,501 to 4,618,162,505 requests a month, " + nearTieText() + ": their capacity
// steps decide which is cheaper at a given volume."
QString nearTieSentence(const NearTie& tie, const Catalog& catalog);
// "EC2 instances or ECS on Fargate"
QString nearTieOptionNames(const NearTie& tie, const Catalog& catalog);

// The lasting changes alone (findBreakEvensAndNearTies().crossings).
QList<Crossing> findBreakEvens(const Catalog& catalog, const Workload& workload,
                               const PriceBook& prices, double from = fewestRequestsPerMonth,
                               double to = mostRequestsPerMonth);

} // namespace ace
