// Downloading a region's Price List offer files: against a local HTTP server on 127.0.0.1 that
// serves tests/data/price-list/download, never the internet.
#include "net/pricelistdownload.h"
#include "pricelistserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ace::net;
using ace::test::PriceListServer;

namespace {

const QString serviceIndex = QStringLiteral("/offers/v1.0/aws/index.json");
const QString ec2RegionIndex =
    QStringLiteral("/offers/v1.0/aws/AmazonEC2/current/region_index.json");
const QString ec2Version = QStringLiteral("20250912225308");
const QString ec2File =
    QStringLiteral("/offers/v1.0/aws/AmazonEC2/20250912225308/eu-west-1/index.csv");
const QString newerEc2Version = QStringLiteral("20251130120000");
const QString newerEc2File =
    QStringLiteral("/offers/v1.0/aws/AmazonEC2/20251130120000/eu-west-1/index.csv");

// What one download did.
struct Run
{
    bool finishedOnce = false;
    DownloadFailure failure = DownloadFailure::None;
    QString error;
    QList<DownloadedOffer> files;
    QStringList notes;
    QList<DownloadProgress> progress;
};

Run download(
    const QUrl& endpoint, const QString& cacheFolder, const QStringList& offers,
    const QString& region = QStringLiteral("eu-west-1"),
    const std::function<void(PriceListDownload&, const DownloadProgress&)>& onProgress = {},
    std::chrono::milliseconds stallTimeout = std::chrono::seconds(20))
{
    PriceListDownloadRequest request;
    request.region = region;
    request.offers = offers;
    request.endpoint = endpoint;
    request.cacheFolder = cacheFolder;
    request.stallTimeout = stallTimeout;
    request.moduleFolders = {QStringLiteral(ACE_DOWNLOAD_MODULE_DIR)};
    PriceListDownload download(request);
    Run run;
    QObject::connect(&download, &PriceListDownload::progress, &download,
                     [&](const DownloadProgress& progress) {
                         run.progress.append(progress);
                         if (onProgress)
                             onProgress(download, progress);
                     });
    QSignalSpy finished(&download, &PriceListDownload::finished);
    download.start();
    if (finished.isEmpty())
        finished.wait(30000);
    run.finishedOnce = finished.size() == 1 && !download.isRunning();
    run.failure = download.failure();
    run.error = download.errorString();
    run.files = download.files();
    run.notes = download.notes();
    return run;
}

// The files under `folder`, relative to it, sorted.
QStringList filesUnder(const QString& folder)
{
    QStringList files;
    const QDir root(folder);
    const auto walk = [&](const auto& self, const QString& path) -> void {
        const QDir dir(path);
        for (const QFileInfo& entry :
             dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
            if (entry.isDir())
                self(self, entry.filePath());
            else
                files.append(root.relativeFilePath(entry.filePath()));
        }
    };
    walk(walk, folder);
    files.sort();
    return files;
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Publishes a newer version of the EC2 eu-west-1 file (the fixture with its Version line
// changed) and points the region index at it; returns the newer file.
QByteArray publishNewerEc2Version(PriceListServer& server)
{
    QByteArray index = server.file(ec2RegionIndex);
    server.setBody(ec2RegionIndex, index.replace(ec2Version.toUtf8(), newerEc2Version.toUtf8()));
    QByteArray file = server.file(ec2File);
    server.setBody(newerEc2File, file.replace(ec2Version.toUtf8(), newerEc2Version.toUtf8()));
    return file;
}

} // namespace

class TestPriceListDownload : public QObject
{
    Q_OBJECT

    const QStringList m_threeOffers = {QStringLiteral("AmazonEC2"), QStringLiteral("AWSLambda"),
                                       QStringLiteral("AmazonECS")};

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void downloadsEachOffersFileOfTheRegion();
    void unchangedVersionIsReusedFromTheCache();
    void compressedAnswersAreCachedUncompressed();
    void newerVersionReplacesTheCachedOne();
    void failedTransferNamesTheUrlAndReplacesNothing_data();
    void failedTransferNamesTheUrlAndReplacesNothing();
    void cancelLeavesNoPartialFile();
    void cacheThatCannotBeWrittenIsNamed();
    void regionNoOfferHasIsRefusedWithTheKnownRegions();
    void regionThatIsNoRegionCodeIsRefusedUpFront_data();
    void regionThatIsNoRegionCodeIsRefusedUpFront();
    void offerWithoutTheRegionIsLeftOutWithANote();
    void offersTheServiceIndexLacks();
    void unreadableIndexNamesTheUrlAndMember_data();
    void unreadableIndexNamesTheUrlAndMember();
    void endpointComesFromTheSettings();
    void endpointProblems_data();
    void endpointProblems();
    void moduleIsLookedForBesideTheProgramThenInTheInstall();
    void moduleThatCannotBeLoadedIsNamedWithTheReason_data();
    void moduleThatCannotBeLoadedIsNamedWithTheReason();
};

void TestPriceListDownload::downloadsEachOffersFileOfTheRegion()
{
    PriceListServer server;
    QVERIFY(server.isListening());
    QTemporaryDir cache;

    const Run run = download(server.endpoint(), cache.path(), m_threeOffers);

    QVERIFY(run.finishedOnce);
    QCOMPARE(run.failure, DownloadFailure::None);
    QCOMPARE(run.error, QString());
    QCOMPARE(run.files.size(), 3);
    const QStringList versions = {ec2Version, QStringLiteral("20261120100000"),
                                  QStringLiteral("20250828172723")};
    for (int i = 0; i < 3; ++i) {
        const DownloadedOffer& file = run.files.at(i);
        QCOMPARE(file.offer, m_threeOffers.at(i));
        QCOMPARE(file.version, versions.at(i));
        QVERIFY(!file.fromCache);
        const QString path = QStringLiteral("/offers/v1.0/aws/%1/%2/eu-west-1/index.csv")
                                 .arg(file.offer, file.version);
        QCOMPARE(file.url, server.endpoint().resolved(QUrl(path)));
        QCOMPARE(file.path, QStringLiteral("%1/%2/eu-west-1/%2-eu-west-1-%3.csv")
                                .arg(cache.path(), file.offer, file.version));
        QCOMPARE(contents(file.path), server.file(path));
        QCOMPARE(server.requestCount(path), 1);

        // Progress per file, ending at its size.
        QList<DownloadProgress> progress;
        for (const DownloadProgress& step : run.progress) {
            if (step.offer == file.offer)
                progress.append(step);
        }
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().fileNumber, i + 1);
        QCOMPARE(progress.constLast().fileCount, 3);
        QCOMPARE(progress.constLast().bytesReceived, server.file(path).size());
        QCOMPARE(progress.constLast().bytesTotal, server.file(path).size());
        QVERIFY(!progress.constLast().fromCache);
        QVERIFY(progress.constLast().complete);
        QCOMPARE(std::count_if(progress.cbegin(), progress.cend(),
                               [](const DownloadProgress& step) { return step.complete; }),
                 1);
    }
    QCOMPARE(server.requestCount(serviceIndex), 1);
    QCOMPARE(server.requests().size(), 1 + 3 + 3);
    QCOMPARE(filesUnder(cache.path()).size(), 3);
    QVERIFY(run.notes.isEmpty());
}

void TestPriceListDownload::unchangedVersionIsReusedFromTheCache()
{
    PriceListServer server;
    QTemporaryDir cache;
    QCOMPARE(download(server.endpoint(), cache.path(), m_threeOffers).failure,
             DownloadFailure::None);
    const qsizetype requestsOfTheFirstRun = server.requests().size();

    const Run again = download(server.endpoint(), cache.path(), m_threeOffers);

    QVERIFY(again.finishedOnce);
    QCOMPARE(again.failure, DownloadFailure::None);
    QCOMPARE(again.files.size(), 3);
    for (const DownloadedOffer& file : again.files)
        QVERIFY2(file.fromCache, qPrintable(file.offer));
    // Only the indexes are asked for again, to learn the current versions.
    QCOMPARE(server.requests().size(), requestsOfTheFirstRun + 1 + 3);
    QCOMPARE(server.requestCount(ec2File), 1);
    QCOMPARE(again.progress.size(), 3);
    for (const DownloadProgress& step : again.progress) {
        QVERIFY(step.fromCache);
        QVERIFY(step.complete);
        QVERIFY(step.bytesReceived > 0);
        QCOMPARE(step.bytesReceived, step.bytesTotal);
    }
}

void TestPriceListDownload::compressedAnswersAreCachedUncompressed()
{
    PriceListServer server;
    server.setCompressed(true);
    QTemporaryDir cache;

    const Run run = download(server.endpoint(), cache.path(), m_threeOffers);

    QCOMPARE(run.failure, DownloadFailure::None);
    QCOMPARE(run.files.size(), 3);
    // The Content-Length counts compressed bytes: the length check after the transfer must not
    // take the whole file for a cut one.
    QCOMPARE(contents(run.files.constFirst().path), server.file(ec2File));
    QCOMPARE(
        run.progress.constLast().bytesReceived,
        server.file(QStringLiteral("/offers/v1.0/aws/AmazonECS/20250828172723/eu-west-1/index.csv"))
            .size());
}

void TestPriceListDownload::newerVersionReplacesTheCachedOne()
{
    PriceListServer server;
    QTemporaryDir cache;
    const QStringList ec2 = {QStringLiteral("AmazonEC2")};
    QCOMPARE(download(server.endpoint(), cache.path(), ec2).failure, DownloadFailure::None);
    const QByteArray newerFile = publishNewerEc2Version(server);
    // What a download killed half-way leaves: files::AtomicFile's temporary file.
    QFile killedDownload(
        cache.filePath(QStringLiteral("AmazonEC2/eu-west-1/.AmazonEC2-eu-west-1-%1.csv.ab12cd")
                           .arg(newerEc2Version)));
    QVERIFY(killedDownload.open(QIODevice::WriteOnly));
    killedDownload.close();

    const Run run = download(server.endpoint(), cache.path(), ec2);

    QCOMPARE(run.failure, DownloadFailure::None);
    QCOMPARE(run.files.size(), 1);
    QCOMPARE(run.files.constFirst().version, newerEc2Version);
    QVERIFY(!run.files.constFirst().fromCache);
    QCOMPARE(server.requestCount(newerEc2File), 1);
    QCOMPARE(contents(run.files.constFirst().path), newerFile);
    QCOMPARE(
        filesUnder(cache.path()),
        QStringList{
            QStringLiteral("AmazonEC2/eu-west-1/AmazonEC2-eu-west-1-%1.csv").arg(newerEc2Version)});
}

void TestPriceListDownload::failedTransferNamesTheUrlAndReplacesNothing_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<PriceListServer::Fault>("fault");
    QTest::addColumn<QString>("reason");

