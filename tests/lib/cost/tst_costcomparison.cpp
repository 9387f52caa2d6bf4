// Two options' costs side by side: the same estimates as the cost model, how far apart they
// are, and the exact request volumes where the cheaper of the two changes.
#include "catalog/catalog.h"
#include "cost/costcomparison.h"
#include "cost/workload.h"
#include "optionids.h"
#include "pricing/pricebook.h"

#include <QTest>

using namespace ace;
using namespace ace::test::optionids;

namespace {

// A preset as version 1 of the file wrote it: the numbers below stay those of its workload,
// whatever the shipped preset becomes.
Workload preset(const QString& id)
{
    return Workload::load(
        QStringLiteral(ACE_SOURCE_DIR "/tests/data/version1-presets/%1.json").arg(id));
}

void verifySameEstimate(const Estimate& actual, const Estimate& expected)
{
    QCOMPARE(actual.optionId, expected.optionId);
    QCOMPARE(actual.optionName, expected.optionName);
    QCOMPARE(actual.feasible, expected.feasible);
    QCOMPARE(actual.monthlyTotal, expected.monthlyTotal);
    QCOMPARE(actual.notes, expected.notes);
    QCOMPARE(actual.lineItems.size(), expected.lineItems.size());
    for (qsizetype i = 0; i < expected.lineItems.size(); ++i) {
        const LineItem& a = actual.lineItems.at(i);
        const LineItem& e = expected.lineItems.at(i);
        QCOMPARE(a.kind, e.kind);
        QCOMPARE(a.label, e.label);
        QCOMPARE(a.quantity, e.quantity);
        QCOMPARE(a.unit, e.unit);
        QCOMPARE(a.rate, e.rate);
        QCOMPARE(a.amount, e.amount);
    }
    QCOMPARE(actual.capacity.tasks, expected.capacity.tasks);
    QCOMPARE(actual.capacity.instances, expected.capacity.instances);
    QCOMPARE(actual.capacity.clusters, expected.capacity.clusters);
}

} // namespace

class TestCostComparison : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheCostModel_data();
    void matchesTheCostModel();
    void lambdaAgainstFargateCrossesOnceForTheAlwaysOnApi();
    void optionsThatCostTheSameNeverCross();
    void instancesAndTasksTakeTurnsForKubernetesMicroservices();
    void anInfeasibleOptionHasNoDifference();
    void aFreeFirstOptionHasNoRatio();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestCostComparison::matchesTheCostModel_data()
{
    QTest::addColumn<QString>("presetId");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    const QList<QPair<QString, QString>> pairs = {
        {lambda, ecsFargate}, {ecsFargate, lambda},     {ecsEc2, eksEc2},
        {ec2, eksFargate},    {ecsFargate, eksFargate}, {eksEc2, lambda},
    };
    for (const WorkloadPreset& workload : builtInWorkloadPresets()) {
        for (const auto& [first, second] : pairs) {
            QTest::addRow("%s: %s vs %s", qPrintable(workload.id), qPrintable(first),
                          qPrintable(second))
                << workload.id << first << second;
        }
    }
}

