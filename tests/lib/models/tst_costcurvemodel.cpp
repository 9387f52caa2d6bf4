// The cost-versus-volume model: it shows cost results (their values the cost model's, their
// crossings the break-even search's), and resets cleanly on every new result.
#include "catalog/catalog.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/costresults.h"
#include "cost/quantitytext.h"
#include "models/costcurvemodel.h"
#include "pricing/pricebook.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ace;

class TestCostCurveModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void hasARowPerVolumeAndAColumnPerOption();
    void valuesAreTheCostModelsTotals_data();
    void valuesAreTheCostModelsTotals();
    void optionsNeverFeasibleHaveNoValueButAReason();
    void crossingsAreTheBreakEvenSearchs();
    void breakEvenLabelsNameBothOptionsAndTheVolume();
    void nearTiesAreTheBreakEvenSearchs();
    void newResultsResetTheModel();
    void rowAtOrBelowFindsTheSampleOfAVolume();

private:
    // A preset as version 1 of the file wrote it: its numbers stay put whatever the shipped
    // preset becomes.
    static Workload preset(const QString& id)
    {
        return Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/version1-presets/") + id +
                              QStringLiteral(".json"));
    }
    static Workload imageResize() { return preset(QStringLiteral("image-resize")); }
    // Lambda, then ECS on Fargate, then EC2 as the volume grows: two break-evens.
    static Workload alwaysOnApi() { return preset(QStringLiteral("always-on-api")); }
    // Lambda cannot run a 20-minute job: infeasible at every volume.
    static Workload twentyMinuteJobs()
    {
        Workload workload;
        workload.avgDurationMs = 20 * 60 * 1000;
        return workload;
    }

    // The results of `workload` swept at `points` volumes, shown by `model`.
    void show(CostCurveModel& model, const Workload& workload,
              int points = CostResults::defaultCurvePoints) const
    {
        model.setResults(std::make_shared<const CostResults>(
            computeCostResults(m_catalog, workload, m_prices, {}, points)));
    }

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestCostCurveModel::passesTheModelTester()
{
    CostCurveModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    show(model, imageResize(), 50);
    show(model, twentyMinuteJobs(), 50);
}

void TestCostCurveModel::hasARowPerVolumeAndAColumnPerOption()
{
    CostCurveModel model(m_catalog);
    QCOMPARE(model.rowCount(), 0); // nothing to show yet
    show(model, Workload(), 50);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.columnCount(), 1 + m_catalog.options().size());
    QCOMPARE(model.data(model.index(0, 0), CostCurveModel::ValueRole).toDouble(), 1e3);
    QCOMPARE(model.data(model.index(49, 0), CostCurveModel::ValueRole).toDouble(), 1e10);
    for (qsizetype i = 0; i < m_catalog.options().size(); ++i) {
        const DeploymentOption& option = m_catalog.options().at(i);
        QCOMPARE(model.columnOf(option.id), i + 1);
        QCOMPARE(model.headerData(int(i) + 1, Qt::Horizontal).toString(), option.name);
        QCOMPARE(model.data(model.index(0, int(i) + 1), CostCurveModel::OptionIdRole).toString(),
                 option.id);
    }
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.requestsAt(row) > model.requestsAt(row - 1));
}

void TestCostCurveModel::valuesAreTheCostModelsTotals_data()
{
    QTest::addColumn<int>("row");
    for (int row : {0, 1, 17, 99, 250, 333, 498, 499})
        QTest::addRow("row %d", row) << row;
}

void TestCostCurveModel::valuesAreTheCostModelsTotals()
{
    QFETCH(int, row);
    CostCurveModel model(m_catalog);
    show(model, imageResize());
    Workload atVolume = imageResize();
    atVolume.requestsPerMonth = model.requestsAt(row);
    for (const DeploymentOption& option : m_catalog.options()) {
        const std::optional<double> expected = estimateMonthlyTotal(option, atVolume, m_prices);
        const QVariant value =
            model.data(model.index(row, model.columnOf(option.id)), CostCurveModel::ValueRole);
        QVERIFY2(expected.has_value(), qPrintable(option.id));
        QCOMPARE(value.toDouble(), *expected);
        QCOMPARE(model.totalAt(row, option.id), expected);
    }
}

void TestCostCurveModel::optionsNeverFeasibleHaveNoValueButAReason()
{
    CostCurveModel model(m_catalog);
    show(model, twentyMinuteJobs(), 20);
    const int lambda = model.columnOf(QStringLiteral("lambda"));
    QVERIFY(!model.isFeasibleAnywhere(QStringLiteral("lambda")));
    QVERIFY(model.isFeasibleAnywhere(QStringLiteral("ecs-fargate")));
    QVERIFY(!model.data(model.index(5, lambda), CostCurveModel::ValueRole).isValid());
    const QString reason = model.neverFeasibleReason(QStringLiteral("lambda"));
    QVERIFY2(reason.contains(QStringLiteral("900")), qPrintable(reason));
    QVERIFY(model.neverFeasibleReason(QStringLiteral("ecs-fargate")).isEmpty());
}

