// Two deployment options side by side: the rows, which of them differ, refusing bad pairs, and
// the Markdown copy. Checked with QAbstractItemModelTester.
#include "catalog/catalog.h"
#include "jsonfixtures.h"
#include "models/comparisonmodel.h"
#include "optionids.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ace;
using namespace ace::test::optionids;

namespace {

QStringList rowIds(const ComparisonModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ComparisonModel::PropertyIdRole).toString());
    return ids;
}

QStringList differingRowIds(const ComparisonModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowDiffers(row))
            ids.append(model.index(row, 0).data(ComparisonModel::PropertyIdRole).toString());
    }
    return ids;
}

CatalogItem service(const char* id)
{
    return CatalogItem::service(QString::fromLatin1(id));
}

CatalogItem option(const QString& id)
{
    return CatalogItem::option(id);
}

// "ecs-fargate,eks-fargate" per way, best first.
QStringList wayIds(const ComparisonWays& found)
{
    QStringList ways;
    for (const ComparedPair& way : found.ways)
        ways.append(way.first + u',' + way.second);
    return ways;
}

QString cell(const ComparisonModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

int rowOf(const ComparisonModel& model, const QString& id)
{
    return static_cast<int>(rowIds(model).indexOf(id));
}

} // namespace

class TestComparisonModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester();
    void hasNoRowsWithoutAPair();
    void rowsAreTheDerivedPropertiesThenTheAttributes();
    void categoryAndWhatYouManageComeFromTheCatalog();
    void rowsThatDiffer_data();
    void rowsThatDiffer();
    void refusesAnOptionWithItselfAndUnknownIds();
    void swappingThePairSwapsTheColumns();
    void markdownIsOneTableRowPerProperty();
    void markdownEscapesPipesAndLineBreaks();

    void waysToCompareServices_data();
    void waysToCompareServices();
    void parseComparisonNamesTheValidIds_data();
    void parseComparisonNamesTheValidIds();
    void aServiceSideAddsTheServiceFacts();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
};

void TestComparisonModel::passesTheModelTester()
{
    ComparisonModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setPair(lambda, ecsFargate));
    QVERIFY(model.setPair(ecsEc2, eksEc2));
    QVERIFY(!model.setPair(ec2, ec2));
    QVERIFY(model.setPair(ecsFargate, lambda));
    QVERIFY(model.setPair(ec2, eksFargate));
}

void TestComparisonModel::hasNoRowsWithoutAPair()
{
    ComparisonModel model(m_catalog);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 3);
    QVERIFY(model.first().isEmpty() && model.second().isEmpty());
    QCOMPARE(model.headerData(ComparisonModel::PropertyColumn, Qt::Horizontal).toString(),
             QStringLiteral("Property"));
    QVERIFY(!model.headerData(ComparisonModel::FirstColumn, Qt::Horizontal).isValid());
    QVERIFY(!model.rowDiffers(0));
}

void TestComparisonModel::rowsAreTheDerivedPropertiesThenTheAttributes()
{
    ComparisonModel model(m_catalog);
    QVERIFY(model.setPair(lambda, ecsFargate));
    QCOMPARE(model.first(), lambda);
    QCOMPARE(model.second(), ecsFargate);

    QStringList expectedIds = {QStringLiteral("category"), QStringLiteral("you-manage")};
    for (const Attribute& attribute : m_catalog.attributes())
        expectedIds.append(attribute.id);
    QCOMPARE(expectedIds.size(), 11);
    QCOMPARE(rowIds(model), expectedIds);
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.columnCount(), 3);

    QCOMPARE(cell(model, 0, ComparisonModel::PropertyColumn), QStringLiteral("Category"));
    QCOMPARE(cell(model, 1, ComparisonModel::PropertyColumn), QStringLiteral("What you manage"));
    for (int row = 0; row < 2; ++row)
        QVERIFY(!cell(model, row, ComparisonModel::PropertyColumn, Qt::ToolTipRole).isEmpty());
    for (int i = 0; i < m_catalog.attributes().size(); ++i) {
        const Attribute& attribute = m_catalog.attributes().at(i);
        const int row = i + 2;
        QCOMPARE(cell(model, row, ComparisonModel::PropertyColumn), attribute.name);
        QCOMPARE(cell(model, row, ComparisonModel::PropertyColumn, Qt::ToolTipRole),
                 attribute.description);
        QCOMPARE(cell(model, row, ComparisonModel::FirstColumn),
                 m_catalog.attributeValue(lambda, attribute.id));
        QCOMPARE(cell(model, row, ComparisonModel::SecondColumn),
                 m_catalog.attributeValue(ecsFargate, attribute.id));
        // The id is on every column, so a view can ask any cell which property it shows.
        QCOMPARE(cell(model, row, ComparisonModel::SecondColumn, ComparisonModel::PropertyIdRole),
                 attribute.id);
    }
    QCOMPARE(cell(model, rowOf(model, QStringLiteral("max-run-time")), 1),
             QStringLiteral("15 minutes per invocation"));

    QCOMPARE(model.headerData(ComparisonModel::PropertyColumn, Qt::Horizontal).toString(),
             QStringLiteral("Property"));
    QCOMPARE(model.headerData(ComparisonModel::FirstColumn, Qt::Horizontal).toString(),
             QStringLiteral("Lambda functions"));
    QCOMPARE(model.headerData(ComparisonModel::SecondColumn, Qt::Horizontal).toString(),
             QStringLiteral("ECS on Fargate"));
    QVERIFY(!model.headerData(3, Qt::Horizontal).isValid());
}

