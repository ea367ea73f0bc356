#include "controller.h"

#include "brokersettings.h"
#include "ceremonyservice.h"
#include "config.h"
#include "envelope.h"
#include "programmejson.h"
#include "showclockprovider.h"
#include "stillservice.h"
#include "ticketkeyring.h"
#include "ticketverifier.h"
#include "topics.h"
#include "voteservice.h"
#include "votingwindows.h"

#include <gst/gst.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>

#include "controllerlog.h"

namespace fest {

Controller::Settings Controller::settingsFrom(const Config &config)
{
    Settings s;
    s.mqtt = BrokerSettings::read(config, Topics::controllerAccount());
    s.databasePath = config.path(QStringLiteral("database/path"), QStringLiteral("festival.db"));
    s.clockPort = quint16(config.integer(QStringLiteral("clock/port"), 7010, 0, 65535));
    s.programme.changeoverMinutes = config.integer(QStringLiteral("programme/changeover_minutes"), 10, 0, 240);
    s.seedProgramme = config.path(QStringLiteral("programme/seed"));
    const QString beside = QFileInfo(s.databasePath).absoluteDir().filePath(QFileInfo(s.databasePath).completeBaseName());
    s.votesDatabase = config.path(QStringLiteral("votes/database"), beside + QStringLiteral(".votes.db"));
    s.ticketKeys = config.path(QStringLiteral("votes/ticket_keys"), beside + QStringLiteral(".ticket-keys"));
    s.voteCloseAfterEndMinutes = config.integer(QStringLiteral("votes/close_after_end_minutes"), 20, 0, 24 * 60);
    s.voteGraceMinutes = config.integer(QStringLiteral("votes/grace_minutes"), 30, 0, 24 * 60);
    s.minimumVotes = config.integer(QStringLiteral("votes/minimum_votes"), 25, 0, 100000);
    s.ceremonyDatabase = config.path(QStringLiteral("ceremony/database"), CeremonyService::defaultDatabasePath(s.databasePath));
    s.cueLeadMs = config.integer(QStringLiteral("ceremony/cue_lead_ms"), 300, 50, 10000);
    for (const QString &role : config.keys(QStringLiteral("roles"))) {
        if (role != QLatin1String("organiser") && role != QLatin1String("staff")) {
            config.addError(QStringLiteral("roles/") + role, QStringLiteral("unknown role; roles are organiser and staff"));
            continue;
        }
        for (const QString &account : config.list(QStringLiteral("roles/") + role))
            s.roles.insert(account, role);
    }
    return s;
}

Controller::Controller(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
}

Controller::~Controller()
{
    if (m_mqtt && m_mqtt->state() == MqttClient::State::Connected) {
        m_publisher->publishStatus(ControllerStatus::offline());
        m_mqtt->waitForPublished(1000);
        m_mqtt->close();
    }
}

bool Controller::start(QString *error)
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    // The programme history, audit and votes are the festival's record: FULL durability.
    m_db = Database::open(m_settings.databasePath, {Database::Sync::Full, true, 5000}, error);
    if (!m_db)
        return false;
    m_repository = std::make_unique<ProgrammeRepository>(*m_db);
    if (!m_repository->migrate(error))
        return false;

    MqttOptions mqtt = m_settings.mqtt;
    MqttMessage will;
    will.topic = Topics::nodeStatus(Topics::controllerAccount());
    will.payload = ControllerStatus::offline().encode();
    will.qos = 1;
    will.retain = true;
    mqtt.will = will;
    // Ballots are the bulk of what the controller receives: flow control and write
    // coalescing sized for them (docs/votes.md).
    m_mqtt = std::make_unique<MqttClient>(VoteService::ingestOptions(mqtt));
    m_publisher = std::make_unique<StatePublisher>(m_mqtt.get());
    m_programme = std::make_unique<ProgrammeService>(*m_repository, *m_publisher, m_settings.programme);
    if (!m_programme->load(error))
        return false;
    if (m_programme->version() == 0 && !m_settings.seedProgramme.isEmpty() && !seed(error))
        return false;

    m_stills = std::make_unique<StillService>(*m_repository, *m_programme, m_mqtt.get());
    connect(m_programme.get(), &ProgrammeService::programmeChanged, m_stills.get(), &StillService::sync);

    m_router = std::make_unique<CommandRouter>(m_mqtt.get(), m_settings.roles);
    if (!startVotes(error) || !startCeremony(error))
        return false;
    registerOperations();
    connect(m_programme.get(), &ProgrammeService::programmeChanged, this, &Controller::publishStatus);

