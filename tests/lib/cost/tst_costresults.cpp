// The one pass that prices a workload for every view: its parts are the cost model's, the
// sweep's and the break-even search's for the same workload, and a comparison's part is the
// pair's alone.
#include "catalog/catalog.h"
#include "cost/breakeven.h"
#include "cost/costcomparison.h"
#include "cost/costmodel.h"
#include "cost/costresults.h"
#include "pricing/pricebook.h"

#include <QTest>

using namespace ace;

Q_DECLARE_METATYPE(ace::Workload)

class TestCostResults : public QObject
{
    Q_OBJECT

private slots:
    void partsAreThoseOfTheirOwnComputations_data();
    void partsAreThoseOfTheirOwnComputations();
    void estimateOfFindsAnOption();
    void optionsThatNeverRunSayWhy();
    void cheapestAtIsTheSweepsCheapest();
    void aComparisonIsThePairsAlone();
    void withComparisonChangesOnlyThePair();
    void onePassPricesAFixedNumberOfTimes();
    void aNewVolumeAloneIsPricedAsAWholePassWould_data();
    void aNewVolumeAloneIsPricedAsAWholePassWould();
    void onlyTheVolumeAndTheNameMayDiffer();

private:
    // A preset as version 1 of the file wrote it: its numbers stay put whatever the shipped
    // preset becomes.
    static Workload preset(const QString& id)
    {
        return Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/version1-presets/") + id +
                              QStringLiteral(".json"));
    }

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestCostResults::partsAreThoseOfTheirOwnComputations_data()
{
    QTest::addColumn<Workload>("workload");
    for (const char* id :
         {"image-resize", "always-on-api", "kubernetes-microservices", "nightly-batch"})
        QTest::newRow(id) << preset(QString::fromLatin1(id));
    // Every kind of charge: an ALB, an HTTP API, data transfer, discounts, extended support.
    QTest::newRow("HTTP API, the whole bill")
        << Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/http-api-whole-bill.json"));
}

void TestCostResults::partsAreThoseOfTheirOwnComputations()
{
    QFETCH(Workload, workload);
    const CostResults results = computeCostResults(m_catalog, workload, m_prices, {}, 60);
    QCOMPARE(results.workload, workload);
    QCOMPARE(results.currency, m_prices.currency());

    const QList<Estimate> estimates = estimateAll(m_catalog, workload, m_prices);
    QCOMPARE(results.estimates.size(), estimates.size());
    for (qsizetype i = 0; i < estimates.size(); ++i) {
        QCOMPARE(results.estimates.at(i).optionId, estimates.at(i).optionId);
        QCOMPARE(results.estimates.at(i).monthlyTotal, estimates.at(i).monthlyTotal);
        QCOMPARE(results.estimates.at(i).lineItems.size(), estimates.at(i).lineItems.size());
    }

    const CostSweep sweep = sweepRequests(m_catalog, workload, m_prices, 60);
    QCOMPARE(results.sweep.requestsPerMonth, sweep.requestsPerMonth);
    QCOMPARE(results.sweep.requestsPerMonth.constFirst(), fewestRequestsPerMonth);
    QCOMPARE(results.sweep.requestsPerMonth.constLast(), mostRequestsPerMonth);
    QCOMPARE(results.sweep.optionIds, sweep.optionIds);
    QCOMPARE(results.sweep.totals, sweep.totals);

    const BreakEvens breakEvens = findBreakEvensAndNearTies(m_catalog, workload, m_prices);
    QCOMPARE(results.breakEvens.crossings.size(), breakEvens.crossings.size());
    for (qsizetype i = 0; i < breakEvens.crossings.size(); ++i) {
        const Crossing& crossing = results.breakEvens.crossings.at(i);
        QCOMPARE(crossing.requestsPerMonth, breakEvens.crossings.at(i).requestsPerMonth);
        QCOMPARE(crossing.cheapestAbove, breakEvens.crossings.at(i).cheapestAbove);
        // The total at a crossing is what the option it goes to costs there, in the quick
        // total and in the estimate with line items that the views show beside it.
        Workload atCrossing = workload;
        atCrossing.requestsPerMonth = double(crossing.requestsPerMonth);
        const DeploymentOption& above = *m_catalog.option(crossing.cheapestAbove);
        QCOMPARE(crossing.monthlyTotal, *estimateMonthlyTotal(above, atCrossing, m_prices));
        QCOMPARE(crossing.monthlyTotal, *estimateOption(above, atCrossing, m_prices).monthlyTotal);
    }
    QCOMPARE(results.breakEvens.nearTies.size(), breakEvens.nearTies.size());
    QVERIFY(!results.comparison);
}

