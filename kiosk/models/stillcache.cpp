#include "stillcache.h"

#include "programme.h"
#include "stillmessage.h"
#include "topics.h"
#include "votingstatus.h"   // lcKiosk

#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QSaveFile>

#include <algorithm>

namespace fest {

bool StillCache::setFolder(const QString &folder, QString *error)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = QStringLiteral("cannot make the stills folder %1").arg(folder);
        return false;
    }
    m_folder = folder;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.jpg")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        const QString sha256 = name.chopped(4);
        const QByteArray jpeg = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (!Topics::isSha256(sha256) || StillMessage::sha256Of(jpeg) != sha256) {
            qCWarning(lcKiosk).noquote() << "dropped the cached still" << file.fileName() << "- its bytes do not match its name";
            file.remove();
            continue;
        }
        QMutexLocker lock(&m_mutex);
        m_stills.insert(sha256, jpeg);
    }
    bump();
    return true;
}

void StillCache::setProgramme(const Programme &programme)
{
    m_named.clear();
    for (const Film &film : programme.films)
        if (!film.still.isEmpty())
            m_named.insert(film.id, film.still);
    if (!programme.films.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_stills.begin(); it != m_stills.end();) {
            if (isNamed(it.key())) {
                writeFile(it.key(), it.value());   // it waited for this programme
                ++it;
            } else {
                QFile::remove(filePath(it.key()));
                it = m_stills.erase(it);
            }
        }
    }
    bump();
}

bool StillCache::applyMessage(const QString &topic, const QByteArray &payload, QString *error)
{
    const std::optional<QString> sha256 = Topics::parseStill(topic);
    if (!sha256) {
        if (error)
            *error = QStringLiteral("not a still's topic");
        return false;
    }
    if (payload.isEmpty()) {
        if (!isNamed(*sha256)) {
            QMutexLocker lock(&m_mutex);
            m_stills.remove(*sha256);
        }
        return true;
    }
    QString why;
    const std::optional<StillMessage> still = StillMessage::decode(payload, &why);
    if (!still || still->sha256 != *sha256) {
        if (error)
            *error = still ? QStringLiteral("its bytes hash to %1, not to the %2 of its topic").arg(still->sha256, *sha256) : why;
        return false;
    }
    if (!isNamed(*sha256) && !holds(*sha256)) {
        QMutexLocker lock(&m_mutex);
        const auto waiting = std::count_if(m_stills.keyBegin(), m_stills.keyEnd(), [this](const QString &s) { return !isNamed(s); });
        if (waiting >= maxWaiting) {
            if (error)
                *error = QStringLiteral("no film of programme names it and %1 stills wait already").arg(maxWaiting);
            return false;
        }
    }
    keep(*sha256, still->jpeg);
    return true;
}

QString StillCache::stillOf(const QString &filmId) const
{
    const QString sha256 = m_named.value(filmId);
    return !sha256.isEmpty() && holds(sha256) ? sha256 : QString();
}

QImage StillCache::image(const QString &sha256) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_stills.constFind(sha256);
    return it == m_stills.cend() ? QImage() : QImage::fromData(*it, "JPEG");
}

bool StillCache::holds(const QString &sha256) const
{
    QMutexLocker lock(&m_mutex);
    return m_stills.contains(sha256);
}

bool StillCache::isNamed(const QString &sha256) const
{
    for (const QString &named : m_named)
        if (named == sha256)
            return true;
    return false;
}

void StillCache::keep(const QString &sha256, const QByteArray &jpeg)
{
    {
        QMutexLocker lock(&m_mutex);
        m_stills.insert(sha256, jpeg);
    }
    if (isNamed(sha256)) {
        writeFile(sha256, jpeg);
        bump();
    }
}

bool StillCache::writeFile(const QString &sha256, const QByteArray &jpeg) const
{
    if (m_folder.isEmpty() || QFile::exists(filePath(sha256)))
        return true;
    QSaveFile file(filePath(sha256));
    if (file.open(QIODevice::WriteOnly) && file.write(jpeg) == jpeg.size() && file.commit())
        return true;
    qCWarning(lcKiosk).noquote() << "cannot keep the still" << file.fileName() << "-" << file.errorString()
                                 << "; it is shown until the kiosk restarts";
    return false;
}

QString StillCache::filePath(const QString &sha256) const
{
    return QDir(m_folder).filePath(sha256 + QStringLiteral(".jpg"));
}

void StillCache::bump()
{
    ++m_revision;
    emit changed();
}

} // namespace fest
