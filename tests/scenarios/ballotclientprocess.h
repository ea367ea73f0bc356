#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fest {

// One festival-ballot-client process (a headless kiosk with its own outbox file): burst
// casts ballots and waits for every verdict, cast sends one ballot, drain only re-sends
// what the outbox holds. They exit 0 once the outbox is empty, 3 when the controller's
// answers did not come; cast exits 1 when its ballot was rejected.
class BallotClientProcess : public QObject
{
    Q_OBJECT
public:
    struct Summary {
        int accepted = -1;
        int duplicate = -1;
        int rejected = -1;
        int pending = -1;
    };

    BallotClientProcess(QString account, QString outbox, QObject *parent = nullptr);
    ~BallotClientProcess() override;

    static QString binary();

    bool startBurst(const QString &brokerUrl, const QString &ticketsCsv, int count, double rate, int timeoutMs);
    bool startDrain(const QString &brokerUrl, int timeoutMs);
    // One ballot for one ticket: ratings "FILM=N", one for a film, several for films of a
    // block (festival-ballot-client cast --rating ...).
    bool startCast(const QString &brokerUrl, const QString &ticket, const QString &screening, const QStringList &ratings,
                   int timeoutMs);
    void kill();
    bool isRunning() const;
    // Runs the event loop until the process exited (or timeoutMs); false if still running.
    bool waitFinished(int timeoutMs);
    int exitCode() const;
    QString output() const { return m_output; }
    // The last "accepted A, duplicate D, rejected R, still pending P" line it printed.
    Summary summary() const;

    QString account() const { return m_account; }
    QString outbox() const { return m_outbox; }
    // Ballots still waiting in an outbox file (-1 when it cannot be read).
    static int pendingIn(const QString &outbox);

private:
    bool run(const QStringList &args);

    QString m_account;
    QString m_outbox;
    QProcess m_process;
    QString m_output;
};

} // namespace fest
