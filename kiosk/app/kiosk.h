#pragma once

#include "filmfiltermodel.h"
#include "idlemonitor.h"
#include "kioskceremony.h"
#include "kioskconfig.h"
#include "languageswitcher.h"
#include "programmefeed.h"
#include "screeningfiltermodel.h"
#include "screenstatusbook.h"
#include "speaker.h"
#include "staffaccess.h"
#include "stillcache.h"
#include "ticketcamera.h"
#include "ticketscanner.h"
#include "votesession.h"
#include "votingstatus.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>

class QQmlEngine;
class QJSEngine;

namespace fest {

class Database;
class KioskBus;
class VoteOutbox;

// The one object QML sees (singleton `Kiosk` in module Festival.Kiosk): the models, the
// vote session, staff access, idle handling, language and connection state. main()
// (or a test) builds it from a KioskConfig before loading any QML; create() hands that
// instance to the engine.
class Kiosk : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString defaultLanguage READ defaultLanguage CONSTANT)
    Q_PROPERTY(QString fontFamily READ fontFamily CONSTANT)
    Q_PROPERTY(VenueListModel *venues READ venues CONSTANT)
    Q_PROPERTY(FilmListModel *films READ films CONSTANT)
    Q_PROPERTY(ScreeningListModel *screenings READ screenings CONSTANT)
    Q_PROPERTY(NowNextModel *nowNext READ nowNext CONSTANT)
    // The films' stills (FilmStill.qml shows them through image://still/<sha256>).
    Q_PROPERTY(StillCache *stills READ stills CONSTANT)
    Q_PROPERTY(FilmFilterModel *filmSearch READ filmSearch CONSTANT)
    Q_PROPERTY(ScreeningFilterModel *programme READ programme CONSTANT)
    Q_PROPERTY(ScreeningFilterModel *filmScreenings READ filmScreenings CONSTANT)
    Q_PROPERTY(ScreeningFilterModel *votable READ votable CONSTANT)
    Q_PROPERTY(QStringList days READ days NOTIFY programmeChanged)
    // The day the programme opens on: today, or the next festival day (before the
    // festival), or its last day (after it).
    Q_PROPERTY(QString programmeDay READ programmeDay NOTIFY programmeDayChanged)
    // After the day's last screening the lobby says so and shows what comes next:
    // whether anything is still to end today, and the next festival day after today
    // ("" once the festival is over) with its screenings (`upcoming`).
    Q_PROPERTY(bool screeningsLeftToday READ screeningsLeftToday NOTIFY programmeDayChanged)
    Q_PROPERTY(QString nextFestivalDay READ nextFestivalDay NOTIFY programmeDayChanged)
    Q_PROPERTY(ScreeningFilterModel *upcoming READ upcoming CONSTANT)
    Q_PROPERTY(QVariantList categories READ categories NOTIFY categoriesChanged)
    // The venues as {id, name} in the language shown (the programme's venue filter).
    Q_PROPERTY(QVariantList venueChoices READ venueChoices NOTIFY categoriesChanged)
    Q_PROPERTY(qint64 programmeVersion READ programmeVersion NOTIFY programmeChanged)
    // Counts changes of the voting windows (for bindings that ask about them).
    Q_PROPERTY(int votingRevision READ votingRevision NOTIFY votingChanged)
    Q_PROPERTY(QString festivalName READ festivalName NOTIFY categoriesChanged)
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)
    Q_PROPERTY(QString clockText READ clockText NOTIFY nowChanged)
    Q_PROPERTY(Connection connection READ connection NOTIFY connectionChanged)
    Q_PROPERTY(QString brokerState READ brokerState NOTIFY connectionChanged)
    Q_PROPERTY(QString kioskId READ kioskId CONSTANT)
    Q_PROPERTY(QString venueId READ venueId CONSTANT)
    Q_PROPERTY(QString venueName READ venueName NOTIFY categoriesChanged)
    Q_PROPERTY(int outboxPending READ outboxPending NOTIFY outboxPendingChanged)
    Q_PROPERTY(VoteSession *vote READ vote CONSTANT)
    Q_PROPERTY(StaffAccess *staff READ staff CONSTANT)
    Q_PROPERTY(IdleMonitor *idle READ idle CONSTANT)
    Q_PROPERTY(bool ceremonyAvailable READ ceremonyAvailable NOTIFY ceremonyAvailableChanged)
    Q_PROPERTY(fest::KioskCeremony *ceremony READ ceremony CONSTANT)
    // The vote page invites a scan (a USB scanner is attached, or the camera reads).
    // Reading help a visitor can switch on from any page; back off on the idle reset.
    Q_PROPERTY(bool largeText READ largeText WRITE setLargeText NOTIFY readingChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY readingChanged)
    Q_PROPERTY(bool canScan READ canScan NOTIFY scannerChanged)
    Q_PROPERTY(bool cameraScans READ cameraScans NOTIFY scannerChanged)
    // For staff (the staff panel, the log): why the camera does not read, empty when fine.
    Q_PROPERTY(QString scannerProblem READ scannerProblem NOTIFY scannerChanged)
    // "Read this page aloud" (the 🔊 in the header); stops on the idle reset and when the
    // language changes.
    Q_PROPERTY(fest::Speaker *speech READ speech CONSTANT)
