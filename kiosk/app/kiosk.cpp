#include "kiosk.h"

#include "countrynames.h"
#include "database.h"
#include "kioskbus.h"
#include "stillimageprovider.h"
#include "ticketqr.h"
#include "voteoutbox.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QLocale>
#include <QQmlEngine>
#include <QUrl>

#include <algorithm>

namespace fest {

Kiosk *Kiosk::s_instance = nullptr;

Kiosk::Kiosk(const KioskConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_staff(config.staffPinHash)
    , m_speech(config.speech)
{
    Q_ASSERT(!s_instance);
    s_instance = this;
    m_filmSearch.setSourceModel(m_feed.films());
    for (ScreeningFilterModel *m : {&m_programme, &m_filmScreenings, &m_votable, &m_upcoming})
        m->setSourceModel(m_feed.screenings());
    m_filmScreenings.setFilmRequired(true);
    m_votable.setVotingOpenOnly(true);
    m_upcoming.setDay(QStringLiteral("-"));   // no day until the clock says which
    m_votable.setVenueId(config.venueId);
    m_idle.setSeconds(config.idleSeconds);
    m_idle.setWarningSeconds(config.idleWarningSeconds);
    connect(&m_idle, &IdleMonitor::idle, this, &Kiosk::resetToHome);
    connect(&m_language, &LanguageSwitcher::languageChanged, this, [this] {
        m_feed.setLanguage(m_language.language());
        m_speech.stop();   // the page is read again in the new language when asked
        emit languageChanged();
        emit categoriesChanged();
    });
    connect(&m_feed, &ProgrammeFeed::programmeChanged, this, [this] {
        m_feed.screenings()->setVotingStatus(m_windows);
        m_stills.setProgramme(m_feed.programme());
        m_daysPlannedFor.clear();   // the days are the new programme's
        tick();
        emit programmeChanged();
        emit categoriesChanged();
        publishStatus();
    });
    connect(&m_windows, &VotingStatus::changed, this, [this] {
        m_feed.screenings()->setVotingStatus(m_windows);
        ++m_votingRevision;
        emit votingChanged();
    });
    connect(&m_players, &ScreenStatusBook::changed, this, &Kiosk::tick);
    // The ceremony takes the kiosk from any page (a half-entered vote is cleared as when
    // idle) and gives it back, home, when it ends.
    connect(&m_ceremony, &KioskCeremony::activeChanged, this, [this] {
        const QString shown = language();   // the ceremony view is bilingual: keep the header's
        resetToHome();
        setLanguage(shown);
        emit ceremonyAvailableChanged();
    });
    connect(&m_ceremony, &KioskCeremony::applied, this, &Kiosk::publishStatus);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &Kiosk::tick);
    if (config.fakeNow.isValid())
        setNow(config.fakeNow);
    else
        m_clock.start();
    setLanguage(config.language);
}

Kiosk::~Kiosk()
{
    // The client says goodbye (state changes) while it closes: nobody here listens any more.
    if (m_bus)
        m_bus->client()->disconnect(this);
    m_camera.disconnect(this);
    m_camera.stop();
    m_vote.reset();
    m_outbox.reset();   // before its database
    m_outboxDb.reset();
    if (s_instance == this)
        s_instance = nullptr;
}

bool Kiosk::start(QString *error, ProgrammeLoading loading)
{
    if (m_config.broker) {
        m_bus = std::make_unique<KioskBus>(*m_config.broker, m_config.kioskId, &m_feed, &m_windows, &m_players, &m_stills);
        connect(m_bus->client(), &MqttClient::stateChanged, this, [this] {
            if (m_vote)
                m_vote->setOnline(connection() == Connection::Online);
            emit connectionChanged();
        });
        connect(m_bus->client(), &MqttClient::connected, this, &Kiosk::publishStatus);
        m_heartbeat.setInterval(5000);
        connect(&m_heartbeat, &QTimer::timeout, this, &Kiosk::publishStatus);
        m_heartbeat.start();
        // No show clock configured: no ceremony view (it would not be in step).
        if (!m_config.clockAddress.isEmpty() && !m_ceremony.follow(m_bus->client(), m_config.clockAddress, error))
            return false;
    }
    QDir().mkpath(QFileInfo(m_config.outboxPath).absolutePath());
    std::optional<Database> db = VoteOutbox::openDatabase(m_config.outboxPath, error);
    if (!db) {
        if (error)
            *error = tr("Cannot open the vote outbox %1: %2. Check that the folder exists and is writable.")
                         .arg(m_config.outboxPath, *error);
        return false;
    }
    m_outboxDb = std::make_unique<Database>(std::move(*db));
    // Stills beside the outbox: a kiosk started without the broker shows them too.
    QString why;
    if (!m_stills.setFolder(QFileInfo(m_config.outboxPath).dir().filePath(QStringLiteral("stills")), &why))
        qCWarning(lcKiosk).noquote() << why << "- stills are shown only until the kiosk restarts";
    m_outbox = std::make_unique<VoteOutbox>(*m_outboxDb, m_bus ? m_bus->client() : nullptr, m_config.kioskId);
    connect(m_outbox.get(), &VoteOutbox::pendingChanged, this, [this] {
        emit outboxPendingChanged();
        publishStatus();
    });
    m_vote = std::make_unique<VoteSession>(m_outbox.get(), m_config.replyWaitMs);
    m_vote->setOnline(connection() == Connection::Online);
    connect(&m_keyScanner, &TicketScanner::scanned, this, &Kiosk::ticketScanned);
    connect(&m_camera, &TicketCamera::scanned, this, &Kiosk::ticketScanned);
    connect(&m_camera, &TicketCamera::errorChanged, this, &Kiosk::scannerChanged);
    connect(&m_camera, &TicketCamera::runningChanged, this, &Kiosk::scannerChanged);
    // A camera that cannot read is staff's business (log, staff panel): the kiosk works on.
    m_camera.start(m_config.cameraSource);
    if (!loadProgramme(loading, error))
        return false;
    if (m_bus)
        m_bus->open();
    return true;
}

bool Kiosk::loadProgramme(ProgrammeLoading loading, QString *error)
{
    const QString file = m_config.programmeFile;
    if (file.isEmpty()) {
        // A kiosk restarted while the broker is down still shows its last programme.
        if (m_bus) {
            m_feed.setCacheFile(QFileInfo(m_config.outboxPath).dir().filePath(QStringLiteral("programme.cache.json")));
            m_feed.loadCacheInBackground();
        }
        return true;
    }
    if (loading == ProgrammeLoading::Blocking)
        return m_feed.loadFile(file, error);
    if (!QFileInfo(file).isReadable()) {
        if (error)
            *error = tr("Cannot read the programme file %1. Check the path and its permissions.").arg(file);
        return false;
    }
    connect(&m_feed, &ProgrammeFeed::fileFailed, this, &Kiosk::programmeFileFailed, Qt::UniqueConnection);
    m_feed.loadFileInBackground(file);
    return true;
}

Kiosk *Kiosk::create(QQmlEngine *qml, QJSEngine *)
{
    Q_ASSERT_X(s_instance, "Kiosk::create", "build the Kiosk before loading QML");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    s_instance->setEngine(qml);
    if (!qml->imageProvider(StillImageProvider::name()))
        qml->addImageProvider(StillImageProvider::name(), new StillImageProvider(&s_instance->m_stills));
    return s_instance;
}

QString Kiosk::language() const
{
    return DisplayLanguage::code(m_language.language());
}

void Kiosk::setLanguage(const QString &code)
{
    m_language.setLanguage(DisplayLanguage::fromCode(code));
}

void Kiosk::toggleLanguage()
{
    setLanguage(m_language.language() == DisplayLanguage::Language::English ? QStringLiteral("zh_HK")
                                                                           : QStringLiteral("en"));
}

QString Kiosk::fontFamily() const
{
    // One family for both scripts: its Latin glyphs match its Chinese ones in weight.
    return QStringLiteral("Noto Sans CJK HK");
}

QVariantList Kiosk::categories() const
{
    QVariantList list;
    for (const AwardCategory &a : m_feed.programme().awards)
        list << QVariantMap{{"id", a.id}, {"name", DisplayLanguage::pick(a.name, m_language.language(), a.id)},
                            {"audience", a.decidedBy == AwardCategory::DecidedBy::Audience}};
    return list;
}

QVariantList Kiosk::venueChoices() const
{
    QVariantList list;
    for (const Venue &v : m_feed.programme().venues)
        list << QVariantMap{{"id", v.id}, {"name", DisplayLanguage::pick(v.name, m_language.language(), v.id)}};
    return list;
}

QString Kiosk::categoryName(const QString &id, const QString &language) const
{
    const AwardCategory *a = m_feed.programme().award(id);
    const DisplayLanguage::Language shown = language.isEmpty() ? m_language.language() : DisplayLanguage::fromCode(language);
    return a ? DisplayLanguage::pick(a->name, shown, id) : id;
}

QString Kiosk::festivalName() const
{
    return DisplayLanguage::pick(m_feed.programme().festivalName, m_language.language());
}

QDateTime Kiosk::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

void Kiosk::setNow(const QDateTime &now)
{
    m_clock.stop();
    m_fixedNow = now;
    tick();
}

QString Kiosk::clockText() const
{
    return festivalNow().toString(QStringLiteral("HH:mm"));
}

QString Kiosk::dayLabel(const QString &day, const QString &language) const
{
    const QDate date = QDate::fromString(day, Qt::ISODate);
    if (!date.isValid())
        return day;
    const DisplayLanguage::Language shown = language.isEmpty() ? m_language.language() : DisplayLanguage::fromCode(language);
    if (shown == DisplayLanguage::Language::Chinese)
        return QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::HongKong).toString(date, QStringLiteral("M月d日 (ddd)"));
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("ddd d MMM"));
}

