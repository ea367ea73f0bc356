#include "cuefollower.h"

#include "clockwait.h"
#include "mqttclient.h"
#include "showclock.h"
#include "topics.h"

namespace fest {

Q_LOGGING_CATEGORY(lcCeremony, "fest.ceremony")

namespace {

QVariantMap filmToMap(const CueFilm &film)
{
    return {{QStringLiteral("id"), film.id},
            {QStringLiteral("originalTitle"), film.originalTitle},
            {QStringLiteral("titleEn"), film.title.en},
            {QStringLiteral("titleZh"), film.title.zh},
            {QStringLiteral("media"), film.media}};
}

CueFollower::Error errorOf(DecodeError::Kind kind)
{
    switch (kind) {
    case DecodeError::Kind::None: return CueFollower::Error::None;
    case DecodeError::Kind::Malformed: return CueFollower::Error::Malformed;
    case DecodeError::Kind::WrongType: return CueFollower::Error::WrongType;
    case DecodeError::Kind::WrongVersion: return CueFollower::Error::WrongVersion;
    case DecodeError::Kind::InvalidField: return CueFollower::Error::InvalidField;
    }
    return CueFollower::Error::Malformed;
}

} // namespace

CueFollower::CueFollower(MqttClient *client, ShowClock *clock, QObject *parent)
    : CueFollower(client, [clock] { return clock->nowUs(); }, parent,
                  [clock](qint64 atUs) { return ClockWait::until(clock->clock(), atUs); })
{
}

CueFollower::CueFollower(MqttClient *client, CueTimer::Clock nowUs, QObject *parent, CueTimer::Waiter waiter)
    : QObject(parent)
    , m_now(std::move(nowUs))
    , m_timer(m_now, std::move(waiter))
{
    connect(&m_timer, &CueTimer::due, this, &CueFollower::onDue);
    if (client) {
        connect(client, &MqttClient::messageReceived, this, &CueFollower::onMessage);
        client->subscribe(Topics::ceremony(), 1);
    }
}

void CueFollower::onMessage(const MqttMessage &message)
{
    if (message.topic == Topics::ceremony())
        handlePayload(message.payload);
}

void CueFollower::handlePayload(const QByteArray &payload)
{
    if (payload.isEmpty())
        return;   // the retained state was cleared: nothing to follow yet
    DecodeError decodeError;
    const std::optional<CeremonyState> state = CeremonyState::decode(payload, &decodeError);
    if (!state) {
        qCWarning(lcCeremony).noquote() << "ignoring a ceremony message:" << decodeError.message;
        setError(errorOf(decodeError.kind), decodeError.message);
        return;
    }
    setError(Error::None, {});
    const qint64 newest = m_pending ? m_pending->seq : m_state.seq;
    if (state->seq <= newest) {
        ++m_droppedStale;
        qCDebug(lcCeremony) << "ceremony message" << state->seq << "already applied or scheduled";
        return;
    }
    const qint64 now = m_now();
    if (now > state->expiresAtUs) {
        m_timer.stop();
        m_pending.reset();
        ++m_droppedExpired;
        apply(*state, false, now);
        return;
    }
    m_pending = state;
    m_timer.start(state->executeAtUs);
    emit cueScheduled(state->seq);
}

void CueFollower::onDue(qint64, qint64 firedAtUs)
{
    if (!m_pending)
        return;
    const CeremonyState state = *m_pending;
    m_pending.reset();
    // The thread may have been busy past the expiry: then the cue is shown, not fired.
    const bool inTime = firedAtUs <= state.expiresAtUs;
    if (!inTime)
        ++m_droppedExpired;
    apply(state, inTime, firedAtUs);
}

void CueFollower::apply(const CeremonyState &state, bool fire, qint64 atUs)
{
    const CeremonyState before = m_state;
    const bool wasLive = m_live;
    const bool newCue = state.cueSeq > m_firedCueSeq;
    m_state = state;
    m_appliedAtUs = atUs;
    if (newCue) {
        m_firedCueSeq = state.cueSeq;
        m_live = fire;
    }
    if (before.active != state.active)
        emit activeChanged();
    if (before.blackout != state.blackout)
        emit blackoutChanged();
    if (before.cue != state.cue || before.index != state.index || before.count != state.count
        || before.executeAtUs != state.executeAtUs || wasLive != m_live)
        emit cueChanged();
    if (before.announced != state.announced)
        emit announcedChanged();
    emit appliedChanged();
    if (!newCue || !state.active || !state.cue)
        return;
    if (fire)
        emit cueFired(state.seq, atUs);
    else
        emit cueJoined(state.seq);
}

void CueFollower::setError(Error error, const QString &text)
{
    if (m_error == error && m_errorString == text)
        return;
    m_error = error;
    m_errorString = text;
    emit errorChanged();
}

QString CueFollower::cueType() const
{
    return m_state.cue ? Cue::typeNames().at(int(m_state.cue->type)) : QString();
}

QString CueFollower::categoryId() const
{
    return m_state.cue ? m_state.cue->categoryId : QString();
}

QString CueFollower::headingEn() const
{
    return m_state.cue ? m_state.cue->heading.en : QString();
}

QString CueFollower::headingZh() const
{
    return m_state.cue ? m_state.cue->heading.zh : QString();
}

QVariantList CueFollower::nominees() const
{
    QVariantList list;
    if (m_state.cue)
        for (const CueFilm &f : m_state.cue->nominees)
            list << filmToMap(f);
    return list;
}

QVariantMap CueFollower::film() const
{
    return m_state.cue && m_state.cue->film ? filmToMap(*m_state.cue->film) : QVariantMap();
}

QVariantMap CueFollower::winner() const
{
    return m_state.cue && m_state.cue->winner ? filmToMap(*m_state.cue->winner) : QVariantMap();
}

QVariantList CueFollower::announced() const
{
    QVariantList list;
    for (const Cue &reveal : m_state.announced)
        list << QVariantMap{{QStringLiteral("categoryId"), reveal.categoryId},
                            {QStringLiteral("headingEn"), reveal.heading.en},
                            {QStringLiteral("headingZh"), reveal.heading.zh},
                            {QStringLiteral("winner"), reveal.winner ? filmToMap(*reveal.winner) : QVariantMap()}};
    return list;
}

QString CueFollower::clipMedia() const
{
    return m_state.cue ? m_state.cue->clipMedia() : QString();
}

QJsonObject CueFollower::statusJson() const
{
    return {{"seq", m_state.seq}, {"appliedAtUs", m_appliedAtUs}};
}

} // namespace fest
