#include "net/pricelistdownload.h"

#include "files/safefile.h"
#include "json/dataerror.h"
#include "json/jsonreader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace ace::net {

namespace {

const QString serviceIndexPath = QStringLiteral("/offers/v1.0/aws/index.json");

// The offer file's name in the cache folder, keyed by offer, region and version. The file's
// own name says all three, because the import names it in the price book's sources.
QString cachedFilePath(const QString& cacheFolder, const QString& offer, const QString& region,
                       const QString& version)
{
    return QStringLiteral("%1/%2/%3/%2-%3-%4.csv").arg(cacheFolder, offer, region, version);
}

// The body of an index file as a JSON object; throws a DataError naming the URL.
QJsonObject parseIndex(const QByteArray& answer, const QUrl& url)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(answer, &error);
    if (error.error != QJsonParseError::NoError) {
        throw DataError(url.toDisplayString(), {},
                        QStringLiteral("is not a Price List index (%1 at byte %2)")
                            .arg(error.errorString())
                            .arg(error.offset));
    }
    if (!document.isObject())
        throw DataError(url.toDisplayString(), {}, QStringLiteral("is not a JSON object"));
    return document.object();
}

} // namespace

QStringList priceListOffers()
{
    return {QStringLiteral("AmazonEC2"),        QStringLiteral("AWSLambda"),
            QStringLiteral("AmazonECS"),        QStringLiteral("AmazonEKS"),
            QStringLiteral("AmazonApiGateway"), QStringLiteral("AWSELB"),
            QStringLiteral("AWSDataTransfer")};
}

bool isOptionalOffer(const QString& offer)
{
    return offer == QLatin1String("AWSDataTransfer");
}

bool isRegionCode(const QString& region)
{
    static const QRegularExpression regionCode(QStringLiteral("^[a-z]{2}(-[a-z0-9]+)+$"));
    return regionCode.match(region).hasMatch();
}

QUrl defaultPriceListEndpoint()
{
    return QUrl(QStringLiteral("https://pricing.us-east-1.amazonaws.com"));
}

QString priceListEndpointSettingsKey()
{
    return QStringLiteral("prices/endpoint");
}

QUrl priceListEndpoint()
{
    const QSettings settings;
    const QString endpoint = settings.value(priceListEndpointSettingsKey()).toString();
    return endpoint.isEmpty() ? defaultPriceListEndpoint() : QUrl(endpoint, QUrl::StrictMode);
}

QString endpointProblem(const QUrl& endpoint)
{
    if (!endpoint.isValid() || endpoint.host().isEmpty() ||
        (endpoint.scheme() != QLatin1String("https") && endpoint.scheme() != QLatin1String("http")))
        return QStringLiteral("is not an http or https URL with a host, e.g. %1")
            .arg(defaultPriceListEndpoint().toString());
    return {};
}

QString priceListCacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/price-list");
}

PriceListDownload::PriceListDownload(PriceListDownloadRequest request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
{}

// Deleting m_transfer stops a transfer under way without reporting it; m_file, not committed,
// is discarded.
PriceListDownload::~PriceListDownload() = default;

QStringList PriceListDownload::filePaths() const
{
    QStringList paths;
    for (const DownloadedOffer& file : m_files)
        paths.append(file.path);
    return paths;
}

void PriceListDownload::start()
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_cancelled = false;
    m_failure = DownloadFailure::None;
    m_errorString.clear();
    m_files.clear();
    m_notes.clear();
    m_regionIndexes.clear();
    m_knownRegions.clear();
    m_nextRegionIndex = 0;
    m_nextFile = 0;
    if (!isRegionCode(m_request.region)) {
        return fail(DownloadFailure::NotInPriceList,
                    tr("\"%1\" is not a region code such as eu-west-1").arg(m_request.region));
    }
    if (!m_http) {
        std::variant<std::unique_ptr<HttpClient>, QString> loaded =
            loadHttpClient(m_request.moduleFolders);
        if (const QString* problem = std::get_if<QString>(&loaded))
            return fail(DownloadFailure::Failed, *problem);
        m_http = std::move(std::get<std::unique_ptr<HttpClient>>(loaded));
    }
    fetchServiceIndex();
}

void PriceListDownload::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_transfer)
        m_transfer->abort(); // its finished handler reports the cancellation
}

void PriceListDownload::get(const QUrl& url, std::function<void()> received,
                            std::function<void()> finished)
{
    HttpGetRequest request;
    request.url = url;
    request.userAgent = QStringLiteral("aws-compute-explorer/" ACE_VERSION);
    request.stallTimeout = m_request.stallTimeout;
    request.received = std::move(received);
    request.finished = std::move(finished);
    m_transfer = m_http->get(request);
}

