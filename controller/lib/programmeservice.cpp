#include "programmeservice.h"

#include "programmecsv.h"
#include "programmeedits.h"
#include "programmejson.h"
#include "programmevalidator.h"
#include "statepublisher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <algorithm>

#include "controllerlog.h"

namespace fest {

namespace {

const QStringList kOrganisers{QStringLiteral("organiser")};

QJsonArray toDetails(const QList<ProgrammeError> &errors)
{
    QJsonArray details;
    for (const ProgrammeError &e : errors)
        details.append(QJsonObject{{"where", e.where}, {"field", e.field}, {"message", e.message}});
    return details;
}

Reply invalid(const QList<ProgrammeError> &errors)
{
    return Reply::failure(ErrorCode::InvalidProgramme,
                          QStringLiteral("%1 problem(s) found; nothing was changed").arg(errors.size()), toDetails(errors));
}

Reply badArgument(const QString &field, const QString &message)
{
    return Reply::failure(ErrorCode::InvalidArgs, QStringLiteral("%1: %2").arg(field, message));
}

std::optional<QDateTime> timeArgument(const QJsonObject &args, const QString &key, Reply *failure)
{
    const QString text = args.value(key).toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid() || (t.timeSpec() != Qt::OffsetFromUTC && t.timeSpec() != Qt::UTC)) {
        *failure = badArgument(key, QStringLiteral("expected a time in ISO 8601 with an offset, e.g. 2026-12-05T14:30:00+08:00; got \"%1\"").arg(text));
        return std::nullopt;
    }
    return t;
}

QJsonValue screeningJson(const Programme &p, const QString &id)
{
    const Screening *s = p.screening(id);
    return s ? QJsonValue(ProgrammeJson::toJson(*s)) : QJsonValue();
}

} // namespace

