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
    QVERIFY(lines.contains(QStringLiteral("| **Control-plane fee** | None: ECS is free | "
                                          "$0.10 per cluster-hour ($73 a month) |")));
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

QTEST_GUILESS_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
