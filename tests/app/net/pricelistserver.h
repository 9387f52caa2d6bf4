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

// A Price List endpoint on 127.0.0.1 for the download tests: serves the files of a folder at
// their paths (tests/data/price-list/download), and, route by route, other answers or faults.
// One request per connection (it answers "Connection: close"); it runs in the test's own
// thread, so the test must spin the event loop (QSignalSpy::wait, QTRY_*) while a client talks
// to it.
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

    explicit PriceListServer(QString root, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PriceListServer)

    bool isListening() const { return m_server.isListening(); }
    // http://127.0.0.1:PORT
    QUrl endpoint() const;

    // Answers `path` with `body` instead of the folder's file (or where there is none).
    void setBody(const QString& path, const QByteArray& body);
    void setFault(const QString& path, Fault fault);
    // How often `path` was asked for.
    int requestCount(const QString& path) const { return m_requests.count(path); }
    const QList<QString>& requests() const { return m_requests; }

    // The folder's file at `path`.
    QByteArray file(const QString& path) const;

private:
    void answer(QTcpSocket* socket, const QString& path);

    QString m_root;
    QTcpServer m_server;
    QHash<QString, QByteArray> m_bodies;
    QHash<QString, Fault> m_faults;
    QList<QString> m_requests;
};

} // namespace ace::test
