// The price books the program can switch to: the built-in one and those imported into the
// user's data folder, a damaged file never hiding the others.
#include "jsonfixtures.h"
#include "pricing/pricebook.h"
#include "pricing/pricebooks.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace ace;

class TestPriceBooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void withNothingImportedOnlyTheBuiltInOne();
    void importedBooksAreListedByRegion();
    void aDamagedFileIsSkippedAndSaid();
    void anImportedBookComesBeforeTheBuiltInOneOfItsRegion();

private:
    // Writes the built-in price book as another region's into the imported folder.
    static QString importAs(const QString& region, const QString& asOf)
    {
        QJsonObject book = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
        test::setJsonAt(book, QStringLiteral("region"), region);
        test::setJsonAt(book, QStringLiteral("asOf"), asOf);
        return test::writeJsonFile(importedPriceBookPath(region), book);
    }
};

void TestPriceBooks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPriceBooks::init()
{
    QDir(importedPriceBookFolder()).removeRecursively();
    QVERIFY(QDir().mkpath(importedPriceBookFolder()));
}

void TestPriceBooks::withNothingImportedOnlyTheBuiltInOne()
{
    QStringList problems;
    const QList<AvailablePriceBook> books = availablePriceBooks(&problems);
    QCOMPARE(books.size(), 1);
    QVERIFY(books.constFirst().builtIn);
    QCOMPARE(books.constFirst().region, QStringLiteral("us-east-1"));
    QCOMPARE(books.constFirst().asOf, PriceBook::loadBuiltIn().asOf());
    QVERIFY(problems.isEmpty());
    QVERIFY(importedPriceBookPath(QStringLiteral("eu-west-1"))
                .endsWith(QStringLiteral("/prices/eu-west-1.json")));
}

void TestPriceBooks::importedBooksAreListedByRegion()
{
    QVERIFY(!importAs(QStringLiteral("eu-west-1"), QStringLiteral("2026-12-01")).isEmpty());
    QVERIFY(!importAs(QStringLiteral("ap-southeast-1"), QStringLiteral("2026-11-30")).isEmpty());
    const QList<AvailablePriceBook> books = availablePriceBooks();
    QCOMPARE(books.size(), 3);
    QVERIFY(books.at(0).builtIn);
    QCOMPARE(books.at(1).region, QStringLiteral("ap-southeast-1"));
    QCOMPARE(books.at(2).region, QStringLiteral("eu-west-1"));
    QCOMPARE(books.at(2).asOf, QStringLiteral("2026-12-01"));
    QVERIFY(!books.at(2).builtIn);
    QCOMPARE(PriceBook::load(books.at(2).path).region(), QStringLiteral("eu-west-1"));
}

void TestPriceBooks::aDamagedFileIsSkippedAndSaid()
{
    QVERIFY(!importAs(QStringLiteral("eu-west-1"), QStringLiteral("2026-12-01")).isEmpty());
    QFile damaged(importedPriceBookPath(QStringLiteral("eu-central-1")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{ \"format\": ");
    damaged.close();
    QStringList problems;
    const QList<AvailablePriceBook> books = availablePriceBooks(&problems);
    QCOMPARE(books.size(), 2);
    QCOMPARE(books.at(1).region, QStringLiteral("eu-west-1"));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().contains(QStringLiteral("eu-central-1.json")),
             qPrintable(problems.constFirst()));
}

void TestPriceBooks::anImportedBookComesBeforeTheBuiltInOneOfItsRegion()
{
    QList<AvailablePriceBook> books = availablePriceBooks();
    QVERIFY(priceBookForRegion(books, QStringLiteral("us-east-1"))->builtIn);
    QCOMPARE(priceBookForRegion(books, QStringLiteral("eu-west-1")), nullptr);
    QVERIFY(!importAs(QStringLiteral("us-east-1"), QStringLiteral("2026-12-01")).isEmpty());
    books = availablePriceBooks();
    const AvailablePriceBook* found = priceBookForRegion(books, QStringLiteral("us-east-1"));
    QVERIFY(found && !found->builtIn);
    QCOMPARE(found->asOf, QStringLiteral("2026-12-01"));
}

QTEST_GUILESS_MAIN(TestPriceBooks)
#include "tst_pricebooks.moc"