void PriceListDownload::fetchIndex(const QUrl& url,
                                   void (PriceListDownload::*next)(const QByteArray&, const QUrl&))
{
    get(url, {}, [this, url, next] {
        const std::unique_ptr<HttpGet> transfer = std::move(m_transfer);
        if (m_cancelled)
            return fail(DownloadFailure::Cancelled, tr("Cancelled"));
        const QString problem = transferProblem(*transfer);
        if (!problem.isEmpty())
            return fail(DownloadFailure::Failed,
                        url.toDisplayString() + QStringLiteral(": ") + problem);
        try {
            (this->*next)(transfer->readAll(), url);
        } catch (const DataError& error) {
            fail(DownloadFailure::Failed, error.toString());
        }
    });
}

void PriceListDownload::fetchServiceIndex()
{
    fetchIndex(m_request.endpoint.resolved(QUrl(serviceIndexPath)),
               &PriceListDownload::readServiceIndex);
}

void PriceListDownload::readServiceIndex(const QByteArray& answer, const QUrl& url)
{
    JsonObjectReader index(parseIndex(answer, url), JsonLocation(url.toDisplayString()));
    JsonObjectReader offers = index.object(QStringLiteral("offers"));
    for (const QString& offer : std::as_const(m_request.offers)) {
        if (!offers.has(offer)) {
            if (!isOptionalOffer(offer)) {
                return fail(DownloadFailure::NotInPriceList,
                            tr("%1 is not an offer of the Price List at %2")
                                .arg(offer, url.toDisplayString()));
            }
            m_notes.append(tr("%1: not an offer of the Price List at %2; left out")
                               .arg(offer, url.toDisplayString()));
            continue;
        }
        const QString regionIndex =
            offers.object(offer).string(QStringLiteral("currentRegionIndexUrl"));
        m_regionIndexes.append({offer, url.resolved(QUrl(regionIndex))});
    }
    fetchNextRegionIndex();
}

void PriceListDownload::fetchNextRegionIndex()
{
    if (m_nextRegionIndex < m_regionIndexes.size())
        return fetchIndex(m_regionIndexes.at(m_nextRegionIndex).second,
                          &PriceListDownload::readRegionIndex);
    if (m_files.isEmpty()) {
        m_knownRegions.sort();
        m_knownRegions.removeDuplicates();
        return fail(DownloadFailure::NotInPriceList,
                    tr("%1 is not a region of the Price List at %2: none of %3 has prices for "
                       "it. Regions: %4")
                        .arg(m_request.region, m_request.endpoint.toDisplayString(),
                             m_request.offers.join(QStringLiteral(", ")),
                             m_knownRegions.join(QStringLiteral(", "))));
    }
    fetchNextFile();
}

void PriceListDownload::readRegionIndex(const QByteArray& answer, const QUrl& url)
{
    const QString& offer = m_regionIndexes.at(m_nextRegionIndex++).first;
    JsonObjectReader index(parseIndex(answer, url), JsonLocation(url.toDisplayString()));
    JsonObjectReader regions = index.object(QStringLiteral("regions"));
    if (!regions.has(m_request.region)) {
        m_knownRegions.append(regions.takeKeys());
        m_notes.append(tr("%1: the Price List has no prices for %2 (%3); left out")
                           .arg(offer, m_request.region, url.toDisplayString()));
        return fetchNextRegionIndex();
    }
    JsonObjectReader region = regions.object(m_request.region);
    const QString versionPath = region.string(QStringLiteral("currentVersionUrl"));
    // "/offers/v1.0/aws/AmazonEC2/20250912225308/eu-west-1/index.json": the CSV file of that
    // version sits beside the JSON one. The version names the file in the cache, so it must
    // be a plain name.
    static const QRegularExpression versionFile(
        QStringLiteral("^(.*/([A-Za-z0-9]+)/([^/]+)/index\\.)json$"));
    const QRegularExpressionMatch match = versionFile.match(versionPath);
    if (!match.hasMatch() || match.captured(3) != m_request.region) {
        region.locationOf(QStringLiteral("currentVersionUrl"))
            .fail(QStringLiteral("\"%1\" is not a path ending in /VERSION/%2/index.json")
                      .arg(versionPath, m_request.region));
    }
    DownloadedOffer file;
    file.offer = offer;
    file.version = match.captured(2);
    file.url = url.resolved(QUrl(match.captured(1) + QStringLiteral("csv")));
    file.path = cachedFilePath(m_request.cacheFolder, offer, m_request.region, file.version);
    m_files.append(file);
    fetchNextRegionIndex();
}

