#include "cli/pricesdownload.h"

#include "cli/pricescommand.h"
#include "cli/progressline.h"
#include "net/pricelistdownload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <unistd.h>

namespace ace::cli {

namespace {

struct DownloadCommandOptions
{
    QCommandLineOption region{QStringLiteral("region"), {}, QStringLiteral("REGION")};
    QCommandLineOption offers{QStringLiteral("offers"), {}, QStringLiteral("A,B")};
    QCommandLineOption endpoint{QStringLiteral("endpoint"), {}, QStringLiteral("URL")};

    QList<QCommandLineOption> all() const { return {region, offers, endpoint}; }
};

// Shows a download's progress: on a terminal the bytes received so far, rewritten in place;
// each file's outcome on a line of its own.
void showDownloadProgress(ProgressLine& line, const net::DownloadProgress& progress)
{
    const QString file = QStringLiteral("%1 (%2 of %3)")
                             .arg(progress.offer)
                             .arg(progress.fileNumber)
                             .arg(progress.fileCount);
    if (progress.fromCache) {
        line.finish(file + QStringLiteral(": unchanged, reused from the cache"));
    } else if (progress.complete) {
        line.finish(file + QStringLiteral(": downloaded ") + dataSizeText(progress.bytesReceived));
    } else {
        // Without a size from the server, only the bytes so far.
        line.update(
            file + QStringLiteral(": downloading ") +
            (progress.bytesTotal > 0
                 ? QStringLiteral("%1 of %2 (%3%)")
                       .arg(dataSizeText(progress.bytesReceived), dataSizeText(progress.bytesTotal))
                       .arg(progress.bytesReceived * 100 / progress.bytesTotal)
                 : dataSizeText(progress.bytesReceived)));
    }
}

// While it lives, Ctrl-C (SIGINT) and SIGTERM call `interrupted` from the event loop instead
// of ending the process, so that a download stops cleanly and leaves no partial file in the
// cache. The signal handler only writes a byte to a pipe the event loop watches.
class InterruptionWatch
{
public:
    explicit InterruptionWatch(std::function<void()> interrupted)
    {
        if (pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return; // then signals keep their default effect
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                         [interrupted = std::move(interrupted)] {
                             char byte;
                             while (read(s_pipe[0], &byte, 1) == 1) {
                             }
                             interrupted();
                         });
        struct sigaction action = {};
        action.sa_handler = [](int) {
            const char byte = 1;
            [[maybe_unused]] const ssize_t written = write(s_pipe[1], &byte, 1);
        };
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
    }
    ~InterruptionWatch()
    {
        if (!m_notifier)
            return;
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
        m_notifier.reset();
        close(s_pipe[0]);
        close(s_pipe[1]);
    }
    Q_DISABLE_COPY_MOVE(InterruptionWatch)

private:
    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
};

// The download the command line asks for, or a message why it cannot be done.
std::optional<net::PriceListDownloadRequest> readRequest(const QCommandLineParser& parser,
                                                         const DownloadCommandOptions& options,
                                                         const QString& command, QTextStream& err)
{
    const auto bad = [&](const QString& message) {
        err << QCoreApplication::applicationName() << " " << command << ": " << message << Qt::endl;
        return std::nullopt;
    };
    net::PriceListDownloadRequest request;
    request.region = parser.value(options.region);
    if (!parser.isSet(options.region))
        return bad(QStringLiteral("--region: needed (e.g. --region eu-west-1)"));
    if (!net::isRegionCode(request.region)) {
        return bad(QStringLiteral("--region: \"%1\" is not a region code such as eu-west-1")
                       .arg(request.region));
    }
    if (parser.isSet(options.offers)) {
        request.offers = parser.value(options.offers).split(u',', Qt::SkipEmptyParts);
        request.offers.removeDuplicates(); // one file per offer: the import takes each once
        for (const QString& offer : std::as_const(request.offers)) {
            if (!net::priceListOffers().contains(offer)) {
                return bad(QStringLiteral("--offers: \"%1\" is not an offer the import reads (%2)")
                               .arg(offer, net::priceListOffers().join(QStringLiteral(","))));
            }
        }
        if (request.offers.isEmpty())
            return bad(
                QStringLiteral("--offers: names no offer (e.g. --offers AmazonEC2,AWSLambda)"));
    }
    if (parser.isSet(options.endpoint)) {
        request.endpoint = QUrl(parser.value(options.endpoint), QUrl::StrictMode);
        const QString problem = net::endpointProblem(request.endpoint);
        if (!problem.isEmpty())
            return bad(QStringLiteral("--endpoint: \"%1\" %2")
                           .arg(parser.value(options.endpoint), problem));
    } else {
        const QString problem = net::endpointProblem(request.endpoint);
        if (!problem.isEmpty()) {
            return bad(QStringLiteral("the setting %1 in %2: \"%3\" %4")
                           .arg(net::priceListEndpointSettingsKey(), QSettings().fileName(),
                                request.endpoint.toString(), problem));
        }
    }
    return request;
}

} // namespace

int runPricesDownload(const QStringList& arguments, const CommandContext& context)
{
    const QString command = QStringLiteral("prices download");
    QCommandLineParser parser;
    const DownloadCommandOptions options;
    parser.addOptions(options.all());
    if (!parseCommandArguments(parser, QStringList{command} + arguments.mid(1), context.err))
        return ExitBadInput;
    const std::optional<net::PriceListDownloadRequest> request =
        readRequest(parser, options, command, context.err);
    if (!request)
        return ExitBadInput;

    net::PriceListDownload download(*request);
    ProgressLine progressLine(context.err);
    QObject::connect(&download, &net::PriceListDownload::progress, &download,
                     [&progressLine](const net::DownloadProgress& progress) {
                         showDownloadProgress(progressLine, progress);
                     });
    QEventLoop loop;
    QObject::connect(&download, &net::PriceListDownload::finished, &loop, &QEventLoop::quit);
    {
        const InterruptionWatch interruption([&download] { download.cancel(); });
        download.start();
        if (download.isRunning())
            loop.exec();
    }
    progressLine.close();

    const auto say = [&](const QString& message) {
        context.err << QCoreApplication::applicationName() << " " << command << ": " << message
                    << Qt::endl;
    };
    if (download.failure() == net::DownloadFailure::Cancelled) {
        say(QStringLiteral("interrupted; nothing in the cache or the price books was replaced"));
        return ExitFailure;
    }
    if (download.failure() != net::DownloadFailure::None) {
        say(download.errorString());
        return download.failure() == net::DownloadFailure::NotInPriceList ? ExitBadInput
                                                                          : ExitFailure;
    }
    for (const QString& note : download.notes())
        say(note);
    // The files are imported as `prices import` imports them, into the region's price book.
    return runPrices(QStringList{QStringLiteral("prices"), QStringLiteral("import"),
                                 QStringLiteral("--region"), request->region} +
                         download.filePaths(),
                     context);
}

} // namespace ace::cli