    m_clock = std::make_unique<ShowClockProvider>(m_settings.clockPort);
    if (!m_clock->isValid()) {
        if (error)
            *error = QStringLiteral("cannot export the show clock on UDP port %1: is another controller running? "
                                    "(set [clock] port)").arg(m_settings.clockPort);
        return false;
    }
    connect(m_mqtt.get(), &MqttClient::connected, this, &Controller::onConnected);
    connect(m_mqtt.get(), &MqttClient::messageReceived, this, &Controller::onMessage);
    m_mqtt->subscribe(CommandRouter::subscription(), 1);
    m_mqtt->subscribe(Topics::nodeStatus(QStringLiteral("+")), 1);
    m_mqtt->open();
    qCInfo(lcController).noquote() << "controller started: database" << m_settings.databasePath << "programme version"
                                   << m_programme->version() << "show clock on UDP" << clockPort();
    return true;
}

quint16 Controller::clockPort() const
{
    return m_clock ? m_clock->port() : 0;
}

bool Controller::startVotes(QString *error)
{
    m_votesDb = VoteStore::openDatabase(m_settings.votesDatabase, error);
    if (!m_votesDb)
        return false;
    std::optional<TicketKeyring> keys = TicketKeyring::loadOrCreate(m_settings.ticketKeys, error);
    if (!keys)
        return false;
    m_verifier = std::make_unique<TicketVerifier>(*keys);
    VotingWindows::Options windows;
    windows.closeAfterEnd = std::chrono::minutes(m_settings.voteCloseAfterEndMinutes);
    windows.grace = std::chrono::minutes(m_settings.voteGraceMinutes);
    m_windows = std::make_unique<VotingWindows>(*m_votesDb, windows);
    if (!m_windows->load(error))
        return false;
    scheduleVoting();
    VoteService::Options options;
    options.minimumVotes = m_settings.minimumVotes;
    m_votes = VoteService::create(m_mqtt.get(), *m_votesDb, *m_verifier, *m_windows, options, error);
    if (!m_votes)
        return false;
    connect(m_programme.get(), &ProgrammeService::programmeChanged, this, &Controller::scheduleVoting);
    // Only the player of the screen a screening is on can end it or say it runs late.
    const auto onItsScreen = [this](const QString &screen, const QString &screening) {
        const Screening *s = m_programme->programme().screening(screening);
        return s && s->screenId == screen;
    };
    connect(&m_nodes, &NodeRegistry::screeningEnded, this, [this, onItsScreen](const QString &screen, const QString &screening, const QDateTime &when) {
        if (onItsScreen(screen, screening))
            m_windows->screeningEnded(screening, when);
        else
            qCWarning(lcController).noquote() << PlayerStatus::accountForScreen(screen) << "says it finished" << screening
                                              << "which is not a screening of" << screen << "; ignored";
    });
    // Every second while it plays: quiet when it does not apply (a screening moved to
    // another screen while it played).
    connect(&m_nodes, &NodeRegistry::screeningRunning, this, [this, onItsScreen](const QString &screen, const QString &screening, qint64 lateMs) {
        if (onItsScreen(screen, screening))
            m_windows->screeningRunsLate(screening, lateMs);
    });
    connect(&m_votes->writer(), &VoteWriter::errorChanged, this, [this] {
        setAlarm(QStringLiteral("votes"), m_votes->writer().error() == VoteStore::Error::None ? QString() : m_votes->writer().errorString());
    });
    return true;
}

// Voting for a screening opens when it starts and closes after it ends (VotingWindows).
void Controller::scheduleVoting()
{
    QList<VotingWindows::Screening> screenings;
    for (const Screening &s : m_programme->programme().screenings)
        if (!s.isCancelled())
            screenings.append({s.id, s.filmIds, s.start, s.end});
    m_windows->setScreenings(screenings);
}

bool Controller::startCeremony(QString *error)
{
    QString why;
    m_ceremonyDb = Database::open(m_settings.ceremonyDatabase, {Database::Sync::Full, true, 5000}, &why);
    if (!m_ceremonyDb) {
        *error = why;
        return false;
    }
    CeremonyService::Options options;
    options.leadMs = m_settings.cueLeadMs;
    m_ceremony = std::make_unique<CeremonyService>(m_mqtt.get(), *m_ceremonyDb, *m_programme, options);
    if (!m_ceremony->migrate(error))
        return false;
    // Cues are timed on the show clock this controller exports.
    m_ceremony->setClock([this] { return qint64(gst_clock_get_time(m_clock->clock()) / 1000); });
    m_ceremony->setAudienceRanking(CeremonyService::rankingFromVotes(*m_votesDb, m_settings.minimumVotes));
    return true;
}

