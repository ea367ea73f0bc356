#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace fest {

// The "status" messages of the controller and the kiosks on fest/v1/node/<account>/status
// (docs/protocol.md; a player's is PlayerStatus). One encoder each, used by the node
// itself, and its Will (state "offline", nothing else known).

// role "controller", account "controller".
struct ControllerStatus
{
    enum class State { Online, Alarm, Offline };
    struct Alarm
    {
        QString code;      // what is wrong ("disk", "votes", ...)
        QString message;   // what to do, for a person
        bool operator==(const Alarm &) const = default;
    };

    State state = State::Online;   // Alarm whenever alarms is not empty
    qint64 programmeVersion = 0;
    QString programmeHash;
    int clockPort = 0;             // UDP port of the show clock
    QList<Alarm> alarms;
    qint64 refusedStatuses = 0;    // statuses refused since it started (NodeRegistry)
    qint64 refusedBallots = 0;     // ballots dropped or refused as malformed (VoteService)
    QDateTime startedAt;
    QString version;               // the controller's software version
    QDateTime sentAt;

    bool operator==(const ControllerStatus &) const = default;

    static ControllerStatus offline();
    static QString stateName(State state);

    QJsonObject toJson() const;
    QByteArray encode() const;
    // Reads a status body (Envelope already checked); nullopt with the reason.
    static std::optional<ControllerStatus> fromJson(const QJsonObject &body, QString *error);
};

// role "kiosk": a lobby touch screen.
struct KioskStatus
{
    bool online = true;
    QString venue;
    qint64 programmeVersion = 0;
    qint64 outboxPending = 0;   // ballots waiting for the controller's answer
    QJsonObject ceremony;       // the cue follower's section ({"seq", "appliedAtUs"})
    QDateTime sentAt;

    bool operator==(const KioskStatus &) const = default;

    static KioskStatus offline();

    QJsonObject toJson() const;
    QByteArray encode() const;
    static std::optional<KioskStatus> fromJson(const QJsonObject &body, QString *error);
};

} // namespace fest
