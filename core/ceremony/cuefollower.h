#pragma once

#include "ceremonystate.h"
#include "cuetimer.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <optional>

namespace fest {

Q_DECLARE_LOGGING_CATEGORY(lcCeremony)

class MqttClient;
struct MqttMessage;
class ShowClock;

// Follows the award ceremony on a node (player or kiosk), without any UI: reads the
// retained fest/v1/ceremony state, and acts on each cue at its executeAtUs on the show
// clock, so that every node shows it on the same frame.
//
// Contract:
// - Each message is checked (size, envelope, every field); a bad one changes nothing and
//   sets error().
// - A message whose seq is not newer than the last one applied (or scheduled) is dropped:
//   a retained copy delivered again after a reconnect never replays a cue.
// - A message that arrives after its expiresAtUs (a node that joins late, or a delayed
//   message) is shown at once but does not fire: the properties say what is on now,
//   cueJoined() is emitted and cueFired() is not. Players use executeAtUs to join a clip.
// - Otherwise the state is applied at executeAtUs (CueTimer) and, when it made a new cue
//   current (cueSeq), cueFired(seq, firedAtUs) is emitted with the show-clock instant.
//   A blackout toggle applies at its instant without firing the cue again.
class CueFollower : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(bool blackout READ isBlackout NOTIFY blackoutChanged)
    Q_PROPERTY(QString cueType READ cueType NOTIFY cueChanged)
    Q_PROPERTY(int cueIndex READ cueIndex NOTIFY cueChanged)
    Q_PROPERTY(int cueCount READ cueCount NOTIFY cueChanged)
    Q_PROPERTY(QString categoryId READ categoryId NOTIFY cueChanged)
    Q_PROPERTY(QString headingEn READ headingEn NOTIFY cueChanged)
    Q_PROPERTY(QString headingZh READ headingZh NOTIFY cueChanged)
    Q_PROPERTY(QVariantList nominees READ nominees NOTIFY cueChanged)
    Q_PROPERTY(QVariantMap film READ film NOTIFY cueChanged)
    Q_PROPERTY(QVariantMap winner READ winner NOTIFY cueChanged)
    // The awards announced so far (CeremonyState::announced): {categoryId, headingEn,
    // headingZh, winner (as `winner`)}, in the order announced.
    Q_PROPERTY(QVariantList announced READ announced NOTIFY announcedChanged)
    Q_PROPERTY(QString clipMedia READ clipMedia NOTIFY cueChanged)
    Q_PROPERTY(qint64 executeAtUs READ executeAtUs NOTIFY cueChanged)
    Q_PROPERTY(bool live READ isLive NOTIFY cueChanged)
    Q_PROPERTY(qint64 appliedSeq READ appliedSeq NOTIFY appliedChanged)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    enum class Error { None, Malformed, WrongType, WrongVersion, InvalidField };
    Q_ENUM(Error)

    // Follows on the node's show clock (the last stretch before an instant sleeps on it,
    // see ClockWait). client and clock are borrowed and must outlive this object; the
    // subscription is added to client (and survives its reconnects).
    CueFollower(MqttClient *client, ShowClock *clock, QObject *parent = nullptr);
    // The same on any clock in microseconds; client may be null (feed handlePayload()).
    CueFollower(MqttClient *client, CueTimer::Clock nowUs, QObject *parent = nullptr,
                CueTimer::Waiter waiter = {});

    // One payload of fest/v1/ceremony.
    void handlePayload(const QByteArray &payload);

    bool isActive() const { return m_state.active; }
    bool isBlackout() const { return m_state.blackout; }
    QString cueType() const;
    int cueIndex() const { return m_state.index; }
    int cueCount() const { return m_state.count; }
    QString categoryId() const;
    QString headingEn() const;
    QString headingZh() const;
    QVariantList nominees() const;
    QVariantMap film() const;
    QVariantMap winner() const;
    QVariantList announced() const;
    QString clipMedia() const;
    qint64 executeAtUs() const { return m_state.executeAtUs; }
    bool isLive() const { return m_live; }
    qint64 appliedSeq() const { return m_state.seq; }
    qint64 appliedAtUs() const { return m_appliedAtUs; }
    const CeremonyState &state() const { return m_state; }
    // The state waiting for its instant (scheduled, not applied yet), if any.
    const std::optional<CeremonyState> &pending() const { return m_pending; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    // For the node's status: {"seq": last applied, "appliedAtUs"} (docs/protocol.md).
    QJsonObject statusJson() const;

    // Counters for tests and diagnostics.
    int droppedStale() const { return m_droppedStale; }
    int droppedExpired() const { return m_droppedExpired; }

Q_SIGNALS:
    void activeChanged();
    void blackoutChanged();
    void cueChanged();
    void announcedChanged();
    void appliedChanged();
    void errorChanged();
    // A new cue became current at its instant, here at firedAtUs (show clock).
    void cueFired(qint64 seq, qint64 firedAtUs);
    // The current cue was shown without firing: it had already happened (late join).
    void cueJoined(qint64 seq);
    // A newer state was accepted and waits for its executeAtUs (see pending()): a node
    // prepares what it will need at the instant (a player prerolls the clip).
    void cueScheduled(qint64 seq);

private:
    void onMessage(const MqttMessage &message);
    void onDue(qint64 atUs, qint64 firedAtUs);
    void apply(const CeremonyState &state, bool fire, qint64 atUs);
    void setError(Error error, const QString &text);

    CueTimer::Clock m_now;
    CueTimer m_timer;
    CeremonyState m_state;
    std::optional<CeremonyState> m_pending;
    qint64 m_appliedAtUs = 0;
    qint64 m_firedCueSeq = 0;
    bool m_live = false;
    Error m_error = Error::None;
    QString m_errorString;
    int m_droppedStale = 0;
    int m_droppedExpired = 0;
};

} // namespace fest
