#include "staffaccess.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace fest {

StaffAccess::StaffAccess(const QString &pinHash, QObject *parent)
    : QObject(parent)
    , m_hash(pinHash)
{
}

bool StaffAccess::tryPin(const QString &pin)
{
    if (!configured()) {
        setError(Error::NotConfigured);
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_lockedUntil.isValid() && now < m_lockedUntil) {
        setError(Error::TooManyTries);
        return false;
    }
    if (!verify(pin, m_hash)) {
        if (++m_failures >= MaxTries) {
            m_failures = 0;
            m_lockedUntil = now.addSecs(LockoutSeconds);
            setError(Error::TooManyTries);
        } else {
            setError(Error::WrongPin);
        }
        return false;
    }
    m_failures = 0;
    setError(Error::NoError);
    if (!m_unlocked) {
        m_unlocked = true;
        emit unlockedChanged();
    }
    return true;
}

void StaffAccess::lock()
{
    setError(Error::NoError);
    if (m_unlocked) {
        m_unlocked = false;
        emit unlockedChanged();
    }
}

QString StaffAccess::hashPin(const QString &pin, int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, 32);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(key.toHex()));
}

bool StaffAccess::verify(const QString &pin, const QString &hash)
{
    const QStringList parts = hash.split(u'$');
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromHex(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromHex(parts[3].toLatin1());
    if (salt.isEmpty() || expected.isEmpty())
        return false;
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, expected.size());
    // Constant-time comparison: the time taken says nothing about how much matched.
    unsigned char diff = key.size() == expected.size() ? 0 : 1;
    for (int i = 0; i < std::min(key.size(), expected.size()); ++i)
        diff |= static_cast<unsigned char>(key[i] ^ expected[i]);
    return diff == 0;
}

void StaffAccess::setError(Error error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace fest
