#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace fest {

// The last playlist payload this player received, kept on disk so that it can run its
// screen with the broker or controller unreachable. Written atomically (QSaveFile): a
// crash mid-write leaves the previous copy.
class PlaylistCache
{
public:
    explicit PlaylistCache(const QString &path) : m_path(path) {}

    bool save(const QByteArray &payload, QString *error);
    // nullopt when there is no cache yet or it cannot be read (the reason in *error).
    std::optional<QByteArray> load(QString *error) const;
    QString path() const { return m_path; }

    static constexpr qint64 maxSize = 4 * 1024 * 1024;

private:
    QString m_path;
};

} // namespace fest
