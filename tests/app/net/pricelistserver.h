#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace ace::test {

// A Price List endpoint on 127.0.0.1 for the download tests, serving the project's test data:
// the region indexes of tests/data/price-list/download at their paths (AmazonEC2, AWSLambda and
// AmazonECS with eu-west-1 and us-east-1, AmazonEKS with us-east-1 only), and at the paths they
// name the excerpts of tests/data/price-list (for us-east-1 a set the import turns into a whole
// price book). Route by route, a test sets other answers or faults. One request per connection
// (it answers "Connection: close"); it runs in the test's own thread, so the test must spin the
// event loop (QSignalSpy::wait, QTRY_*) while a client talks to it.
class PriceListServer : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        NotFound,   // 404 Not Found
        CutMidBody, // announces the whole file, sends half of it and closes the connection
        Stall,      // announces the whole file, sends half of it and then nothing more
    };
    Q_ENUM(Fault)

    // The region indexes (and any other file) are served from `folder` at their paths.
    explicit PriceListServer(QString folder = indexFolder(), QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PriceListServer)

    // tests/data/price-list/download
    static QString indexFolder();

    bool isListening() const { return m_server.isListening(); }
    // http://127.0.0.1:PORT
    QUrl endpoint() const;

    // Answers `path` with `body` instead of the folder's file (or where there is none).
    void setBody(const QString& path, const QByteArray& body);
    void setFault(const QString& path, Fault fault);
    // Sends bodies compressed ("Content-Encoding: deflate", with the compressed length), as
    // CDNs do for clients that accept it.
    void setCompressed(bool compressed) { m_compressed = compressed; }
    // How often `path` was asked for.
    int requestCount(const QString& path) const { return m_requests.count(path); }
    const QList<QString>& requests() const { return m_requests; }

    // What it answers at `path` when all is well: the body set, or the folder's file (null
    // when there is none).
    QByteArray file(const QString& path) const;

private:
    void answer(QTcpSocket* socket, const QString& path);

    QString m_root;
    QTcpServer m_server;
    QHash<QString, QByteArray> m_bodies;
    QHash<QString, Fault> m_faults;
    QList<QString> m_requests;
    bool m_compressed = false;
};

} // namespace ace::test
