// Sweeps over request volume and the break-even search (DESIGN.md §6).
#include "cost/breakeven.h"

#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "cost/workload.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

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
        m_lastCheapestTotal = cheapestTotal;
        return cheapest;
    }

    // The monthly total of the option the last at() found cheapest (0 when none was).
    double lastCheapestTotal() const { return m_lastCheapestTotal; }

    QString idOf(qsizetype index) const { return index < 0 ? QString() : m_options.at(index).id; }

    // The cheapest and the dearest feasible total of `options` at a volume (nullopt when none
    // is feasible).
    std::optional<std::pair<double, double>> spreadAt(const QList<qsizetype>& options,
                                                      qint64 requestsPerMonth)
    {
        m_workload.requestsPerMonth = static_cast<double>(requestsPerMonth);
        std::optional<std::pair<double, double>> spread;
        for (qsizetype option : options) {
            const std::optional<double> total =
                estimateMonthlyTotal(m_options.at(option), m_workload, m_prices);
            if (!total)
                continue;
            spread = spread ? std::pair(std::min(*total, spread->first),
                                        std::max(*total, spread->second))
                            : std::pair(*total, *total);
        }
        return spread;
    }

private:
    const QList<DeploymentOption>& m_options;
    Workload m_workload;
    const PriceBook& m_prices;
    double m_lastCheapestTotal = 0;
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

namespace {

// A change of the cheapest option, by catalog index.
struct Change
{
    qint64 requestsPerMonth = 0;
    qsizetype below = -1;
    qsizetype above = -1;
    double aboveTotal = 0; // what `above` costs at requestsPerMonth
};

// Every change of the cheapest option, however short-lived (see findBreakEvensAndNearTies).
QList<Change> allChanges(CheapestOption& cheapest, const QList<qint64>& volumes)
{
    QList<Change> changes;
    qint64 low = volumes.constFirst();
    qsizetype lowOption = cheapest.at(low);
    for (qsizetype i = 1; i < volumes.size(); ++i) {
        const qint64 high = volumes.at(i);
        const qsizetype highOption = cheapest.at(high);
        const double highTotal = cheapest.lastCheapestTotal();
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
            const double aboveTotal = above == high ? highTotal : cheapest.lastCheapestTotal();
            // A volume where nothing is feasible has no cheapest option to cross from or to.
            if (lowOption >= 0 && aboveOption >= 0)
                changes.append({above, lowOption, aboveOption, aboveTotal});
            low = above;
            lowOption = aboveOption;
        }
        low = high;
        lowOption = highOption;
    }
    return changes;
}

// The near tie of changes[first..last] (an alternation among `options`).
NearTie nearTieOf(CheapestOption& cheapest, const QList<Change>& changes, qsizetype first,
                  qsizetype last, QList<qsizetype> options, const QList<qint64>& volumes)
{
    std::sort(options.begin(), options.end());
    NearTie tie;
    for (qsizetype option : std::as_const(options))
        tie.optionIds.append(cheapest.idOf(option));
    tie.fromRequestsPerMonth = changes.at(first).requestsPerMonth;
    tie.toRequestsPerMonth = changes.at(last).requestsPerMonth;
    // The gap is widest just after a change (one option has just bought a step of capacity)
    // and otherwise grows between sweep points; look at both.
    QList<qint64> looked;
    for (qsizetype i = first; i <= last; ++i)
        looked.append(changes.at(i).requestsPerMonth);
    for (qint64 volume : volumes) {
        if (volume > tie.fromRequestsPerMonth && volume < tie.toRequestsPerMonth)
            looked.append(volume);
    }
    std::optional<std::pair<double, double>> band;
    for (qint64 volume : std::as_const(looked)) {
        const std::optional<std::pair<double, double>> spread = cheapest.spreadAt(options, volume);
        if (!spread)
            continue;
        if (spread->first > 0) {
            tie.maxGapPercent =
                std::max(tie.maxGapPercent, (spread->second - spread->first) / spread->first * 100);
        }
        band = band ? std::pair(std::min(band->first, spread->first),
                                std::max(band->second, spread->second))
                    : *spread;
    }
    if (band)
        std::tie(tie.lowestTotal, tie.highestTotal) = *band;
    return tie;
}

} // namespace

