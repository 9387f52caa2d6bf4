// Budgets of DESIGN.md §8: re-costing all options for one workload under 50 µs, a 1,000-point
// sweep of all options under 5 ms. costResultsPass is what one workload edit prices: the one
// pass the explorer state makes for every view.
#include "catalog/catalog.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/costresults.h"
#include "cost/workload.h"
#include "pricing/pricebook.h"

#include <QTest>

using namespace ace;

class BenchCostModel : public QObject
{
    Q_OBJECT

private slots:
    void estimateAllOptions_data();
    void estimateAllOptions();
    void sweepOfAllOptions();
    void breakEvenSearch();
    void costResultsPass();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void BenchCostModel::estimateAllOptions_data()
{
    QTest::addColumn<QString>("preset");
    for (const WorkloadPreset& preset : builtInWorkloadPresets())
        QTest::newRow(qPrintable(preset.id)) << preset.path;
}

void BenchCostModel::estimateAllOptions()
{
    QFETCH(QString, preset);
    const Workload workload = Workload::load(preset);
    QList<Estimate> estimates;
    QBENCHMARK
    {
        estimates = estimateAll(m_catalog, workload, m_prices);
    }
    QCOMPARE(estimates.size(), m_catalog.options().size());
}

void BenchCostModel::sweepOfAllOptions()
{
    const Workload workload;
    CostSweep sweep;
    QBENCHMARK
    {
        sweep = sweepRequests(m_catalog, workload, m_prices, 1000);
    }
    QCOMPARE(sweep.requestsPerMonth.size(), 1000);
}

void BenchCostModel::breakEvenSearch()
{
    // The always-on API has two crossings, so the bisections are part of what is measured.
    const Workload workload = Workload::load(QStringLiteral(":/data/presets/always-on-api.json"));
    QList<Crossing> crossings;
    QBENCHMARK
    {
        crossings = findBreakEvens(m_catalog, workload, m_prices);
    }
    QVERIFY(!crossings.isEmpty());
}

void BenchCostModel::costResultsPass()
{
    // Comparing two options too, as the window does while a comparison is open.
    const Workload workload = Workload::load(QStringLiteral(":/data/presets/always-on-api.json"));
    CostResults results;
    QBENCHMARK
    {
        results = computeCostResults(m_catalog, workload, m_prices,
                                     {QStringLiteral("lambda"), QStringLiteral("ecs-fargate")});
    }
    QVERIFY(results.comparison);
}

QTEST_GUILESS_MAIN(BenchCostModel)
#include "bench_costmodel.moc"