    QTest::newRow("offer file not found") << newerEc2File << PriceListServer::Fault::NotFound
                                          << QStringLiteral("the server answered 404 Not Found");
    // Half of the file (ec2-all-regions.sample.csv) arrives.
    QTest::newRow("connection cut mid-file")
        << newerEc2File << PriceListServer::Fault::CutMidBody
        << QStringLiteral("the connection closed after 17888 of 35777 bytes");
    QTest::newRow("offer file stalls")
        << newerEc2File << PriceListServer::Fault::Stall << QStringLiteral("timed out");
    QTest::newRow("region index not found") << ec2RegionIndex << PriceListServer::Fault::NotFound
                                            << QStringLiteral("the server answered 404 Not Found");
    QTest::newRow("service index not found") << serviceIndex << PriceListServer::Fault::NotFound
                                             << QStringLiteral("the server answered 404 Not Found");
}

void TestPriceListDownload::failedTransferNamesTheUrlAndReplacesNothing()
{
    QFETCH(QString, path);
    QFETCH(PriceListServer::Fault, fault);
    QFETCH(QString, reason);
    PriceListServer server;
    QTemporaryDir cache;
    const QStringList ec2 = {QStringLiteral("AmazonEC2")};
    const Run first = download(server.endpoint(), cache.path(), ec2);
    QCOMPARE(first.failure, DownloadFailure::None);
    const QString cachedPath = first.files.constFirst().path;
    publishNewerEc2Version(server);
    server.setFault(path, fault);

    const Run run = download(server.endpoint(), cache.path(), ec2, QStringLiteral("eu-west-1"), {},
                             std::chrono::milliseconds(300));

    QVERIFY(run.finishedOnce);
    QCOMPARE(run.failure, DownloadFailure::Failed);
    const QString url = server.endpoint().resolved(QUrl(path)).toDisplayString();
    QVERIFY2(run.error.contains(url + QStringLiteral(": ")), qPrintable(run.error));
    QVERIFY2(run.error.contains(reason), qPrintable(run.error));
    QVERIFY(server.requestCount(path) >= 1);
    // An error page is never reported as the file.
    for (const DownloadProgress& step : run.progress)
        QVERIFY(!step.complete && step.bytesReceived < server.file(ec2File).size());
    // The cached file of the older version is all there is, as it was.
    QCOMPARE(filesUnder(cache.path()),
             QStringList{
                 QStringLiteral("AmazonEC2/eu-west-1/AmazonEC2-eu-west-1-%1.csv").arg(ec2Version)});
    QCOMPARE(contents(cachedPath), server.file(ec2File));
}

