// Numbers and money as people read and type them: counts with suffixes, grouped digits, and
// amounts and rates in the price book's currency, discounts (negative) included.
#include "cost/quantitytext.h"

#include <QTest>

using namespace ace;

class TestQuantityText : public QObject
{
    Q_OBJECT

private slots:
    void money_data();
    void money();
    void moneyRate_data();
    void moneyRate();
    void parsesQuantitiesAsTyped_data();
    void parsesQuantitiesAsTyped();
};

void TestQuantityText::money_data()
{
    QTest::addColumn<double>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::newRow("dollars") << 1234.567 << "USD"
                             << "$1,234.57";
    QTest::newRow("zero") << 0.0 << "USD"
                          << "$0.00";
    QTest::newRow("a discount") << -18.2208 << "USD"
                                << "-$18.22";
    QTest::newRow("euros") << 1234.567 << "EUR"
                           << "1,234.57 EUR";
    QTest::newRow("a discount in euros") << -18.2208 << "EUR"
                                         << "-18.22 EUR";
}

void TestQuantityText::money()
{
    QFETCH(double, amount);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QCOMPARE(ace::money(amount, currency), text);
}

void TestQuantityText::moneyRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("text");
    QTest::newRow("Lambda GB-s") << 0.0000166667 << "$0.0000166667";
    QTest::newRow("whole cents at least") << 0.1 << "$0.10";
    QTest::newRow("whole dollars") << 3.0 << "$3.00";
    QTest::newRow("a discount's fraction") << -0.3 << "-$0.30";
}

void TestQuantityText::moneyRate()
{
    QFETCH(double, rate);
    QFETCH(QString, text);
    QCOMPARE(ace::moneyRate(rate, QStringLiteral("USD")), text);
}

void TestQuantityText::parsesQuantitiesAsTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<std::optional<double>>("value");
    QTest::newRow("plain") << "3000000" << std::optional<double>(3e6);
    QTest::newRow("grouped") << "3,000,000" << std::optional<double>(3e6);
    QTest::newRow("suffix") << "2.5k" << std::optional<double>(2500);
    QTest::newRow("billions") << "1.2B" << std::optional<double>(1.2e9);
    QTest::newRow("not a number") << "lots" << std::optional<double>();
}

void TestQuantityText::parsesQuantitiesAsTyped()
{
    QFETCH(QString, typed);
    QFETCH(std::optional<double>, value);
    QCOMPARE(parseQuantity(typed), value);
}

QTEST_GUILESS_MAIN(TestQuantityText)
#include "tst_quantitytext.moc"
