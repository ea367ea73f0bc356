#include "programmerepository.h"
#include "transaction.h"

#include <QJsonDocument>

namespace fest {

namespace {
const QList<Database::Migration> kMigrations{
    {1, QStringLiteral(R"(
        CREATE TABLE programme_version(
            number INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            json BLOB NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE audit(
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            account TEXT NOT NULL,
            op TEXT NOT NULL,
            args TEXT NOT NULL,
            before TEXT,
            after TEXT,
            programme_version INTEGER REFERENCES programme_version(number));
        CREATE INDEX audit_account ON audit(account);
    )")},
    // Films' stills (film.still): the JPEG bytes by their sha256, which the programme names.
    {2, QStringLiteral(R"(
        CREATE TABLE still(
            sha256 TEXT PRIMARY KEY,
            jpeg BLOB NOT NULL,
            created_at TEXT NOT NULL);
    )")},
};

QString compact(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QJsonValue parse(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]");
    return doc.array().first();
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

ProgrammeRepository::ProgrammeRepository(Database &db)
    : m_db(db)
{
}

bool ProgrammeRepository::migrate(QString *error)
{
    return m_db.migrate(kMigrations, error);
}

std::optional<ProgrammeRepository::Version> ProgrammeRepository::current() const
{
    Statement s = m_db.prepare(QStringLiteral(
        "SELECT number, hash, json, created_at FROM programme_version ORDER BY number DESC LIMIT 1"));
    if (s.step() != Statement::Step::Row)
        return std::nullopt;
    return Version{s.columnInt(0), s.columnText(1), s.columnBlob(2),
                   QDateTime::fromString(s.columnText(3), Qt::ISODateWithMs)};
}

std::optional<qint64> ProgrammeRepository::commit(const QByteArray &json, const QString &hash,
                                                  const AuditEntry &audit, QString *error)
{
    Transaction tx(m_db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return std::nullopt;
    }
    Statement insert = m_db.prepare(QStringLiteral(
        "INSERT INTO programme_version(number, hash, json, created_at) "
        "VALUES ((SELECT coalesce(max(number), 0) + 1 FROM programme_version), ?, ?, ?)"));
    insert.bind(1, hash).bind(2, json).bind(3, nowIso());
    if (!insert.exec()) {
        if (error)
            *error = insert.error();
        return std::nullopt;
    }
    const qint64 number = m_db.lastInsertRowId();
    if (!insertAudit(audit, number, error) || !tx.commit(error))
        return std::nullopt;
    return number;
}

bool ProgrammeRepository::audit(const AuditEntry &entry, QString *error)
{
    return insertAudit(entry, 0, error);
}

bool ProgrammeRepository::insertAudit(const AuditEntry &entry, qint64 version, QString *error)
{
    Statement s = m_db.prepare(QStringLiteral(
        "INSERT INTO audit(at, account, op, args, before, after, programme_version) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    s.bind(1, nowIso()).bind(2, entry.account).bind(3, entry.op).bind(4, compact(entry.args));
    s.bind(5, compact(entry.before)).bind(6, compact(entry.after)).bind(7, version > 0 ? QVariant(version) : QVariant());
    if (!s.exec()) {
        if (error)
            *error = s.error();
        return false;
    }
    return true;
}

bool ProgrammeRepository::storeStill(const QString &sha256, const QByteArray &jpeg, QString *error)
{
    Statement s = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO still(sha256, jpeg, created_at) VALUES (?, ?, ?)"));
    s.bind(1, sha256).bind(2, jpeg).bind(3, nowIso());
    if (!s.exec()) {
        if (error)
            *error = s.error();
        return false;
    }
    return true;
}

std::optional<QByteArray> ProgrammeRepository::still(const QString &sha256) const
{
    Statement s = m_db.prepare(QStringLiteral("SELECT jpeg FROM still WHERE sha256 = ?"));
    s.bind(1, sha256);
    if (s.step() != Statement::Step::Row)
        return std::nullopt;
    return s.columnBlob(0);
}

QStringList ProgrammeRepository::stillHashes() const
{
    Statement s = m_db.prepare(QStringLiteral("SELECT sha256 FROM still ORDER BY sha256"));
    QStringList hashes;
    while (s.step() == Statement::Step::Row)
        hashes << s.columnText(0);
    return hashes;
}

QJsonArray ProgrammeRepository::auditLog(int limit, const QString &account) const
{
    Statement s = m_db.prepare(QStringLiteral(
        "SELECT at, account, op, args, before, after, programme_version FROM audit "
        "WHERE (?1 = '' OR account = ?1) ORDER BY id DESC LIMIT ?2"));
    s.bind(1, account).bind(2, limit);
    QJsonArray out;
    while (s.step() == Statement::Step::Row) {
        QJsonObject row{{"at", s.columnText(0)}, {"account", s.columnText(1)}, {"op", s.columnText(2)},
                        {"args", parse(s.columnText(3))}, {"before", parse(s.columnText(4))},
                        {"after", parse(s.columnText(5))}};
        if (!s.columnIsNull(6))
            row.insert(QStringLiteral("programmeVersion"), s.columnInt(6));
        out.append(row);
    }
    return out;
}

} // namespace fest
