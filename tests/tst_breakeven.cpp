// Break-even: where the cheapest option changes as requests grow, to the exact request count,
// and the sweep the charts draw.
#include "catalog/catalog.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/workload.h"
#include "pricing/pricebook.h"

#include <QTest>

using namespace ace;

namespace {

Workload preset(const QString& id)
{
    return Workload::load(QStringLiteral(":/data/presets/%1.json").arg(id));
}

} // namespace

class TestBreakEven : public QObject
{
    Q_OBJECT

private slots:
    void alwaysOnApiCrossesTwice();
    void everyCrossingIsExact_data();
    void everyCrossingIsExact();
    void fixedCapacityNeverCrosses();
    void sweepCoversTheRangeOnALogScale();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestBreakEven::alwaysOnApiCrossesTwice()
{
    // The "Always-on JSON API" preset: 50 ms at 512 MB on Lambda, or 0.5 vCPU / 1 GB tasks
    // (at least 2) serving 20 requests per vCPU at 60% utilization, or t3.medium instances
    // (at least 2).
    //
    // Lambda above the free tier: N × $0.0000002 − $0.20 + (N × 0.025 GB-s − 400,000)
    // × $0.0000166667 = N × $0.0000006166675 − $6.86668.
    // ECS on Fargate, 2 tasks: 2 × 730 h × (0.5 × $0.0404784 + 1 × $0.004446) = $36.040392.
    // Lambda reaches it at N = 42.907072 / 0.0000006166675 = 69,578,941.65 → 69,578,942
    // (Fargate wins the tie, being earlier in the catalog).
    //
    // Fargate tasks = ceil(N × 4 × 0.05 s / 2,628,000 s / 20 / 0.6 / 0.5 vCPU)
    // = ceil(N / 78,840,000): 3 tasks ($54.060588) up to N = 236,520,000 exactly, 4 tasks
    // ($72.080784) from 236,520,001, when 2 t3.medium at 730 × $0.0416 = $60.736 become cheaper
    // (plain EC2: 2 instances serve up to 630.72M requests; ECS on EC2 costs the same and
    // comes later in the catalog).
    const QList<Crossing> crossings =
        findBreakEvens(m_catalog, preset(QStringLiteral("always-on-api")), m_prices);
    QCOMPARE(crossings.size(), 2);
    QCOMPARE(crossings.at(0).requestsPerMonth, Q_INT64_C(69578942));
    QCOMPARE(crossings.at(0).cheapestBelow, QStringLiteral("lambda"));
    QCOMPARE(crossings.at(0).cheapestAbove, QStringLiteral("ecs-fargate"));
    QCOMPARE(crossings.at(1).requestsPerMonth, Q_INT64_C(236520001));
    QCOMPARE(crossings.at(1).cheapestBelow, QStringLiteral("ecs-fargate"));
    QCOMPARE(crossings.at(1).cheapestAbove, QStringLiteral("ec2"));
}

void TestBreakEven::everyCrossingIsExact_data()
{
    QTest::addColumn<QString>("presetId");
    for (const WorkloadPreset& preset : builtInWorkloadPresets())
        QTest::newRow(qPrintable(preset.id)) << preset.id;
}

void TestBreakEven::everyCrossingIsExact()
{
    QFETCH(QString, presetId);
    const Workload workload = preset(presetId);
    const QList<Crossing> crossings = findBreakEvens(m_catalog, workload, m_prices);
    qint64 previous = 0;
    for (const Crossing& crossing : crossings) {
        QVERIFY(crossing.requestsPerMonth > previous);
        QVERIFY(crossing.requestsPerMonth >= 1000 && crossing.requestsPerMonth <= 10'000'000'000);
        QVERIFY(crossing.cheapestBelow != crossing.cheapestAbove);
        QCOMPARE(cheapestOptionAt(m_catalog, workload, m_prices, crossing.requestsPerMonth - 1),
                 crossing.cheapestBelow);
        QCOMPARE(cheapestOptionAt(m_catalog, workload, m_prices, crossing.requestsPerMonth),
                 crossing.cheapestAbove);
        previous = crossing.requestsPerMonth;
    }
}

void TestBreakEven::fixedCapacityNeverCrosses()
{
    // The nightly batch job fixes its capacity and Lambda cannot run it: the cheapest option,
    // one m5.large for 10 hours (10 × $0.096 = $0.96), never changes with request volume.
    const Workload nightly = preset(QStringLiteral("nightly-batch"));
    QVERIFY(findBreakEvens(m_catalog, nightly, m_prices).isEmpty());
    QCOMPARE(cheapestOptionAt(m_catalog, nightly, m_prices, 30), QStringLiteral("ec2"));
}

void TestBreakEven::sweepCoversTheRangeOnALogScale()
{
    const Workload workload;
    const CostSweep sweep = sweepRequests(m_catalog, workload, m_prices, 71, 1e3, 1e10);
    QCOMPARE(sweep.requestsPerMonth.size(), 71);
    QCOMPARE(sweep.requestsPerMonth.constFirst(), 1e3);
    QCOMPARE(sweep.requestsPerMonth.constLast(), 1e10);
    // 70 steps over 7 decades: 10 steps a decade, so point 10 is 10,000 and point 30 is 1e6.
    QCOMPARE(sweep.requestsPerMonth.at(10), 1e4);
    QCOMPARE(sweep.requestsPerMonth.at(30), 1e6);
    QCOMPARE(sweep.optionIds.size(), m_catalog.options().size());
    QCOMPARE(sweep.totals.size(), sweep.optionIds.size());
    const qsizetype lambda = sweep.optionIds.indexOf(QStringLiteral("lambda"));
    // Within the free tier Lambda costs nothing; the other points agree with the model.
    QCOMPARE(sweep.totals.at(lambda).at(0), 0.0);
    QCOMPARE(sweep.totals.at(lambda).at(30), 0.0);
    Workload atVolume = workload;
    for (qsizetype option = 0; option < sweep.optionIds.size(); ++option) {
        QCOMPARE(sweep.totals.at(option).size(), 71);
        for (qsizetype point = 0; point < 71; point += 7) {
            atVolume.requestsPerMonth = sweep.requestsPerMonth.at(point);
            QCOMPARE(sweep.totals.at(option).at(point),
                     estimateMonthlyTotal(m_catalog.options().at(option), atVolume, m_prices));
        }
    }
}

QTEST_GUILESS_MAIN(TestBreakEven)
#include "tst_breakeven.moc"
