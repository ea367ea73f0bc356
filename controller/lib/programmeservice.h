#pragma once

#include "commandrouter.h"
#include "programme.h"
#include "programmerepository.h"

#include <QObject>

namespace fest {

class StatePublisher;

// The festival programme as the controller owns it: imports, edits and their validation.
// Every accepted change is one transaction (new version + audit entry), then published;
// a rejected one changes nothing and says why, entry by entry.
class ProgrammeService : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int changeoverMinutes = 10;
    };

    ProgrammeService(ProgrammeRepository &repository, StatePublisher &publisher, Options options, QObject *parent = nullptr);

    // Loads the newest stored version; false (with the reason) if it cannot be read.
    bool load(QString *error);
    // Publishes the current version again (after a reconnect or a restart).
    void republish();
    void registerOperations(CommandRouter &router);

    // Replaces the whole programme (validated first). Used by the import operation and to
    // seed an empty database from a file at first start.
    Reply replace(const Programme &programme, const CommandContext &who, const QString &op, const QJsonObject &auditArgs);

    // Names a stored still as the film's (an empty sha256 removes it): one more version,
    // audited as `op` with auditArgs. unknown_film when no film has that id.
    Reply setFilmStill(const CommandContext &who, const QString &filmId, const QString &sha256, const QString &op,
                       const QJsonObject &auditArgs);

    const Programme &programme() const { return m_programme; }
    qint64 version() const { return m_version; }
    QString hash() const { return m_hash; }

signals:
    void programmeChanged(qint64 version);

private:
    Reply import(const CommandContext &who, const QJsonObject &args);
    Reply move(const CommandContext &who, const QJsonObject &args);
    Reply delay(const CommandContext &who, const QJsonObject &args);
    Reply cancel(const CommandContext &who, const QJsonObject &args);
    Reply add(const CommandContext &who, const QJsonObject &args);
    Reply editFilm(const CommandContext &who, const QJsonObject &args);
    Reply summary() const;

    // Validates and commits an edited programme; before/after go to the audit.
    Reply commitChange(const Programme &changed, const CommandContext &who, const QString &op, const QJsonObject &args,
                       const QJsonValue &before, const QJsonValue &after);

    ProgrammeRepository &m_repository;
    StatePublisher &m_publisher;
    Options m_options;
    Programme m_programme;
    QByteArray m_encoded;  // ProgrammeJson::encode(m_programme), as stored
    qint64 m_version = 0;
    QString m_hash;
};

} // namespace fest
