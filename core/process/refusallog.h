#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <chrono>

namespace fest {

// Bad input from the bus is refused with a logged reason, but a client flooding bad
// messages must not fill the disk: each account's refusals are logged at most once per
// interval, every one is counted, and the next line logged says how many were not.
class RefusalLog
{
public:
    explicit RefusalLog(std::chrono::seconds every = std::chrono::seconds(60))
        : m_every(every)
    {
    }

    // Counts a refusal from `account`. True when it should be logged now; then
    // `notLogged` (if given) is how many of its refusals were not logged since the last.
    bool count(const QString &account, qint64 *notLogged = nullptr, const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        ++m_total;
        Entry &e = m_accounts[account];
        if (e.lastLogged.isValid() && e.lastLogged.secsTo(now) < m_every.count()) {
            ++e.notLogged;
            return false;
        }
        if (notLogged)
            *notLogged = e.notLogged;
        e.lastLogged = now;
        e.notLogged = 0;
        return true;
    }
    qint64 total() const { return m_total; }
    // The suffix a logged line carries: "" or " (12 more since the last report)".
    static QString moreSince(qint64 notLogged)
    {
        return notLogged > 0 ? QStringLiteral(" (%1 more refused since the last report)").arg(notLogged) : QString();
    }

private:
    struct Entry
    {
        QDateTime lastLogged;
        qint64 notLogged = 0;
    };
    std::chrono::seconds m_every;
    QHash<QString, Entry> m_accounts;
    qint64 m_total = 0;
};

} // namespace fest
