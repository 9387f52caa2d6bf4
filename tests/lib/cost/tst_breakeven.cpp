// Break-even: where the cheapest option changes as requests grow, to the exact request count,
// and the sweep the charts draw.
#include "catalog/catalog.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/workload.h"
#include "pricing/pricebook.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ace;

Q_DECLARE_METATYPE(ace::Workload)
Q_DECLARE_METATYPE(ace::Crossing)

namespace {

// A preset as version 1 of the file wrote it: the numbers below stay those of its workload,
// whatever the shipped preset becomes.
Workload preset(const QString& id)
{
    return Workload::load(
        QStringLiteral(ACE_SOURCE_DIR "/tests/data/version1-presets/%1.json").arg(id));
}

// The default workload's requests taking 1,000 s each: Lambda cannot run them, and one
// m5.large against one or two Fargate tasks take turns as the cheapest at low volumes.
Workload thousandSecondRequests()
{
    Workload workload;
    workload.avgDurationMs = 1'000'000;
    return workload;
}

// Every workload the break-even tests look at, by name.
QList<std::pair<QByteArray, Workload>> workloads()
{
    QList<std::pair<QByteArray, Workload>> all;
    for (const WorkloadPreset& workloadPreset : builtInWorkloadPresets())
        all.append({workloadPreset.id.toUtf8(), Workload::load(workloadPreset.path)});
    all.append({QByteArrayLiteral("1000 s requests"), thousandSecondRequests()});
    all.append({QByteArrayLiteral("HTTP API, the whole bill"),
                Workload::load(QStringLiteral(ACE_SOURCE_DIR
                                              "/tests/data/http-api-whole-bill.json"))});
    return all;
}

} // namespace

class TestBreakEven : public QObject
{
    Q_OBJECT

private slots:
    void alwaysOnApiCrossesTwice();
    void doorsAndPurchasesMoveTheCrossing_data();
    void doorsAndPurchasesMoveTheCrossing();
    void alternationsAreOneNearTie_data();
    void alternationsAreOneNearTie();
    void aCleanCrossingIsNoNearTie();
    void nearTiesAreOrderedAndApart_data();
    void nearTiesAreOrderedAndApart();
    void theSearchIsDeterministic();
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

void TestBreakEven::doorsAndPurchasesMoveTheCrossing_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<qint64>("crossing"); // where Lambda stops being the cheapest
    QTest::addColumn<QString>("cheapestAt50M");

    // The always-on API at its own 50 M requests: Lambda is the cheapest on demand with no
    // door ($23.97 against ECS on Fargate's $36.04), up to 69,578,942 requests.
    const Workload workload = preset(QStringLiteral("always-on-api"));
    QTest::newRow("on demand, no door") << workload << Q_INT64_C(69578942) << "lambda";

    // An HTTP API in front of Lambda ($1 per million) and an ALB in front of the containers
    // ($16.425 a month plus LCUs: one request per connection makes new connections the largest
    // dimension, N / 2,628,000 s / 25 LCU × 730 h × $0.008 = N × $0.0000000888…).
    // Lambda: N × $0.0000016166675 − $6.86668; ECS on Fargate: $52.465392 + N × $0.0000000888…
    // They meet at N = $59.332072 / $0.0000015277786… = 38,835,516.85 → 38,835,517.
    Workload withDoors = workload;
    withDoors.requestPath.defaultDoor = RequestDoor::Alb;
    withDoors.requestPath.lambda = RequestDoor::ApiGatewayHttp;
    QTest::newRow("HTTP API and ALB") << withDoors << Q_INT64_C(38835517) << "ecs-fargate";

    // No doors, a 50% Fargate Savings Plan: the two tasks cost $18.020196, which Lambda's
    // N × $0.0000006166675 − $6.86668 reaches at N = 40,357,041.68 → 40,357,042.
    Workload withSavingsPlan = workload;
    withSavingsPlan.purchase.fargate = {PurchaseKind::SavingsPlan, 50};
    QTest::newRow("Fargate Savings Plan 50%")
        << withSavingsPlan << Q_INT64_C(40357042) << "ecs-fargate";
}

