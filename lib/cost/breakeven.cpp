// Sweeps over request volume and the break-even search (DESIGN.md §6).
#include "cost/breakeven.h"

#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/workload.h"

#include <cmath>

namespace ace {

namespace {

constexpr int breakEvenSweepPoints = 1000;

QList<double> logSpaced(int points, double from, double to)
{
    QList<double> values;
    values.reserve(points);
    const double logFrom = std::log10(from);
    const double step = points > 1 ? (std::log10(to) - logFrom) / (points - 1) : 0;
    for (int i = 0; i < points; ++i)
        values.append(i == points - 1 ? to : std::pow(10.0, logFrom + step * i));
    return values;
}

// Answers "which option is cheapest at N requests?" for one workload, reusing one copy of it.
class CheapestOption
{
public:
    CheapestOption(const Catalog& catalog, const Workload& workload, const PriceBook& prices)
        : m_options(catalog.options())
        , m_workload(workload)
        , m_prices(prices)
    {}

    // The index of the cheapest feasible option, or -1 when none is feasible.
    qsizetype at(qint64 requestsPerMonth)
    {
        m_workload.requestsPerMonth = static_cast<double>(requestsPerMonth);
        qsizetype cheapest = -1;
        double cheapestTotal = 0;
        for (qsizetype i = 0; i < m_options.size(); ++i) {
            const std::optional<double> total =
                estimateMonthlyTotal(m_options.at(i), m_workload, m_prices);
            if (total && (cheapest < 0 || *total < cheapestTotal)) {
                cheapest = i;
                cheapestTotal = *total;
            }
        }
        return cheapest;
    }

    QString idOf(qsizetype index) const { return index < 0 ? QString() : m_options.at(index).id; }

private:
    const QList<DeploymentOption>& m_options;
    Workload m_workload;
    const PriceBook& m_prices;
};

} // namespace

CostSweep sweepRequests(const Catalog& catalog, const Workload& workload, const PriceBook& prices,
                        int points, double from, double to)
{
    CostSweep sweep;
    sweep.requestsPerMonth = logSpaced(points, from, to);
    Workload atVolume = workload;
    for (const DeploymentOption& option : catalog.options()) {
        sweep.optionIds.append(option.id);
        QList<std::optional<double>> totals;
        totals.reserve(points);
        for (double requests : std::as_const(sweep.requestsPerMonth)) {
            atVolume.requestsPerMonth = requests;
            totals.append(estimateMonthlyTotal(option, atVolume, prices));
        }
        sweep.totals.append(totals);
    }
    return sweep;
}

QString cheapestOptionAt(const Catalog& catalog, const Workload& workload, const PriceBook& prices,
                         qint64 requestsPerMonth)
{
    CheapestOption cheapest(catalog, workload, prices);
    return cheapest.idOf(cheapest.at(requestsPerMonth));
}

QList<Crossing> findBreakEvens(const Catalog& catalog, const Workload& workload,
                               const PriceBook& prices, double from, double to)
{
    CheapestOption cheapest(catalog, workload, prices);
    QList<qint64> volumes;
    for (double volume : logSpaced(breakEvenSweepPoints, from, to)) {
        const auto rounded = static_cast<qint64>(std::llround(volume));
        if (volumes.isEmpty() || rounded > volumes.constLast())
            volumes.append(rounded);
    }

    QList<Crossing> crossings;
    qint64 low = volumes.constFirst();
    qsizetype lowOption = cheapest.at(low);
    for (qsizetype i = 1; i < volumes.size(); ++i) {
        const qint64 high = volumes.at(i);
        const qsizetype highOption = cheapest.at(high);
        // Between two sweep points the cheapest option may change more than once: find the
        // first change by bisection, then look again from there up to `high`.
        while (lowOption != highOption) {
            qint64 below = low;
            qint64 above = high;
            while (above - below > 1) {
                const qint64 middle = below + (above - below) / 2;
                if (cheapest.at(middle) == lowOption)
                    below = middle;
                else
                    above = middle;
            }
            const qsizetype aboveOption = above == high ? highOption : cheapest.at(above);
            // A volume where nothing is feasible has no cheapest option to cross from or to.
            if (lowOption >= 0 && aboveOption >= 0)
                crossings.append({above, cheapest.idOf(lowOption), cheapest.idOf(aboveOption)});
            low = above;
            lowOption = aboveOption;
        }
        low = high;
        lowOption = highOption;
    }
    return crossings;
}

} // namespace ace
