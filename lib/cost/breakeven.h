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
struct CostSweep
{
    QList<double> requestsPerMonth; // ascending, log-spaced, first and last included
    QStringList optionIds;          // catalog order
    // totals[option][point]; nullopt where the option is infeasible.
    QList<QList<std::optional<double>>> totals;
};

CostSweep sweepRequests(const Catalog& catalog, const Workload& workload, const PriceBook& prices,
                        int points = 1000, double from = 1e3, double to = 1e10);

// A request volume at which the cheapest feasible option changes: `cheapestBelow` is cheapest
// at requestsPerMonth - 1, `cheapestAbove` at requestsPerMonth.
struct Crossing
{
    qint64 requestsPerMonth = 0;
    QString cheapestBelow;
    QString cheapestAbove;
};

// The cheapest feasible option at a request volume (ties go to the earlier catalog option);
// empty when no option is feasible.
QString cheapestOptionAt(const Catalog& catalog, const Workload& workload, const PriceBook& prices,
                         qint64 requestsPerMonth);

// The changes of the cheapest feasible option between `from` and `to` requests a month, found
// on a 1,000-point log sweep (a step of about 1.6% in volume) and refined by bisection to the
// exact request count (capacity is a step function, so there is one). Ordered by request
// count. Two changes within one sweep step that return to the same option (a sawtooth of two
// options whose capacity steps interleave) are below the sweep's resolution and not reported.
QList<Crossing> findBreakEvens(const Catalog& catalog, const Workload& workload,
                               const PriceBook& prices, double from = 1e3, double to = 1e10);

} // namespace ace
