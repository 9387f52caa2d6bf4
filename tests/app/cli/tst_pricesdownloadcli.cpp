// `prices download`, run as users run it: the built program in a child process, downloading
// from a local HTTP server on 127.0.0.1 (never the internet) into a cache and data folder of
// the test's own.
#include "pricelistserver.h"
#include "programrun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using ace::test::PriceListServer;

namespace {

const QString fixtureRoot = QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/download");
const QString ec2File =
    QStringLiteral("/offers/v1.0/aws/AmazonEC2/20250912225308/eu-west-1/index.csv");

using Run = ace::test::ProgramRun;

} // namespace

class TestPricesDownloadCli : public QObject
{
    Q_OBJECT

    // The user's folders, as the program finds them through the XDG variables.
    QTemporaryDir m_home;

    QString cacheFolder() const
    {
        return m_home.filePath(QStringLiteral("cache/aws-compute-explorer/aws-compute-explorer"));
    }
    QString priceBookPath(const QString& region) const
    {
        return m_home.filePath(
            QStringLiteral("data/aws-compute-explorer/aws-compute-explorer/prices/%1.json")
                .arg(region));
    }

    // Runs the program with the user's folders in m_home, serving the test's server meanwhile.
    Run runProgram(const QStringList& arguments) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* folder : {"CACHE", "DATA", "CONFIG"}) {
            environment.insert(QStringLiteral("XDG_%1_HOME").arg(QLatin1String(folder)),
                               m_home.filePath(QLatin1String(folder).toString().toLower()));
        }
        return ace::test::runProgramServingEvents(QStringLiteral(ACE_PROGRAM), arguments,
                                                  environment);
    }

    static QStringList downloadArguments(const PriceListServer& server)
    {
        return {QStringLiteral("prices"),     QStringLiteral("download"),
                QStringLiteral("--region"),   QStringLiteral("eu-west-1"),
                QStringLiteral("--offers"),   QStringLiteral("AmazonEC2,AWSLambda,AmazonECS"),
                QStringLiteral("--endpoint"), server.endpoint().toString()};
    }

private slots:
    void init()
    {
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
    }

    void failedDownloadExitsWithOneAndReplacesNothing();
    void badUsageOrInputExitsWithTwo_data();
    void badUsageOrInputExitsWithTwo();
};

void TestPricesDownloadCli::failedDownloadExitsWithOneAndReplacesNothing()
{
    PriceListServer server(fixtureRoot);
    server.setFault(ec2File, PriceListServer::Fault::NotFound);
    const QByteArray earlierBook = "an earlier price book, kept";
    QVERIFY(QDir().mkpath(QFileInfo(priceBookPath(QStringLiteral("eu-west-1"))).path()));
    QFile book(priceBookPath(QStringLiteral("eu-west-1")));
    QVERIFY(book.open(QIODevice::WriteOnly));
    book.write(earlierBook);
    book.close();

    const Run run = runProgram(downloadArguments(server));

    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             QStringLiteral("aws-compute-explorer prices download: AmazonEC2 for eu-west-1: %1: "
                            "the server answered 404 Not Found\n")
                 .arg(server.endpoint().resolved(QUrl(ec2File)).toDisplayString()));
    QCOMPARE(run.out, QString());
    QVERIFY(book.open(QIODevice::ReadOnly));
    QCOMPARE(book.readAll(), earlierBook);
    QVERIFY(!QFileInfo::exists(cacheFolder() + QStringLiteral("/price-list/AmazonEC2")) ||
            QDir(cacheFolder() + QStringLiteral("/price-list/AmazonEC2/eu-west-1"))
                .entryList(QDir::Files | QDir::Hidden)
                .isEmpty());
}

void TestPricesDownloadCli::badUsageOrInputExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString endpoint = QStringLiteral("ENDPOINT");
    QTest::newRow("no region") << QStringList{QStringLiteral("--endpoint"), endpoint}
                               << QStringLiteral("--region: needed (e.g. --region eu-west-1)");
    QTest::newRow("region with spaces")
        << QStringList{QStringLiteral("--region"), QStringLiteral("EU West")}
        << QStringLiteral("--region: \"EU West\" is not a region code such as eu-west-1");
    QTest::newRow("region that climbs folders")
        << QStringList{QStringLiteral("--region"), QStringLiteral("../eu-west-1")}
        << QStringLiteral("--region: \"../eu-west-1\" is not a region code such as eu-west-1");
    QTest::newRow("offer the import does not read")
        << QStringList{QStringLiteral("--region"), QStringLiteral("eu-west-1"),
                       QStringLiteral("--offers"), QStringLiteral("AmazonEC2,comprehend")}
        << QStringLiteral("--offers: \"comprehend\" is not an offer the import reads "
                          "(AmazonEC2,AWSLambda,AmazonECS,AmazonEKS,AmazonApiGateway,AWSELB,"
                          "AWSDataTransfer)");
    QTest::newRow("endpoint not http")
        << QStringList{QStringLiteral("--region"), QStringLiteral("eu-west-1"),
                       QStringLiteral("--endpoint"), QStringLiteral("ftp://127.0.0.1")}
        << QStringLiteral("--endpoint: \"ftp://127.0.0.1\" is not an http or https URL with a "
                          "host, e.g. https://pricing.us-east-1.amazonaws.com");
    QTest::newRow("region the Price List does not have")
        << QStringList{QStringLiteral("--region"),   QStringLiteral("eu-wset-1"),
                       QStringLiteral("--offers"),   QStringLiteral("AmazonEC2"),
                       QStringLiteral("--endpoint"), endpoint}
        << QStringLiteral("eu-wset-1 is not a region of the Price List at ENDPOINT: none of "
                          "AmazonEC2 has prices for it. Regions: eu-west-1, us-east-1");
    QTest::newRow("stray argument")
        << QStringList{QStringLiteral("--region"), QStringLiteral("eu-west-1"),
                       QStringLiteral("AmazonEC2")}
        << QStringLiteral("unexpected argument \"AmazonEC2\"");
}

void TestPricesDownloadCli::badUsageOrInputExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    PriceListServer server(fixtureRoot);
    const QString endpoint = server.endpoint().toString();
    arguments.replaceInStrings(QStringLiteral("ENDPOINT"), endpoint);

    const Run run =
        runProgram(QStringList{QStringLiteral("prices"), QStringLiteral("download")} + arguments);

    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("aws-compute-explorer prices download: ") +
                          message.replace(QStringLiteral("ENDPOINT"), endpoint) + u'\n');
    QCOMPARE(run.out, QString());
    QVERIFY(!QFileInfo::exists(priceBookPath(QStringLiteral("eu-west-1"))));
}

QTEST_GUILESS_MAIN(TestPricesDownloadCli)
#include "tst_pricesdownloadcli.moc"