void TestCostResults::estimateOfFindsAnOption()
{
    const CostResults results = computeCostResults(m_catalog, Workload(), m_prices, {}, 10);
    for (const DeploymentOption& option : m_catalog.options()) {
        const Estimate* estimate = results.estimateOf(option.id);
        QVERIFY(estimate);
        QCOMPARE(estimate->optionId, option.id);
    }
    QCOMPARE(results.estimateOf(QStringLiteral("no-such-option")), nullptr);
}

void TestCostResults::optionsThatNeverRunSayWhy()
{
    // Lambda cannot run a 20-minute job at any volume; the containers can.
    Workload longJobs;
    longJobs.avgDurationMs = 20 * 60 * 1000;
    const CostResults results = computeCostResults(m_catalog, longJobs, m_prices, {}, 20);
    const QString reason = results.neverFeasibleReasons.value(QStringLiteral("lambda"));
    QVERIFY2(reason.contains(QStringLiteral("900")), qPrintable(reason));
    QCOMPARE(results.neverFeasibleReasons.size(), 1);

    // One fixed instance or task runs ten day-long requests a month, but none of the chart's
    // volumes (from 1,000): its reason is then the one at the chart's first volume.
    Workload fixed;
    fixed.requestsPerMonth = 10;
    fixed.avgDurationMs = 24 * 3600 * 1000;
    fixed.instance.count = 1;
    fixed.container.tasks = 1;
    const CostResults fixedResults = computeCostResults(m_catalog, fixed, m_prices, {}, 20);
    QVERIFY(fixedResults.estimateOf(QStringLiteral("ec2"))->feasible);
    QVERIFY(fixedResults.neverFeasibleReasons.contains(QStringLiteral("ec2")));
    for (const QString& reason : fixedResults.neverFeasibleReasons)
        QVERIFY(!reason.isEmpty());
}

void TestCostResults::cheapestAtIsTheSweepsCheapest()
{
    const Workload workload = preset(QStringLiteral("always-on-api"));
    const CostResults results = computeCostResults(m_catalog, workload, m_prices, {}, 40);
    for (int point : {0, 13, 27, 39}) {
        QCOMPARE(results.cheapestAt(point),
                 cheapestOptionAt(m_catalog, workload, m_prices,
                                  qint64(results.sweep.requestsPerMonth.at(point))));
    }
}

void TestCostResults::aComparisonIsThePairsAlone()
{
    const Workload workload = preset(QStringLiteral("always-on-api"));
    const QString first = QStringLiteral("lambda");
    const QString second = QStringLiteral("ec2");
    const CostResults results =
        computeCostResults(m_catalog, workload, m_prices, {first, second}, 30);
    QVERIFY(results.comparison);
    const CostComparison expected = compareCosts(m_catalog, workload, m_prices, first, second);
    QCOMPARE(results.comparison->difference, expected.difference);
    QCOMPARE(results.comparison->breakEvens.size(), expected.breakEvens.size());

    const CostResults pair = results.comparedPairOnly();
    QCOMPARE(pair.estimates.size(), 2);
    QCOMPARE(pair.sweep.optionIds, (QStringList{QStringLiteral("ec2"), first}));
    QCOMPARE(pair.sweep.totals.at(0),
             results.sweep.totals.at(results.sweep.optionIds.indexOf(QStringLiteral("ec2"))));
    QCOMPARE(pair.breakEvens.crossings.size(), expected.breakEvens.size());
    for (const Crossing& crossing : pair.breakEvens.crossings) {
        QVERIFY(QStringList({first, second}).contains(crossing.cheapestAbove));
        QVERIFY(QStringList({first, second}).contains(crossing.cheapestBelow));
    }
    QVERIFY(!CostResults().comparedPairOnly().comparison);
}

void TestCostResults::withComparisonChangesOnlyThePair()
{
    const CostResults plain = computeCostResults(m_catalog, Workload(), m_prices, {}, 20);
    const CostResults compared = withComparison(
        plain, m_catalog, m_prices, {QStringLiteral("ecs-ec2"), QStringLiteral("eks-ec2")});
    QVERIFY(compared.comparison);
    QCOMPARE(compared.comparison->first.optionId, QStringLiteral("ecs-ec2"));
    QCOMPARE(compared.sweep.totals, plain.sweep.totals);
    QVERIFY(!withComparison(compared, m_catalog, m_prices, {}).comparison);
}

void TestCostResults::onePassPricesAFixedNumberOfTimes()
{
    // The count the window's test holds an edit to: the same pass twice prices the same.
    const Workload workload = preset(QStringLiteral("kubernetes-microservices"));
    quint64 before = costModelEvaluations();
    computeCostResults(m_catalog, workload, m_prices, {}, 50);
    const quint64 first = costModelEvaluations() - before;
    before = costModelEvaluations();
    computeCostResults(m_catalog, workload, m_prices, {}, 50);
    QCOMPARE(costModelEvaluations() - before, first);
    // At least every option at every swept volume, and once for its estimate.
    QVERIFY(first >= quint64(m_catalog.options().size()) * 51);
}

