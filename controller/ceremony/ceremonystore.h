#pragma once

#include "ceremonyscript.h"
#include "database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <optional>

namespace fest {

// The ceremony's own SQLite file: the cue list, the sealed winners and the last published
// state (so that a restarted controller republishes the same retained message with the
// same seq instead of firing anything again, and seq never goes backwards).
//
// synchronous=FULL: a seq lost to a power cut would be reused, and nodes would drop the
// next cue as already applied.
class CeremonyStore
{
public:
    struct Winner {
        QString film;
        QString source;   // "jury" or "audience"
    };
    struct Published {
        qint64 seq = 0;
        QByteArray payload;   // the retained message, as published
    };

    static QList<Database::Migration> migrations();
    static std::optional<Database> openDatabase(const QString &path, QString *error);

    explicit CeremonyStore(Database &db);
    bool migrate(QString *error);

    QList<CueDefinition> cues();
    bool replaceCues(const QList<CueDefinition> &cues, QString *error);

    std::optional<Winner> winner(const QString &category);
    QStringList sealedCategories();
    bool setWinner(const QString &category, const Winner &winner, const QString &account, QString *error);

    Published published();
    bool savePublished(const Published &published, QString *error);

private:
    Database &m_db;
};

} // namespace fest
