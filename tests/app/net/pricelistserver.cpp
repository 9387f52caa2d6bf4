#include "pricelistserver.h"

#include <QFile>
#include <QTcpSocket>

namespace ace::test {

namespace {

const QString testData = QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/");

QByteArray readTestData(const QString& name)
{
    QFile file(testData + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("PriceListServer: cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

QString PriceListServer::indexFolder()
{
    return testData + QStringLiteral("download");
}

PriceListServer::PriceListServer(QString folder, QObject* parent)
    : QObject(parent)
    , m_root(std::move(folder))
{
    setBody(QStringLiteral("/offers/v1.0/aws/index.json"),
            readTestData(QStringLiteral("offer-index.sample.json")));
    // Offer, version (as the region index names it), region, excerpt.
    const struct
    {
        const char* offer;
        const char* version;
        const char* region;
        const char* excerpt;
    } files[] = {
        {"AmazonEC2", "20250912225308", "eu-west-1", "ec2-all-regions.sample.csv"},
        {"AmazonEC2", "20250912225308", "us-east-1", "ec2-us-east-1.sample.json"},
        {"AWSLambda", "20261120100000", "eu-west-1", "lambda-eu-west-1.ligoj-fixture.csv"},
        {"AWSLambda", "20261120100000", "us-east-1", "lambda-us-east-1.constructed.csv"},
        {"AmazonECS", "20250828172723", "eu-west-1", "ecs-eu-west-1.ligoj-fixture.csv"},
        {"AmazonECS", "20250828172723", "us-east-1", "ecs-us-east-1.sample.json"},
        {"AmazonEKS", "20261121000000", "us-east-1", "eks-us-east-1.constructed.json"},
    };
    for (const auto& file : files) {
        setBody(QStringLiteral("/offers/v1.0/aws/%1/%2/%3/index.csv")
                    .arg(QLatin1String(file.offer), QLatin1String(file.version),
                         QLatin1String(file.region)),
                readTestData(QLatin1String(file.excerpt)));
    }

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
    if (m_bodies.contains(path))
        return m_bodies.value(path);
    QFile file(m_root + path);
    if (path.contains(QLatin1String("..")) || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void PriceListServer::answer(QTcpSocket* socket, const QString& path)
{
    m_requests.append(path);
    const QByteArray body = file(path);
    const auto fault = m_faults.constFind(path);
    if ((fault != m_faults.cend() && *fault == Fault::NotFound) || body.isNull()) {
        const QByteArray text = "No such file: " + path.toUtf8();
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: " +
                      QByteArray::number(text.size()) + "\r\nConnection: close\r\n\r\n" + text);
        socket->disconnectFromHost();
        return;
    }
    // qCompress gives a zlib stream (what HTTP calls deflate) after a 4-byte length.
    const QByteArray sent = m_compressed ? qCompress(body).mid(4) : body;
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                  QByteArray::number(sent.size()) + "\r\n" +
                  (m_compressed ? "Content-Encoding: deflate\r\n" : "") +
                  "Connection: close\r\n\r\n");
    if (fault == m_faults.cend()) {
        socket->write(sent);
        socket->disconnectFromHost();
        return;
    }
    socket->write(sent.left(sent.size() / 2));
    if (*fault == Fault::CutMidBody)
        socket->disconnectFromHost();
    // Fault::Stall: the socket stays open, silent, until the client gives up.
}

} // namespace ace::test