void TestCostResults::aNewVolumeAloneIsPricedAsAWholePassWould_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<double>("newVolume");
    QTest::addColumn<QStringList>("compared");
    QTest::newRow("image-resize, busier")
        << preset(QStringLiteral("image-resize")) << 4e8 << QStringList();
    QTest::newRow("always-on-api, quieter, compared")
        << preset(QStringLiteral("always-on-api")) << 2e3
        << QStringList{QStringLiteral("lambda"), QStringLiteral("ecs-fargate")};
    QTest::newRow("HTTP API, the whole bill")
        << Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/http-api-whole-bill.json"))
        << 7.5e6 << QStringList();
    // One fixed instance runs the workload's ten day-long requests but no volume of the
    // chart: its reason is the one at the chart's first volume, whatever the workload's.
    Workload fixed;
    fixed.requestsPerMonth = 10;
    fixed.avgDurationMs = 24 * 3600 * 1000;
    fixed.instance.count = 1;
    fixed.container.tasks = 1;
    QTest::newRow("never feasible on the chart") << fixed << 20.0 << QStringList();
}

void TestCostResults::aNewVolumeAloneIsPricedAsAWholePassWould()
{
    QFETCH(Workload, workload);
    QFETCH(double, newVolume);
    QFETCH(QStringList, compared);
    const CostResults previous = computeCostResults(m_catalog, workload, m_prices, compared, 40);
    Workload moved = workload;
    moved.requestsPerMonth = newVolume;
    QVERIFY(sameAtEveryVolume(workload, moved));

    quint64 before = costModelEvaluations();
    const CostResults repriced = repricedAtVolume(previous, m_catalog, moved, m_prices, compared);
    const quint64 repricing = costModelEvaluations() - before;
    before = costModelEvaluations();
    const CostResults whole = computeCostResults(m_catalog, moved, m_prices, compared, 40);
    const quint64 wholePass = costModelEvaluations() - before;
    // The sweep and the break-even search are most of a pass.
    QVERIFY2(repricing * 10 < wholePass,
             qPrintable(QStringLiteral("%1 of %2 evaluations").arg(repricing).arg(wholePass)));

    QCOMPARE(repriced.workload, moved);
    QCOMPARE(repriced.currency, whole.currency);
    QCOMPARE(repriced.estimates.size(), whole.estimates.size());
    for (qsizetype i = 0; i < whole.estimates.size(); ++i) {
        QCOMPARE(repriced.estimates.at(i).optionId, whole.estimates.at(i).optionId);
        QCOMPARE(repriced.estimates.at(i).monthlyTotal, whole.estimates.at(i).monthlyTotal);
    }
    QCOMPARE(repriced.sweep.requestsPerMonth, whole.sweep.requestsPerMonth);
    QCOMPARE(repriced.sweep.totals, whole.sweep.totals);
    QCOMPARE(repriced.breakEvens.crossings.size(), whole.breakEvens.crossings.size());
    for (qsizetype i = 0; i < whole.breakEvens.crossings.size(); ++i) {
        QCOMPARE(repriced.breakEvens.crossings.at(i).requestsPerMonth,
                 whole.breakEvens.crossings.at(i).requestsPerMonth);
        QCOMPARE(repriced.breakEvens.crossings.at(i).monthlyTotal,
                 whole.breakEvens.crossings.at(i).monthlyTotal);
    }
    QCOMPARE(repriced.breakEvens.nearTies.size(), whole.breakEvens.nearTies.size());
    QCOMPARE(repriced.neverFeasibleReasons, whole.neverFeasibleReasons);
    QCOMPARE(repriced.comparison.has_value(), whole.comparison.has_value());
    if (whole.comparison)
        QCOMPARE(repriced.comparison->difference, whole.comparison->difference);
}

void TestCostResults::onlyTheVolumeAndTheNameMayDiffer()
{
    const Workload workload = preset(QStringLiteral("image-resize"));
    QVERIFY(sameAtEveryVolume(workload, workload));
    Workload busier = workload;
    busier.requestsPerMonth *= 3;
    busier.name += QStringLiteral(" (edited)");
    QVERIFY(sameAtEveryVolume(workload, busier));
    QVERIFY(sameAtEveryVolume(busier, workload));
    Workload slower = busier;
    slower.avgDurationMs += 1;
    QVERIFY(!sameAtEveryVolume(workload, slower));
    Workload elsewhere = workload;
    elsewhere.region = QStringLiteral("eu-west-1");
    QVERIFY(!sameAtEveryVolume(workload, elsewhere));
}

QTEST_GUILESS_MAIN(TestCostResults)
#include "tst_costresults.moc"
