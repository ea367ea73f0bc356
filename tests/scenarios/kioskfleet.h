#pragma once

#include "ballotclientprocess.h"

#include <QObject>
#include <QStringList>
#include <memory>
#include <vector>

namespace fest {

// Many headless kiosks (festival-ballot-client processes, accounts kiosk-01...), each with
// its own outbox file and its own valid tickets, casting a burst at the controller.
class KioskFleet : public QObject
{
    Q_OBJECT
public:
    KioskFleet(QString folder, QString ticketKeys, QObject *parent = nullptr);

    // Issues ballotsEach tickets per kiosk for screening S-1 (films F-1..F-3) and writes
    // each kiosk's CSV.
    bool prepare(int kiosks, int ballotsEach, QString *error);
    void startBursts(const QString &brokerUrl, double rate, int timeoutMs);
    void startDrains(const QString &brokerUrl, int timeoutMs);
    bool waitFinished(int timeoutMs);
    void killAll();

    int kiosks() const { return int(m_clients.size()); }
    int ballotsEach() const { return m_ballotsEach; }
    int total() const { return kiosks() * m_ballotsEach; }
    BallotClientProcess &client(int i) { return *m_clients[size_t(i)]; }
    QString ticketsCsv(int i) const;
    // Ballots still in the outbox files (a kiosk's file that cannot be read counts as -1).
    int pending() const;
    // Sums of the kiosks' last printed summaries.
    BallotClientProcess::Summary totals() const;
    // Empty when every kiosk exited 0 with nothing rejected and nothing pending, its
    // verdicts covering each of its ballots once, and its outbox file empty; else what is
    // wrong.
    QString drainProblems() const;

private:
    QString m_folder;
    QString m_ticketKeys;
    int m_ballotsEach = 0;
    std::vector<std::unique_ptr<BallotClientProcess>> m_clients;
};

} // namespace fest
