#include "loginthrottle.h"

#include <QElapsedTimer>
#include <algorithm>

namespace fest {

namespace {
constexpr int maxLockoutDoublings = 6;   // 64 x lockout at most
constexpr int addressFactor = 4;
constexpr qsizetype forgetAbove = 10000;  // entries kept before stale ones are dropped

QString pairKey(const QString &user, const QString &address)
{
    return user + QLatin1Char('\n') + address;
}
} // namespace

LoginThrottle::LoginThrottle(Settings settings, Clock now)
    : m_settings(settings)
    , m_now(std::move(now))
{
    if (!m_now) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        // Offset so that 0 never looks like "just now".
        m_now = [timer] { return timer->elapsed() + 1000000000LL; };
    }
}

qint64 LoginThrottle::waitFor(Entry &entry, qint64 now) const
{
    if (now - entry.windowStart >= m_settings.windowMs && entry.lockedUntil <= now) {
        entry.failures = 0;
        entry.windowStart = now;
    }
    return std::max<qint64>(0, entry.lockedUntil - now);
}

qint64 LoginThrottle::retryAfterMs(const QString &user, const QString &address)
{
    const qint64 now = m_now();
    qint64 wait = 0;
    if (auto it = m_pairs.find(pairKey(user, address)); it != m_pairs.end())
        wait = waitFor(*it, now);
    if (auto it = m_addresses.find(address); it != m_addresses.end())
        wait = std::max(wait, waitFor(*it, now));
    return wait;
}

void LoginThrottle::fail(Entry &entry, int attempts, qint64 now) const
{
    if (entry.failures == 0 || now - entry.windowStart >= m_settings.windowMs) {
        entry.failures = 0;
        entry.windowStart = now;
    }
    if (++entry.failures < attempts)
        return;
    const qint64 lockout = m_settings.lockoutMs << std::min(entry.lockouts, maxLockoutDoublings);
    entry.lockedUntil = now + lockout;
    ++entry.lockouts;
    entry.failures = 0;
    entry.windowStart = now;
}

void LoginThrottle::recordFailure(const QString &user, const QString &address)
{
    const qint64 now = m_now();
    forgetStale(now);
    fail(m_pairs[pairKey(user, address)], m_settings.attempts, now);
    fail(m_addresses[address], m_settings.attempts * addressFactor, now);
}

void LoginThrottle::recordSuccess(const QString &user, const QString &address)
{
    m_pairs.remove(pairKey(user, address));
}

void LoginThrottle::forgetStale(qint64 now)
{
    // Bounded memory under a flood of made-up user names: entries whose window and
    // lockout are over carry no information.
    auto prune = [&](QHash<QString, Entry> &table) {
        if (table.size() < forgetAbove)
            return;
        table.removeIf([&](const auto &it) {
            return it.value().lockedUntil <= now && now - it.value().windowStart >= m_settings.windowMs;
        });
    };
    prune(m_pairs);
    prune(m_addresses);
}

} // namespace fest