ProgrammeService::ProgrammeService(ProgrammeRepository &repository, StatePublisher &publisher, Options options, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_publisher(publisher)
    , m_options(options)
{
}

bool ProgrammeService::load(QString *error)
{
    const std::optional<ProgrammeRepository::Version> current = m_repository.current();
    if (!current)
        return true;  // a new festival: nothing imported yet
    QList<ProgrammeError> errors;
    std::optional<Programme> programme = ProgrammeJson::decode(current->json, &errors);
    if (!programme) {
        *error = QStringLiteral("stored programme version %1 cannot be read (%2): restore the database from a backup")
                     .arg(current->number).arg(errors.isEmpty() ? QString() : errors.first().toString());
        return false;
    }
    m_programme = std::move(*programme);
    m_encoded = current->json;
    m_version = current->number;
    m_hash = current->hash;
    return true;
}

void ProgrammeService::republish()
{
    if (m_version > 0)
        m_publisher.publishProgramme(m_programme, m_encoded, m_version, m_hash, QDateTime::currentMSecsSinceEpoch() * 1000);
}

void ProgrammeService::registerOperations(CommandRouter &router)
{
    using namespace std::placeholders;
    router.add(QStringLiteral("programme.import"), kOrganisers, std::bind(&ProgrammeService::import, this, _1, _2));
    router.add(QStringLiteral("screening.move"), kOrganisers, std::bind(&ProgrammeService::move, this, _1, _2));
    router.add(QStringLiteral("screening.delay"), {QStringLiteral("organiser"), QStringLiteral("staff")},
               std::bind(&ProgrammeService::delay, this, _1, _2));
    router.add(QStringLiteral("screening.cancel"), kOrganisers, std::bind(&ProgrammeService::cancel, this, _1, _2));
    router.add(QStringLiteral("screening.add"), kOrganisers, std::bind(&ProgrammeService::add, this, _1, _2));
    router.add(QStringLiteral("film.edit"), kOrganisers, std::bind(&ProgrammeService::editFilm, this, _1, _2));
    router.add(QStringLiteral("programme.get"), {QStringLiteral("organiser"), QStringLiteral("staff")},
               [this](const CommandContext &, const QJsonObject &) { return summary(); });
}

Reply ProgrammeService::summary() const
{
    return Reply::success({{"version", m_version},
                           {"hash", m_hash},
                           {"screenings", int(m_programme.screenings.size())},
                           {"films", int(m_programme.films.size())},
                           {"screens", int(m_programme.screens.size())}});
}

Reply ProgrammeService::replace(const Programme &programme, const CommandContext &who, const QString &op, const QJsonObject &auditArgs)
{
    const QJsonObject before{{"version", m_version}, {"hash", m_hash}};
    const QJsonObject after{{"hash", ProgrammeJson::contentHash(programme)},
                            {"screenings", int(programme.screenings.size())},
                            {"films", int(programme.films.size())}};
    return commitChange(programme, who, op, auditArgs, before, after);
}

Reply ProgrammeService::import(const CommandContext &who, const QJsonObject &args)
{
    const QString format = args.value(QStringLiteral("format")).toString(QStringLiteral("json"));
    QList<ProgrammeError> errors;
    if (format == QLatin1String("json")) {
        if (!args.value(QStringLiteral("programme")).isObject())
            return badArgument(QStringLiteral("programme"), QStringLiteral("expected the programme as a JSON object"));
        const std::optional<Programme> programme = ProgrammeJson::fromJson(args.value(QStringLiteral("programme")).toObject(), &errors);
        if (!programme)
            return invalid(errors);
        return replace(*programme, who, QStringLiteral("programme.import"), {{"format", format}});
    }
    if (format == QLatin1String("csv")) {
        if (m_version == 0)
            return Reply::failure(ErrorCode::NoProgramme,
                                  QStringLiteral("a CSV holds only screenings: import the films, venues and screens first as a JSON programme"));
        QList<int> rows;
        const std::optional<QList<Screening>> screenings = ProgrammeCsv::decode(args.value(QStringLiteral("csv")).toString().toUtf8(), &errors, &rows);
        if (!screenings)
            return invalid(errors);
        const Programme changed = ProgrammeEdits::replaceScreenings(m_programme, *screenings);
        // Consistency problems name the spreadsheet's rows, as the file's own do.
        const QList<ProgrammeError> problems = ProgrammeValidator::validate(changed, m_options.changeoverMinutes);
        if (!problems.isEmpty())
            return invalid(ProgrammeCsv::inRows(problems, rows));
        return replace(changed, who, QStringLiteral("programme.import"), {{"format", format}});
    }
    return badArgument(QStringLiteral("format"), QStringLiteral("expected \"json\" or \"csv\", got \"%1\"").arg(format));
}

Reply ProgrammeService::move(const CommandContext &who, const QJsonObject &args)
{
    Reply failure;
    const QString id = args.value(QStringLiteral("id")).toString();
    const std::optional<QDateTime> to = timeArgument(args, QStringLiteral("to"), &failure);
    if (!to)
        return failure;
    QList<ProgrammeError> errors;
    const std::optional<Programme> changed = ProgrammeEdits::moveScreening(m_programme, id, *to, &errors);
    if (!changed)
        return invalid(errors);
    return commitChange(*changed, who, QStringLiteral("screening.move"), args, screeningJson(m_programme, id), screeningJson(*changed, id));
}

Reply ProgrammeService::delay(const CommandContext &who, const QJsonObject &args)
{
    Reply failure;
    const QString screen = args.value(QStringLiteral("screen")).toString();
    const int minutes = args.value(QStringLiteral("minutes")).toInt();
    if (minutes == 0 || qAbs(minutes) > 24 * 60)
        return badArgument(QStringLiteral("minutes"), QStringLiteral("expected a non-zero number of minutes within a day"));
    QDateTime from = QDateTime::currentDateTimeUtc();
    if (args.contains(QStringLiteral("from"))) {
        const std::optional<QDateTime> t = timeArgument(args, QStringLiteral("from"), &failure);
        if (!t)
            return failure;
        from = *t;
    }
    const bool push = args.value(QStringLiteral("push")).toBool(true);
    QList<ProgrammeError> errors;
    const std::optional<Programme> changed = ProgrammeEdits::delayScreen(m_programme, screen, from, minutes, push, &errors);
    if (!changed)
        return invalid(errors);
    QJsonArray before, after;
    for (const Screening &s : m_programme.screenings) {
        const Screening *now = changed->screening(s.id);
        if (now && now->start != s.start) {
            before.append(ProgrammeJson::toJson(s));
            after.append(ProgrammeJson::toJson(*now));
        }
    }
    const int moved = int(before.size());
    Reply reply = commitChange(*changed, who, QStringLiteral("screening.delay"), args, before, after);
    if (reply.ok)
        reply.result.insert(QStringLiteral("moved"), moved);
    return reply;
}

Reply ProgrammeService::cancel(const CommandContext &who, const QJsonObject &args)
{
    const QString id = args.value(QStringLiteral("id")).toString();
    QList<ProgrammeError> errors;
    const std::optional<Programme> changed = ProgrammeEdits::cancelScreening(m_programme, id, &errors);
    if (!changed)
        return invalid(errors);
    return commitChange(*changed, who, QStringLiteral("screening.cancel"), args, screeningJson(m_programme, id), screeningJson(*changed, id));
}

Reply ProgrammeService::add(const CommandContext &who, const QJsonObject &args)
{
    QList<ProgrammeError> errors;
    QJsonObject entry = args.value(QStringLiteral("screening")).toObject();
    if (!entry.contains(QStringLiteral("end"))) {
        // Without an end the slot is exactly as long as its films.
        Reply failure;
        const std::optional<QDateTime> start = timeArgument(entry, QStringLiteral("start"), &failure);
        if (!start)
            return failure;
        qint64 seconds = 0;
        for (const QJsonValue &film : entry.value(QStringLiteral("films")).toArray())
            if (const Film *f = m_programme.film(film.toString()))
                seconds += f->runtimeSeconds;
        entry.insert(QStringLiteral("end"), ProgrammeJson::timeToString(start->addSecs(qMax<qint64>(seconds, 60))));
    }
    const std::optional<Screening> screening = ProgrammeJson::screeningFromJson(entry, QStringLiteral("screening"), &errors);
    if (!screening)
        return invalid(errors);
    const std::optional<Programme> changed = ProgrammeEdits::addScreening(m_programme, *screening, &errors);
    if (!changed)
        return invalid(errors);
    return commitChange(*changed, who, QStringLiteral("screening.add"), args, QJsonValue(), screeningJson(*changed, screening->id));
}

Reply ProgrammeService::editFilm(const CommandContext &who, const QJsonObject &args)
{
    const QString id = args.value(QStringLiteral("id")).toString();
    // A still is named by the picture the controller holds: only film.still sets it.
    if (args.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("still")))
        return badArgument(QStringLiteral("fields.still"),
                           QStringLiteral("a film's still is set from the picture itself: festctl film still %1 FILE").arg(id));
    QList<ProgrammeError> errors;
    const std::optional<Programme> changed = ProgrammeEdits::editFilm(m_programme, id, args.value(QStringLiteral("fields")).toObject(), &errors);
    if (!changed)
        return invalid(errors);
    const Film *before = m_programme.film(id);
    const Film *after = changed->film(id);
    return commitChange(*changed, who, QStringLiteral("film.edit"), args, before ? QJsonValue(ProgrammeJson::toJson(*before)) : QJsonValue(),
                        after ? QJsonValue(ProgrammeJson::toJson(*after)) : QJsonValue());
}

