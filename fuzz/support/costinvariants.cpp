#include "costinvariants.h"

#include "catalog/catalog.h"
#include "fuzzinput.h"
#include "pricing/pricebook.h"

#include <cmath>

namespace ace::fuzz {

namespace {

// Sums in another order than the model's may differ in the last bits.
bool nearlyEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

QString describe(std::optional<double> total)
{
    return total ? QString::number(*total, 'g', 17) : QStringLiteral("none");
}

QString at(const QString& optionId, double requestsPerMonth)
{
    return QStringLiteral("%1 at %2 requests a month")
        .arg(optionId, QString::number(requestsPerMonth, 'g', 17));
}

std::optional<double> totalAt(const Catalog& catalog, const QString& optionId,
                              const Workload& workload, const PriceBook& prices,
                              qint64 requestsPerMonth)
{
    Workload atVolume = workload;
    atVolume.requestsPerMonth = static_cast<double>(requestsPerMonth);
    return estimateMonthlyTotal(*catalog.option(optionId), atVolume, prices);
}

// A lasting change of the cheapest option among `catalog`'s options, checked against the
// model one request below it and at it.
void checkCrossing(const Crossing& crossing, const Catalog& catalog, const Workload& workload,
                   const PriceBook& prices)
{
    const qint64 volume = crossing.requestsPerMonth;
    const QString where = QStringLiteral("the break-even at %1 requests a month (%2 → %3)")
                              .arg(volume)
                              .arg(crossing.cheapestBelow, crossing.cheapestAbove);
    ACE_FUZZ_REQUIRE(volume > fewestRequestsPerMonth && volume <= mostRequestsPerMonth, where);
    ACE_FUZZ_REQUIRE(crossing.cheapestBelow != crossing.cheapestAbove, where);
    ACE_FUZZ_REQUIRE(
        catalog.option(crossing.cheapestBelow) && catalog.option(crossing.cheapestAbove), where);
    checkTotal(crossing.monthlyTotal, where);
    ACE_FUZZ_REQUIRE(cheapestOptionAt(catalog, workload, prices, volume - 1) ==
                         crossing.cheapestBelow,
                     where + QStringLiteral(": not the cheapest one request below"));
    ACE_FUZZ_REQUIRE(cheapestOptionAt(catalog, workload, prices, volume) == crossing.cheapestAbove,
                     where + QStringLiteral(": not the cheapest at it"));
    // Capacity steps make the two options' totals jump, so they need not be equal at the
    // crossing; what holds is that they swap order across it.
    const auto belowBefore = totalAt(catalog, crossing.cheapestBelow, workload, prices, volume - 1);
    const auto aboveBefore = totalAt(catalog, crossing.cheapestAbove, workload, prices, volume - 1);
    const auto belowAt = totalAt(catalog, crossing.cheapestBelow, workload, prices, volume);
    const auto aboveAt = totalAt(catalog, crossing.cheapestAbove, workload, prices, volume);
    ACE_FUZZ_REQUIRE(aboveAt && *aboveAt == crossing.monthlyTotal,
                     where + QStringLiteral(": the crossing says %1, the model %2")
                                 .arg(describe(crossing.monthlyTotal), describe(aboveAt)));
    ACE_FUZZ_REQUIRE(belowBefore && (!aboveBefore || *belowBefore <= *aboveBefore),
                     where + QStringLiteral(": one request below, %1 and %2")
                                 .arg(describe(belowBefore), describe(aboveBefore)));
    ACE_FUZZ_REQUIRE(
        !belowAt || *aboveAt <= *belowAt,
        where + QStringLiteral(": at it, %1 and %2").arg(describe(belowAt), describe(aboveAt)));
}

void checkNearTie(const NearTie& tie, const Catalog& catalog)
{
    const QString where = QStringLiteral("the near tie from %1 to %2 requests a month")
                              .arg(tie.fromRequestsPerMonth)
                              .arg(tie.toRequestsPerMonth);
    ACE_FUZZ_REQUIRE(tie.optionIds.size() >= 2, where);
    for (const QString& id : tie.optionIds)
        ACE_FUZZ_REQUIRE(catalog.option(id), where + QStringLiteral(": ") + id);
    ACE_FUZZ_REQUIRE(tie.fromRequestsPerMonth < tie.toRequestsPerMonth, where);
    ACE_FUZZ_REQUIRE(std::isfinite(tie.maxGapPercent) && tie.maxGapPercent >= 0,
                     where + QStringLiteral(": gap %1%").arg(tie.maxGapPercent));
    checkTotal(tie.lowestTotal, where);
    checkTotal(tie.highestTotal, where);
    ACE_FUZZ_REQUIRE(tie.lowestTotal <= tie.highestTotal, where);
}

void checkBreakEvens(const QList<Crossing>& crossings, const QList<NearTie>& nearTies,
                     const Catalog& catalog, const Workload& workload, const PriceBook& prices)
{
    for (qsizetype i = 0; i < crossings.size(); ++i) {
        checkCrossing(crossings.at(i), catalog, workload, prices);
        if (i > 0) {
            ACE_FUZZ_REQUIRE(crossings.at(i - 1).requestsPerMonth <
                                 crossings.at(i).requestsPerMonth,
                             QStringLiteral("break-evens out of order"));
        }
    }
    for (qsizetype i = 0; i < nearTies.size(); ++i) {
        checkNearTie(nearTies.at(i), catalog);
        if (i > 0) {
            ACE_FUZZ_REQUIRE(nearTies.at(i - 1).toRequestsPerMonth <
                                 nearTies.at(i).fromRequestsPerMonth,
                             QStringLiteral("near ties overlap or are out of order"));
        }
    }
}

} // namespace

void checkTotal(double total, const QString& where)
{
    ACE_FUZZ_REQUIRE(std::isfinite(total) && total >= 0,
                     where + QStringLiteral(": total %1").arg(describe(total)));
}

void checkEstimate(const Estimate& estimate, const DeploymentOption& option,
                   const Workload& workload, const PriceBook& prices)
{
    const QString where = at(option.id, workload.requestsPerMonth);
    ACE_FUZZ_REQUIRE(estimate.optionId == option.id, where);
    ACE_FUZZ_REQUIRE(estimate.feasible == estimate.monthlyTotal.has_value(),
                     where + QStringLiteral(": feasible %1, total %2")
                                 .arg(estimate.feasible)
                                 .arg(describe(estimate.monthlyTotal)));
    const std::optional<double> fast = estimateMonthlyTotal(option, workload, prices);
    if (!estimate.monthlyTotal) {
        ACE_FUZZ_REQUIRE(!infeasibleReasonOf(estimate).isEmpty(),
                         where + QStringLiteral(": infeasible without a reason"));
        ACE_FUZZ_REQUIRE(
            !fast,
            where + QStringLiteral(": infeasible, but the fast path says %1").arg(describe(fast)));
        return;
    }
    checkTotal(*estimate.monthlyTotal, where);
    ACE_FUZZ_REQUIRE(fast && *fast == *estimate.monthlyTotal,
                     where + QStringLiteral(": the estimate says %1, the fast path %2")
                                 .arg(describe(estimate.monthlyTotal), describe(fast)));
    double sum = 0;
    for (const LineItem& item : estimate.lineItems) {
        const QString line = where + QStringLiteral(": line item \"%1\" %2")
                                         .arg(item.label, QString::number(item.amount, 'g', 17));
        ACE_FUZZ_REQUIRE(std::isfinite(item.amount), line);
        ACE_FUZZ_REQUIRE(item.kind == LineItemKind::Discount ? item.amount <= 0 : item.amount >= 0,
                         line);
        sum += item.amount;
    }
    ACE_FUZZ_REQUIRE(nearlyEqual(sum, *estimate.monthlyTotal),
                     where + QStringLiteral(": the line items add up to %1, the total is %2")
                                 .arg(describe(sum), describe(estimate.monthlyTotal)));
}

void checkCostResults(const CostResults& results, const Catalog& catalog, const PriceBook& prices,
                      const QStringList& comparedOptionIds)
{
    const Workload& workload = results.workload;
    const QList<DeploymentOption>& options = catalog.options();
    ACE_FUZZ_REQUIRE(results.estimates.size() == options.size(), QStringLiteral("estimates"));
    for (qsizetype i = 0; i < options.size(); ++i)
        checkEstimate(results.estimates.at(i), options.at(i), workload, prices);

    const CostSweep& sweep = results.sweep;
    ACE_FUZZ_REQUIRE(sweep.optionIds.size() == options.size() &&
                         sweep.totals.size() == options.size(),
                     QStringLiteral("sweep columns"));
    for (qsizetype i = 0; i < sweep.optionIds.size(); ++i) {
        ACE_FUZZ_REQUIRE(sweep.totals.at(i).size() == sweep.requestsPerMonth.size(),
                         QStringLiteral("sweep points of ") + sweep.optionIds.at(i));
        bool feasibleSomewhere = false;
        for (qsizetype point = 0; point < sweep.requestsPerMonth.size(); ++point) {
            if (const std::optional<double>& total = sweep.totals.at(i).at(point)) {
                checkTotal(*total, QStringLiteral("the sweep: ") +
                                       at(sweep.optionIds.at(i), sweep.requestsPerMonth.at(point)));
                feasibleSomewhere = true;
            }
        }
        // An option that runs at no volume of the sweep says why.
        const QString reason = results.neverFeasibleReasons.value(sweep.optionIds.at(i));
        ACE_FUZZ_REQUIRE(feasibleSomewhere != !reason.isEmpty(),
                         sweep.optionIds.at(i) +
                             QStringLiteral(": never-feasible reason \"%1\"").arg(reason));
    }

    checkBreakEvens(results.breakEvens.crossings, results.breakEvens.nearTies, catalog, workload,
                    prices);

    if (comparedOptionIds.size() != 2) {
        ACE_FUZZ_REQUIRE(!results.comparison, QStringLiteral("a comparison nobody asked for"));
        return;
    }
    ACE_FUZZ_REQUIRE(results.comparison, QStringLiteral("no comparison"));
    const CostComparison& comparison = *results.comparison;
    const Estimate& first = comparison.first;
    const Estimate& second = comparison.second;
    ACE_FUZZ_REQUIRE(first.optionId == comparedOptionIds.at(0) &&
                         second.optionId == comparedOptionIds.at(1),
                     QStringLiteral("the compared pair"));
    ACE_FUZZ_REQUIRE(first.monthlyTotal == results.estimateOf(first.optionId)->monthlyTotal &&
                         second.monthlyTotal == results.estimateOf(second.optionId)->monthlyTotal,
                     QStringLiteral("the comparison's estimates differ from the results'"));
    const bool bothFeasible = first.monthlyTotal && second.monthlyTotal;
    ACE_FUZZ_REQUIRE(comparison.difference.has_value() == bothFeasible,
                     QStringLiteral("a difference without two totals, or none with them"));
    if (comparison.difference) {
        ACE_FUZZ_REQUIRE(
            std::isfinite(*comparison.difference) &&
                nearlyEqual(*comparison.difference, *second.monthlyTotal - *first.monthlyTotal),
            QStringLiteral("the difference %1").arg(*comparison.difference));
    }
    if (comparison.ratio) {
        ACE_FUZZ_REQUIRE(bothFeasible && *first.monthlyTotal > 0 &&
                             std::isfinite(*comparison.ratio) && *comparison.ratio >= 0,
                         QStringLiteral("the ratio %1").arg(*comparison.ratio));
    }
    checkBreakEvens(comparison.breakEvens, comparison.nearTies,
                    catalog.withOnlyOptions(comparedOptionIds), workload, prices);
}

} // namespace ace::fuzz