void TestPriceListDownload::cancelLeavesNoPartialFile()
{
    PriceListServer server;
    QTemporaryDir cache;
    server.setFault(ec2File, PriceListServer::Fault::Stall);
    int cancels = 0;
    const auto cancelOnFirstBytes = [&](PriceListDownload& download,
                                        const DownloadProgress& progress) {
        if (progress.bytesReceived > 0 && cancels++ == 0)
            download.cancel();
    };

    const Run run = download(server.endpoint(), cache.path(), m_threeOffers,
                             QStringLiteral("eu-west-1"), cancelOnFirstBytes);

    QVERIFY(run.finishedOnce);
    QCOMPARE(cancels, 1);
    QCOMPARE(run.failure, DownloadFailure::Cancelled);
    QCOMPARE(run.progress.constLast().offer, QStringLiteral("AmazonEC2"));
    QVERIFY(run.progress.constLast().bytesReceived < server.file(ec2File).size());
    QCOMPARE(filesUnder(cache.path()), QStringList());
    // Nothing after the cancelled file was asked for.
    QCOMPARE(server.requests().constLast(), ec2File);
}

void TestPriceListDownload::cacheThatCannotBeWrittenIsNamed()
{
    PriceListServer server;
    QTemporaryDir home;
    // A file where the cache folder should be.
    const QString cacheFolder = home.filePath(QStringLiteral("cache"));
    QFile blocker(cacheFolder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    const Run run = download(server.endpoint(), cacheFolder, {QStringLiteral("AmazonEC2")});

    QVERIFY(run.finishedOnce);
    QCOMPARE(run.failure, DownloadFailure::Failed);
    QVERIFY2(run.error.startsWith(
                 cacheFolder +
                 QStringLiteral("/AmazonEC2/eu-west-1/AmazonEC2-eu-west-1-20250912225308.csv: "
                                "cannot write: ")),
             qPrintable(run.error));
    QCOMPARE(server.requestCount(ec2File), 0);
}

void TestPriceListDownload::regionNoOfferHasIsRefusedWithTheKnownRegions()
{
    PriceListServer server;
    QTemporaryDir cache;

    const Run run =
        download(server.endpoint(), cache.path(), m_threeOffers, QStringLiteral("eu-wset-1"));

    QVERIFY(run.finishedOnce);
    QCOMPARE(run.failure, DownloadFailure::NotInPriceList);
    QVERIFY2(run.error.startsWith(QStringLiteral("eu-wset-1 is not a region of the Price List")),
             qPrintable(run.error));
    QVERIFY2(run.error.endsWith(QStringLiteral("Regions: eu-west-1, us-east-1")),
             qPrintable(run.error));
    QCOMPARE(server.requests().size(), 1 + 3);
    QCOMPARE(filesUnder(cache.path()), QStringList());
}

void TestPriceListDownload::regionThatIsNoRegionCodeIsRefusedUpFront_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("isRegionCode");

    QTest::newRow("region") << QStringLiteral("eu-west-1") << true;
    QTest::newRow("local zone") << QStringLiteral("us-east-1-nyc-1") << true;
    QTest::newRow("climbs folders") << QStringLiteral("../eu-west-1") << false;
    QTest::newRow("a folder") << QStringLiteral("eu-west-1/x") << false;
    QTest::newRow("a location name") << QStringLiteral("EU (Ireland)") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestPriceListDownload::regionThatIsNoRegionCodeIsRefusedUpFront()
{
    QFETCH(QString, region);
    QFETCH(bool, isRegionCode);
    QCOMPARE(ace::net::isRegionCode(region), isRegionCode);
    if (isRegionCode)
        return;
    PriceListServer server;
    QTemporaryDir cache;

    const Run run = download(server.endpoint(), cache.path(), m_threeOffers, region);

    QVERIFY(run.finishedOnce);
    QCOMPARE(run.failure, DownloadFailure::NotInPriceList);
    QCOMPARE(run.error,
             QStringLiteral("\"%1\" is not a region code such as eu-west-1").arg(region));
    QCOMPARE(server.requests(), QList<QString>());
}

void TestPriceListDownload::offerWithoutTheRegionIsLeftOutWithANote()
{
    PriceListServer server;
    QTemporaryDir cache;

    const Run run = download(server.endpoint(), cache.path(),
                             {QStringLiteral("AmazonEC2"), QStringLiteral("AmazonEKS")});

    QCOMPARE(run.failure, DownloadFailure::None);
    QCOMPARE(run.files.size(), 1);
    QCOMPARE(run.files.constFirst().offer, QStringLiteral("AmazonEC2"));
    QCOMPARE(run.notes.size(), 1);
    QVERIFY2(run.notes.constFirst().startsWith(
                 QStringLiteral("AmazonEKS: the Price List has no prices for eu-west-1 (")),
             qPrintable(run.notes.constFirst()));
}

void TestPriceListDownload::offersTheServiceIndexLacks()
{
    PriceListServer server;
    QTemporaryDir cache;

    // Data transfer has an offer of its own only at newer endpoints: the others go on.
    const Run optional = download(server.endpoint(), cache.path(),
                                  {QStringLiteral("AmazonEC2"), QStringLiteral("AWSDataTransfer")});
    QCOMPARE(optional.failure, DownloadFailure::None);
    QCOMPARE(optional.files.size(), 1);
    QCOMPARE(optional.notes.size(), 1);
    QVERIFY2(optional.notes.constFirst().startsWith(
                 QStringLiteral("AWSDataTransfer: not an offer of the Price List at ")),
             qPrintable(optional.notes.constFirst()));

    const Run required = download(server.endpoint(), cache.path(),
                                  {QStringLiteral("AmazonEC2"), QStringLiteral("AWSELB")});
    QCOMPARE(required.failure, DownloadFailure::NotInPriceList);
    QCOMPARE(required.error,
             QStringLiteral("AWSELB is not an offer of the Price List at %1")
                 .arg(server.endpoint().resolved(QUrl(serviceIndex)).toDisplayString()));
}

void TestPriceListDownload::unreadableIndexNamesTheUrlAndMember_data()
{
    QTest::addColumn<QByteArray>("regionIndex");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("not JSON") << QByteArray("<html>Service Unavailable</html>")
                              << QStringLiteral(": is not a Price List index (");
    QTest::newRow("version URL not a string")
        << QByteArray(R"({"regions": {"eu-west-1": {"currentVersionUrl": 3}}})")
        << QStringLiteral(": regions.eu-west-1.currentVersionUrl: ");
    QTest::newRow("version URL of another region")
        << QByteArray(R"({"regions": {"eu-west-1": {"currentVersionUrl":
            "/offers/v1.0/aws/AmazonEC2/20250912225308/us-east-1/index.json"}}})")
        << QStringLiteral(": regions.eu-west-1.currentVersionUrl: "
                          "\"/offers/v1.0/aws/AmazonEC2/20250912225308/us-east-1/index.json\" "
                          "is not a path ending in /VERSION/eu-west-1/index.json");
    QTest::newRow("version that is no plain name")
        << QByteArray(R"({"regions": {"eu-west-1": {"currentVersionUrl":
            "/offers/v1.0/aws/AmazonEC2/../eu-west-1/index.json"}}})")
        << QStringLiteral("is not a path ending in /VERSION/eu-west-1/index.json");
}

