#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <memory>

class QWebSocket;

namespace fest {

class ConsoleSession;

// One page's WebSocket inside a ConsoleSession: reads the client's JSON frames
// (docs/console.md, "WebSocket frames"), keeps the page's subscriptions and writes
// message, reply and state frames back.
//
// Every frame goes through JsonGuard and typed reads first; a frame that is not valid
// gets {"op":"error","code":"invalid"} and changes nothing, and the socket stays open.
// Only a message over twice the frame limit closes the socket (1009, too big): the
// WebSocket layer refuses to buffer it at all.
class ConsoleSocket : public QObject
{
    Q_OBJECT
public:
    ConsoleSocket(std::unique_ptr<QWebSocket> socket, ConsoleSession *session);
    ~ConsoleSocket() override;

    void send(const QJsonObject &frame);
    void sendText(const QByteArray &json);
    bool wants(const QString &topic) const;
    // Sends {"op":"expired","reason"} and closes the socket.
    void end(const QString &reason);

signals:
    void closed();

private:
    void onText(const QString &text);
    void onBinary();
    void handle(const QJsonObject &frame);
    void subscribe(qint64 id, const QString &filter);
    void unsubscribe(qint64 id, const QString &filter);
    void request(qint64 id, const QJsonObject &frame);
    void sendError(qint64 id, const QString &code, const QString &message);
    void dropSubscriptions();

    std::unique_ptr<QWebSocket> m_socket;
    ConsoleSession *m_session;
    QSet<QString> m_filters;
};

} // namespace fest