void TestBreakEven::doorsAndPurchasesMoveTheCrossing()
{
    QFETCH(Workload, workload);
    QFETCH(qint64, crossing);
    QFETCH(QString, cheapestAt50M);
    QCOMPARE(cheapestOptionAt(m_catalog, workload, m_prices, 50'000'000), cheapestAt50M);
    const QList<Crossing> crossings = findBreakEvens(m_catalog, workload, m_prices);
    QVERIFY(!crossings.isEmpty());
    QCOMPARE(crossings.at(0).requestsPerMonth, crossing);
    QCOMPARE(crossings.at(0).cheapestBelow, QStringLiteral("lambda"));
    QCOMPARE(crossings.at(0).cheapestAbove, QStringLiteral("ecs-fargate"));
}

void TestBreakEven::alternationsAreOneNearTie_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<Crossing>>("crossings");
    // Where the two take turns the gap reaches one capacity step: just after a change, e.g.
    // 4 × $70.08 against $225.25 for Fargate at 459,900,001 requests (24.45%).
    QTest::addColumn<qint64>("volumeOfAWideGap");

    const QString ec2 = QStringLiteral("ec2");
    const QString fargate = QStringLiteral("ecs-fargate");
    // Today's output had about 50 alternating rows from 440,737,501 up to 4.6 B; one lasting
    // change remains where EC2 stays the cheapest for good.
    QTest::newRow("kubernetes microservices")
        << preset(QStringLiteral("kubernetes-microservices")) << Q_INT64_C(440737501)
        << Q_INT64_C(4618162505)
        << QList<Crossing>{{Q_INT64_C(39735106), QStringLiteral("lambda"), fargate},
                           {Q_INT64_C(4618162505), fargate, ec2}}
        << Q_INT64_C(459900001);
    // 33 alternating rows between 1,000 and 21,463; EC2 is cheapest on both sides.
    QTest::newRow("1000 s requests") << thousandSecondRequests() << Q_INT64_C(1227)
                                     << Q_INT64_C(21463) << QList<Crossing>{} << Q_INT64_C(1227);
}

void TestBreakEven::alternationsAreOneNearTie()
{
    QFETCH(Workload, workload);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<Crossing>, crossings);
    QFETCH(qint64, volumeOfAWideGap);

    const BreakEvens found = findBreakEvensAndNearTies(m_catalog, workload, m_prices);
    QCOMPARE(found.nearTies.size(), 1);
    const NearTie& tie = found.nearTies.constFirst();
    QCOMPARE(tie.optionIds, QStringList({QStringLiteral("ec2"), QStringLiteral("ecs-fargate")}));
    QCOMPARE(tie.fromRequestsPerMonth, from);
    QCOMPARE(tie.toRequestsPerMonth, to);
    QCOMPARE(found.crossings.size(), crossings.size());
    for (qsizetype i = 0; i < crossings.size(); ++i) {
        QCOMPARE(found.crossings.at(i).requestsPerMonth, crossings.at(i).requestsPerMonth);
        QCOMPARE(found.crossings.at(i).cheapestBelow, crossings.at(i).cheapestBelow);
        QCOMPARE(found.crossings.at(i).cheapestAbove, crossings.at(i).cheapestAbove);
    }
    QCOMPARE(findBreakEvens(m_catalog, workload, m_prices).size(), crossings.size());

    // The reported gap is at least the one at a known volume, and no more than the model's.
    Workload atGap = workload;
    atGap.requestsPerMonth = double(volumeOfAWideGap);
    const double ec2Total =
        *estimateMonthlyTotal(*m_catalog.option(tie.optionIds.at(0)), atGap, m_prices);
    const double fargateTotal =
        *estimateMonthlyTotal(*m_catalog.option(tie.optionIds.at(1)), atGap, m_prices);
    const double gapThere =
        (std::max(ec2Total, fargateTotal) / std::min(ec2Total, fargateTotal) - 1) * 100;
    QVERIFY2(gapThere > 20, qPrintable(QString::number(gapThere)));
    QVERIFY2(tie.maxGapPercent >= gapThere - 1e-9 && tie.maxGapPercent < 40,
             qPrintable(QString::number(tie.maxGapPercent)));
    // Both options are the cheapest somewhere in the range, and nothing else is.
    QStringList cheapestInside;
    for (qint64 volume = from; volume < to; volume += std::max<qint64>(1, (to - from) / 97)) {
        const QString cheapest = cheapestOptionAt(m_catalog, workload, m_prices, volume);
        QVERIFY2(tie.optionIds.contains(cheapest), qPrintable(cheapest));
        if (!cheapestInside.contains(cheapest))
            cheapestInside.append(cheapest);
    }
    QCOMPARE(cheapestInside.size(), 2);
    QCOMPARE(nearTieText(tie, m_catalog),
             QStringLiteral("EC2 instances and ECS on Fargate take turns as the cheapest, at "
                            "most %1% apart")
                 .arg(std::ceil(tie.maxGapPercent)));
}