Reply ProgrammeService::setFilmStill(const CommandContext &who, const QString &filmId, const QString &sha256, const QString &op,
                                     const QJsonObject &auditArgs)
{
    if (m_version == 0)
        return Reply::failure(ErrorCode::NoProgramme, QStringLiteral("no programme yet: import one before giving its films stills"));
    const Film *before = m_programme.film(filmId);
    if (!before)
        return Reply::failure(ErrorCode::UnknownFilm,
                              QStringLiteral("no film \"%1\" in programme version %2: check the id against the programme")
                                  .arg(filmId).arg(m_version));
    Programme changed = m_programme;
    Film &film = *std::find_if(changed.films.begin(), changed.films.end(), [&](const Film &f) { return f.id == filmId; });
    film.still = sha256;
    return commitChange(changed, who, op, auditArgs, QJsonObject{{"still", before->still}}, QJsonObject{{"still", sha256}});
}

Reply ProgrammeService::commitChange(const Programme &changed, const CommandContext &who, const QString &op, const QJsonObject &args,
                                     const QJsonValue &before, const QJsonValue &after)
{
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(changed, m_options.changeoverMinutes);
    if (!errors.isEmpty())
        return invalid(errors);
    const QByteArray json = ProgrammeJson::encode(changed);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());  // = contentHash()
    QJsonObject auditArgs = args;
    auditArgs.remove(QStringLiteral("programme"));  // the programme itself is the stored version
    auditArgs.remove(QStringLiteral("csv"));
    QString error;
    const std::optional<qint64> version = m_repository.commit(json, hash, {who.account, op, auditArgs, before, after}, &error);
    if (!version) {
        qCCritical(lcController).noquote() << op << "by" << who.account << "could not be stored:" << error;
        return Reply::failure(ErrorCode::StorageFailed,
                              QStringLiteral("the change could not be stored (%1); nothing was changed. "
                                             "Check the controller's disk and its log.").arg(error));
    }
    const qint64 committedAtUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_programme = changed;
    m_encoded = json;
    m_version = *version;
    m_hash = hash;
    m_publisher.publishProgramme(m_programme, m_encoded, m_version, m_hash, committedAtUs);
    emit programmeChanged(m_version);
    return summary();
}

} // namespace fest