void TestComparisonModel::categoryAndWhatYouManageComeFromTheCatalog()
{
    ComparisonModel model(m_catalog);
    const int category = 0;
    const int youManage = 1;

    // Fargate is both a container and a serverless service; categories follow catalog order.
    QVERIFY(model.setPair(ecsFargate, ecsEc2));
    QCOMPARE(cell(model, category, 1), QStringLiteral("Containers · Serverless"));
    QCOMPARE(cell(model, category, 2), QStringLiteral("Virtual machines · Containers"));
    // Customer layers top of the stack first, then the shared ones.
    QCOMPARE(cell(model, youManage, 1),
             QStringLiteral("Network, identity & data · Application code · Language runtime; "
                            "shared with AWS: Scaling"));
    QCOMPARE(cell(model, youManage, 2),
             QStringLiteral("Network, identity & data · Application code · Language runtime · "
                            "Scaling · Capacity · Container runtime & agent · Guest OS"));

    QVERIFY(model.setPair(ec2, lambda));
    QCOMPARE(cell(model, category, 1), QStringLiteral("Virtual machines"));
    QCOMPARE(cell(model, category, 2), QStringLiteral("Serverless"));
    QCOMPARE(cell(model, youManage, 2),
             QStringLiteral("Network, identity & data · Application code"));
}

void TestComparisonModel::rowsThatDiffer_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QStringList>("differing");

    // Nothing alike: different categories, layers, billing, limits and uses.
    QTest::newRow("lambda vs ECS on Fargate")
        << lambda << ecsFargate
        << QStringList{QStringLiteral("category"),          QStringLiteral("you-manage"),
                       QStringLiteral("billing"),           QStringLiteral("minimum-charge"),
                       QStringLiteral("scaling"),           QStringLiteral("scale-to-zero"),
                       QStringLiteral("max-run-time"),      QStringLiteral("largest-size"),
                       QStringLiteral("control-plane-fee"), QStringLiteral("operations-burden"),
                       QStringLiteral("typical-uses")};
    // Same capacity, same layers: the orchestrator's fee and what it bills are what differ.
    QTest::newRow("ECS vs EKS on Fargate")
        << ecsFargate << eksFargate
        << QStringList{QStringLiteral("billing"),           QStringLiteral("scaling"),
                       QStringLiteral("scale-to-zero"),     QStringLiteral("largest-size"),
                       QStringLiteral("control-plane-fee"), QStringLiteral("typical-uses")};
    QTest::newRow("ECS vs EKS on EC2")
        << ecsEc2 << eksEc2
        << QStringList{QStringLiteral("billing"), QStringLiteral("scaling"),
                       QStringLiteral("scale-to-zero"), QStringLiteral("control-plane-fee"),
                       QStringLiteral("typical-uses")};
    // Neither has a control plane to pay for; everything else differs.
    QTest::newRow("EC2 vs lambda")
        << ec2 << lambda
        << QStringList{QStringLiteral("category"),          QStringLiteral("you-manage"),
                       QStringLiteral("billing"),           QStringLiteral("minimum-charge"),
                       QStringLiteral("scaling"),           QStringLiteral("scale-to-zero"),
                       QStringLiteral("max-run-time"),      QStringLiteral("largest-size"),
                       QStringLiteral("operations-burden"), QStringLiteral("typical-uses")};
    // The same servers, with or without ECS's scheduling on top.
    QTest::newRow("EC2 vs ECS on EC2")
        << ec2 << ecsEc2
        << QStringList{QStringLiteral("category"),          QStringLiteral("you-manage"),
                       QStringLiteral("billing"),           QStringLiteral("scaling"),
                       QStringLiteral("scale-to-zero"),     QStringLiteral("control-plane-fee"),
                       QStringLiteral("operations-burden"), QStringLiteral("typical-uses")};
}