public:
    enum class Connection { Standalone, Connecting, Online, Offline };
    Q_ENUM(Connection)
    enum class Error { NoError, OutboxUnavailable, ProgrammeUnreadable };
    Q_ENUM(Error)

    explicit Kiosk(const KioskConfig &config, QObject *parent = nullptr);
    ~Kiosk() override;

    // How start() reads the programme file: at once (tests, screenshots), or on a worker
    // thread so that the first frame does not wait for a large programme (the app; a file
    // that turns out unusable is then reported by programmeFileFailed).
    enum class ProgrammeLoading { Blocking, Background };
    // Builds the outbox and, with a broker URL, the bus; loads the programme file, or
    // with a broker and no file the programme kept from the bus last time.
    // False with a message for the operator when the kiosk cannot work.
    bool start(QString *error, ProgrammeLoading loading = ProgrammeLoading::Blocking);
    static Kiosk *instance() { return s_instance; }
    static Kiosk *create(QQmlEngine *qml, QJSEngine *js);

    QString language() const;
    void setLanguage(const QString &code);
    QString defaultLanguage() const { return m_config.language; }
    QString fontFamily() const;
    VenueListModel *venues() { return m_feed.venues(); }
    FilmListModel *films() { return m_feed.films(); }
    ScreeningListModel *screenings() { return m_feed.screenings(); }
    NowNextModel *nowNext() { return m_feed.nowNext(); }
    StillCache *stills() { return &m_stills; }
    FilmFilterModel *filmSearch() { return &m_filmSearch; }
    ScreeningFilterModel *programme() { return &m_programme; }
    ScreeningFilterModel *filmScreenings() { return &m_filmScreenings; }
    ScreeningFilterModel *votable() { return &m_votable; }
    QStringList days() const { return m_feed.screenings()->days(); }
    QString programmeDay() const { return m_programmeDay; }
    bool screeningsLeftToday() const { return m_screeningsLeftToday; }
    QString nextFestivalDay() const { return m_nextFestivalDay; }
    ScreeningFilterModel *upcoming() { return &m_upcoming; }
    QVariantList categories() const;
    QVariantList venueChoices() const;
    qint64 programmeVersion() const { return m_feed.version(); }
    int votingRevision() const { return m_votingRevision; }
    QString festivalName() const;
    QDateTime now() const;
    QString clockText() const;
    Connection connection() const;
    QString brokerState() const;
    QString kioskId() const { return m_config.kioskId; }
    QString venueId() const { return m_config.venueId; }
    QString venueName() const { return m_feed.venues()->nameOf(m_config.venueId); }
    int outboxPending() const;
    VoteSession *vote() { return m_vote.get(); }
    StaffAccess *staff() { return &m_staff; }
    IdleMonitor *idle() { return &m_idle; }
    // The ceremony view is offered while a ceremony runs (the kiosk switches to it by itself).
    bool ceremonyAvailable() const { return m_ceremony.isActive(); }
    KioskCeremony *ceremony() { return &m_ceremony; }
    bool largeText() const { return m_largeText; }
    void setLargeText(bool on);
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    bool canScan() const { return m_config.usbScanner || cameraScans(); }
    bool cameraScans() const { return m_camera.running(); }
    QString scannerProblem() const { return m_camera.errorString(); }
    TicketCamera *camera() { return &m_camera; }
    Speaker *speech() { return &m_speech; }

    ProgrammeFeed *feed() { return &m_feed; }
    VotingStatus *votingWindows() { return &m_windows; }
    ScreenStatusBook *players() { return &m_players; }
    KioskBus *bus() { return m_bus.get(); }
    VoteOutbox *outbox() { return m_outbox.get(); }
    void setEngine(QQmlEngine *engine) { m_language.setEngine(engine); }
    void setNow(const QDateTime &now);   // fixes the clock (tests, screenshots)

    // `language` (Kiosk.language from QML) only binds the caller to the language: the
    // film is given in the language shown.
    Q_INVOKABLE QVariantMap film(const QString &id, const QString &language = {}) const;
    Q_INVOKABLE QVariantMap screening(const QString &id, const QString &language = {}) const;   // as film()
    // A festival day as the visitor reads it. QML passes Kiosk.language, so that the label
    // is bound to it (a bare `Kiosk.language;` statement is compiled away).
    Q_INVOKABLE QString dayLabel(const QString &day, const QString &language = {}) const;
    Q_INVOKABLE QString categoryName(const QString &id, const QString &language = {}) const;
    // The film's page on the festival's website ([kiosk] film_link), empty when none is set.
    Q_INVOKABLE QString filmLink(const QString &filmId) const;
    // A QR code of `text` as an image URL (PNG data), empty when it cannot be encoded.
    Q_INVOKABLE QString qrImage(const QString &text) const;
    // The screening of this film that a visitor can vote for now (the latest to have
    // started, at any venue), empty when none is open. QML passes Kiosk.votingRevision
    // as `revision`, which only binds the caller to the voting windows.
    Q_INVOKABLE QString votableScreeningOf(const QString &filmId, int revision = 0) const;
    // The festival's next award ceremony on the programme that starts after `after`
    // (default: now): title, venue, day (as dayLabel) and time in the language shown;
    // empty when none is to come. Bindings pass Kiosk.now to follow the time.
    Q_INVOKABLE QVariantMap nextCeremony(const QString &language = {}, const QDateTime &after = {}) const;
    // The screenings about to start on any screen, soonest first: at most `limit`, within
    // two hours (screeningId, title, startTime, minutes, venueName, screenName).
    Q_INVOKABLE QVariantList startingSoon(int limit, const QString &language = {}) const;
    Q_INVOKABLE void toggleLanguage();
    // Back to the attract screen: default language, vote and search cleared, staff locked.
    Q_INVOKABLE void resetToHome();
    // Asks the UI to show a screen by name (screenshot mode, staff tools).
    Q_INVOKABLE void showScreen(const QString &name, const QString &argument = {});

