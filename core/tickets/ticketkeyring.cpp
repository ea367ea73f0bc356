#include "ticketkeyring.h"

#include "ticketcode.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace fest {

bool TicketKeyring::add(int keyId, const QByteArray &secret)
{
    if (keyId < 0 || keyId >= TicketCode::KeyCount || secret.size() < SecretBytes || m_keys.contains(keyId))
        return false;
    m_keys.insert(keyId, secret);
    return true;
}

bool TicketKeyring::addGenerated(int keyId)
{
    QByteArray secret(SecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), SecretBytes / 4);
    return add(keyId, secret);
}

std::optional<TicketKeyring> TicketKeyring::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("%1: cannot read the ticket key file (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    TicketKeyring ring;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        const QByteArray line = file.readLine(1024).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        const int id = parts.size() == 2 && parts[0].size() == 1 ? TicketCode::value(QLatin1Char(parts[0][0])) : -1;
        const QByteArray secret = parts.size() == 2 ? QByteArray::fromHex(parts[1]) : QByteArray();
        if (id < 0 || secret.size() * 2 != parts.value(1).size() || !ring.add(id, secret)) {
            if (error)
                *error = QStringLiteral("%1:%2: expected \"<key symbol> <%3 hex digits>\" with a key symbol not used before")
                             .arg(path).arg(lineNo).arg(SecretBytes * 2);
            return std::nullopt;
        }
    }
    if (ring.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: holds no ticket key; delete it to have a new one generated").arg(path);
        return std::nullopt;
    }
    return ring;
}

std::optional<TicketKeyring> TicketKeyring::loadOrCreate(const QString &path, QString *error)
{
    if (QFile::exists(path))
        return load(path, error);
    TicketKeyring ring;
    ring.addGenerated(0);
    if (!ring.save(path, error))
        return std::nullopt;
    return ring;
}

bool TicketKeyring::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("%1: cannot write the ticket key file (%2)").arg(path, file.errorString());
        return false;
    }
    // Owner-only before any secret is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write("# Festival ticket keys: keep this file secret; anyone holding it can print valid tickets.\n");
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        file.write(QString(TicketCode::symbol(it.key())).toLatin1() + ' ' + it.value().toHex() + '\n');
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write the ticket key file (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace fest