void TestComparisonModel::rowsThatDiffer()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QStringList, differing);

    ComparisonModel model(m_catalog);
    QVERIFY(model.setPair(first, second));
    QCOMPARE(differingRowIds(model), differing);
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool differs = cell(model, row, 1) != cell(model, row, 2);
        QCOMPARE(model.rowDiffers(row), differs);
        for (int column = 0; column < model.columnCount(); ++column)
            QCOMPARE(model.index(row, column).data(ComparisonModel::DiffersRole).toBool(), differs);
    }
}

void TestComparisonModel::refusesAnOptionWithItselfAndUnknownIds()
{
    ComparisonModel model(m_catalog);
    QVERIFY(model.setPair(ecsFargate, eksFargate));
    const QString before = model.toMarkdown();
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(!model.setPair(lambda, lambda));
    QVERIFY(!model.setPair(lambda, QStringLiteral("app-runner")));
    QVERIFY(!model.setPair(QStringLiteral("app-runner"), lambda));
    QVERIFY(!model.setPair({}, lambda));
    QVERIFY(!model.setPair(QStringLiteral("ECS-FARGATE"), lambda));

    QCOMPARE(aboutToReset.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.first(), ecsFargate);
    QCOMPARE(model.second(), eksFargate);
    QCOMPARE(model.toMarkdown(), before);

    QVERIFY(model.setPair(lambda, ec2));
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
}

void TestComparisonModel::swappingThePairSwapsTheColumns()
{
    ComparisonModel forward(m_catalog);
    ComparisonModel backward(m_catalog);
    QVERIFY(forward.setPair(ecsEc2, lambda));
    QVERIFY(backward.setPair(lambda, ecsEc2));
    QCOMPARE(backward.rowCount(), forward.rowCount());
    for (int row = 0; row < forward.rowCount(); ++row) {
        QCOMPARE(cell(backward, row, 0), cell(forward, row, 0));
        QCOMPARE(cell(backward, row, 1), cell(forward, row, 2));
        QCOMPARE(cell(backward, row, 2), cell(forward, row, 1));
        QCOMPARE(backward.rowDiffers(row), forward.rowDiffers(row));
    }
    QCOMPARE(backward.headerData(1, Qt::Horizontal), forward.headerData(2, Qt::Horizontal));
    QCOMPARE(backward.headerData(2, Qt::Horizontal), forward.headerData(1, Qt::Horizontal));
}

void TestComparisonModel::markdownIsOneTableRowPerProperty()
{
    ComparisonModel model(m_catalog);
    QVERIFY(model.setPair(ecsFargate, eksFargate));
    const QString markdown = model.toMarkdown();
    QVERIFY(markdown.endsWith(u'\n'));
    const QStringList lines = markdown.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2 + model.rowCount());
    QCOMPARE(lines.at(0), QStringLiteral("| Property | ECS on Fargate | EKS on Fargate |"));
    QCOMPARE(lines.at(1), QStringLiteral("| --- | --- | --- |"));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString& line = lines.at(row + 2);
        const QString name = cell(model, row, 0);
        const QString shownName =
            model.rowDiffers(row) ? QStringLiteral("**") + name + QStringLiteral("**") : name;
        QCOMPARE(line, QStringLiteral("| ") + shownName + QStringLiteral(" | ") +
                           cell(model, row, 1) + QStringLiteral(" | ") + cell(model, row, 2) +
                           QStringLiteral(" |"));
    }
    // Bold exactly on the rows that differ.
    QCOMPARE(markdown.count(QStringLiteral("| **")), differingRowIds(model).size());
    QVERIFY(lines.contains(QStringLiteral(
        "| **Control-plane fee** | None: ECS is free | "
        "$0.10 per cluster-hour ($73 a month); $0.60 ($438) in extended support |")));
    QVERIFY(lines.contains(QStringLiteral("| Category | Containers · Serverless | "
                                          "Containers · Serverless |")));
}

