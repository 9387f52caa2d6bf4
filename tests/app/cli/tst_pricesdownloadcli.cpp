// `prices download`, run as users run it: the built program in a child process, downloading
// from a local HTTP server on 127.0.0.1 (never the internet) into a cache and data folder of
// the test's own.
#include "pricelistserver.h"
#include "programrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ace::test::PriceListServer;

namespace {

const QString ec2File =
    QStringLiteral("/offers/v1.0/aws/AmazonEC2/20250912225308/us-east-1/index.csv");

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

    // The program's environment: the user's folders in m_home.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* folder : {"CACHE", "DATA", "CONFIG"}) {
            environment.insert(QStringLiteral("XDG_%1_HOME").arg(QLatin1String(folder)),
                               m_home.filePath(QLatin1String(folder).toString().toLower()));
        }
        return environment;
    }

    // Runs the program, serving the test's server meanwhile.
    Run runProgram(const QStringList& arguments) const
    {
        return ace::test::runProgramServingEvents(QStringLiteral(ACE_PROGRAM), arguments,
                                                  environment());
    }

    // A download of the four offers every price book needs, for us-east-1, where the test
    // data has them all; without --endpoint when `endpoint` is null (the setting then decides).
    static QStringList downloadArguments(const PriceListServer* endpoint,
                                         const QString& region = QStringLiteral("us-east-1"))
    {
        QStringList arguments = {
            QStringLiteral("prices"),   QStringLiteral("download"),
            QStringLiteral("--region"), region,
            QStringLiteral("--offers"), QStringLiteral("AmazonEC2,AWSLambda,AmazonECS,AmazonEKS")};
        if (endpoint)
            arguments << QStringLiteral("--endpoint") << endpoint->endpoint().toString();
        return arguments;
    }

private slots:
    void init()
    {
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
    }

    void downloadsAndImportsTheRegionsPriceBook();
    void unchangedFilesAreReusedFromTheCache();
    void endpointFromTheSettings();
    void failedDownloadExitsWithOneAndReplacesNothing();
    void interruptedDownloadLeavesNoPartialFile();
    void programWithoutItsDownloadModuleSaysSo();
    void badUsageOrInputExitsWithTwo_data();
    void badUsageOrInputExitsWithTwo();
};

void TestPricesDownloadCli::downloadsAndImportsTheRegionsPriceBook()
{
    PriceListServer server;

    const Run run = runProgram(downloadArguments(&server));

    QCOMPARE(run.exitCode, 0);
    // One line per offer file, in order, with the size the server sent (in kB of 1,000 bytes).
    QStringList files;
    for (const QString& path : server.requests()) {
        if (path.endsWith(QLatin1String("/us-east-1/index.csv")))
            files.append(path);
    }
    const QStringList offers = {QStringLiteral("AmazonEC2"), QStringLiteral("AWSLambda"),
                                QStringLiteral("AmazonECS"), QStringLiteral("AmazonEKS")};
    QCOMPARE(files.size(), offers.size());
    QString expected;
    for (qsizetype i = 0; i < offers.size(); ++i) {
        QVERIFY2(files.at(i).contains(u'/' + offers.at(i) + u'/'), qPrintable(files.at(i)));
        expected +=
            QStringLiteral("%1 (%2 of 4): downloaded %3 kB\n")
                .arg(offers.at(i))
                .arg(i + 1)
                .arg(QString::number(double(server.file(files.at(i)).size()) / 1000, 'f', 1));
    }
    QCOMPARE(run.err, expected);
    // As prices import reports it.
    QVERIFY2(run.out.startsWith(QStringLiteral("Wrote %1: us-east-1, USD, as of ")
                                    .arg(priceBookPath(QStringLiteral("us-east-1")))),
             qPrintable(run.out));
    const QString cached =
        cacheFolder() +
        QStringLiteral("/price-list/AmazonEKS/us-east-1/AmazonEKS-us-east-1-20261121000000.csv");
    QVERIFY2(run.out.contains(cached + QStringLiteral(" (AmazonEKS 20261121000000, JSON)")),
             qPrintable(run.out));
    QFile book(priceBookPath(QStringLiteral("us-east-1")));
    QVERIFY(book.open(QIODevice::ReadOnly));
    const QByteArray bookText = book.readAll();
    QCOMPARE(QJsonDocument::fromJson(bookText).object().value(QStringLiteral("region")),
             QJsonValue(QStringLiteral("us-east-1")));
    // The sources name the cached file, whose name says offer, region and version.
    QVERIFY(bookText.contains("file=AmazonEKS-us-east-1-20261121000000.csv"));
    QFile cachedFile(cached);
    QVERIFY(cachedFile.open(QIODevice::ReadOnly));
    QCOMPARE(cachedFile.readAll(),
             server.file(
                 QStringLiteral("/offers/v1.0/aws/AmazonEKS/20261121000000/us-east-1/index.csv")));

    // prices list, --region and the window find it.
    const Run list =
        runProgram({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray books = QJsonDocument::fromJson(list.out.toUtf8())
                                 .object()
                                 .value(QStringLiteral("priceBooks"))
                                 .toArray();
    QVERIFY(std::any_of(books.begin(), books.end(), [&](const QJsonValue& listed) {
        return listed[QLatin1String("path")] == priceBookPath(QStringLiteral("us-east-1")) &&
               listed[QLatin1String("builtIn")] == false;
    }));
}

void TestPricesDownloadCli::unchangedFilesAreReusedFromTheCache()
{
    PriceListServer server;
    QCOMPARE(runProgram(downloadArguments(&server)).exitCode, 0);
    QFile::remove(priceBookPath(QStringLiteral("us-east-1")));

    const Run again = runProgram(downloadArguments(&server));

    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.err, QStringLiteral("AmazonEC2 (1 of 4): unchanged, reused from the cache\n"
                                       "AWSLambda (2 of 4): unchanged, reused from the cache\n"
                                       "AmazonECS (3 of 4): unchanged, reused from the cache\n"
                                       "AmazonEKS (4 of 4): unchanged, reused from the cache\n"));
    QCOMPARE(server.requestCount(ec2File), 1);
    QVERIFY(QFileInfo::exists(priceBookPath(QStringLiteral("us-east-1"))));
}

void TestPricesDownloadCli::endpointFromTheSettings()
{
    PriceListServer server;
    const QString settingsPath =
        m_home.filePath(QStringLiteral("config/aws-compute-explorer/aws-compute-explorer.conf"));
    QVERIFY(QDir().mkpath(QFileInfo(settingsPath).path()));
    QFile settings(settingsPath);
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[prices]\nendpoint=" + server.endpoint().toEncoded() + "\n");
    settings.close();

    const Run run = runProgram(downloadArguments(nullptr));

    QCOMPARE(run.exitCode, 0);
    QCOMPARE(server.requestCount(QStringLiteral("/offers/v1.0/aws/index.json")), 1);
}

void TestPricesDownloadCli::failedDownloadExitsWithOneAndReplacesNothing()
{
    PriceListServer server;
    server.setFault(ec2File, PriceListServer::Fault::NotFound);
    const QByteArray earlierBook = "an earlier price book, kept";
    QVERIFY(QDir().mkpath(QFileInfo(priceBookPath(QStringLiteral("us-east-1"))).path()));
    QFile book(priceBookPath(QStringLiteral("us-east-1")));
    QVERIFY(book.open(QIODevice::WriteOnly));
    book.write(earlierBook);
    book.close();

    const Run run = runProgram(downloadArguments(&server));

    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             QStringLiteral("aws-compute-explorer prices download: AmazonEC2 for us-east-1: %1: "
                            "the server answered 404 Not Found\n")
                 .arg(server.endpoint().resolved(QUrl(ec2File)).toDisplayString()));
    QCOMPARE(run.out, QString());
    QVERIFY(book.open(QIODevice::ReadOnly));
    QCOMPARE(book.readAll(), earlierBook);
    QVERIFY(!QFileInfo::exists(cacheFolder() + QStringLiteral("/price-list/AmazonEC2")) ||
            QDir(cacheFolder() + QStringLiteral("/price-list/AmazonEC2/us-east-1"))
                .entryList(QDir::Files | QDir::Hidden)
                .isEmpty());
}

