// The per-option bill by kind of line item: every line item lands in its kind's column, the kinds
// add up to the estimate's total, and infeasible options carry their reason.
#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/costresults.h"
#include "models/costbreakdownmodel.h"
#include "pricing/pricebook.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <array>

using namespace ace;

Q_DECLARE_METATYPE(ace::LineItemKind)

class TestCostBreakdownModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void eachKindIsTheSumOfItsLineItems();
    void columnsAreNamedByKind();
    void rowsAreOptionsInCatalogOrderAndSumToTheirTotals();
    void eachOptionPaysTheKindsItsModelBills_data();
    void eachOptionPaysTheKindsItsModelBills();
    void theWholeBillFillsTheNewKinds();
    void infeasibleOptionsHaveNoAmountsAndAReason();
    void newResultsResetTheModel();

private:
    static Workload imageResize()
    {
        return Workload::load(
            QStringLiteral(ACE_SOURCE_DIR "/resources/presets/image-resize.json"));
    }

    // The estimates of `workload`'s cost results, shown by `model`.
    void show(CostBreakdownModel& model, const Workload& workload) const
    {
        model.setResults(
            std::make_shared<const CostResults>(computeCostResults(m_catalog, workload, m_prices)));
    }

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestCostBreakdownModel::passesTheModelTester()
{
    CostBreakdownModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    show(model, imageResize());
    Workload longJobs = imageResize();
    longJobs.avgDurationMs = 20 * 60 * 1000;
    show(model, longJobs);
}

void TestCostBreakdownModel::eachKindIsTheSumOfItsLineItems()
{
    // Ephemeral storage above the included amount, so storage is billed too.
    Workload workload = imageResize();
    workload.includeFreeTier = false;
    workload.function.ephemeralStorageMb = 2048;
    workload.container.ephemeralStorageGb = 40;
    CostBreakdownModel model;
    show(model, workload);
    QVERIFY(model.anyOptionPays(LineItemKind::Storage));
    for (int row = 0; row < model.rowCount(); ++row) {
        std::array<double, lineItemKindCount> expected{};
        for (const LineItem& item : model.estimates().at(row).lineItems)
            expected.at(static_cast<size_t>(item.kind)) += item.amount;
        for (int kind = 0; kind < lineItemKindCount; ++kind) {
            QCOMPARE(model.amount(row, static_cast<LineItemKind>(kind)),
                     expected.at(static_cast<size_t>(kind)));
            QCOMPARE(model.data(model.index(row, kind), CostBreakdownModel::AmountRole).toDouble(),
                     expected.at(static_cast<size_t>(kind)));
        }
    }
}

void TestCostBreakdownModel::columnsAreNamedByKind()
{
    CostBreakdownModel model;
    QCOMPARE(model.headerData(static_cast<int>(LineItemKind::Compute), Qt::Horizontal).toString(),
             QStringLiteral("Compute"));
    QCOMPARE(
        model.headerData(static_cast<int>(LineItemKind::ControlPlane), Qt::Horizontal).toString(),
        QStringLiteral("Control plane"));
    QCOMPARE(model.headerData(CostBreakdownModel::totalColumn, Qt::Horizontal).toString(),
             QStringLiteral("Total"));
}

void TestCostBreakdownModel::rowsAreOptionsInCatalogOrderAndSumToTheirTotals()
{
    CostBreakdownModel model;
    show(model, imageResize());
    const QList<Estimate> expected = estimateAll(m_catalog, imageResize(), m_prices);
    QCOMPARE(model.rowCount(), expected.size());
    QCOMPARE(model.columnCount(), lineItemKindCount + 1);
    for (int row = 0; row < model.rowCount(); ++row) {
        const Estimate& estimate = expected.at(row);
        QCOMPARE(model.data(model.index(row, 0), CostBreakdownModel::OptionIdRole).toString(),
                 estimate.optionId);
        QCOMPARE(model.headerData(row, Qt::Vertical).toString(), estimate.optionName);
        QVERIFY(estimate.feasible);
        double sum = 0;
        for (int kind = 0; kind < lineItemKindCount; ++kind)
            sum += model.data(model.index(row, kind), CostBreakdownModel::AmountRole).toDouble();
        const double total = model
                                 .data(model.index(row, CostBreakdownModel::totalColumn),
                                       CostBreakdownModel::AmountRole)
                                 .toDouble();
        QCOMPARE(total, *estimate.monthlyTotal);
        QVERIFY2(qAbs(sum - total) <= 1e-9 * qMax(1.0, total), qPrintable(estimate.optionId));
    }
}

