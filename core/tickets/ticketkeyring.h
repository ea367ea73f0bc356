#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace fest {

// The controller-held ticket secrets, by key id (0..31). The secret never leaves the
// controller: kiosks only see codes. Stored as a text file readable by the owner only,
// one key a line: "<key symbol> <64 hex digits>", '#' starts a comment.
// Rotating keys = adding a new id; codes signed with older ids keep verifying.
class TicketKeyring
{
public:
    static constexpr int SecretBytes = 32;

    TicketKeyring() = default;

    static std::optional<TicketKeyring> load(const QString &path, QString *error);
    // Loads the file, or creates it with one fresh key (id 0) when it does not exist yet.
    static std::optional<TicketKeyring> loadOrCreate(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;

    // Adds a fresh random key under keyId (replacing none: false if the id is taken).
    bool addGenerated(int keyId);
    bool add(int keyId, const QByteArray &secret);

    bool isEmpty() const { return m_keys.isEmpty(); }
    bool contains(int keyId) const { return m_keys.contains(keyId); }
    QByteArray secret(int keyId) const { return m_keys.value(keyId); }
    // New tickets are signed with the newest (highest) key id.
    int currentKeyId() const { return m_keys.isEmpty() ? -1 : m_keys.lastKey(); }

private:
    QMap<int, QByteArray> m_keys;
};

} // namespace fest
