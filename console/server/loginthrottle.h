#pragma once

#include <QHash>
#include <QString>
#include <functional>

namespace fest {

// Slows down password guessing: after `attempts` failed logins for one user from one
// address within `window`, that pair is locked out for `lockout`, doubling with each
// further failure (capped at 64 times). A success clears the pair. Each address is also
// capped at 4 x attempts failures per window whatever the user names, so that trying one
// password against many accounts is slowed down too.
//
// Time comes from `now` (milliseconds, monotonic) so that tests control it.
class LoginThrottle
{
public:
    struct Settings {
        int attempts = 5;
        qint64 windowMs = 300000;
        qint64 lockoutMs = 60000;
    };
    using Clock = std::function<qint64()>;

    explicit LoginThrottle(Settings settings, Clock now = {});

    // 0 when user may try now from address; otherwise how many milliseconds to wait.
    qint64 retryAfterMs(const QString &user, const QString &address);
    void recordFailure(const QString &user, const QString &address);
    void recordSuccess(const QString &user, const QString &address);

private:
    struct Entry {
        int failures = 0;
        qint64 windowStart = 0;
        qint64 lockedUntil = 0;
        int lockouts = 0;
    };
    qint64 waitFor(Entry &entry, qint64 now) const;
    void fail(Entry &entry, int attempts, qint64 now) const;
    void forgetStale(qint64 now);

    Settings m_settings;
    Clock m_now;
    QHash<QString, Entry> m_pairs;       // "user\naddress"
    QHash<QString, Entry> m_addresses;
};

} // namespace fest
