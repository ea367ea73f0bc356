#include "kioskfleet.h"

#include "scenariotickets.h"

#include <QDir>
#include <QTest>

namespace fest {

KioskFleet::KioskFleet(QString folder, QString ticketKeys, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_ticketKeys(std::move(ticketKeys))
{
}

QString KioskFleet::ticketsCsv(int i) const
{
    return QDir(m_folder).filePath(QStringLiteral("tickets-%1.csv").arg(i + 1, 2, 10, QLatin1Char('0')));
}

bool KioskFleet::prepare(int kiosks, int ballotsEach, QString *error)
{
    m_ballotsEach = ballotsEach;
    const QStringList codes = ScenarioTickets::issue(m_ticketKeys, kiosks * ballotsEach, error);
    if (codes.size() != kiosks * ballotsEach)
        return false;
    const QStringList films{QStringLiteral("F-1"), QStringLiteral("F-2"), QStringLiteral("F-3")};
    for (int i = 0; i < kiosks; ++i) {
        if (!ScenarioTickets::writeCsv(ticketsCsv(i), codes.mid(i * ballotsEach, ballotsEach), QStringLiteral("S-1"), films, error))
            return false;
        const QString account = QStringLiteral("kiosk-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        m_clients.push_back(std::make_unique<BallotClientProcess>(
            account, QDir(m_folder).filePath(account + QStringLiteral(".outbox.db")), this));
    }
    return true;
}

void KioskFleet::startBursts(const QString &brokerUrl, double rate, int timeoutMs)
{
    for (int i = 0; i < kiosks(); ++i)
        client(i).startBurst(brokerUrl, ticketsCsv(i), m_ballotsEach, rate, timeoutMs);
}

void KioskFleet::startDrains(const QString &brokerUrl, int timeoutMs)
{
    for (auto &c : m_clients)
        c->startDrain(brokerUrl, timeoutMs);
}

bool KioskFleet::waitFinished(int timeoutMs)
{
    (void)QTest::qWaitFor([this] {
        return std::none_of(m_clients.begin(), m_clients.end(), [](const auto &c) { return c->isRunning(); });
    }, timeoutMs);
    bool all = true;
    for (auto &c : m_clients)
        all = c->waitFinished(0) && all;
    return all;
}

void KioskFleet::killAll()
{
    for (auto &c : m_clients)
        c->kill();
}

int KioskFleet::pending() const
{
    int sum = 0;
    for (const auto &c : m_clients)
        sum += BallotClientProcess::pendingIn(c->outbox());
    return sum;
}

BallotClientProcess::Summary KioskFleet::totals() const
{
    BallotClientProcess::Summary t{0, 0, 0, 0};
    for (const auto &c : m_clients) {
        const BallotClientProcess::Summary s = c->summary();
        t.accepted += s.accepted;
        t.duplicate += s.duplicate;
        t.rejected += s.rejected;
        t.pending += s.pending;
    }
    return t;
}

QString KioskFleet::drainProblems() const
{
    QStringList problems;
    for (const auto &c : m_clients) {
        const BallotClientProcess::Summary s = c->summary();
        const int left = BallotClientProcess::pendingIn(c->outbox());
        if (c->isRunning() || c->exitCode() != 0 || s.rejected != 0 || s.pending != 0 || left != 0)
            problems << QStringLiteral("%1: exit %2, %3 left in its outbox, output: %4")
                            .arg(c->account()).arg(c->exitCode()).arg(left).arg(c->output().trimmed().right(400));
    }
    return problems.join(u'\n');
}

} // namespace fest
