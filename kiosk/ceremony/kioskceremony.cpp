#include "kioskceremony.h"

#include "clockwait.h"
#include "mqttclient.h"
#include "programme.h"
#include "showclock.h"
#include "topics.h"

#include <QDateTime>

namespace fest {

namespace {
CueFilm cueFilm(const Programme &programme, const QString &id)
{
    CueFilm f;
    f.id = id;
    if (const Film *film = programme.film(id)) {
        f.originalTitle = film->originalTitle;
        f.title = film->title;
        f.media = film->media;
    }
    return f;
}
} // namespace

KioskCeremony::KioskCeremony(QObject *parent)
    : QObject(parent)
    , m_follower(std::make_unique<CueFollower>(nullptr, [this] { return nowUs(); }, nullptr,
                                               [this](qint64 atUs) { return m_clock && ClockWait::until(m_clock->clock(), atUs); }))
{
    connect(m_follower.get(), &CueFollower::activeChanged, this, &KioskCeremony::activeChanged);
    connect(m_follower.get(), &CueFollower::appliedChanged, this, &KioskCeremony::applied);
}

KioskCeremony::~KioskCeremony() = default;

qint64 KioskCeremony::nowUs() const
{
    // Until a clock is configured (screenshots, a kiosk without a broker) this machine's.
    return m_clock ? m_clock->nowUs() : QDateTime::currentMSecsSinceEpoch() * 1000;
}

bool KioskCeremony::follow(MqttClient *client, const QString &clockAddress, QString *error)
{
    const int colon = clockAddress.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? clockAddress.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535) {
        if (error)
            *error = QStringLiteral("the show clock address \"%1\" is not host:port; set [clock] address "
                                    "to the controller's host and clock port").arg(clockAddress);
        return false;
    }
    m_clock = std::make_unique<ShowClock>(clockAddress.left(colon), quint16(port));
    m_client = client;
    connect(client, &MqttClient::messageReceived, m_follower.get(), [this](const MqttMessage &m) {
        if (m.topic == Topics::ceremony())
            m_follower->handlePayload(m.payload);
    });
    client->subscribe(Topics::ceremony(), 1);
    emit followingChanged();
    return true;
}

QJsonObject KioskCeremony::statusJson() const
{
    QJsonObject s = m_follower->statusJson();
    s.insert(QStringLiteral("clockSynced"), m_clock && m_clock->isSynced());
    return s;
}

void KioskCeremony::showSample(const QString &type, const Programme &programme)
{
    const int typeIndex = Cue::typeNames().indexOf(type);
    CeremonyState state;
    state.seq = ++m_sampleSeq + m_follower->appliedSeq();
    state.cueSeq = state.seq;
    state.active = typeIndex >= 0;
    state.count = 12;
    // Already past and expired: shown at once, as a late joiner sees it.
    state.executeAtUs = nowUs() - 10'000'000;
    state.expiresAtUs = state.executeAtUs + 2'000'000;
    state.sentAtUs = state.executeAtUs;
    if (state.active) {
        Cue cue;
        cue.type = Cue::Type(typeIndex);
        state.index = typeIndex * 3;
        const AwardCategory *award = programme.awards.isEmpty() ? nullptr : &programme.awards.first();
        if (cue.type == Cue::Type::Intro || cue.type == Cue::Type::Outro || !award) {
            cue.heading = cue.type == Cue::Type::Outro
                ? LocalizedText{QStringLiteral("Thank you and good night"), QStringLiteral("多謝各位，晚安")}
                : LocalizedText{QStringLiteral("Award Ceremony"), QStringLiteral("頒獎典禮")};
        } else {
            cue.categoryId = award->id;
            cue.heading = award->name;
            for (const QString &id : award->nomineeFilmIds)
                cue.nominees << cueFilm(programme, id);
            if (cue.type == Cue::Type::Nominee && !cue.nominees.isEmpty())
                cue.film = cue.nominees.first();
            if (cue.type == Cue::Type::Reveal && !cue.nominees.isEmpty())
                cue.winner = cue.nominees.last();
        }
        state.cue = cue;
    }
    m_follower->handlePayload(state.encode());
}

} // namespace fest