BreakEvens findBreakEvensAndNearTies(const Catalog& catalog, const Workload& workload,
                                     const PriceBook& prices, double from, double to)
{
    CheapestOption cheapest(catalog, workload, prices);
    QList<qint64> volumes;
    for (double volume : logSpaced(breakEvenSweepPoints, from, to)) {
        const auto rounded = static_cast<qint64>(std::llround(volume));
        if (volumes.isEmpty() || rounded > volumes.constLast())
            volumes.append(rounded);
    }
    const QList<Change> changes = allChanges(cheapest, volumes);
    const auto crossingOf = [&cheapest](const Change& change) {
        return Crossing{change.requestsPerMonth, cheapest.idOf(change.below),
                        cheapest.idOf(change.above), change.aboveTotal};
    };

    BreakEvens result;
    for (qsizetype first = 0; first < changes.size();) {
        // The run of changes from `first` that each bring back an option of the run soon
        // after the previous change.
        QList<qsizetype> options = {changes.at(first).below, changes.at(first).above};
        qsizetype last = first;
        while (last + 1 < changes.size()) {
            const Change& next = changes.at(last + 1);
            if (double(next.requestsPerMonth) >
                    double(changes.at(last).requestsPerMonth) * nearTieVolumeFactor ||
                !options.contains(next.above) || next.below != changes.at(last).above) {
                break;
            }
            ++last;
        }
        if (last == first) {
            result.crossings.append(crossingOf(changes.at(first)));
        } else {
            result.nearTies.append(nearTieOf(cheapest, changes, first, last, options, volumes));
            // Another option cheapest after the tie than before it: that change lasts.
            if (changes.at(last).above != changes.at(first).below)
                result.crossings.append(crossingOf(changes.at(last)));
        }
        first = last + 1;
    }
    return result;
}

namespace {

// "A", "A and B", "A, B and C" (`lastJoin` being " and " or " or ").
QString joinedNames(const NearTie& tie, const Catalog& catalog, const QString& lastJoin)
{
    QStringList names;
    for (const QString& id : tie.optionIds) {
        const DeploymentOption* option = catalog.option(id);
        names.append(option ? option->name : id);
    }
    const QString last = names.isEmpty() ? QString() : names.takeLast();
    return names.isEmpty() ? last : names.join(QStringLiteral(", ")) + lastJoin + last;
}

} // namespace

QString nearTieText(const NearTie& tie, const Catalog& catalog)
{
    // Between the only two options of a catalog (a comparison), one is the cheaper.
    const bool pair = catalog.options().size() == 2;
    return QStringLiteral("%1 take turns as the %2, at most %3% apart")
        .arg(joinedNames(tie, catalog, QStringLiteral(" and ")),
             pair ? QStringLiteral("cheaper") : QStringLiteral("cheapest"),
             QString::number(std::ceil(tie.maxGapPercent)));
}

QString nearTieSentence(const NearTie& tie, const Catalog& catalog)
{
    return QStringLiteral("From %1 to %2 requests a month, %3: their capacity steps decide "
                          "which is cheaper at a given volume.")
        .arg(groupedNumber(double(tie.fromRequestsPerMonth)),
             groupedNumber(double(tie.toRequestsPerMonth)), nearTieText(tie, catalog));
}

QString nearTieOptionNames(const NearTie& tie, const Catalog& catalog)
{
    return joinedNames(tie, catalog, QStringLiteral(" or "));
}

QList<Crossing> findBreakEvens(const Catalog& catalog, const Workload& workload,
                               const PriceBook& prices, double from, double to)
{
    return findBreakEvensAndNearTies(catalog, workload, prices, from, to).crossings;
}

} // namespace ace
