#pragma once

#include "database.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace fest {

// The controller's programme history in SQLite: every change is one new version, stored
// whole, committed in the same transaction as its audit entry. The newest version is the
// festival's truth; older ones stay for the audit and for undoing a mistake by hand.
class ProgrammeRepository
{
public:
    struct Version {
        qint64 number = 0;
        QString hash;
        QByteArray json;  // ProgrammeJson encoding
        QDateTime createdAt;
    };
    struct AuditEntry {
        QString account;
        QString op;
        QJsonObject args;
        QJsonValue before;
        QJsonValue after;
    };

    explicit ProgrammeRepository(Database &db);
    bool migrate(QString *error);

    std::optional<Version> current() const;
    // Stores a new version and its audit entry in one transaction; returns the new version
    // number, or nullopt (with the reason) when the commit did not happen.
    std::optional<qint64> commit(const QByteArray &json, const QString &hash, const AuditEntry &audit, QString *error);
    // Audits an operation that changed no programme (voting, ceremony, nodes).
    bool audit(const AuditEntry &entry, QString *error);
    QJsonArray auditLog(int limit, const QString &account = {}) const;

    // Films' stills by the sha256 of their JPEG (Film::still). Stored before the programme
    // version that names them is committed; one no version names is kept but not published.
    bool storeStill(const QString &sha256, const QByteArray &jpeg, QString *error);
    std::optional<QByteArray> still(const QString &sha256) const;
    QStringList stillHashes() const;

private:
    bool insertAudit(const AuditEntry &entry, qint64 version, QString *error);

    Database &m_db;
};

} // namespace fest
