#include "nodestatus.h"

#include "envelope.h"
#include "jsonreader.h"
#include "messagetype.h"

#include <QJsonArray>

#include <algorithm>

namespace fest {

namespace {
const QStringList controllerStates{QStringLiteral("online"), QStringLiteral("alarm"), QStringLiteral("offline")};
const QStringList kioskStates{QStringLiteral("online"), QStringLiteral("offline")};

QString instant(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// The role every status names, checked against what the reader expects.
void expectRole(JsonReader &r, const QString &role)
{
    if (r.requiredString(QStringLiteral("role")) != role)
        r.addError(QStringLiteral("role"), QStringLiteral("expected \"%1\"").arg(role));
}

template<typename T>
std::optional<T> finish(JsonReader &r, T value, QString *error)
{
    r.rejectUnknownFields();
    if (!r.ok()) {
        if (error)
            *error = r.errors().constFirst().toString();
        return std::nullopt;
    }
    return value;
}
} // namespace

ControllerStatus ControllerStatus::offline()
{
    ControllerStatus s;
    s.state = State::Offline;
    return s;
}

QString ControllerStatus::stateName(State state)
{
    return controllerStates.value(int(state));
}

QJsonObject ControllerStatus::toJson() const
{
    QJsonObject s{{"role", "controller"}, {"state", stateName(state)}};
    if (state == State::Offline)
        return s;
    QJsonArray list;
    for (const Alarm &a : alarms)
        list.append(QJsonObject{{"code", a.code}, {"message", a.message}});
    s.insert(QStringLiteral("programmeVersion"), programmeVersion);
    s.insert(QStringLiteral("programmeHash"), programmeHash);
    s.insert(QStringLiteral("clockPort"), clockPort);
    s.insert(QStringLiteral("alarms"), list);
    s.insert(QStringLiteral("refusedStatuses"), refusedStatuses);
    s.insert(QStringLiteral("refusedBallots"), refusedBallots);
    s.insert(QStringLiteral("startedAt"), instant(startedAt));
    s.insert(QStringLiteral("version"), version);
    s.insert(QStringLiteral("sentAt"), instant(sentAt));
    return s;
}

QByteArray ControllerStatus::encode() const
{
    return Envelope::encode(MessageType::status(), toJson());
}

std::optional<ControllerStatus> ControllerStatus::fromJson(const QJsonObject &body, QString *error)
{
    JsonReader r(body, QStringLiteral("status"));
    ControllerStatus s;
    expectRole(r, QStringLiteral("controller"));
    s.state = State(std::max(0, r.requiredChoice(QStringLiteral("state"), controllerStates)));
    if (r.ok() && s.state != State::Offline) {
        s.programmeVersion = r.optionalInteger(QStringLiteral("programmeVersion"), {.min = 0});
        s.programmeHash = r.optionalString(QStringLiteral("programmeHash"), {.maxLength = 128});
        s.clockPort = int(r.optionalInteger(QStringLiteral("clockPort"), {.min = 0, .max = 65535}));
        const QJsonArray alarms = r.optionalArray(QStringLiteral("alarms"), {.maxLength = 100});
        for (qsizetype i = 0; i < alarms.size(); ++i) {
            JsonReader a = r.element(QStringLiteral("alarms"), alarms, i);
            s.alarms.append({a.requiredId(QStringLiteral("code")), a.requiredString(QStringLiteral("message"), {.maxLength = 2000})});
            a.rejectUnknownFields();
        }
        s.refusedStatuses = r.optionalInteger(QStringLiteral("refusedStatuses"), {.min = 0});
        s.refusedBallots = r.optionalInteger(QStringLiteral("refusedBallots"), {.min = 0});
        s.startedAt = r.optionalDateTime(QStringLiteral("startedAt"));
        s.version = r.optionalString(QStringLiteral("version"), {.maxLength = 64});
        s.sentAt = r.optionalDateTime(QStringLiteral("sentAt"));
    }
    return finish(r, s, error);
}

KioskStatus KioskStatus::offline()
{
    KioskStatus s;
    s.online = false;
    return s;
}

QJsonObject KioskStatus::toJson() const
{
    QJsonObject s{{"role", "kiosk"}, {"state", kioskStates.value(online ? 0 : 1)}};
    if (!online)
        return s;
    s.insert(QStringLiteral("venue"), venue);
    s.insert(QStringLiteral("programmeVersion"), programmeVersion);
    s.insert(QStringLiteral("outboxPending"), outboxPending);
    s.insert(QStringLiteral("ceremony"), ceremony);
    s.insert(QStringLiteral("sentAt"), instant(sentAt));
    return s;
}

QByteArray KioskStatus::encode() const
{
    return Envelope::encode(MessageType::status(), toJson());
}

std::optional<KioskStatus> KioskStatus::fromJson(const QJsonObject &body, QString *error)
{
    JsonReader r(body, QStringLiteral("status"));
    KioskStatus s;
    expectRole(r, QStringLiteral("kiosk"));
    s.online = r.requiredChoice(QStringLiteral("state"), kioskStates) == 0;
    if (r.ok() && s.online) {
        s.venue = r.optionalId(QStringLiteral("venue"));
        s.programmeVersion = r.optionalInteger(QStringLiteral("programmeVersion"), {.min = 0});
        s.outboxPending = r.optionalInteger(QStringLiteral("outboxPending"), {.min = 0});
        s.ceremony = r.optionalChild(QStringLiteral("ceremony")).object();
        s.sentAt = r.optionalDateTime(QStringLiteral("sentAt"));
    }
    return finish(r, s, error);
}

} // namespace fest