void TestPriceListDownload::unreadableIndexNamesTheUrlAndMember()
{
    QFETCH(QByteArray, regionIndex);
    QFETCH(QString, expectedError);
    PriceListServer server;
    QTemporaryDir cache;
    server.setBody(ec2RegionIndex, regionIndex);

    const Run run = download(server.endpoint(), cache.path(), {QStringLiteral("AmazonEC2")});

    QCOMPARE(run.failure, DownloadFailure::Failed);
    const QString url = server.endpoint().resolved(QUrl(ec2RegionIndex)).toDisplayString();
    QVERIFY2(run.error.startsWith(url), qPrintable(run.error));
    QVERIFY2(run.error.contains(expectedError), qPrintable(run.error));
    QCOMPARE(filesUnder(cache.path()), QStringList());
}

void TestPriceListDownload::endpointComesFromTheSettings()
{
    QSettings settings;
    settings.remove(priceListEndpointSettingsKey());
    QCOMPARE(priceListEndpoint(), QUrl(QStringLiteral("https://pricing.us-east-1.amazonaws.com")));
    QCOMPARE(PriceListDownloadRequest().endpoint, priceListEndpoint());

    settings.setValue(priceListEndpointSettingsKey(), QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(priceListEndpoint(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
    settings.remove(priceListEndpointSettingsKey());
}

void TestPriceListDownload::endpointProblems_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<bool>("usable");

    QTest::newRow("AWS") << QStringLiteral("https://pricing.us-east-1.amazonaws.com") << true;
    QTest::newRow("local, plain http") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com") << false;
    QTest::newRow("no scheme") << QStringLiteral("pricing.us-east-1.amazonaws.com") << false;
    QTest::newRow("no host") << QStringLiteral("https://") << false;
}

void TestPriceListDownload::endpointProblems()
{
    QFETCH(QString, endpoint);
    QFETCH(bool, usable);
    QCOMPARE(endpointProblem(QUrl(endpoint)).isEmpty(), usable);
}

void TestPriceListDownload::moduleIsLookedForBesideTheProgramThenInTheInstall()
{
    const QStringList folders = downloadModuleFolders();
    QCOMPARE(folders.size(), 2);
    QCOMPARE(folders.at(0), QCoreApplication::applicationDirPath());
    // bin/../lib/aws-compute-explorer, or lib/<multiarch>/... when configured for /usr.
    QVERIFY2(folders.at(1).endsWith(QStringLiteral("/aws-compute-explorer")) &&
                 folders.at(1).contains(QStringLiteral("/lib/")),
             qPrintable(folders.at(1)));
    QCOMPARE(PriceListDownloadRequest().moduleFolders, folders);
}

void TestPriceListDownload::moduleThatCannotBeLoadedIsNamedWithTheReason_data()
{
    QTest::addColumn<bool>("moduleFileThere");
    QTest::addColumn<QString>("expectedError"); // %1: the folder looked in

    QTest::newRow("missing") << false
                             << QStringLiteral("the download module libace_download.so could not "
                                               "be loaded: it is in none of %1");
    QTest::newRow("not a library")
        << true
        << QStringLiteral("the download module %1/libace_download.so could not be loaded: "
                          "Cannot load library %1/libace_download.so: ");
}

void TestPriceListDownload::moduleThatCannotBeLoadedIsNamedWithTheReason()
{
    QFETCH(bool, moduleFileThere);
    QFETCH(QString, expectedError);
    QTemporaryDir folder;
    if (moduleFileThere) {
        QFile notALibrary(folder.filePath(downloadModuleFileName()));
        QVERIFY(notALibrary.open(QIODevice::WriteOnly));
        notALibrary.write("not an ELF file");
    }
    PriceListServer server;
    QTemporaryDir cache;
    PriceListDownloadRequest request;
    request.region = QStringLiteral("eu-west-1");
    request.endpoint = server.endpoint();
    request.cacheFolder = cache.path();
    request.moduleFolders = {folder.path()};
    PriceListDownload download(request);
    QSignalSpy finished(&download, &PriceListDownload::finished);

    download.start();

    QCOMPARE(finished.size(), 1);
    QVERIFY(!download.isRunning());
    QCOMPARE(download.failure(), DownloadFailure::Failed);
    QVERIFY2(download.errorString().startsWith(expectedError.arg(folder.path())),
             qPrintable(download.errorString()));
    QCOMPARE(server.requests(), QList<QString>());
    QCOMPARE(filesUnder(cache.path()), QStringList());
}

QTEST_GUILESS_MAIN(TestPriceListDownload)
#include "tst_pricelistdownload.moc"
