#pragma once
// A tiny HTTP/1.1 server on loopback for the API tests and the load bench:
// records every request (method, path, headers, body) and answers 200, or
// serves fixed bodies for GET paths (a picture for URL sends). stop() and
// listen() again on the same port make a webhook receiver that is down for
// a while. One thread (the caller's event loop).

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QVector>

namespace gd::testsupport {

struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // with the query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

class HttpTestServer : public QObject
{
public:
    bool listen(quint16 port = 0)
    {
        m_server = std::make_unique<QTcpServer>();
        if (!m_server->listen(QHostAddress::LocalHost, port))
            return false;
        QObject::connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this,
                                 [this, socket] { onData(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return true;
    }
    void stop()
    {
        m_server.reset();
        for (QTcpSocket *s : findChildren<QTcpSocket *>())
            s->abort();
    }
    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    void serve(const QByteArray &path, const QByteArray &contentType, const QByteArray &body)
    {
        m_bodies.insert(path, {contentType, body});
    }
    QVector<RecordedRequest> requests;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (true) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            RecordedRequest r;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            if (first.size() < 2)
                return;
            r.method = first.at(0);
            r.path = first.at(1);
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                     lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = r.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            QByteArray contentType = "text/plain";
            QByteArray body = "ok";
            if (r.method == "GET") {
                const auto it = m_bodies.constFind(r.path);
                if (it == m_bodies.constEnd()) {
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }
                contentType = it->first;
                body = it->second;
            }
            requests.append(r);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }

    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, QPair<QByteArray, QByteArray>> m_bodies;
};

} // namespace gd::testsupport
