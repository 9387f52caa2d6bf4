#include "pricelistserver.h"

#include <QFile>
#include <QTcpSocket>

namespace ace::test {

PriceListServer::PriceListServer(QString root, QObject* parent)
    : QObject(parent)
    , m_root(std::move(root))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            // The request's head, read until its blank line (the body of a GET is empty), is
            // kept in a property of its socket.
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                const QByteArray head = socket->property("head").toByteArray() + socket->readAll();
                socket->setProperty("head", head);
                if (!head.contains("\r\n\r\n") || socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                // "GET /offers/v1.0/aws/index.json HTTP/1.1"
                const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
                answer(socket, requestLine.size() == 3 ? QString::fromLatin1(requestLine.at(1))
                                                       : QString());
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    m_server.listen(QHostAddress::LocalHost);
}

QUrl PriceListServer::endpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void PriceListServer::setBody(const QString& path, const QByteArray& body)
{
    m_bodies.insert(path, body);
}

void PriceListServer::setFault(const QString& path, Fault fault)
{
    m_faults.insert(path, fault);
}

QByteArray PriceListServer::file(const QString& path) const
{
    QFile file(m_root + path);
    if (path.contains(QLatin1String("..")) || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void PriceListServer::answer(QTcpSocket* socket, const QString& path)
{
    m_requests.append(path);
    const QByteArray body = m_bodies.contains(path) ? m_bodies.value(path) : file(path);
    const auto fault = m_faults.constFind(path);
    if ((fault != m_faults.cend() && *fault == Fault::NotFound) || body.isNull()) {
        const QByteArray text = "No such file: " + path.toUtf8();
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: " +
                      QByteArray::number(text.size()) + "\r\nConnection: close\r\n\r\n" + text);
        socket->disconnectFromHost();
        return;
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n");
    if (fault == m_faults.cend()) {
        socket->write(body);
        socket->disconnectFromHost();
        return;
    }
    socket->write(body.left(body.size() / 2));
    if (*fault == Fault::CutMidBody)
        socket->disconnectFromHost();
    // Fault::Stall: the socket stays open, silent, until the client gives up.
}

} // namespace ace::test