QString Kiosk::filmLink(const QString &filmId) const
{
    if (m_config.filmLink.isEmpty() || m_feed.films()->indexOf(filmId) < 0)
        return {};
    return QString(m_config.filmLink).replace(QStringLiteral("{film}"), QString::fromLatin1(QUrl::toPercentEncoding(filmId)));
}

QString Kiosk::qrImage(const QString &text) const
{
    const QImage image = TicketQr::image(text);
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString Kiosk::votableScreeningOf(const QString &filmId, int) const
{
    // Any venue's: the film may have been seen elsewhere than at this kiosk.
    const ScreeningListModel *all = m_feed.screenings();
    QString latest;
    QDateTime latestStart;
    for (int row = 0; row < all->rowCount(); ++row) {
        const QModelIndex index = all->index(row, 0);
        if (all->data(index, ScreeningListModel::VotingStateRole).toInt() != int(VotingStatus::State::Open)
            || !all->data(index, ScreeningListModel::FilmIdsRole).toStringList().contains(filmId))
            continue;
        const QDateTime start = all->data(index, ScreeningListModel::StartRole).toDateTime();
        if (latest.isEmpty() || start > latestStart) {
            latest = all->data(index, ScreeningListModel::IdRole).toString();
            latestStart = start;
        }
    }
    return latest;
}

QVariantMap Kiosk::nextCeremony(const QString &language, const QDateTime &after) const
{
    const DisplayLanguage::Language shown = language.isEmpty() ? m_language.language() : DisplayLanguage::fromCode(language);
    const QDateTime at = after.isValid() ? after : now();
    const ProgrammeEvent *next = nullptr;
    for (const ProgrammeEvent &event : m_feed.programme().events) {
        if (event.kind == ProgrammeEvent::Kind::Ceremony && event.start > at && (!next || event.start < next->start))
            next = &event;
    }
    if (!next)
        return {};
    const QDateTime start = next->start.toTimeZone(m_feed.screenings()->timeZone());
    const QString day = start.date().toString(Qt::ISODate);
    return {{QStringLiteral("title"), DisplayLanguage::pick(next->title, shown)},
            {QStringLiteral("venueName"), m_feed.venues()->nameOf(next->venueId)},
            {QStringLiteral("day"), day},
            {QStringLiteral("dayLabel"), dayLabel(day, language)},
            {QStringLiteral("time"), start.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("today"), day == today()}};
}

QVariantList Kiosk::startingSoon(int limit, const QString &) const
{
    constexpr int horizonSeconds = 2 * 3600;
    const NowNextModel *screens = m_feed.nowNext();
    QList<QPair<int, QVariantMap>> soon;
    for (int row = 0; row < screens->rowCount(); ++row) {
        const QModelIndex index = screens->index(row, 0);
        const int seconds = screens->data(index, NowNextModel::SecondsToNextRole).toInt();
        if (seconds < 0 || seconds > horizonSeconds)
            continue;
        soon.append({seconds, QVariantMap{
            {QStringLiteral("screeningId"), screens->data(index, NowNextModel::NextIdRole)},
            {QStringLiteral("title"), screens->data(index, NowNextModel::NextTitleRole)},
            {QStringLiteral("startTime"), screens->data(index, NowNextModel::NextStartTimeRole)},
            {QStringLiteral("minutes"), (seconds + 59) / 60},
            {QStringLiteral("venueName"), screens->data(index, NowNextModel::VenueNameRole)},
            {QStringLiteral("screenName"), screens->data(index, NowNextModel::ScreenNameRole)}}});
    }
    std::stable_sort(soon.begin(), soon.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QVariantList out;
    for (const auto &entry : std::as_const(soon)) {
        if (out.size() >= limit)
            break;
        out.append(entry.second);
    }
    return out;
}

Kiosk::Connection Kiosk::connection() const
{
    if (!m_bus)
        return Connection::Standalone;
    switch (m_bus->client()->state()) {
    case MqttClient::State::Connected: return Connection::Online;
    case MqttClient::State::Connecting: return Connection::Connecting;
    case MqttClient::State::Disconnected: break;
    }
    return Connection::Offline;
}

QString Kiosk::brokerState() const
{
    if (!m_bus)
        return tr("no broker (running from a programme file)");
    const MqttClient *c = m_bus->client();
    const QString state = QVariant::fromValue(c->state()).toString();
    return c->errorString().isEmpty() ? QStringLiteral("%1 — %2").arg(c->brokerAddress(), state)
                                      : QStringLiteral("%1 — %2 — %3").arg(c->brokerAddress(), state, c->errorString());
}

int Kiosk::outboxPending() const
{
    return m_outbox ? m_outbox->pending() : 0;
}

QVariantMap Kiosk::film(const QString &id, const QString &) const
{
    const FilmListModel *model = m_feed.films();
    return model->get(model->indexOf(id));
}

QVariantMap Kiosk::screening(const QString &id, const QString &) const
{
    const ScreeningListModel *model = m_feed.screenings();
    return model->get(model->indexOf(id));
}

void Kiosk::ticketScanned(const QString &code)
{
    // The stage has the kiosk during the ceremony; staff use theirs without scanning.
    if (m_ceremony.isActive() || !m_vote)
        return;
    m_idle.poke();
    m_vote->scan(code);
}

void Kiosk::setLargeText(bool on)
{
    if (m_largeText == on)
        return;
    m_largeText = on;
    emit readingChanged();
}

void Kiosk::setHighContrast(bool on)
{
    if (m_highContrast == on)
        return;
    m_highContrast = on;
    emit readingChanged();
}

void Kiosk::resetToHome()
{
    if (m_vote)
        m_vote->reset();
    m_filmSearch.setQuery({});
    m_filmSearch.setCategoryId({});
    m_programme.setQuery({});
    m_programme.setVenueId({});
    m_programme.setCategoryId({});
    m_staff.lock();
    m_speech.stop();
    setLanguage(m_config.language);
    setLargeText(false);
    setHighContrast(false);
    emit homeRequested();
}

void Kiosk::showScreen(const QString &name, const QString &argument)
{
    // Screenshots of the ceremony view show a sample cue; any other screen ends it.
    if (!m_ceremony.isFollowing() && (name.startsWith(QLatin1String("ceremony-")) || m_ceremony.isActive()))
        m_ceremony.showSample(name.section(QLatin1Char('-'), 1), m_feed.programme());
    emit screenRequested(name, argument);
}

void Kiosk::tick()
{
    m_feed.nowNext()->update(*m_feed.screenings(), m_players, now());
    emit nowChanged();
    const QString todayIs = today();
    bool changed = false;
    if (todayIs != m_daysPlannedFor) {
        m_daysPlannedFor = todayIs;
        changed = planDays(todayIs);
    }
    const bool left = now() < m_lastEndToday;
    if (changed || left != m_screeningsLeftToday) {
        m_screeningsLeftToday = left;
        emit programmeDayChanged();
    }
}

bool Kiosk::planDays(const QString &todayIs)
{
    QString day, next;
    const QStringList festivalDays = days();
    for (const QString &d : festivalDays) {
        if (day.isEmpty() && d >= todayIs)
            day = d;
        if (next.isEmpty() && d > todayIs)
            next = d;
    }
    if (day.isEmpty() && !festivalDays.isEmpty())
        day = festivalDays.last();
    QDateTime lastEnd;
    const ScreeningListModel *screenings = m_feed.screenings();
    for (int row = 0; row < screenings->rowCount(); ++row) {
        const QModelIndex i = screenings->index(row);
        if (i.data(ScreeningListModel::DayRole).toString() != todayIs || i.data(ScreeningListModel::CancelledRole).toBool())
            continue;
        const QDateTime end = i.data(ScreeningListModel::EndRole).toDateTime();
        if (!lastEnd.isValid() || end > lastEnd)
            lastEnd = end;
    }
    const bool changed = day != m_programmeDay || next != m_nextFestivalDay;
    m_programmeDay = day;
    m_nextFestivalDay = next;
    m_lastEndToday = lastEnd;
    m_upcoming.setDay(next.isEmpty() ? QStringLiteral("-") : next);
    return changed;
}

QDateTime Kiosk::festivalNow() const
{
    const QTimeZone zone = m_feed.screenings()->timeZone();
    return zone.isValid() ? now().toTimeZone(zone) : now().toLocalTime();
}

QString Kiosk::today() const
{
    return festivalNow().date().toString(Qt::ISODate);
}

void Kiosk::publishStatus()
{
    if (!m_bus)
        return;
    KioskStatus status;
    status.venue = m_config.venueId;
    status.programmeVersion = m_feed.version();
    status.outboxPending = outboxPending();
    status.ceremony = m_ceremony.statusJson();
    m_bus->publishStatus(status);
}

} // namespace fest
