// Runs tests/kiosk/qml/tst_*.qml against a real Kiosk: the sample programme, an outbox in
// a temporary folder, no broker (the offline kiosk), two screenings open for voting at
// the kiosk's venue (S-0103, a block, and S-0202, one film), a fixed clock, films'
// pages on https://festival.example/films/<id>.
#include "kiosk.h"
#include "ticketissuer.h"

#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Festival_KioskPlugin)

namespace fest {

// Valid ticket codes for the tests (the controller's secret is not needed to type one).
class TestTickets : public QObject
{
    Q_OBJECT
public:
    Q_INVOKABLE QString issue() const { return TicketIssuer(0, QByteArray(32, 'k')).issueOne(); }
    // Moves the kiosk's fixed clock (ISO 8601).
    Q_INVOKABLE void setNow(const QString &iso) const { Kiosk::instance()->setNow(QDateTime::fromString(iso, Qt::ISODate)); }
    // The ceremony's state as the controller publishes it after the reveal of `category`
    // (won by `film`), or with nothing announced when category is empty.
    Q_INVOKABLE void announce(const QString &category, const QString &film)
    {
        CeremonyState state;
        state.seq = ++m_ceremonySeq;
        state.executeAtUs = state.expiresAtUs = 1;   // long past: applied at once
        if (!category.isEmpty()) {
            Cue award;
            award.type = Cue::Type::Reveal;
            award.categoryId = category;
            award.heading = {QStringLiteral("Audience Award"), QStringLiteral("觀眾票選獎")};
            award.winner = CueFilm{film, {}, {QStringLiteral("The Winning Film"), QStringLiteral("得獎影片")}, {}};
            state.announced = {award};
        }
        Kiosk::instance()->ceremony()->follower()->handlePayload(state.encode());
    }

private:
    qint64 m_ceremonySeq = 0;
};

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
        KioskConfig config;
        config.kioskId = QStringLiteral("kiosk-test");
        config.venueId = QStringLiteral("V-CINE");
        config.programmeFile = QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + QStringLiteral("/config/programme.sample.json");
        config.outboxPath = m_dir.filePath(QStringLiteral("outbox.db"));
        config.fakeNow = QDateTime::fromString(QStringLiteral("2026-12-06T11:30:00+08:00"), Qt::ISODate);
        config.idleSeconds = 60;
        config.filmLink = QStringLiteral("https://festival.example/films/{film}");
        m_kiosk = std::make_unique<Kiosk>(config);
        QString error;
        if (!m_kiosk->start(&error))
            qFatal("kiosk did not start: %s", qPrintable(error));
        m_kiosk->votingWindows()->setWindows({{QStringLiteral("S-0103"), {VotingStatus::State::Open, {}}},
                                              {QStringLiteral("S-0202"), {VotingStatus::State::Open, {}}},
                                              {QStringLiteral("S-0101"), {VotingStatus::State::Closed, {}}}});
        qmlRegisterSingletonInstance("Festival.Kiosk.Test", 1, 0, "TestTickets", &m_tickets);
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_kiosk->setEngine(engine);
    }
    void cleanupTestCase() { m_kiosk.reset(); }

private:
    QTemporaryDir m_dir;
    TestTickets m_tickets;
    std::unique_ptr<Kiosk> m_kiosk;
};

} // namespace fest

QUICK_TEST_MAIN_WITH_SETUP(kioskqml, fest::Setup)
#include "tst_kioskqml.moc"
