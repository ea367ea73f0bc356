#include "playlistcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fest {

bool PlaylistCache::save(const QByteArray &payload, QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(payload) != payload.size() || !file.commit()) {
        *error = QStringLiteral("cannot write the playlist cache %1: %2. Check the cache path and free disk space.")
                     .arg(m_path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> PlaylistCache::load(QString *error) const
{
    QFile file(m_path);
    if (!file.exists()) {
        *error = QStringLiteral("no cached playlist at %1 yet").arg(m_path);
        return std::nullopt;
    }
    if (file.size() > maxSize) {
        *error = QStringLiteral("the cached playlist %1 is larger than %2 bytes; ignoring it").arg(m_path).arg(maxSize);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the cached playlist %1: %2").arg(m_path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace fest