void PriceListDownload::fetchNextFile()
{
    while (m_nextFile < m_files.size() && QFileInfo(m_files.at(m_nextFile).path).isFile()) {
        DownloadedOffer& cached = m_files[m_nextFile];
        cached.fromCache = true;
        const qint64 size = QFileInfo(cached.path).size();
        emitProgress(size, size, true);
        ++m_nextFile;
    }
    // A cancel() from a progress slot above had no transfer to abort.
    if (m_cancelled)
        return fail(DownloadFailure::Cancelled, tr("Cancelled"));
    if (m_nextFile == m_files.size())
        return succeed();

    const DownloadedOffer& file = m_files.at(m_nextFile);
    m_file = std::make_unique<files::AtomicFile>(file.path);
    // A folder that cannot be made is reported by open(), naming the file.
    QDir().mkpath(QFileInfo(file.path).path());
    if (!m_file->open())
        return failToWrite(*m_file);
    m_bytesReceived = 0;
    get(
        file.url, [this] { writeReceivedBytes(); }, [this] { completeFile(); });
    emitProgress(0, -1);
}

void PriceListDownload::writeReceivedBytes()
{
    const QByteArray bytes = m_transfer->readAll();
    // An error page is no part of the file (completeFile() reports the status).
    if (m_transfer->status() >= 300)
        return;
    if (!m_file->write(bytes)) {
        // completeFile() then reports the write error.
        m_transfer->abort();
        return;
    }
    m_bytesReceived += bytes.size();
    emitProgress(m_bytesReceived, m_transfer->contentLength());
}

void PriceListDownload::completeFile()
{
    const std::unique_ptr<HttpGet> transfer = std::move(m_transfer);
    // Anything that does not end in commit() leaves the cache as it was (AtomicFile discards).
    const std::unique_ptr<files::AtomicFile> file = std::move(m_file);
    const DownloadedOffer& offer = m_files.at(m_nextFile);
    const QString what =
        tr("%1 for %2: %3: ").arg(offer.offer, m_request.region, offer.url.toDisplayString());
    if (m_cancelled)
        return fail(DownloadFailure::Cancelled, tr("Cancelled"));
    if (!file->errorString().isEmpty())
        return failToWrite(*file);
    QString problem = transferProblem(*transfer);
    const qint64 expected = transfer->contentLength();
    // (Qt drops the length of a body it decompresses: tst_pricelistdownload checks that.)
    const bool lengthKnown = expected >= 0;
    if (transfer->error() == TransferError::ConnectionClosed ||
        (problem.isEmpty() && lengthKnown && expected != m_bytesReceived)) {
        problem = lengthKnown ? tr("the connection closed after %1 of %2 bytes")
                                    .arg(m_bytesReceived)
                                    .arg(expected)
                              : tr("the connection closed after %1 bytes").arg(m_bytesReceived);
    }
    if (!problem.isEmpty())
        return fail(DownloadFailure::Failed, what + problem);
    if (!file->commit())
        return failToWrite(*file);
    removeOtherVersions(offer);
    emitProgress(m_bytesReceived, m_bytesReceived, true);
    ++m_nextFile;
    fetchNextFile();
}

void PriceListDownload::removeOtherVersions(const DownloadedOffer& file) const
{
    // Offer files run to hundreds of MB: only the current version is worth keeping, and the
    // temporary file of a download whose process was killed is worth nothing.
    const QFileInfo kept(file.path);
    QDir folder = kept.dir();
    for (const QString& name : folder.entryList(QDir::Files | QDir::Hidden)) {
        if (name != kept.fileName())
            folder.remove(name);
    }
}

QString PriceListDownload::transferProblem(const HttpGet& transfer) const
{
    const int status = transfer.status();
    if (status >= 400)
        return tr("the server answered %1 %2").arg(status).arg(transfer.reasonPhrase());
    switch (transfer.error()) {
    case TransferError::None:
        return {};
    case TransferError::TimedOut:
        return tr("nothing arrived for %1 ms; timed out").arg(m_request.stallTimeout.count());
    case TransferError::Aborted:
    case TransferError::ConnectionClosed:
    case TransferError::Other:
        break;
    }
    return transfer.errorString();
}

void PriceListDownload::emitProgress(qint64 received, qint64 total, bool complete)
{
    const DownloadedOffer& file = m_files.at(m_nextFile);
    DownloadProgress progress;
    progress.offer = file.offer;
    progress.url = file.url;
    progress.bytesReceived = received;
    progress.bytesTotal = total;
    progress.fileNumber = int(m_nextFile) + 1;
    progress.fileCount = int(m_files.size());
    progress.fromCache = file.fromCache;
    progress.complete = complete;
    emit this->progress(progress);
}

void PriceListDownload::fail(DownloadFailure failure, const QString& message)
{
    m_running = false;
    m_failure = failure;
    m_errorString = message;
    emit finished();
}

void PriceListDownload::failToWrite(const files::AtomicFile& file)
{
    fail(DownloadFailure::Failed, file.errorString());
}

void PriceListDownload::succeed()
{
    m_running = false;
    emit finished();
}

} // namespace ace::net