void TestCostCurveModel::crossingsAreTheBreakEvenSearchs()
{
    CostCurveModel model(m_catalog);
    show(model, alwaysOnApi());
    const QList<Crossing> expected = findBreakEvens(m_catalog, alwaysOnApi(), m_prices);
    QCOMPARE(expected.size(), 2);
    QCOMPARE(model.breakEvens().size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const BreakEven& breakEven = model.breakEvens().at(i);
        QCOMPARE(breakEven.crossing.requestsPerMonth, expected.at(i).requestsPerMonth);
        QCOMPARE(breakEven.crossing.cheapestBelow, expected.at(i).cheapestBelow);
        QCOMPARE(breakEven.crossing.cheapestAbove, expected.at(i).cheapestAbove);
        Workload atCrossing = alwaysOnApi();
        atCrossing.requestsPerMonth = double(expected.at(i).requestsPerMonth);
        QCOMPARE(breakEven.crossing.monthlyTotal,
                 *estimateMonthlyTotal(*m_catalog.option(expected.at(i).cheapestAbove), atCrossing,
                                       m_prices));
    }
}

void TestCostCurveModel::nearTiesAreTheBreakEvenSearchs()
{
    const Workload kubernetes = preset(QStringLiteral("kubernetes-microservices"));
    CostCurveModel model(m_catalog);
    show(model, kubernetes);
    const BreakEvens expected = findBreakEvensAndNearTies(m_catalog, kubernetes, m_prices);
    QCOMPARE(model.breakEvens().size(), expected.crossings.size());
    QCOMPARE(model.nearTies().size(), 1);
    const NearTieRange& range = model.nearTies().constFirst();
    QCOMPARE(range.tie.fromRequestsPerMonth, expected.nearTies.constFirst().fromRequestsPerMonth);
    QCOMPARE(range.tie.toRequestsPerMonth, expected.nearTies.constFirst().toRequestsPerMonth);
    QCOMPARE(range.label, QStringLiteral("EC2 instances or ECS on Fargate"));
    QVERIFY2(range.description.endsWith(
                 QStringLiteral(", from 440,737,501 to 4,618,162,505 requests/month")),
             qPrintable(range.description));
    // The band spans both options' totals at its ends: EC2's 3 × m5.large at the start, and
    // the dearer one at the end.
    Workload atVolume = kubernetes;
    for (qint64 end : {range.tie.fromRequestsPerMonth, range.tie.toRequestsPerMonth}) {
        atVolume.requestsPerMonth = double(end);
        for (const QString& id : range.tie.optionIds) {
            const double total = *estimateMonthlyTotal(*m_catalog.option(id), atVolume, m_prices);
            QVERIFY(total >= range.tie.lowestTotal && total <= range.tie.highestTotal);
        }
    }
    QCOMPARE(range.tie.lowestTotal, 3 * 730 * 0.096);
    QVERIFY(range.tie.highestTotal > 2000);

    show(model, alwaysOnApi()); // a clean pair of crossings has none
    QVERIFY(model.nearTies().isEmpty());
}

void TestCostCurveModel::breakEvenLabelsNameBothOptionsAndTheVolume()
{
    CostCurveModel model(m_catalog);
    show(model, alwaysOnApi());
    QVERIFY(!model.breakEvens().isEmpty());
    const BreakEven& first = model.breakEvens().constFirst();
    QCOMPARE(first.crossing.cheapestBelow, QStringLiteral("lambda"));
    const QString expected = QStringLiteral("Lambda functions → %1 at %2 requests/month")
                                 .arg(m_catalog.option(first.crossing.cheapestAbove)->name,
                                      shortQuantity(double(first.crossing.requestsPerMonth)));
    QCOMPARE(first.label, expected);
}

void TestCostCurveModel::newResultsResetTheModel()
{
    CostCurveModel model(m_catalog);
    show(model, imageResize(), 30);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Workload heavier = imageResize();
    heavier.avgDurationMs = 2000;
    show(model, heavier, 30);
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.workload(), heavier);
    Workload atVolume = heavier;
    atVolume.requestsPerMonth = model.requestsAt(10);
    QCOMPARE(
        *model.totalAt(10, QStringLiteral("lambda")),
        *estimateMonthlyTotal(*m_catalog.option(QStringLiteral("lambda")), atVolume, m_prices));
}

void TestCostCurveModel::rowAtOrBelowFindsTheSampleOfAVolume()
{
    CostCurveModel model(m_catalog);
    show(model, Workload(), 8); // one sample per decade, 1k to 10B
    QCOMPARE(model.rowAtOrBelow(1), 0);
    QCOMPARE(model.rowAtOrBelow(1e3), 0);
    QCOMPARE(model.rowAtOrBelow(3e6), 3);
    QCOMPARE(model.rowAtOrBelow(1e10), 7);
    QCOMPARE(model.rowAtOrBelow(1e12), 7);
}

QTEST_GUILESS_MAIN(TestCostCurveModel)
#include "tst_costcurvemodel.moc"
