#include "ceremonyservice.h"

#include "cuefollower.h"
#include "mqttclient.h"
#include "programmeservice.h"
#include "tally.h"
#include "topics.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <chrono>

namespace fest {

namespace {

const QStringList organisers{QStringLiteral("organiser")};

qint64 systemNowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

Reply storageFailure(const QString &error)
{
    return Reply::failure(ErrorCode::StorageFailed,
                          QStringLiteral("the ceremony database could not be written (%1); nothing was published. "
                                         "Check the controller's disk and try again.").arg(error));
}

QJsonArray errorDetails(const QList<JsonError> &errors)
{
    QJsonArray details;
    for (const JsonError &e : errors)
        details.append(QJsonObject{{"where", e.where}, {"field", e.field}, {"message", e.message}});
    return details;
}

} // namespace

CeremonyService::CeremonyService(MqttClient *client, Database &db, ProgrammeService &programme, QObject *parent)
    : CeremonyService(client, db, programme, Options{}, parent)
{
}

CeremonyService::CeremonyService(MqttClient *client, Database &db, ProgrammeService &programme, const Options &options,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(db)
    , m_programme(programme)
    , m_options(options)
    , m_now(systemNowUs)
{
}

CeremonyService::AudienceRanking CeremonyService::rankingFromVotes(const Database &votes, int minimumVotes)
{
    return [&votes, minimumVotes](QString *) -> std::optional<QStringList> {
        QStringList films;
        for (const Tally::Film &f : Tally::compute(votes, minimumVotes).films)
            films << f.film;
        return films;
    };
}

QString CeremonyService::defaultDatabasePath(const QString &controllerDatabase)
{
    return QFileInfo(controllerDatabase).dir().filePath(QStringLiteral("ceremony.db"));
}

bool CeremonyService::migrate(QString *error)
{
    if (!m_store.migrate(error))
        return false;
    m_cues = m_store.cues();
    const CeremonyStore::Published stored = m_store.published();
    m_payload = stored.payload;
    if (!stored.payload.isEmpty()) {
        DecodeError decodeError;
        const std::optional<CeremonyState> state = CeremonyState::decode(stored.payload, &decodeError);
        if (!state) {
            if (error)
                *error = QStringLiteral("the stored ceremony state cannot be read: ") + decodeError.message;
            return false;
        }
        m_state = *state;
    }
    return true;
}

void CeremonyService::registerOperations(CommandRouter &router)
{
    const auto plain = [this](Reply (CeremonyService::*op)()) {
        return [this, op](const CommandContext &, const QJsonObject &) { return (this->*op)(); };
    };
    const auto withArgs = [this](Reply (CeremonyService::*op)(const QJsonObject &)) {
        return [this, op](const CommandContext &, const QJsonObject &args) { return (this->*op)(args); };
    };
    router.add(QStringLiteral("ceremony.load"), organisers, withArgs(&CeremonyService::load));
    router.add(QStringLiteral("ceremony.status"), {QStringLiteral("organiser"), QStringLiteral("staff")}, plain(&CeremonyService::status));
    router.add(QStringLiteral("ceremony.go"), organisers, plain(&CeremonyService::go));
    router.add(QStringLiteral("ceremony.back"), organisers, plain(&CeremonyService::back));
    router.add(QStringLiteral("ceremony.goto"), organisers, withArgs(&CeremonyService::goTo));
    router.add(QStringLiteral("ceremony.blackout"), organisers, withArgs(&CeremonyService::blackout));
    router.add(QStringLiteral("ceremony.end"), organisers, plain(&CeremonyService::end));
    router.add(QStringLiteral("ceremony.set-winner"), organisers,
               [this](const CommandContext &who, const QJsonObject &args) { return setWinner(who, args); });
    router.add(QStringLiteral("ceremony.lock-audience"), organisers,
               [this](const CommandContext &who, const QJsonObject &args) { return lockAudience(who, args); });
}

void CeremonyService::republish()
{
    if (m_payload.isEmpty() || !m_client)
        return;
    MqttMessage message{Topics::ceremony(), m_payload, 1, true};
    if (m_client->publish(message) < 0)
        qCWarning(lcCeremony).noquote() << "cannot republish the ceremony state:" << m_client->errorString();
}

Reply CeremonyService::load(const QJsonObject &args)
{
    if (m_state.active)
        return Reply::failure(ErrorCode::CeremonyRunning,
                              QStringLiteral("the ceremony is running; end it (festctl ceremony end) before loading another cue list"));
    QList<CueDefinition> cues;
    if (args.value(QStringLiteral("generate")).toBool()) {
        cues = CeremonyScript::generate(m_programme.programme());
    } else if (args.value(QStringLiteral("cues")).isObject()) {
        QList<JsonError> errors;
        const auto read = CeremonyScript::read(args.value(QStringLiteral("cues")).toObject(), m_programme.programme(), &errors);
        if (!read)
            return Reply::failure(ErrorCode::InvalidCues,
                                  QStringLiteral("%1 problem(s) in the cue list; nothing was changed").arg(errors.size()),
                                  errorDetails(errors));
        cues = *read;
    } else {
        return Reply::failure(ErrorCode::InvalidArgs,
                              QStringLiteral("give the cue list as \"cues\" (the file's JSON) or \"generate\": true"));
    }
    QString error;
    if (!m_store.replaceCues(cues, &error))
        return storageFailure(error);
    m_cues = cues;
    CeremonyState next;
    next.cueSeq = m_state.cueSeq;
    next.count = int(cues.size());
    return publish(next);
}

Reply CeremonyService::status()
{
    return Reply::success(describe());
}

Reply CeremonyService::go()
{
    if (m_cues.isEmpty())
        return Reply::failure(ErrorCode::NoCueList,
                              QStringLiteral("no cue list is loaded: festctl ceremony load FILE (or --generate)"));
    if (!m_state.active)
        return show(0);
    if (m_state.index + 1 >= m_cues.size())
        return Reply::failure(ErrorCode::LastCue,
                              QStringLiteral("this is the last cue; festctl ceremony end closes the ceremony"));
    return show(m_state.index + 1);
}

Reply CeremonyService::back()
{
    if (!m_state.active || m_state.index <= 0)
        return Reply::failure(ErrorCode::FirstCue, QStringLiteral("there is no earlier cue to go back to"));
    return show(m_state.index - 1);
}

Reply CeremonyService::goTo(const QJsonObject &args)
{
    const QJsonValue n = args.value(QStringLiteral("index"));
    if (!n.isDouble() || n.toDouble() != double(n.toInteger()) || n.toInteger() < 0 || n.toInteger() >= m_cues.size())
        return Reply::failure(ErrorCode::InvalidArgs,
                              QStringLiteral("\"index\" must be a cue number from 0 to %1").arg(m_cues.size() - 1));
    return show(int(n.toInteger()));
}

Reply CeremonyService::show(int index)
{
    const CueDefinition &definition = m_cues.at(index);
    QString winner;
    if (definition.type == Cue::Type::Reveal) {
        const std::optional<CeremonyStore::Winner> sealed = m_store.winner(definition.category);
        if (!sealed) {
            const AwardCategory *award = m_programme.programme().award(definition.category);
            const bool audience = award && award->decidedBy == AwardCategory::DecidedBy::Audience;
            return Reply::failure(ErrorCode::WinnerNotSet,
                                  audience ? QStringLiteral("the Audience Award is not locked yet: festctl ceremony lock-audience")
                                           : QStringLiteral("no winner is set for %1: festctl ceremony set-winner %1 FILM").arg(definition.category));
        }
        winner = sealed->film;
    }
    CeremonyState next = m_state;
    next.active = true;
    next.index = index;
    next.count = int(m_cues.size());
    next.cue = CeremonyScript::expand(definition, m_programme.programme(), winner);
    next.cueSeq = m_state.seq + 1;
    if (definition.type == Cue::Type::Reveal)
        announce(next);
    return publish(next);
}

void CeremonyService::announce(CeremonyState &next)
{
    Cue award = *next.cue;
    award.nominees.clear();
    const auto same = std::find_if(next.announced.begin(), next.announced.end(),
                                   [&](const Cue &c) { return c.categoryId == award.categoryId; });
    if (same != next.announced.end())
        *same = award;   // announced again (a rehearsal, or the cue went back): the latest
    else if (next.announced.size() < CeremonyState::maxAnnounced)
        next.announced.append(award);
}

Reply CeremonyService::blackout(const QJsonObject &args)
{
    const QJsonValue on = args.value(QStringLiteral("on"));
    if (!on.isBool())
        return Reply::failure(ErrorCode::InvalidArgs, QStringLiteral("\"on\" must be true or false"));
    CeremonyState next = m_state;
    next.blackout = on.toBool();
    return publish(next);
}

Reply CeremonyService::end()
{
    if (!m_state.active)
        return Reply::failure(ErrorCode::NotRunning, QStringLiteral("the ceremony is not running"));
    CeremonyState next = m_state;
    next.active = false;
    next.blackout = false;
    next.index = -1;
    next.cue.reset();
    return publish(next);
}

Reply CeremonyService::publish(CeremonyState next)
{
    next.seq = m_state.seq + 1;
    next.sentAtUs = m_now();
    next.executeAtUs = next.sentAtUs + qint64(m_options.leadMs) * 1000;
    next.expiresAtUs = next.executeAtUs + qint64(m_options.expiryMs) * 1000;
    const QByteArray payload = next.encode();
    QString error;
    if (!m_store.savePublished({next.seq, payload}, &error))
        return storageFailure(error);
    m_state = next;
    m_payload = payload;
    republish();
    qCInfo(lcCeremony).noquote() << "ceremony seq" << next.seq << "cue" << next.index << "of" << next.count
                                 << (next.blackout ? "(blackout)" : "") << "at" << next.executeAtUs;
    return Reply::success(describe());
}

QJsonValue CeremonyService::summaryAt(int index) const
{
    if (index < 0 || index >= m_cues.size())
        return QJsonValue::Null;
    return CeremonyScript::summary(m_cues.at(index), index);
}

QJsonObject CeremonyService::describe()
{
    QJsonArray sealed;
    for (const QString &category : m_store.sealedCategories())
        sealed.append(category);
    return {{"active", m_state.active},
            {"blackout", m_state.blackout},
            {"seq", m_state.seq},
            {"cueSeq", m_state.cueSeq},
            {"index", m_state.index},
            {"count", int(m_cues.size())},
            {"executeAtUs", m_state.executeAtUs},
            {"expiresAtUs", m_state.expiresAtUs},
            {"current", m_state.active ? summaryAt(m_state.index) : QJsonValue::Null},
            {"next", summaryAt(m_state.active ? m_state.index + 1 : 0)},
            {"sealed", sealed}};
}

Reply CeremonyService::setWinner(const CommandContext &who, const QJsonObject &args)
{
    const QString category = args.value(QStringLiteral("category")).toString();
    const QString film = args.value(QStringLiteral("film")).toString();
    const AwardCategory *award = m_programme.programme().award(category);
    if (!award)
        return Reply::failure(ErrorCode::UnknownCategory, QStringLiteral("no award category \"%1\" in the programme").arg(category));
    if (award->decidedBy == AwardCategory::DecidedBy::Audience)
        return Reply::failure(ErrorCode::AudienceAward,
                              QStringLiteral("%1 is decided by the audience: festctl ceremony lock-audience takes it from the tally").arg(category));
    if (!award->nomineeFilmIds.contains(film))
        return Reply::failure(ErrorCode::NotNominated,
                              QStringLiteral("\"%1\" is not a nominee of %2 (nominees: %3)").arg(film, category, award->nomineeFilmIds.join(QStringLiteral(", "))));
    QString error;
    if (!m_store.setWinner(category, {film, QStringLiteral("jury")}, who.account, &error))
        return storageFailure(error);
    qCInfo(lcCeremony).noquote() << who.account << "sealed the winner of" << category;
    // The reply does not repeat the film: replies are logged and shown on screens.
    return Reply::success({{"category", category}, {"sealed", true}});
}

Reply CeremonyService::lockAudience(const CommandContext &who, const QJsonObject &args)
{
    const AwardCategory *award = nullptr;
    for (const AwardCategory &a : m_programme.programme().awards)
        if (a.decidedBy == AwardCategory::DecidedBy::Audience
            && (!args.contains(QStringLiteral("category")) || a.id == args.value(QStringLiteral("category")).toString()))
            award = &a;
    if (!award)
        return Reply::failure(ErrorCode::UnknownCategory, QStringLiteral("the programme has no audience award category"));
    if (!m_ranking)
        return Reply::failure(ErrorCode::NoTally, QStringLiteral("this controller has no votes database to take the tally from"));
    QString error;
    const std::optional<QStringList> ranking = m_ranking(&error);
    if (!ranking)
        return Reply::failure(ErrorCode::NoTally, QStringLiteral("the tally cannot be read: %1").arg(error));
    QString winner;
    for (const QString &film : *ranking)
        if (award->nomineeFilmIds.isEmpty() || award->nomineeFilmIds.contains(film)) {
            winner = film;
            break;
        }
    if (winner.isEmpty())
        return Reply::failure(ErrorCode::NoVotes, QStringLiteral("no nominee of %1 has any vote yet").arg(award->id));
    if (!m_store.setWinner(award->id, {winner, QStringLiteral("audience")}, who.account, &error))
        return storageFailure(error);
    qCInfo(lcCeremony).noquote() << who.account << "locked the audience vote for" << award->id;
    return Reply::success({{"category", award->id}, {"sealed", true}});
}

} // namespace fest
