// The download module, libace_download.so: HTTP GETs with Qt Network behind the interface of
// net/httpclient.h. The program loads it when a download starts (loadHttpClient), so that only
// a download pays for loading Qt Network and the libraries it links.
#include "net/httpclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace {

using namespace ace::net;

class NetworkGet final : public HttpGet
{
public:
    NetworkGet(QNetworkReply* reply, const HttpGetRequest& request)
        : m_reply(reply)
    {
        // The reply outlives this object (deleteLater), so the handlers may delete it.
        if (request.received)
            m_received =
                QObject::connect(reply, &QNetworkReply::readyRead, reply, request.received);
        m_finished = QObject::connect(reply, &QNetworkReply::finished, reply, request.finished);
    }

    ~NetworkGet() override
    {
        if (!m_reply)
            return;
        QObject::disconnect(m_received);
        QObject::disconnect(m_finished);
        if (m_reply->isRunning())
            m_reply->abort();
        // Not deleted here: this may run in one of the reply's own signals.
        m_reply->deleteLater();
    }

    void abort() override
    {
        m_aborted = true;
        // The finished handler may delete this object: nothing of it is touched after.
        m_reply->abort();
    }
    QByteArray readAll() override { return m_reply->readAll(); }
    int status() const override
    {
        return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    QString reasonPhrase() const override
    {
        return m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    }
    qint64 contentLength() const override
    {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        return length.isValid() ? length.toLongLong() : -1;
    }
    TransferError error() const override
    {
        switch (m_reply->error()) {
        case QNetworkReply::NoError:
            return TransferError::None;
        case QNetworkReply::OperationCanceledError: // abort(), or the transfer timeout
            return m_aborted ? TransferError::Aborted : TransferError::TimedOut;
        case QNetworkReply::TimeoutError:
            return TransferError::TimedOut;
        case QNetworkReply::RemoteHostClosedError:
            return TransferError::ConnectionClosed;
        default:
            return TransferError::Other;
        }
    }
    QString errorString() const override
    {
        return m_reply->error() == QNetworkReply::NoError ? QString() : m_reply->errorString();
    }

private:
    QPointer<QNetworkReply> m_reply;
    QMetaObject::Connection m_received;
    QMetaObject::Connection m_finished;
    bool m_aborted = false;
};

class NetworkClient final : public HttpClient
{
public:
    std::unique_ptr<HttpGet> get(const HttpGetRequest& request) override
    {
        QNetworkRequest networkRequest(request.url);
        networkRequest.setHeader(QNetworkRequest::UserAgentHeader, request.userAgent);
        networkRequest.setTransferTimeout(int(request.stallTimeout.count()));
        return std::make_unique<NetworkGet>(m_network.get(networkRequest), request);
    }

private:
    QNetworkAccessManager m_network;
};

} // namespace

extern "C" Q_DECL_EXPORT HttpClient* ACE_DOWNLOAD_MODULE_FACTORY()
{
    return new NetworkClient;
}
