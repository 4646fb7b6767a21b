// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

// A loopback HTTP server on a random port that counts every TCP connection it accepts and answers each
// request with an empty 200 response. The hostile fixtures point every resource at it.
class LoopbackServer : public QObject
{
    Q_OBJECT
public:
    LoopbackServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                ++m_connections;
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray data = s->readAll();
                    const QByteArray firstLine = data.left(data.indexOf('\n')).trimmed();
                    if (!firstLine.isEmpty())
                        m_requests << QString::fromLatin1(firstLine);
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n"
                             "Connection: close\r\n\r\n");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    QStringList requests() const { return m_requests; }

private:
    QTcpServer m_server;
    int m_connections = 0;
    QStringList m_requests;
};
