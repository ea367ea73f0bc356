#pragma once

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace fest {

// The staff panel's lock. The PIN is stored only as a salted PBKDF2-SHA256 hash
// ("pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>", made by `festival-kiosk
// --hash-pin`), so reading a kiosk's config does not give it away. After five wrong
// PINs in a row, tries are refused for a minute: a visitor cannot guess four digits by
// tapping. Without a configured hash the panel stays locked.
class StaffAccess : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("StaffAccess belongs to the Kiosk singleton")
    Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool configured READ configured CONSTANT)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
public:
    enum class Error { NoError, WrongPin, TooManyTries, NotConfigured };
    Q_ENUM(Error)

    static constexpr int MaxTries = 5;
    static constexpr int LockoutSeconds = 60;

    explicit StaffAccess(const QString &pinHash, QObject *parent = nullptr);

    bool unlocked() const { return m_unlocked; }
    bool configured() const { return !m_hash.isEmpty(); }
    Error error() const { return m_error; }

    Q_INVOKABLE bool tryPin(const QString &pin);
    Q_INVOKABLE void lock();

    static QString hashPin(const QString &pin, int iterations = 20000);
    static bool verify(const QString &pin, const QString &hash);

signals:
    void unlockedChanged();
    void errorChanged();

private:
    void setError(Error error);

    QString m_hash;
    bool m_unlocked = false;
    Error m_error = Error::NoError;
    int m_failures = 0;
    QDateTime m_lockedUntil;
};

} // namespace fest
