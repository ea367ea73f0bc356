#include "sessionstore.h"

#include "consolesession.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace fest {

namespace {
constexpr int expiryCheckMs = 500;
constexpr auto tokenEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
// 32 bytes in base64url without padding.
constexpr qsizetype encodedTokenLength = 43;
} // namespace

SessionStore::SessionStore(int maxSessions, QObject *parent)
    : QObject(parent)
    , m_maxSessions(maxSessions)
{
    m_expiryTimer.setInterval(expiryCheckMs);
    connect(&m_expiryTimer, &QTimer::timeout, this, &SessionStore::expireDue);
    m_expiryTimer.start();
}

SessionStore::~SessionStore() = default;

QByteArray SessionStore::digest(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool SessionStore::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

QByteArray SessionStore::add(std::unique_ptr<ConsoleSession> session)
{
    if (full())
        return {};
    QByteArray raw(tokenBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), tokenBytes / int(sizeof(quint32)));
    const QByteArray token = raw.toBase64(tokenEncoding);
    session->setParent(this);
    m_sessions.emplace(digest(token), std::move(session));
    return token;
}

ConsoleSession *SessionStore::find(const QByteArray &token)
{
    if (token.size() != encodedTokenLength)
        return nullptr;
    const QByteArray wanted = digest(token);
    const auto it = m_sessions.find(wanted);
    // The map's own comparison already matched; comparing again in constant time keeps
    // the final decision free of early exits on the secret's bytes.
    if (it == m_sessions.end() || !constantTimeEquals(it->first, wanted))
        return nullptr;
    ConsoleSession *session = it->second.get();
    if (!session->endReason().isEmpty() || session->isExpired())
        return nullptr;
    return session;
}

bool SessionStore::remove(const QByteArray &token, const QString &reason)
{
    if (token.size() != encodedTokenLength)
        return false;
    auto node = m_sessions.extract(digest(token));
    if (node.empty())
        return false;
    node.mapped()->expire(reason);
    node.mapped().release()->deleteLater();
    return true;
}

int SessionStore::removeUser(const QString &user, const QString &reason)
{
    int removed = 0;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->second->user() != user) {
            ++it;
            continue;
        }
        it->second->expire(reason);
        it->second.release()->deleteLater();
        it = m_sessions.erase(it);
        ++removed;
    }
    return removed;
}

void SessionStore::expireDue()
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        ConsoleSession *session = it->second.get();
        if (session->endReason().isEmpty() && !session->isExpired()) {
            ++it;
            continue;
        }
        session->expire(QStringLiteral("expired"));
        // Deleted later: the pages' close frames are still being written.
        it->second.release()->deleteLater();
        it = m_sessions.erase(it);
    }
}

} // namespace fest