void TestComparisonModel::markdownEscapesPipesAndLineBreaks()
{
    // A user's catalog whose value has a "|" and a line break, as a pasted table cell might.
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    test::setJsonAt(json, QStringLiteral("options[5].attributes.billing"),
                    QStringLiteral("Requests | duration\nper 1 ms"));
    test::setJsonAt(json, QStringLiteral("options[0].name"), QStringLiteral("EC2 | plain"));
    QTemporaryDir dir;
    const QString path = test::writeJsonFile(dir.filePath(QStringLiteral("pipes.json")), json);
    QVERIFY(!path.isEmpty());
    const Catalog catalog = Catalog::load(path);

    ComparisonModel model(catalog);
    QVERIFY(model.setPair(QStringLiteral("ec2"), QStringLiteral("lambda")));
    QCOMPARE(cell(model, rowOf(model, QStringLiteral("billing")), 2),
             QStringLiteral("Requests | duration\nper 1 ms"));
    const QStringList lines = model.toMarkdown().trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2 + model.rowCount());
    QCOMPARE(lines.at(0), QStringLiteral("| Property | EC2 \\| plain | Lambda functions |"));
    QCOMPARE(lines.at(2 + rowOf(model, QStringLiteral("billing"))),
             QStringLiteral("| **Billing unit & granularity** | Instance-seconds (Linux) at the "
                            "instance type's hourly rate | Requests \\| duration<br>per 1 ms |"));
    // Every row still has its three cells: four unescaped pipes.
    for (const QString& line : lines) {
        QString unescaped = line;
        unescaped.remove(QStringLiteral("\\|"));
        QCOMPARE(unescaped.count(u'|'), 4);
    }
}

