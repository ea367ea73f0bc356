#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <memory>
#include <unordered_map>

namespace fest {

class ConsoleSession;

// The logged-in sessions, by token. A token is 32 bytes from the system's random source
// (QRandomGenerator::system), given to the browser once as base64url in an HttpOnly
// cookie; the store keeps only its SHA-256, so a token is never kept in memory where a
// dump could reveal it, and finds a session by that digest, compared in constant time.
//
// Sessions past their idle or absolute lifetime are ended ("expired") by a timer and
// removed; remove() ends one on logout.
class SessionStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int tokenBytes = 32;

    explicit SessionStore(int maxSessions, QObject *parent = nullptr);
    ~SessionStore() override;

    // Takes a logged-in session; returns its token, or an empty array when full.
    QByteArray add(std::unique_ptr<ConsoleSession> session);
    // The running session with this token, or nullptr (unknown, malformed or expired).
    ConsoleSession *find(const QByteArray &token);
    // Ends the session (reason given to its pages) and forgets the token.
    bool remove(const QByteArray &token, const QString &reason);
    // Ends every session of user (reason given to their pages); returns how many.
    int removeUser(const QString &user, const QString &reason);
    int count() const { return int(m_sessions.size()); }
    bool full() const { return count() >= m_maxSessions; }
    void expireDue();

    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    static QByteArray digest(const QByteArray &token);

    int m_maxSessions;
    std::unordered_map<QByteArray, std::unique_ptr<ConsoleSession>> m_sessions;   // by SHA-256 of the token
    QTimer m_expiryTimer;
};

} // namespace fest