bool Controller::seed(QString *error)
{
    QFile file(m_settings.seedProgramme);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the seed programme %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QList<ProgrammeError> errors;
    const std::optional<Programme> programme = ProgrammeJson::decode(file.readAll(), &errors);
    if (!programme) {
        QStringList lines;
        for (const ProgrammeError &e : errors)
            lines << QStringLiteral("%1 %2: %3").arg(e.where, e.field, e.message);
        *error = QStringLiteral("the seed programme %1 is invalid:\n  %2").arg(file.fileName(), lines.join(QStringLiteral("\n  ")));
        return false;
    }
    const Reply reply = m_programme->replace(*programme, {QStringLiteral("controller"), QStringLiteral("controller")},
                                             QStringLiteral("programme.seed"), {{"file", file.fileName()}});
    if (!reply.ok) {
        *error = QStringLiteral("the seed programme %1 was refused: %2").arg(file.fileName(), reply.message);
        for (const QJsonValue &d : reply.details)
            *error += QStringLiteral("\n  %1 %2: %3").arg(d[QStringLiteral("where")].toString(), d[QStringLiteral("field")].toString(), d[QStringLiteral("message")].toString());
    }
    return reply.ok;
}

void Controller::registerOperations()
{
    m_programme->registerOperations(*m_router);
    m_stills->registerOperations(*m_router);
    m_ceremony->registerOperations(*m_router);
    m_votes->registerOperations(*m_router);
    // The controller's own: the nodes it hears and the audit trail.
    const QStringList everyone{QStringLiteral("organiser"), QStringLiteral("staff")};
    m_router->add(QStringLiteral("nodes.list"), everyone, [this](const CommandContext &, const QJsonObject &) {
        return Reply::success({{"programmeVersion", m_programme->version()}, {"nodes", m_nodes.toJson()}});
    });
    m_router->add(QStringLiteral("audit.list"), {QStringLiteral("organiser")}, [this](const CommandContext &, const QJsonObject &args) {
        const int limit = qBound(1, args.value(QStringLiteral("limit")).toInt(50), 1000);
        return Reply::success({{"entries", m_repository->auditLog(limit, args.value(QStringLiteral("account")).toString())}});
    });
}

void Controller::onConnected()
{
    // The broker may have restarted without its retained store: put the state back. The
    // vote service republishes voting and results on its own (once per reconnect).
    publishStatus();
    m_programme->republish();
    m_stills->republish();
    m_ceremony->republish();
}

void Controller::onMessage(const MqttMessage &message)
{
    if (m_router->handle(message))
        return;
    if (const std::optional<QString> account = Topics::parseNodeStatus(message.topic)) {
        if (*account == Topics::controllerAccount())
            return;
        if (message.payload.isEmpty()) {
            m_nodes.remove(*account);
            return;
        }
        m_nodes.applyStatus(*account, message.payload);
    }
}

void Controller::setAlarm(const QString &key, const QString &message)
{
    const bool changed = message.isEmpty() ? m_alarms.remove(key) > 0 : m_alarms.value(key) != message;
    if (!message.isEmpty())
        m_alarms.insert(key, message);
    if (changed) {
        if (!message.isEmpty())
            qCCritical(lcController).noquote() << "ALARM" << key << ":" << message;
        publishStatus();
    }
}

void Controller::publishStatus()
{
    if (!m_mqtt || m_mqtt->state() != MqttClient::State::Connected)
        return;
    ControllerStatus status;
    for (auto it = m_alarms.cbegin(); it != m_alarms.cend(); ++it)
        status.alarms.append({it.key(), it.value()});
    status.state = status.alarms.isEmpty() ? ControllerStatus::State::Online : ControllerStatus::State::Alarm;
    status.programmeVersion = m_programme->version();
    status.programmeHash = m_programme->hash();
    status.clockPort = int(clockPort());
    status.startedAt = m_startedAt;
    status.refusedStatuses = m_nodes.refusedCount();
    status.refusedBallots = m_votes ? m_votes->refusedBallots() : 0;
    status.version = QStringLiteral(FEST_VERSION);
    status.sentAt = QDateTime::currentDateTimeUtc();
    m_publisher->publishStatus(status);
}

} // namespace fest
