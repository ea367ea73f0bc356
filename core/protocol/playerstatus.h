#pragma once

#include "decodeerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace fest {

// A player's retained status on fest/v1/node/<account>/status (docs/protocol.md,
// "status"): the one encoder the player uses and the one decoder every reader uses (the
// controller's node registry and voting windows, the kiosks, festctl, the console).
//
// Whose status it is comes from the topic, not from the payload: a player's account is
// player-<SCREEN> (screenOfAccount()), and a status whose "screen" is not its account's
// screen is refused.
struct PlayerStatus
{
    enum class State { Idle, Waiting, Prerolling, Countdown, Playing, Held, Error, Offline };

    struct Item {
        QString id;
        QString screening;
        QString film;
        QString titleEn;
        QString titleZh;
        QString originalTitle;
        qint64 startUs = 0;      // planned start on the show clock
        qint64 durationMs = 0;
        bool operator==(const Item &) const = default;
    };
    struct Clock {
        bool synced = false;
        qint64 offsetUs = 0;
        qint64 rttUs = 0;
        bool operator==(const Clock &) const = default;
    };
    // The last screening this player finished showing (its last film ended, was skipped
    // or stopped) and the show-clock instant it did: what ends a screening's voting
    // window. Only a change of what the running player shows sets it, so a player that
    // went offline, or restarted and has not caught up yet, ends nothing.
    struct Ended {
        QString screening;
        qint64 atUs = 0;
        bool operator==(const Ended &) const = default;
    };
    // What the room hears: its speaker layout, and the current film's measured loudness
    // and the gain that brings it to the screen's target (docs/player.md, "Sound").
    struct Audio {
        QString layout;                   // "stereo" or "5.1"
        std::optional<double> targetLufs; // unset: no loudness normalisation
        std::optional<double> filmLufs;   // unset: not measured (yet), or silent
        double gainDb = 0;
        bool operator==(const Audio &) const = default;
    };
    // How the picture is decoded: the [video] decoding setting, the hardware decoders the
    // machine offers, and the decoder of the film playing now (docs/player.md, "Formats").
    struct Video {
        QString decoding;                 // "auto" or "software"
        QStringList hardwareDecoders;     // e.g. vah264dec, vah265dec; empty: software only
        QString decoder;                  // the current film's ("avdec_h264"); empty when none plays
        bool hardware = false;
        bool operator==(const Video &) const = default;
    };
    struct Error {
        QString code;
        QString message;
        QString itemId;
        bool operator==(const Error &) const = default;
    };

    QString screen;
    State state = State::Idle;
    bool stopped = false;
    qint64 programmeVersion = 0;
    QString playlistSource;
    Clock clock;
    qint64 droppedFrames = 0;
    double volume = 1.0;
    bool blackout = false;
    QDateTime sentAt;
    std::optional<Item> item;        // what plays now (playing, held, error)
    qint64 positionMs = 0;
    // How far the current item runs behind its planned start: show-clock time since
    // item.startUs minus the position reached (holds and a late start add to it).
    qint64 lateMs = 0;
    std::optional<qint64> heldForMs;
    std::optional<Item> next;
    std::optional<Ended> ended;
    std::optional<Error> lastError;
    std::optional<Audio> audio;
    std::optional<Video> video;
    // Sections other parts of the player own (e.g. "ceremony", the cue follower's),
    // carried as they are.
    QJsonObject sections;

    bool operator==(const PlayerStatus &) const = default;

    // The screening this player is showing: item.screening while playing or held, else
    // empty. A player that leaves it (for another, or for nothing) ended it.
    QString screeningShown() const;
    bool isOffline() const { return state == State::Offline; }

    // "Running N min late", the same figure wherever it is shown (kiosk, festctl, the
    // controller's voting windows; the console applies the same rule): whole minutes,
    // rounded up, 0 under half a minute (a start a few seconds late is on time to a visitor).
    static int lateMinutes(qint64 lateMs);
    static constexpr qint64 onTimeWithinMs = 30'000;

    static PlayerStatus offline(const QString &screen);

    static QString stateName(State state);
    static QStringList stateNames();

    // The body of the "status" message (role "player"), and the whole payload.
    QJsonObject toJson() const;
    QByteArray encode() const;
    // Reads a status body (Envelope already checked); nullopt with the reason when it is
    // not a well-formed player status.
    static std::optional<PlayerStatus> fromJson(const QJsonObject &body, QString *error);
    static std::optional<PlayerStatus> decode(const QByteArray &payload, DecodeError &error);

    // The screen a player account plays: SCREEN for "player-SCREEN", else empty (the
    // account is not a player's).
    static QString screenOfAccount(const QString &account);
    static QString accountForScreen(const QString &screen);
};

} // namespace fest
