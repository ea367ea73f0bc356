#pragma once

#include "database.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <optional>

namespace fest {

// Reads the controller's votes database from outside (a second connection, as an auditor
// would): what was counted, what was rejected, whether the file is intact.
class VotesInspector
{
public:
    struct FilmCount {
        qint64 votes = 0;
        qint64 scoreSum = 0;
        bool operator==(const FilmCount &) const = default;
    };

    static std::optional<VotesInspector> open(const QString &path, QString *error);

    qint64 votes() const;
    QSet<QString> voteIds() const;
    qint64 rejections() const;
    QMap<QString, qint64> rejectionsByReason() const;
    QMap<QString, FilmCount> perFilm() const;
    // "ok", or what PRAGMA integrity_check found.
    QString integrity() const;

    static QString integrityOf(const QString &path);

private:
    explicit VotesInspector(Database db);
    qint64 single(const QString &sql) const;

    Database m_db;
};

} // namespace fest