void TestCostBreakdownModel::eachOptionPaysTheKindsItsModelBills_data()
{
    QTest::addColumn<QString>("optionId");
    QTest::addColumn<QList<LineItemKind>>("kinds");
    QTest::newRow("lambda") << QStringLiteral("lambda")
                            << QList<LineItemKind>{LineItemKind::Requests, LineItemKind::Duration};
    QTest::newRow("ecs-fargate") << QStringLiteral("ecs-fargate")
                                 << QList<LineItemKind>{LineItemKind::Compute};
    QTest::newRow("eks-fargate") << QStringLiteral("eks-fargate")
                                 << QList<LineItemKind>{LineItemKind::Compute,
                                                        LineItemKind::ControlPlane};
    QTest::newRow("ec2") << QStringLiteral("ec2") << QList<LineItemKind>{LineItemKind::Compute};
    QTest::newRow("ecs-ec2") << QStringLiteral("ecs-ec2")
                             << QList<LineItemKind>{LineItemKind::Compute};
    QTest::newRow("eks-ec2") << QStringLiteral("eks-ec2")
                             << QList<LineItemKind>{LineItemKind::Compute,
                                                    LineItemKind::ControlPlane};
}

void TestCostBreakdownModel::eachOptionPaysTheKindsItsModelBills()
{
    QFETCH(QString, optionId);
    QFETCH(QList<LineItemKind>, kinds);
    Workload paying = imageResize();
    paying.includeFreeTier = false; // so Lambda's requests and duration are billed
    CostBreakdownModel model;
    show(model, paying);
    int row = 0;
    while (m_catalog.options().at(row).id != optionId)
        ++row;
    for (int column = 0; column < lineItemKindCount; ++column) {
        const auto kind = static_cast<LineItemKind>(column);
        QCOMPARE(model.amount(row, kind) > 0, kinds.contains(kind));
    }
}

void TestCostBreakdownModel::theWholeBillFillsTheNewKinds()
{
    // An ALB or an HTTP API in front of every option, 10 KB responses, discounts on every
    // family (Fargate's is Spot, which EKS does not have) and extended EKS support.
    const Workload workload =
        Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/http-api-whole-bill.json"));
    CostBreakdownModel model;
    show(model, workload);
    QCOMPARE(
        model.headerData(static_cast<int>(LineItemKind::RequestPath), Qt::Horizontal).toString(),
        QStringLiteral("Request path"));
    QCOMPARE(
        model.headerData(static_cast<int>(LineItemKind::DataTransfer), Qt::Horizontal).toString(),
        QStringLiteral("Data transfer"));
    QCOMPARE(model.headerData(static_cast<int>(LineItemKind::Discount), Qt::Horizontal).toString(),
             QStringLiteral("Discount"));
    QVERIFY(model.anyOptionPays(LineItemKind::Discount));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString optionId = m_catalog.options().at(row).id;
        QVERIFY2(model.amount(row, LineItemKind::RequestPath) > 0, qPrintable(optionId));
        QVERIFY2(model.amount(row, LineItemKind::DataTransfer) > 0, qPrintable(optionId));
        if (optionId == QLatin1String("eks-fargate"))
            QCOMPARE(model.amount(row, LineItemKind::Discount), 0.0);
        else
            QVERIFY2(model.amount(row, LineItemKind::Discount) < 0, qPrintable(optionId));
        // The discount column counts against the total like any other.
        double sum = 0;
        for (int kind = 0; kind < lineItemKindCount; ++kind)
            sum += model.amount(row, static_cast<LineItemKind>(kind));
        const double total = *model.estimates().at(row).monthlyTotal;
        QVERIFY2(qAbs(sum - total) <= 1e-9 * qMax(1.0, total), qPrintable(optionId));
    }
}

void TestCostBreakdownModel::infeasibleOptionsHaveNoAmountsAndAReason()
{
    Workload longJobs = imageResize();
    longJobs.avgDurationMs = 20 * 60 * 1000;
    CostBreakdownModel model;
    show(model, longJobs);
    const int lambda = int(m_catalog.options().size()) - 1;
    QCOMPARE(model.data(model.index(lambda, 0), CostBreakdownModel::OptionIdRole).toString(),
             QStringLiteral("lambda"));
    QVERIFY(!model.data(model.index(lambda, 0), CostBreakdownModel::FeasibleRole).toBool());
    QVERIFY(!model
                 .data(model.index(lambda, CostBreakdownModel::totalColumn),
                       CostBreakdownModel::AmountRole)
                 .isValid());
    const QString reason =
        model.data(model.index(lambda, 0), CostBreakdownModel::InfeasibleReasonRole).toString();
    QVERIFY2(reason.contains(QStringLiteral("900")), qPrintable(reason));
    QVERIFY(model.data(model.index(0, 0), CostBreakdownModel::InfeasibleReasonRole)
                .toString()
                .isEmpty());
}

void TestCostBreakdownModel::newResultsResetTheModel()
{
    CostBreakdownModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Workload busier = imageResize();
    busier.requestsPerMonth = 3e9;
    show(model, busier);
    QCOMPARE(reset.count(), 1);
    const QList<Estimate> expected = estimateAll(m_catalog, busier, m_prices);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model
                     .data(model.index(row, CostBreakdownModel::totalColumn),
                           CostBreakdownModel::AmountRole)
                     .toDouble(),
                 *expected.at(row).monthlyTotal);
    }
}

QTEST_GUILESS_MAIN(TestCostBreakdownModel)
#include "tst_costbreakdownmodel.moc"