void TestPricesDownloadCli::interruptedDownloadLeavesNoPartialFile()
{
    PriceListServer server;
    server.setFault(ec2File, PriceListServer::Fault::Stall);
    QProcess process;
    process.setProcessEnvironment(environment());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(ACE_PROGRAM), downloadArguments(&server));
    // Half of the file is on its way into the cache's temporary file; then Ctrl-C (or kill).
    QTRY_COMPARE(server.requestCount(ec2File), 1);
    process.terminate();
    QVERIFY(finished.wait(30000));

    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
             QStringLiteral("aws-compute-explorer prices download: interrupted; nothing in the "
                            "cache or the price books was replaced\n"));
    QCOMPARE(QDir(cacheFolder() + QStringLiteral("/price-list/AmazonEC2/us-east-1"))
                 .entryList(QDir::Files | QDir::Hidden),
             QStringList());
}

void TestPricesDownloadCli::programWithoutItsDownloadModuleSaysSo()
{
    // The program alone in a folder: Qt Network is in the module beside it, loaded only now.
    const QString lonelyProgram = m_home.filePath(QStringLiteral("bin/aws-compute-explorer"));
    QVERIFY(QDir().mkpath(QFileInfo(lonelyProgram).path()));
    QVERIFY(QFile::copy(QStringLiteral(ACE_PROGRAM), lonelyProgram));
    PriceListServer server;

    const Run run = ace::test::runProgramServingEvents(lonelyProgram, downloadArguments(&server),
                                                       environment());

    QCOMPARE(run.exitCode, 1);
    const QString expected =
        QStringLiteral("aws-compute-explorer prices download: the download module "
                       "libace_download.so could not be loaded: it is in none of %1, ")
            .arg(QFileInfo(lonelyProgram).path());
    QVERIFY2(run.err.startsWith(expected), qPrintable(run.err));
    QCOMPARE(server.requests(), QList<QString>());
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
    PriceListServer server;
    const QString endpoint = server.endpoint().toString();
    arguments.replaceInStrings(QStringLiteral("ENDPOINT"), endpoint);

    const Run run =
        runProgram(QStringList{QStringLiteral("prices"), QStringLiteral("download")} + arguments);

    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("aws-compute-explorer prices download: ") +
                          message.replace(QStringLiteral("ENDPOINT"), endpoint) + u'\n');
    QCOMPARE(run.out, QString());
    QVERIFY(!QFileInfo::exists(priceBookPath(QStringLiteral("us-east-1"))));
}

QTEST_GUILESS_MAIN(TestPricesDownloadCli)
#include "tst_pricesdownloadcli.moc"
