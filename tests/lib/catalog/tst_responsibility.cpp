// Who manages each layer in each option (the facts sheet's §6 table), and the differences
// between two options' columns.
#include "catalog/catalog.h"

#include <QTest>

using namespace ace;

class TestResponsibility : public QObject
{
    Q_OBJECT

private slots:
    void idsRoundTrip();
    void matchesTheSharedResponsibilityTable_data();
    void matchesTheSharedResponsibilityTable();
    void differencesBetweenTwoOptions_data();
    void differencesBetweenTwoOptions();
    void differencesNameBothSides();
    void unknownIdsGiveNoAnswer();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
};

void TestResponsibility::idsRoundTrip()
{
    for (Responsibility who : {Responsibility::Aws, Responsibility::Customer,
                               Responsibility::Shared, Responsibility::None}) {
        QCOMPARE(responsibilityFromId(responsibilityId(who)), who);
    }
    QCOMPARE(responsibilityId(Responsibility::Customer), QStringLiteral("customer"));
    QCOMPARE(responsibilityLabel(Responsibility::Customer), QStringLiteral("You"));
    QVERIFY(!responsibilityFromId(QStringLiteral("AWS")));
}

void TestResponsibility::matchesTheSharedResponsibilityTable_data()
{
    // One row per layer: the managers in option order ec2, ecs-ec2, eks-ec2, ecs-fargate,
    // eks-fargate, lambda, as ../shared/reference/aws-compute-facts.md §6 gives them
    // (A aws, C customer, S shared, - none).
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QString>("managers");
    QTest::newRow("hardware") << "hardware"
                              << "AAAAAA";
    QTest::newRow("virtualization") << "virtualization"
                                    << "AAAAAA";
    QTest::newRow("guest-os") << "guest-os"
                              << "CCCAAA";
    QTest::newRow("container-runtime") << "container-runtime"
                                       << "-CCAA-";
    QTest::newRow("orchestration") << "orchestration"
                                   << "-AAAA-";
    QTest::newRow("capacity") << "capacity"
                              << "CCCAAA";
    QTest::newRow("scaling") << "scaling"
                             << "CCCSSA";
    QTest::newRow("language-runtime") << "language-runtime"
                                      << "CCCCCA";
    QTest::newRow("application") << "application"
                                 << "CCCCCC";
    QTest::newRow("network-identity") << "network-identity"
                                      << "CCCCCC";
}

void TestResponsibility::matchesTheSharedResponsibilityTable()
{
    QFETCH(QString, layer);
    QFETCH(QString, managers);
    const QStringList options = {QStringLiteral("ec2"),         QStringLiteral("ecs-ec2"),
                                 QStringLiteral("eks-ec2"),     QStringLiteral("ecs-fargate"),
                                 QStringLiteral("eks-fargate"), QStringLiteral("lambda")};
    const QHash<QChar, Responsibility> code = {{u'A', Responsibility::Aws},
                                               {u'C', Responsibility::Customer},
                                               {u'S', Responsibility::Shared},
                                               {u'-', Responsibility::None}};
    for (qsizetype i = 0; i < options.size(); ++i) {
        const auto entry = m_catalog.responsibility(options.at(i), layer);
        QVERIFY2(entry, qPrintable(options.at(i)));
        QCOMPARE(entry->layer, layer);
        QVERIFY2(entry->who == code.value(managers.at(i)),
                 qPrintable(options.at(i) + QStringLiteral(": ") + responsibilityId(entry->who)));
    }
}

void TestResponsibility::differencesBetweenTwoOptions_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QStringList>("layers");
    QTest::newRow("EC2 vs Lambda")
        << "ec2"
        << "lambda"
        << QStringList{QStringLiteral("guest-os"), QStringLiteral("capacity"),
                       QStringLiteral("scaling"), QStringLiteral("language-runtime")};
    QTest::newRow("ECS on EC2 vs ECS on Fargate")
        << "ecs-ec2"
        << "ecs-fargate"
        << QStringList{QStringLiteral("guest-os"), QStringLiteral("container-runtime"),
                       QStringLiteral("capacity"), QStringLiteral("scaling")};
    QTest::newRow("ECS vs EKS on Fargate manage the same") << "ecs-fargate"
                                                           << "eks-fargate" << QStringList{};
    QTest::newRow("an option with itself") << "lambda"
                                           << "lambda" << QStringList{};
}

void TestResponsibility::differencesBetweenTwoOptions()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QStringList, layers);
    QStringList differing;
    for (const ResponsibilityDifference& difference :
         m_catalog.responsibilityDifferences(first, second)) {
        differing.append(difference.layer);
    }
    QCOMPARE(differing, layers);
}

void TestResponsibility::differencesNameBothSides()
{
    const auto differences =
        m_catalog.responsibilityDifferences(QStringLiteral("ec2"), QStringLiteral("ecs-fargate"));
    QVERIFY(!differences.isEmpty());
    const ResponsibilityDifference& guestOs = differences.constFirst();
    QCOMPARE(guestOs.layer, QStringLiteral("guest-os"));
    QCOMPARE(guestOs.first.who, Responsibility::Customer);
    QCOMPARE(guestOs.second.who, Responsibility::Aws);
    QVERIFY(!guestOs.first.why.isEmpty() && guestOs.first.why != guestOs.second.why);
}

void TestResponsibility::unknownIdsGiveNoAnswer()
{
    QVERIFY(!m_catalog.responsibility(QStringLiteral("app-runner"), QStringLiteral("hardware")));
    QVERIFY(!m_catalog.responsibility(QStringLiteral("ec2"), QStringLiteral("kernel")));
    QVERIFY(m_catalog.responsibilityDifferences(QStringLiteral("ec2"), QStringLiteral("nope"))
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestResponsibility)
#include "tst_responsibility.moc"
