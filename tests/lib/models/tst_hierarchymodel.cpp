// The option hierarchy tree and its search filter, checked with QAbstractItemModelTester.
#include "catalog/catalog.h"
#include "models/hierarchymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ace;

namespace {

// The tree as indented lines of "kind:id", for whole-structure comparisons.
QStringList outline(const QAbstractItemModel& model, const QModelIndex& parent = {},
                    const QString& indent = {})
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(indent + index.data(HierarchyModel::ItemRole).value<CatalogItem>().id);
        lines += outline(model, index, indent + QStringLiteral("  "));
    }
    return lines;
}

} // namespace

class TestHierarchyModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void categoriesThenServicesThenOptions();
    void fargateIsListedUnderContainersAndServerless();
    void itemsCarryTheirNamesAndTooltips();
    void preferredIndexIsTheItemsHome_data();
    void preferredIndexIsTheItemsHome();
    void searchFiltersRecursively_data();
    void searchFiltersRecursively();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
};

void TestHierarchyModel::passesTheModelTester()
{
    HierarchyModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HierarchyFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSearchText(QStringLiteral("fargate"));
    filter.setSearchText(QStringLiteral("kubernetes pods"));
    filter.setSearchText({});
}

void TestHierarchyModel::categoriesThenServicesThenOptions()
{
    HierarchyModel model(m_catalog);
    const QStringList expected = {
        QStringLiteral("virtual-machines"),
        QStringLiteral("  ec2"),
        QStringLiteral("    ec2"),
        QStringLiteral("    ecs-ec2"),
        QStringLiteral("    eks-ec2"),
        QStringLiteral("containers"),
        QStringLiteral("  ecs"),
        QStringLiteral("    ecs-ec2"),
        QStringLiteral("    ecs-fargate"),
        QStringLiteral("  eks"),
        QStringLiteral("    eks-ec2"),
        QStringLiteral("    eks-fargate"),
        QStringLiteral("  fargate"),
        QStringLiteral("    ecs-fargate"),
        QStringLiteral("    eks-fargate"),
        QStringLiteral("serverless"),
        QStringLiteral("  fargate"),
        QStringLiteral("    ecs-fargate"),
        QStringLiteral("    eks-fargate"),
        QStringLiteral("  lambda"),
        QStringLiteral("    lambda"),
    };
    QCOMPARE(outline(model), expected);
}

void TestHierarchyModel::fargateIsListedUnderContainersAndServerless()
{
    HierarchyModel model(m_catalog);
    const QModelIndexList places = model.indexesOf(CatalogItem::service(QStringLiteral("fargate")));
    QCOMPARE(places.size(), 2);
    QCOMPARE(places.at(0).parent().data().toString(), QStringLiteral("Containers"));
    QCOMPARE(places.at(1).parent().data().toString(), QStringLiteral("Serverless"));
    // Both point at the same options.
    QCOMPARE(model.rowCount(places.at(0)), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model.index(row, 0, places.at(0)).data(HierarchyModel::ItemRole),
                 model.index(row, 0, places.at(1)).data(HierarchyModel::ItemRole));
    }
}

void TestHierarchyModel::itemsCarryTheirNamesAndTooltips()
{
    HierarchyModel model(m_catalog);
    const QModelIndex lambda =
        model.preferredIndexOf(CatalogItem::service(QStringLiteral("lambda")));
    QCOMPARE(lambda.data().toString(), QStringLiteral("AWS Lambda"));
    QCOMPARE(lambda.data(Qt::ToolTipRole).toString(),
             m_catalog.service(QStringLiteral("lambda"))->summary);
    QVERIFY(lambda.data(HierarchyModel::SearchTextRole)
                .toString()
                .contains(QStringLiteral("Resize an image")));
    QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());
}

void TestHierarchyModel::preferredIndexIsTheItemsHome_data()
{
    QTest::addColumn<CatalogItem>("item");
    QTest::addColumn<QString>("parent");
    QTest::newRow("ECS on EC2 lives under ECS")
        << CatalogItem::option(QStringLiteral("ecs-ec2")) << "Amazon ECS";
    QTest::newRow("EKS on Fargate lives under EKS")
        << CatalogItem::option(QStringLiteral("eks-fargate")) << "Amazon EKS";
    QTest::newRow("Fargate lives under Containers")
        << CatalogItem::service(QStringLiteral("fargate")) << "Containers";
    QTest::newRow("a category is top-level")
        << CatalogItem::category(QStringLiteral("serverless")) << QString();
}

void TestHierarchyModel::preferredIndexIsTheItemsHome()
{
    QFETCH(CatalogItem, item);
    QFETCH(QString, parent);
    HierarchyModel model(m_catalog);
    const QModelIndex index = model.preferredIndexOf(item);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(HierarchyModel::ItemRole).value<CatalogItem>(), item);
    QCOMPARE(index.parent().data().toString(), parent);
    QVERIFY(!model.preferredIndexOf(CatalogItem::option(QStringLiteral("app-runner"))).isValid());
}

void TestHierarchyModel::searchFiltersRecursively_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("by name keeps ancestors")
        << "lambda functions"
        << QStringList{QStringLiteral("serverless"), QStringLiteral("  lambda"),
                       QStringLiteral("    lambda")};
    QTest::newRow("a matching service keeps its options")
        << "ETCD"
        << QStringList{QStringLiteral("containers"), QStringLiteral("  eks"),
                       QStringLiteral("    eks-ec2"), QStringLiteral("    eks-fargate")};
    QTest::newRow("by attribute, any case")
        << "15 MINUTES"
        << QStringList{QStringLiteral("serverless"), QStringLiteral("  lambda"),
                       QStringLiteral("    lambda")};
    QTest::newRow("no match") << "mainframe" << QStringList{};
}

void TestHierarchyModel::searchFiltersRecursively()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    HierarchyModel model(m_catalog);
    HierarchyFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSearchText(search);
    QCOMPARE(outline(filter), expected);
    filter.setSearchText({});
    QCOMPARE(outline(filter), outline(model));
}

QTEST_GUILESS_MAIN(TestHierarchyModel)
#include "tst_hierarchymodel.moc"