void TestComparisonModel::waysToCompareServices_data()
{
    QTest::addColumn<QStringList>("onlyOptions"); // empty: the whole built-in catalog
    QTest::addColumn<CatalogItem>("first");
    QTest::addColumn<CatalogItem>("second");
    QTest::addColumn<QStringList>("ways");
    QTest::addColumn<QString>("error");

    // Two orchestrators on the same substrate: one way per substrate, the one leaving the
    // most to AWS (Fargate) first.
    QTest::newRow("ECS vs EKS") << QStringList() << service("ecs") << service("eks")
                                << QStringList{QStringLiteral("ecs-fargate,eks-fargate"),
                                               QStringLiteral("ecs-ec2,eks-ec2")}
                                << QString();
    // Two substrates under the same orchestrator: one way per orchestrator, in catalog order.
    QTest::newRow("Fargate vs EC2")
        << QStringList() << service("fargate") << service("ec2")
        << QStringList{QStringLiteral("ecs-fargate,ecs-ec2"), QStringLiteral("eks-fargate,eks-ec2")}
        << QString();
    // No common ground: Fargate stands for the option on it leaving the most to AWS (ECS and
    // EKS on Fargate tie; catalog order), Lambda and EC2 for their own options.
    QTest::newRow("Fargate vs Lambda")
        << QStringList() << service("fargate") << service("lambda")
        << QStringList{QStringLiteral("ecs-fargate,lambda")} << QString();
    QTest::newRow("EC2 vs Lambda") << QStringList() << service("ec2") << service("lambda")
                                   << QStringList{QStringLiteral("ec2,lambda")} << QString();
    QTest::newRow("EKS vs Lambda")
        << QStringList() << service("eks") << service("lambda")
        << QStringList{QStringLiteral("eks-fargate,lambda")} << QString();
    // ECS and Fargate would both be ECS on Fargate: ECS keeps the option named after it.
    QTest::newRow("ECS vs Fargate")
        << QStringList() << service("ecs") << service("fargate")
        << QStringList{QStringLiteral("ecs-fargate,eks-fargate")} << QString();
    QTest::newRow("Fargate vs ECS")
        << QStringList() << service("fargate") << service("ecs")
        << QStringList{QStringLiteral("eks-fargate,ecs-fargate")} << QString();
    // Mixed pairs: the option stays; the service takes the same stack where it can.
    QTest::newRow("ECS on Fargate vs EKS")
        << QStringList() << option(ecsFargate) << service("eks")
        << QStringList{QStringLiteral("ecs-fargate,eks-fargate")} << QString();
    QTest::newRow("ECS on EC2 vs Fargate")
        << QStringList() << option(ecsEc2) << service("fargate")
        << QStringList{QStringLiteral("ecs-ec2,ecs-fargate")} << QString();
    QTest::newRow("Fargate vs Lambda functions")
        << QStringList() << service("fargate") << option(lambda)
        << QStringList{QStringLiteral("ecs-fargate,lambda")} << QString();
    QTest::newRow("two options") << QStringList() << option(lambda) << option(ecsFargate)
                                 << QStringList{QStringLiteral("lambda,ecs-fargate")} << QString();

    // Refusals.
    QTest::newRow("the same service twice")
        << QStringList() << service("ecs") << service("ecs") << QStringList()
        << QStringLiteral("compares Amazon ECS with itself; name two different services");
    QTest::newRow("the same option twice")
        << QStringList() << option(lambda) << option(lambda) << QStringList()
        << QStringLiteral("compares an option with itself; name two different options");
    QTest::newRow("a service and its only option")
        << QStringList() << option(lambda) << service("lambda") << QStringList()
        << QStringLiteral("leaves no second option: Lambda functions and AWS Lambda both stand "
                          "for Lambda functions");
    QTest::newRow("unknown service")
        << QStringList() << service("app-runner") << service("ecs") << QStringList()
        << QStringLiteral("names \"app-runner\", which is not an option or service id in "
                          "built-in catalog.json (options: ec2, ecs-ec2, eks-ec2, ecs-fargate, "
                          "eks-fargate, lambda; services: ec2, ecs, eks, fargate, lambda)");
    QTest::newRow("unknown option")
        << QStringList() << option(lambda) << option(QStringLiteral("ECS-FARGATE")) << QStringList()
        << QStringLiteral("names \"ECS-FARGATE\", which is not an option or service id in "
                          "built-in catalog.json (options: ec2, ecs-ec2, eks-ec2, ecs-fargate, "
                          "eks-fargate, lambda; services: ec2, ecs, eks, fargate, lambda)");

    // A catalog of one option: only what that option stands for compares, and never with it.
    const QStringList justEcsFargate{ecsFargate};
    QTest::newRow("one-option catalog, ECS vs Fargate")
        << justEcsFargate << service("ecs") << service("fargate") << QStringList()
        << QStringLiteral("leaves no second option: Amazon ECS and AWS Fargate both stand for "
                          "ECS on Fargate");
    QTest::newRow("one-option catalog, a service without options")
        << justEcsFargate << service("ecs") << service("lambda") << QStringList()
        << QStringLiteral("names AWS Lambda, which no deployment option in built-in "
                          "catalog.json uses");
    QTest::newRow("one-option catalog, ECS vs EKS")
        << justEcsFargate << service("ecs") << service("eks") << QStringList()
        << QStringLiteral("names Amazon EKS, which no deployment option in built-in "
                          "catalog.json uses");
}

void TestComparisonModel::waysToCompareServices()
{
    QFETCH(QStringList, onlyOptions);
    QFETCH(CatalogItem, first);
    QFETCH(CatalogItem, second);
    QFETCH(QStringList, ways);
    QFETCH(QString, error);
    const Catalog catalog =
        onlyOptions.isEmpty() ? m_catalog : m_catalog.withOnlyOptions(onlyOptions);
    const ComparisonWays found = waysToCompare(catalog, first, second);
    QCOMPARE(wayIds(found), ways);
    QCOMPARE(found.error, error);
    for (const ComparedPair& way : found.ways) {
        // Every way keeps what was asked for, so views can say what stands for what.
        QCOMPARE(way.firstItem, first);
        QCOMPARE(way.secondItem, second);
        ComparisonModel model(catalog);
        QVERIFY(model.setPair(way));
    }
}