void TestBreakEven::aCleanCrossingIsNoNearTie()
{
    // Lambda against ECS on Fargate alone: one change, for good, at 69,578,942 requests.
    const Catalog pair =
        m_catalog.withOnlyOptions({QStringLiteral("lambda"), QStringLiteral("ecs-fargate")});
    const BreakEvens found =
        findBreakEvensAndNearTies(pair, preset(QStringLiteral("always-on-api")), m_prices);
    QVERIFY(found.nearTies.isEmpty());
    QCOMPARE(found.crossings.size(), 1);
    QCOMPARE(found.crossings.constFirst().requestsPerMonth, Q_INT64_C(69578942));
    // Two lasting changes far apart in volume stay two crossings.
    QVERIFY(findBreakEvensAndNearTies(m_catalog, preset(QStringLiteral("always-on-api")), m_prices)
                .nearTies.isEmpty());
}

void TestBreakEven::nearTiesAreOrderedAndApart_data()
{
    QTest::addColumn<Workload>("workload");
    for (const auto& [name, workload] : workloads())
        QTest::newRow(name.constData()) << workload;
}

void TestBreakEven::nearTiesAreOrderedAndApart()
{
    QFETCH(Workload, workload);
    const BreakEvens found = findBreakEvensAndNearTies(m_catalog, workload, m_prices);
    qint64 previousEnd = 0;
    for (const NearTie& tie : found.nearTies) {
        QVERIFY(tie.fromRequestsPerMonth > previousEnd);
        QVERIFY(tie.toRequestsPerMonth > tie.fromRequestsPerMonth);
        QVERIFY(tie.optionIds.size() >= 2);
        previousEnd = tie.toRequestsPerMonth;
        // A lasting change is never inside a near tie (it may be at its end).
        for (const Crossing& crossing : found.crossings) {
            QVERIFY(crossing.requestsPerMonth <= tie.fromRequestsPerMonth ||
                    crossing.requestsPerMonth >= tie.toRequestsPerMonth);
        }
    }
    // Lasting changes hold for more than nearTieVolumeFactor, unless a near tie ends there.
    for (qsizetype i = 1; i < found.crossings.size(); ++i) {
        const qint64 at = found.crossings.at(i).requestsPerMonth;
        const bool endsATie =
            std::any_of(found.nearTies.cbegin(), found.nearTies.cend(),
                        [at](const NearTie& tie) { return tie.toRequestsPerMonth == at; });
        QVERIFY(endsATie || double(at) > double(found.crossings.at(i - 1).requestsPerMonth) *
                                             nearTieVolumeFactor);
    }
}

void TestBreakEven::theSearchIsDeterministic()
{
    for (const auto& [name, workload] : workloads()) {
        const BreakEvens first = findBreakEvensAndNearTies(m_catalog, workload, m_prices);
        const BreakEvens second = findBreakEvensAndNearTies(m_catalog, workload, m_prices);
        QCOMPARE(first.crossings.size(), second.crossings.size());
        QCOMPARE(first.nearTies.size(), second.nearTies.size());
        for (qsizetype i = 0; i < first.crossings.size(); ++i)
            QCOMPARE(first.crossings.at(i).requestsPerMonth,
                     second.crossings.at(i).requestsPerMonth);
        for (qsizetype i = 0; i < first.nearTies.size(); ++i) {
            QCOMPARE(first.nearTies.at(i).fromRequestsPerMonth,
                     second.nearTies.at(i).fromRequestsPerMonth);
            QCOMPARE(first.nearTies.at(i).maxGapPercent, second.nearTies.at(i).maxGapPercent);
        }
    }
}

void TestBreakEven::everyCrossingIsExact_data()
{
    QTest::addColumn<Workload>("workload");
    for (const auto& [name, workload] : workloads())
        QTest::newRow(name.constData()) << workload;
}

void TestBreakEven::everyCrossingIsExact()
{
    QFETCH(Workload, workload);
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
