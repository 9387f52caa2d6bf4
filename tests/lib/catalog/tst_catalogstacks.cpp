// How services layer: stacks derived from "runs on", substrates, and which options use what.
#include "catalog/catalog.h"
#include "jsonfixtures.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ace;

namespace {
QStringList ids(const QList<const DeploymentOption*>& options)
{
    QStringList result;
    for (const DeploymentOption* option : options)
        result.append(option->id);
    return result;
}
} // namespace

class TestCatalogStacks : public QObject
{
    Q_OBJECT

private slots:
    void stacksFollowRunsOn_data();
    void stacksFollowRunsOn();
    void substrates_data();
    void substrates();
    void servicesOnASubstrate();
    void optionsUsingAService_data();
    void optionsUsingAService();
    void deeperChainsAreFollowedTransitively();
    void unknownIdsGiveEmptyAnswers();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
};

void TestCatalogStacks::stacksFollowRunsOn_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QStringList>("stack");
    QTest::newRow("ec2") << "ec2" << QStringList{QStringLiteral("ec2")};
    QTest::newRow("ecs-ec2") << "ecs-ec2"
                             << QStringList{QStringLiteral("ecs"), QStringLiteral("ec2")};
    QTest::newRow("eks-ec2") << "eks-ec2"
                             << QStringList{QStringLiteral("eks"), QStringLiteral("ec2")};
    QTest::newRow("ecs-fargate") << "ecs-fargate"
                                 << QStringList{QStringLiteral("ecs"), QStringLiteral("fargate")};
    QTest::newRow("eks-fargate") << "eks-fargate"
                                 << QStringList{QStringLiteral("eks"), QStringLiteral("fargate")};
    QTest::newRow("lambda") << "lambda" << QStringList{QStringLiteral("lambda")};
}

void TestCatalogStacks::stacksFollowRunsOn()
{
    QFETCH(QString, option);
    QFETCH(QStringList, stack);
    QVERIFY(m_catalog.option(option));
    QCOMPARE(m_catalog.option(option)->stack, stack);
    QCOMPARE(m_catalog.option(option)->topService(), stack.constFirst());
}

void TestCatalogStacks::substrates_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("substrates");
    QTest::newRow("ecs") << "ecs" << QStringList{QStringLiteral("ec2"), QStringLiteral("fargate")};
    QTest::newRow("eks") << "eks" << QStringList{QStringLiteral("ec2"), QStringLiteral("fargate")};
    QTest::newRow("ec2 runs on AWS infrastructure") << "ec2" << QStringList{};
    QTest::newRow("fargate runs on AWS infrastructure") << "fargate" << QStringList{};
    QTest::newRow("lambda runs on AWS infrastructure") << "lambda" << QStringList{};
}

void TestCatalogStacks::substrates()
{
    QFETCH(QString, service);
    QFETCH(QStringList, substrates);
    QCOMPARE(m_catalog.substratesOf(service), substrates);
}

void TestCatalogStacks::servicesOnASubstrate()
{
    const QStringList orchestrators = {QStringLiteral("ecs"), QStringLiteral("eks")};
    QCOMPARE(m_catalog.servicesOn(QStringLiteral("ec2")), orchestrators);
    QCOMPARE(m_catalog.servicesOn(QStringLiteral("fargate")), orchestrators);
    QCOMPARE(m_catalog.servicesOn(QStringLiteral("lambda")), QStringList{});
}

void TestCatalogStacks::optionsUsingAService_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("ec2") << "ec2"
                         << QStringList{QStringLiteral("ec2"), QStringLiteral("ecs-ec2"),
                                        QStringLiteral("eks-ec2")};
    QTest::newRow("fargate") << "fargate"
                             << QStringList{QStringLiteral("ecs-fargate"),
                                            QStringLiteral("eks-fargate")};
    QTest::newRow("ecs") << "ecs"
                         << QStringList{QStringLiteral("ecs-ec2"), QStringLiteral("ecs-fargate")};
    QTest::newRow("eks") << "eks"
                         << QStringList{QStringLiteral("eks-ec2"), QStringLiteral("eks-fargate")};
    QTest::newRow("lambda") << "lambda" << QStringList{QStringLiteral("lambda")};
}

void TestCatalogStacks::optionsUsingAService()
{
    QFETCH(QString, service);
    QFETCH(QStringList, options);
    QCOMPARE(ids(m_catalog.optionsUsing(service)), options);
}

void TestCatalogStacks::deeperChainsAreFollowedTransitively()
{
    // A user's catalog where Fargate itself runs on EC2: ECS on Fargate gets a third level,
    // without the option naming it.
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    test::setJsonAt(json, QStringLiteral("services[3].runsOn"), QJsonArray{QStringLiteral("ec2")});
    QTemporaryDir dir;
    const Catalog catalog =
        Catalog::load(test::writeJsonFile(dir.filePath(QStringLiteral("deeper.json")), json));
    QCOMPARE(
        catalog.option(QStringLiteral("ecs-fargate"))->stack,
        (QStringList{QStringLiteral("ecs"), QStringLiteral("fargate"), QStringLiteral("ec2")}));
    QCOMPARE(catalog.substratesOf(QStringLiteral("ecs")),
             (QStringList{QStringLiteral("ec2"), QStringLiteral("fargate")}));
    QCOMPARE(ids(catalog.optionsUsing(QStringLiteral("ec2"))).size(), 5);
}

void TestCatalogStacks::unknownIdsGiveEmptyAnswers()
{
    QVERIFY(!m_catalog.option(QStringLiteral("app-runner")));
    QVERIFY(!m_catalog.service(QStringLiteral("app-runner")));
    QVERIFY(m_catalog.substratesOf(QStringLiteral("app-runner")).isEmpty());
    QVERIFY(m_catalog.optionsUsing(QStringLiteral("app-runner")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogStacks)
#include "tst_catalogstacks.moc"
