#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fest {

// The real festival-controller for a scenario: an ini in `folder` (databases, ticket keys
// and its log there too), a fixed show-clock UDP port so that players find it again after
// a restart, started, killed with SIGKILL and started again on the same files.
// Its stdout and stderr go, appended across restarts, to folder/controller.log.
class ScenarioController : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QString brokerUrl;
        QString folder;                  // where the ini, databases and log live
        QString databaseFolder;          // the databases, if elsewhere (a small filesystem)
        QString seedProgramme;           // programme JSON imported on first start
        quint16 clockPort = 0;           // 0: a free one, chosen once and kept
        QStringList organisers{QStringLiteral("organiser")};
        QStringList extraIni;            // more lines, e.g. "[votes]" "minimum_votes=1"
    };

    explicit ScenarioController(Settings settings, QObject *parent = nullptr);
    ~ScenarioController() override;

    static QString binary();

    // Starts the process and waits until it publishes its retained status (online or
    // alarm) from this run.
    bool start(QString *error, int timeoutMs = 20000);
    void kill();            // SIGKILL
    bool terminate();       // SIGTERM, true when it exited 0
    bool isRunning() const;
    qint64 pid() const;
    qint64 rssKb() const;   // VmRSS of the running process, 0 when not running

    QString log() const;
    QString iniPath() const;
    QString database() const;
    QString votesDatabase() const;
    QString ticketKeys() const;
    quint16 clockPort() const { return m_settings.clockPort; }
    QString brokerUrl() const { return m_settings.brokerUrl; }

    static qint64 rssKbOf(qint64 pid);

private:
    bool writeIni(QString *error) const;
    bool waitOnline(qint64 launchedAtMs, int timeoutMs, QString *error);

    Settings m_settings;
    QProcess m_process;
};

} // namespace fest
