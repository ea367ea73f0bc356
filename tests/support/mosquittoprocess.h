#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace fest {

// A private mosquitto broker for one test: its own config in a temporary directory, a
// free loopback port, and explicit limits (packet size, queue, keepalive) so a test never
// depends on the system broker or on the broker's defaults.
//
// Configure before start(); restart() keeps the port so clients can reconnect. The
// destructor stops the broker.
class MosquittoProcess : public QObject
{
    Q_OBJECT
public:
    struct Limits {
        quint32 maxPacketSize = 1024 * 1024;
        int maxQueuedMessages = 1000;
        int maxKeepaliveSeconds = 60;
    };

    explicit MosquittoProcess(QObject *parent = nullptr);
    ~MosquittoProcess() override;

    // Defaults to true; security tests turn it off and add a password_file line.
    void setAllowAnonymous(bool allow);
    void setLimits(const Limits &limits);
    Limits limits() const { return m_limits; }
    // Lines appended verbatim to the main listener's config (password_file, acl_file, ...).
    void addConfigLines(const QStringList &lines);
    // Another loopback listener on a free port with its own lines (cafile, certfile, ...).
    // Returns the port it will listen on.
    quint16 addListener(const QStringList &lines);
    // Where a test may write password, ACL or certificate files the config refers to.
    QString filePath(const QString &name) const;

    bool start(QString *error = nullptr);
    void stop();   // SIGTERM: the broker publishes nothing more and closes connections
    void kill();   // SIGKILL: a crash, connections drop without DISCONNECT
    bool restart(QString *error = nullptr);
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString url() const;   // "mqtt://127.0.0.1:PORT"
    QString logText() const;

private:
    struct Listener {
        quint16 port = 0;
        QStringList lines;
    };

    bool startOnce(QString *error, bool *portTaken);
    bool waitUntilListening(QString *error, bool *portTaken);
    bool writeConfig(QString *error) const;
    QString configText() const;
    void collectOutput() const;
    static quint16 freePort();

    QTemporaryDir m_dir;
    mutable QProcess m_process;
    mutable QString m_log;
    quint16 m_port = 0;
    bool m_allowAnonymous = true;
    Limits m_limits;
    QStringList m_extraLines;
    QList<Listener> m_listeners;
};

} // namespace fest