void TestCostComparison::matchesTheCostModel()
{
    QFETCH(QString, presetId);
    QFETCH(QString, first);
    QFETCH(QString, second);
    const Workload workload = preset(presetId);
    const CostComparison comparison = compareCosts(m_catalog, workload, m_prices, first, second);

    // The estimates are the cost model's, unchanged.
    verifySameEstimate(comparison.first,
                       estimateOption(*m_catalog.option(first), workload, m_prices));
    verifySameEstimate(comparison.second,
                       estimateOption(*m_catalog.option(second), workload, m_prices));

    // How far apart they are, when both can run the workload.
    const std::optional<double> firstTotal = comparison.first.monthlyTotal;
    const std::optional<double> secondTotal = comparison.second.monthlyTotal;
    QCOMPARE(comparison.difference.has_value(), firstTotal && secondTotal);
    if (comparison.difference)
        QCOMPARE(*comparison.difference, *secondTotal - *firstTotal);
    QCOMPARE(comparison.ratio.has_value(), firstTotal && secondTotal && *firstTotal > 0);
    if (comparison.ratio)
        QCOMPARE(*comparison.ratio, *secondTotal / *firstTotal);

    // Each break-even is exact: one request fewer and the other option was the cheaper one
    // (ties go to the first, as the pair's catalog lists it first).
    Workload atVolume = workload;
    const auto totalAt = [&](const QString& id, qint64 requests) {
        atVolume.requestsPerMonth = static_cast<double>(requests);
        return estimateMonthlyTotal(*m_catalog.option(id), atVolume, m_prices);
    };
    const auto cheaperAt = [&](qint64 requests) {
        const std::optional<double> a = totalAt(first, requests);
        const std::optional<double> b = totalAt(second, requests);
        if (!a || !b)
            return a ? first : b ? second : QString();
        return *a <= *b ? first : second;
    };
    qint64 previous = 0;
    for (const Crossing& crossing : comparison.breakEvens) {
        QVERIFY(crossing.requestsPerMonth > previous);
        QVERIFY(crossing.requestsPerMonth >= 1000 && crossing.requestsPerMonth <= 10'000'000'000);
        QVERIFY((crossing.cheapestBelow == first && crossing.cheapestAbove == second) ||
                (crossing.cheapestBelow == second && crossing.cheapestAbove == first));
        QCOMPARE(cheaperAt(crossing.requestsPerMonth - 1), crossing.cheapestBelow);
        QCOMPARE(cheaperAt(crossing.requestsPerMonth), crossing.cheapestAbove);
        previous = crossing.requestsPerMonth;
    }
}

void TestCostComparison::lambdaAgainstFargateCrossesOnceForTheAlwaysOnApi()
{
    // tst_breakeven works the numbers: Lambda costs N × $0.0000006166675 − $6.86668 above the
    // free tier, two Fargate tasks $36.040392, equal at N = 69,578,941.65. Fargate then adds a
    // task ($18.02) every 78,840,000 requests, which Lambda charges $48.6 for: Lambda never
    // catches up again. Among all six options EC2 takes over at 236,520,001; between these
    // two that is no change.
    const Workload workload = preset(QStringLiteral("always-on-api"));
    const CostComparison comparison =
        compareCosts(m_catalog, workload, m_prices, lambda, ecsFargate);
    QCOMPARE(comparison.breakEvens.size(), 1);
    QCOMPARE(comparison.breakEvens.at(0).requestsPerMonth, Q_INT64_C(69578942));
    QCOMPARE(comparison.breakEvens.at(0).cheapestBelow, lambda);
    QCOMPARE(comparison.breakEvens.at(0).cheapestAbove, ecsFargate);

    // At the preset's 50 million requests Lambda is the cheaper of the two.
    QVERIFY(comparison.difference && *comparison.difference > 0);
    QVERIFY(comparison.ratio && *comparison.ratio > 1);

    // The other way round: the same volume, the same two options, the sign of the gap flips.
    const CostComparison swapped = compareCosts(m_catalog, workload, m_prices, ecsFargate, lambda);
    QCOMPARE(swapped.breakEvens.size(), 1);
    QCOMPARE(swapped.breakEvens.at(0).requestsPerMonth, Q_INT64_C(69578942));
    QCOMPARE(swapped.breakEvens.at(0).cheapestBelow, lambda);
    QCOMPARE(*swapped.difference, -*comparison.difference);
    QCOMPARE(*swapped.ratio, 1 / *comparison.ratio);
}

void TestCostComparison::optionsThatCostTheSameNeverCross()
{
    // ECS and EKS pack the same tasks onto the same instances; ECS is free and EKS adds its
    // cluster fee, 730 h × $0.10 = $73, at every volume: the cheaper of the two never changes.
    const Workload workload = preset(QStringLiteral("kubernetes-microservices"));
    const CostComparison comparison = compareCosts(m_catalog, workload, m_prices, ecsEc2, eksEc2);
    QVERIFY(comparison.difference);
    QCOMPARE(*comparison.difference, 730 * 0.10);
    QVERIFY(comparison.breakEvens.isEmpty());
}

void TestCostComparison::instancesAndTasksTakeTurnsForKubernetesMicroservices()
{
    // m5.large instances and Fargate tasks both grow in steps: from 440,737,501 requests one
    // and then the other is the cheaper (as among all six options, tst_breakeven), until EC2
    // stays the cheaper from 4,618,162,505. Between the two, a near tie and one lasting change.
    const Workload workload = preset(QStringLiteral("kubernetes-microservices"));
    for (const auto& [first, second] : {std::pair{ec2, ecsFargate}, std::pair{ecsFargate, ec2}}) {
        const CostComparison comparison =
            compareCosts(m_catalog, workload, m_prices, first, second);
        QCOMPARE(comparison.nearTies.size(), 1);
        const NearTie& tie = comparison.nearTies.constFirst();
        // In the order compared, as the pair's catalog lists them.
        QCOMPARE(tie.optionIds, (QStringList{first, second}));
        QCOMPARE(tie.fromRequestsPerMonth, Q_INT64_C(440737501));
        QCOMPARE(tie.toRequestsPerMonth, Q_INT64_C(4618162505));
        QVERIFY2(tie.maxGapPercent > 0 && tie.maxGapPercent < 40,
                 qPrintable(QString::number(tie.maxGapPercent)));
        QCOMPARE(comparison.breakEvens.size(), 1);
        QCOMPARE(comparison.breakEvens.at(0).requestsPerMonth, tie.toRequestsPerMonth);
        QCOMPARE(comparison.breakEvens.at(0).cheapestBelow, ecsFargate);
        QCOMPARE(comparison.breakEvens.at(0).cheapestAbove, ec2);
    }
}

void TestCostComparison::anInfeasibleOptionHasNoDifference()
{
    // Twenty minutes per run is more than Lambda's 15-minute limit.
    const Workload nightly = preset(QStringLiteral("nightly-batch"));
    QVERIFY(nightly.avgDurationMs > 900'000);
    for (const auto& [first, second] :
         QList<QPair<QString, QString>>{{lambda, ecsFargate}, {ecsFargate, lambda}}) {
        const CostComparison comparison = compareCosts(m_catalog, nightly, m_prices, first, second);
        const Estimate& lambdaEstimate = first == lambda ? comparison.first : comparison.second;
        const Estimate& fargateEstimate = first == lambda ? comparison.second : comparison.first;
        QVERIFY(!lambdaEstimate.feasible);
        QVERIFY(!lambdaEstimate.monthlyTotal);
        QVERIFY(fargateEstimate.feasible && fargateEstimate.monthlyTotal);
        QVERIFY(!comparison.difference);
        QVERIFY(!comparison.ratio);
        // Lambda is infeasible at every volume: the cheaper of the two never changes.
        QVERIFY(comparison.breakEvens.isEmpty());
    }
}

void TestCostComparison::aFreeFirstOptionHasNoRatio()
{
    // 100,000 short invocations a month fit in Lambda's free tier: $0, so no ratio to it.
    Workload workload = preset(QStringLiteral("image-resize"));
    workload.requestsPerMonth = 100'000;
    const CostComparison comparison = compareCosts(m_catalog, workload, m_prices, lambda, ec2);
    QCOMPARE(comparison.first.monthlyTotal, std::optional<double>(0.0));
    QVERIFY(comparison.second.monthlyTotal && *comparison.second.monthlyTotal > 0);
    QVERIFY(comparison.difference);
    QCOMPARE(*comparison.difference, *comparison.second.monthlyTotal);
    QVERIFY(!comparison.ratio);

    // The other way round the ratio is defined: nothing costs 0 times as much.
    const CostComparison swapped = compareCosts(m_catalog, workload, m_prices, ec2, lambda);
    QVERIFY(swapped.ratio);
    QCOMPARE(*swapped.ratio, 0.0);
}

QTEST_GUILESS_MAIN(TestCostComparison)
#include "tst_costcomparison.moc"