signals:
    void languageChanged();
    void programmeChanged();
    void categoriesChanged();
    void nowChanged();
    void connectionChanged();
    void outboxPendingChanged();
    void ceremonyAvailableChanged();
    void scannerChanged();
    void readingChanged();
    void programmeDayChanged();
    void votingChanged();
    void homeRequested();
    void screenRequested(const QString &name, const QString &argument);
    void programmeFileFailed(const QString &why);

private:
    void tick();
    QDateTime festivalNow() const;   // now in the festival's time zone (else this machine's)
    QString today() const;           // "yyyy-MM-dd" in the festival's time zone
    // The days as seen from today (the programme's day, the next festival day, today's
    // last end): once a day and for each programme version, not at every tick.
    // True when the programme's day or the next festival day changed.
    bool planDays(const QString &todayIs);
    void publishStatus();
    void ticketScanned(const QString &code);
    bool loadProgramme(ProgrammeLoading loading, QString *error);

    static Kiosk *s_instance;
    KioskConfig m_config;
    ProgrammeFeed m_feed;
    VotingStatus m_windows;
    ScreenStatusBook m_players;
    StillCache m_stills;
    FilmFilterModel m_filmSearch;
    ScreeningFilterModel m_programme;
    ScreeningFilterModel m_filmScreenings;
    ScreeningFilterModel m_votable;
    ScreeningFilterModel m_upcoming;
    LanguageSwitcher m_language;
    StaffAccess m_staff;
    IdleMonitor m_idle;
    KioskCeremony m_ceremony;
    TicketScanner m_keyScanner;
    TicketCamera m_camera;
    Speaker m_speech;
    std::unique_ptr<KioskBus> m_bus;
    std::unique_ptr<Database> m_outboxDb;
    std::unique_ptr<VoteOutbox> m_outbox;
    std::unique_ptr<VoteSession> m_vote;
    QTimer m_clock;
    // The status again every few seconds, so the controller can tell a silent kiosk (frozen,
    // or cut off before the broker noticed) within 15 s.
    QTimer m_heartbeat;
    QDateTime m_fixedNow;
    QString m_daysPlannedFor;     // the day planDays() last ran for
    QString m_programmeDay;
    QString m_nextFestivalDay;
    QDateTime m_lastEndToday;     // invalid when nothing plays today
    bool m_screeningsLeftToday = true;
    bool m_largeText = false;
    bool m_highContrast = false;
    int m_votingRevision = 0;
};

} // namespace fest
