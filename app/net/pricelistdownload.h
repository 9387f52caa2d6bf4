#pragma once

#include "net/httpclient.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace ace::files {
class AtomicFile;
}

namespace ace::net {

// The Price List offers the import reads, in the order they are downloaded: EC2, Lambda,
// ECS (Fargate), EKS, and the offers of the request-path charges.
QStringList priceListOffers();
// Whether a download of every offer goes on without `offer` when the endpoint's service index
// does not list it (data transfer has its own offer only on newer endpoints).
bool isOptionalOffer(const QString& offer);

// Whether `region` has the form of a Price List region code ("eu-west-1", "us-east-1-nyc-1"):
// only such names are let into the cache's paths.
bool isRegionCode(const QString& region);

// AWS's public Price List endpoint.
QUrl defaultPriceListEndpoint();
// The settings key of the endpoint downloads use ("prices/endpoint"), so that tests and
// mirrors can serve the files.
QString priceListEndpointSettingsKey();
// The endpoint in the settings, or the default one.
QUrl priceListEndpoint();
// Why `endpoint` cannot be used (it is not an http or https URL with a host), or empty.
QString endpointProblem(const QUrl& endpoint);
// Where downloaded offer files are kept: "price-list" in the user's cache folder, as
// <offer>/<region>/<offer>-<region>-<version>.csv.
QString priceListCacheFolder();

struct PriceListDownloadRequest
{
    QString region;
    QStringList offers = priceListOffers();
    QUrl endpoint = priceListEndpoint();
    QString cacheFolder = priceListCacheFolder();
    // A transfer that receives nothing for this long fails.
    std::chrono::milliseconds stallTimeout{30000};
    // Where the download module (Qt Network) is looked for.
    QStringList moduleFolders = downloadModuleFolders();
};

// One offer file for the region, downloaded or reused from the cache.
struct DownloadedOffer
{
    QString offer;
    QString version; // the Price List's version of the offer, e.g. "20250912225308"
    QUrl url;
    QString path; // in the cache folder
    bool fromCache = false;
};

// Where a download is: the offer file being fetched (or reused), its bytes so far and in all
// (-1 while the server has not said), and which of the region's files it is.
struct DownloadProgress
{
    QString offer;
    QUrl url;
    qint64 bytesReceived = 0;
    qint64 bytesTotal = -1;
    int fileNumber = 0; // 1-based
    int fileCount = 0;
    bool fromCache = false;
    bool complete = false; // the file is in the cache, whole
};

enum class DownloadFailure {
    None,
    Failed,         // a transfer failed (404, cut connection, timeout) or an index did not read
    NotInPriceList, // the region (or an offer asked for) is not in the Price List, or the
                    // region is no region code
    Cancelled,
};

// Downloads the current Price List offer files of one region, asynchronously (a local event
// loop in the command line, the window's own loop in the window): the service index, each
// offer's region index, then each offer's CSV file for the region at the version the region
// index names. A file whose version is in the cache is reused, not downloaded again. A file is
// written to a temporary file and renamed when complete, so a failed or cancelled download
// never replaces a cached file with a partial one; a newer version replaces the older ones.
// The transfers are the download module's (net/httpclient.h), loaded by the first start().
class PriceListDownload : public QObject
{
    Q_OBJECT

public:
    explicit PriceListDownload(PriceListDownloadRequest request, QObject* parent = nullptr);
    ~PriceListDownload() override;
    Q_DISABLE_COPY_MOVE(PriceListDownload)

    void start();
    // Stops the transfer under way; finished() follows with DownloadFailure::Cancelled.
    void cancel();
    bool isRunning() const { return m_running; }

    // After finished():
    DownloadFailure failure() const { return m_failure; }
    // What went wrong, naming the URL or file.
    const QString& errorString() const { return m_errorString; }
    const QList<DownloadedOffer>& files() const { return m_files; }
    QStringList filePaths() const;
    // Offers left out, and why ("AmazonEKS: the Price List has no prices for ...").
    const QStringList& notes() const { return m_notes; }

signals:
    void progress(const ace::net::DownloadProgress& progress);
    void finished();

private:
    // Starts a GET of `url` as m_transfer, whose handlers are `received` (may be empty) and
    // `finished`.
    void get(const QUrl& url, std::function<void()> received, std::function<void()> finished);
    void fetchServiceIndex();
    void readServiceIndex(const QByteArray& answer, const QUrl& url);
    void fetchNextRegionIndex();
    void readRegionIndex(const QByteArray& answer, const QUrl& url);
    void fetchNextFile();
    void writeReceivedBytes();
    void completeFile();
    void removeOtherVersions(const DownloadedOffer& file) const;
    // Runs `next` with the body of the reply to `url` once it has all arrived, or fails.
    void fetchIndex(const QUrl& url,
                    void (PriceListDownload::*next)(const QByteArray&, const QUrl&));
    QString transferProblem(const HttpGet& transfer) const;
    void fail(DownloadFailure failure, const QString& message);
    void failToWrite(const files::AtomicFile& file);
    void succeed();
    // Progress of the file at m_nextFile.
    void emitProgress(qint64 received, qint64 total, bool complete = false);

    PriceListDownloadRequest m_request;
    std::unique_ptr<HttpClient> m_http; // outlives m_transfer, which it made
    std::unique_ptr<HttpGet> m_transfer;
    std::unique_ptr<files::AtomicFile> m_file;
    qint64 m_bytesReceived = 0;
    bool m_running = false;
    bool m_cancelled = false;

    // Offers whose region index is still to read, with its URL.
    QList<std::pair<QString, QUrl>> m_regionIndexes;
    qsizetype m_nextRegionIndex = 0;
    // Regions some region index lists, for the message when none lists the asked one.
    QStringList m_knownRegions;
    qsizetype m_nextFile = 0;

    DownloadFailure m_failure = DownloadFailure::None;
    QString m_errorString;
    QList<DownloadedOffer> m_files;
    QStringList m_notes;
};

} // namespace ace::net

Q_DECLARE_METATYPE(ace::net::DownloadProgress)
