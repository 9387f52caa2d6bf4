#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtGlobal>

#include <chrono>
#include <functional>
#include <memory>
#include <variant>

// HTTP GETs for the downloads, from the download module (libace_download.so, Qt Network),
// which the program loads only when a download starts: linking Qt Network and the libraries
// it pulls in (Kerberos, libproxy, ...) into the program would cost every start-up. These
// classes are the module's whole interface, header-only, so that no code of the program is
// compiled into the module.
namespace ace::net {

// How a GET failed, beyond the HTTP status.
enum class TransferError {
    None,
    Aborted,          // abort() was called
    TimedOut,         // nothing arrived for the stall timeout
    ConnectionClosed, // the server closed the connection before the answer was whole
    Other,            // see HttpGet::errorString()
};

// One GET under way, or finished. Deleting it stops a transfer under way without a word.
class HttpGet
{
public:
    HttpGet() = default;
    virtual ~HttpGet() = default;
    Q_DISABLE_COPY_MOVE(HttpGet)

    // Stops the transfer; the finished handler runs before this returns, with
    // TransferError::Aborted.
    virtual void abort() = 0;
    // The body received since the last call.
    virtual QByteArray readAll() = 0;
    // The HTTP status and its reason phrase; 0 until the answer's headers arrive.
    virtual int status() const = 0;
    virtual QString reasonPhrase() const = 0;
    // The length of the body the headers announce, or -1 when they do not (or when the body
    // is decompressed as it arrives).
    virtual qint64 contentLength() const = 0;
    virtual TransferError error() const = 0;
    // What went wrong, in Qt Network's words (empty without an error).
    virtual QString errorString() const = 0;
};

struct HttpGetRequest
{
    QUrl url;
    QString userAgent;
    // A transfer that receives nothing for this long fails with TransferError::TimedOut.
    std::chrono::milliseconds stallTimeout{30000};
    // Run from the event loop as body bytes arrive, and once when the GET has ended (after
    // the last bytes, or on an error). Either may delete the HttpGet.
    std::function<void()> received;
    std::function<void()> finished;
};

// Makes GETs; what the module's factory returns.
class HttpClient
{
public:
    HttpClient() = default;
    virtual ~HttpClient() = default;
    Q_DISABLE_COPY_MOVE(HttpClient)

    // Starts the GET. The client must outlive the GETs it made.
    virtual std::unique_ptr<HttpGet> get(const HttpGetRequest& request) = 0;
};

// The file name of the download module ("libace_download.so").
QString downloadModuleFileName();
// Where the program looks for the download module, in order: its own folder (the build tree),
// then the install's private library folder relative to it (bin/../lib/aws-compute-explorer).
QStringList downloadModuleFolders();

// A client of the download module, loaded from the first of `folders` that holds it; or why
// it could not be loaded ("the download module /usr/lib/.../libace_download.so could not be
// loaded: <reason>").
std::variant<std::unique_ptr<HttpClient>, QString>
loadHttpClient(const QStringList& folders = downloadModuleFolders());

} // namespace ace::net

// The name of the module's factory, `extern "C" ace::net::HttpClient* <name>()`. The number
// changes with the interface above, so that a module left over from another version is refused
// rather than called.
#define ACE_DOWNLOAD_MODULE_FACTORY ace_download_module_create_http_client_v1