void TestComparisonModel::parseComparisonNamesTheValidIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ways");
    QTest::addColumn<QString>("error");
    const QString validIds = QStringLiteral(" (options: ec2, ecs-ec2, eks-ec2, ecs-fargate, "
                                            "eks-fargate, lambda; services: ec2, ecs, eks, "
                                            "fargate, lambda)");
    QTest::newRow("services") << "ecs,eks"
                              << QStringList{QStringLiteral("ecs-fargate,eks-fargate"),
                                             QStringLiteral("ecs-ec2,eks-ec2")}
                              << QString();
    // ec2 and lambda name an option and a service: they mean the option.
    QTest::newRow("option ids first")
        << "fargate,lambda" << QStringList{QStringLiteral("ecs-fargate,lambda")} << QString();
    QTest::newRow("ec2 is the option")
        << "ec2,fargate" << QStringList{QStringLiteral("ec2,ecs-fargate")} << QString();
    QTest::newRow("options") << "lambda,ecs-fargate"
                             << QStringList{QStringLiteral("lambda,ecs-fargate")} << QString();
    QTest::newRow("one id") << "ecs" << QStringList()
                            << QStringLiteral("is not two ids separated by a comma") + validIds;
    QTest::newRow("three ids") << "ecs,eks,lambda" << QStringList()
                               << QStringLiteral("is not two ids separated by a comma") + validIds;
    QTest::newRow("unknown id")
        << "ecs,app-runner" << QStringList()
        << QStringLiteral("names \"app-runner\", which is not an option or service id in "
                          "built-in catalog.json") +
               validIds;
    QTest::newRow("same twice") << "eks,eks" << QStringList()
                                << QStringLiteral("compares Amazon EKS with itself; name two "
                                                  "different services");
}

void TestComparisonModel::parseComparisonNamesTheValidIds()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ways);
    QFETCH(QString, error);
    const ComparisonWays found = parseComparison(m_catalog, text);
    QCOMPARE(wayIds(found), ways);
    QCOMPARE(found.error, error);
}

void TestComparisonModel::aServiceSideAddsTheServiceFacts()
{
    ComparisonModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ComparedPair ecsVsEks =
        waysToCompare(m_catalog, service("ecs"), service("eks")).ways.constFirst();
    QVERIFY(model.setPair(ecsVsEks));
    const QStringList serviceRows = {QStringLiteral("service"), QStringLiteral("service-billing"),
                                     QStringLiteral("service-limits"),
                                     QStringLiteral("service-typical-uses")};
    QCOMPARE(rowIds(model).mid(0, 4), serviceRows);
    QCOMPARE(model.rowCount(), 4 + 2 + m_catalog.attributes().size());
    // The Details pane's data, not a copy of it.
    const Service& ecs = *m_catalog.service(QStringLiteral("ecs"));
    const Service& eks = *m_catalog.service(QStringLiteral("eks"));
    QCOMPARE(cell(model, 0, ComparisonModel::FirstColumn), ecs.name + u": " + ecs.summary);
    QCOMPARE(cell(model, 1, ComparisonModel::FirstColumn), ecs.billing);
    QCOMPARE(cell(model, 1, ComparisonModel::SecondColumn), eks.billing);
    QCOMPARE(cell(model, 2, ComparisonModel::SecondColumn), eks.limits.join(QStringLiteral("; ")));
    QCOMPARE(cell(model, 3, ComparisonModel::FirstColumn),
             ecs.typicalUses.join(QStringLiteral("; ")));
    QVERIFY(model.rowDiffers(1));
    QCOMPARE(model.headerData(ComparisonModel::FirstColumn, Qt::Horizontal).toString(),
             QStringLiteral("ECS on Fargate"));

    // A mixed pair: the option side shows its top service's facts.
    const ComparedPair fargateVsLambda =
        waysToCompare(m_catalog, service("fargate"), option(lambda)).ways.constFirst();
    QVERIFY(model.setPair(fargateVsLambda));
    QCOMPARE(cell(model, 1, ComparisonModel::FirstColumn),
             m_catalog.service(QStringLiteral("fargate"))->billing);
    QCOMPARE(cell(model, 1, ComparisonModel::SecondColumn),
             m_catalog.service(QStringLiteral("lambda"))->billing);

    // Options alone have no service rows.
    QVERIFY(model.setPair(ComparedPair::ofOptions(ecsFargate, eksFargate)));
    QVERIFY(!rowIds(model).contains(QStringLiteral("service-billing")));
    QCOMPARE(model.rowCount(), 2 + m_catalog.attributes().size());
}

QTEST_GUILESS_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
