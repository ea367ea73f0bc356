#include "playerstatus.h"

#include "envelope.h"
#include "identifier.h"
#include "jsonreader.h"
#include "messagetype.h"

#include <algorithm>
#include <cmath>

namespace fest {

namespace {
const QString messageType = MessageType::status();
const QString accountPrefix = QStringLiteral("player-");
// Sections of the status that other parts of the player write (PlayerStatus::sections).
const QStringList sectionNames{QStringLiteral("ceremony")};
constexpr qint64 maxLateMs = 7LL * 24 * 3600 * 1000;   // a week: anything beyond is nonsense

QJsonObject itemJson(const PlayerStatus::Item &item)
{
    QJsonObject title{{"en", item.titleEn}, {"zh", item.titleZh}};
    if (!item.originalTitle.isEmpty())
        title.insert(QStringLiteral("original"), item.originalTitle);
    return {{"id", item.id},          {"screening", item.screening}, {"film", item.film},
            {"title", title},         {"startUs", item.startUs},     {"durationMs", item.durationMs}};
}

PlayerStatus::Item readItem(JsonReader r)
{
    PlayerStatus::Item item;
    item.id = r.requiredString(QStringLiteral("id"), {.maxLength = 200});
    item.screening = r.requiredId(QStringLiteral("screening"));
    item.film = r.requiredId(QStringLiteral("film"));
    JsonReader title = r.optionalChild(QStringLiteral("title"));
    item.titleEn = title.optionalString(QStringLiteral("en"), {.maxLength = 500});
    item.titleZh = title.optionalString(QStringLiteral("zh"), {.maxLength = 500});
    item.originalTitle = title.optionalString(QStringLiteral("original"), {.maxLength = 500});
    title.rejectUnknownFields();
    item.startUs = r.requiredInteger(QStringLiteral("startUs"));
    item.durationMs = r.optionalInteger(QStringLiteral("durationMs"), {.min = 0});
    r.rejectUnknownFields();
    return item;
}
} // namespace

QString PlayerStatus::screeningShown() const
{
    if (!item || (state != State::Playing && state != State::Held))
        return {};
    return item->screening;
}

PlayerStatus PlayerStatus::offline(const QString &screen)
{
    PlayerStatus s;
    s.screen = screen;
    s.state = State::Offline;
    return s;
}

QStringList PlayerStatus::stateNames()
{
    return {QStringLiteral("idle"),    QStringLiteral("waiting"), QStringLiteral("prerolling"),
            QStringLiteral("countdown"), QStringLiteral("playing"), QStringLiteral("held"),
            QStringLiteral("error"),   QStringLiteral("offline")};
}

QString PlayerStatus::stateName(State state)
{
    return stateNames().value(int(state));
}

QJsonObject PlayerStatus::toJson() const
{
    QJsonObject s{{"role", "player"}, {"screen", screen}, {"state", stateName(state)}};
    if (state == State::Offline)
        return s;   // the Will: nothing else is known of a player that is gone
    s.insert(QStringLiteral("stopped"), stopped);
    s.insert(QStringLiteral("programmeVersion"), programmeVersion);
    s.insert(QStringLiteral("playlistSource"), playlistSource);
    s.insert(QStringLiteral("clock"), QJsonObject{{"synced", clock.synced}, {"offsetUs", clock.offsetUs}, {"rttUs", clock.rttUs}});
    s.insert(QStringLiteral("droppedFrames"), droppedFrames);
    s.insert(QStringLiteral("volume"), volume);
    s.insert(QStringLiteral("blackout"), blackout);
    if (sentAt.isValid())
        s.insert(QStringLiteral("sentAt"), sentAt.toUTC().toString(Qt::ISODateWithMs));
    if (item) {
        s.insert(QStringLiteral("item"), itemJson(*item));
        s.insert(QStringLiteral("positionMs"), positionMs);
        s.insert(QStringLiteral("durationMs"), item->durationMs);
        s.insert(QStringLiteral("lateMs"), lateMs);
    }
    if (heldForMs)
        s.insert(QStringLiteral("heldForMs"), *heldForMs);
    if (next)
        s.insert(QStringLiteral("next"), itemJson(*next));
    if (ended)
        s.insert(QStringLiteral("ended"), QJsonObject{{"screening", ended->screening}, {"atUs", ended->atUs}});
    if (lastError)
        s.insert(QStringLiteral("lastError"),
                 QJsonObject{{"code", lastError->code}, {"message", lastError->message}, {"itemId", lastError->itemId}});
    if (audio) {
        QJsonObject a{{"layout", audio->layout}, {"gainDb", std::round(audio->gainDb * 10) / 10}};
        if (audio->targetLufs)
            a.insert(QStringLiteral("targetLufs"), *audio->targetLufs);
        if (audio->filmLufs)
            a.insert(QStringLiteral("filmLufs"), std::round(*audio->filmLufs * 10) / 10);
        s.insert(QStringLiteral("audio"), a);
    }
    if (video) {
        QJsonObject v{{"decoding", video->decoding}, {"hardwareDecoders", QJsonArray::fromStringList(video->hardwareDecoders)}};
        if (!video->decoder.isEmpty()) {
            v.insert(QStringLiteral("decoder"), video->decoder);
            v.insert(QStringLiteral("hardware"), video->hardware);
        }
        s.insert(QStringLiteral("video"), v);
    }
    for (auto it = sections.begin(); it != sections.end(); ++it)
        s.insert(it.key(), it.value());
    return s;
}

QByteArray PlayerStatus::encode() const
{
    return Envelope::encode(messageType, toJson());
}

std::optional<PlayerStatus> PlayerStatus::fromJson(const QJsonObject &body, QString *error)
{
    JsonReader r(body, QStringLiteral("status"));
    PlayerStatus s;
    if (r.requiredString(QStringLiteral("role")) != QLatin1String("player"))
        r.addError(QStringLiteral("role"), QStringLiteral("expected \"player\""));
    s.screen = r.requiredId(QStringLiteral("screen"));
    s.state = State(std::max(0, r.requiredChoice(QStringLiteral("state"), stateNames())));
    if (r.ok() && s.state != State::Offline) {
        s.stopped = r.optionalBool(QStringLiteral("stopped"), false);
        s.programmeVersion = r.optionalInteger(QStringLiteral("programmeVersion"), {.min = 0});
        s.playlistSource = r.optionalString(QStringLiteral("playlistSource"), {.maxLength = 40});
        JsonReader clock = r.optionalChild(QStringLiteral("clock"));
        s.clock.synced = clock.optionalBool(QStringLiteral("synced"), false);
        s.clock.offsetUs = clock.optionalInteger(QStringLiteral("offsetUs"));
        s.clock.rttUs = clock.optionalInteger(QStringLiteral("rttUs"), {.min = 0});
        clock.rejectUnknownFields();
        s.droppedFrames = r.optionalInteger(QStringLiteral("droppedFrames"), {.min = 0});
        s.volume = r.optionalNumber(QStringLiteral("volume"), 0, 1, 1.0);
        s.blackout = r.optionalBool(QStringLiteral("blackout"), false);
        s.sentAt = QDateTime::fromString(r.optionalString(QStringLiteral("sentAt"), {.maxLength = 40}), Qt::ISODateWithMs);
        if (r.has(QStringLiteral("item"))) {
            s.item = readItem(r.child(QStringLiteral("item")));
            s.positionMs = r.optionalInteger(QStringLiteral("positionMs"), {.min = 0});
            r.optionalInteger(QStringLiteral("durationMs"), {.min = 0});   // item.durationMs, repeated for readers
            s.lateMs = r.optionalInteger(QStringLiteral("lateMs"), {.min = -maxLateMs, .max = maxLateMs});
        }
        if (r.has(QStringLiteral("heldForMs")))
            s.heldForMs = r.requiredInteger(QStringLiteral("heldForMs"), {.min = 0});
        if (r.has(QStringLiteral("next")))
            s.next = readItem(r.child(QStringLiteral("next")));
        if (r.has(QStringLiteral("ended"))) {
            JsonReader e = r.child(QStringLiteral("ended"));
            s.ended = Ended{e.requiredId(QStringLiteral("screening")), e.requiredInteger(QStringLiteral("atUs"), {.min = 0})};
            e.rejectUnknownFields();
        }
        if (r.has(QStringLiteral("lastError"))) {
            JsonReader e = r.child(QStringLiteral("lastError"));
            s.lastError = Error{e.requiredId(QStringLiteral("code")), e.optionalString(QStringLiteral("message"), {.maxLength = 2000}),
                                e.optionalString(QStringLiteral("itemId"), {.maxLength = 200})};
            e.rejectUnknownFields();
        }
        if (r.has(QStringLiteral("audio"))) {
            JsonReader a = r.child(QStringLiteral("audio"));
            Audio audio;
            audio.layout = a.requiredString(QStringLiteral("layout"), {.maxLength = 16});
            audio.gainDb = a.optionalNumber(QStringLiteral("gainDb"), -60, 60, 0);
            if (a.has(QStringLiteral("targetLufs")))
                audio.targetLufs = a.optionalNumber(QStringLiteral("targetLufs"), -70, 0, -23);
            if (a.has(QStringLiteral("filmLufs")))
                audio.filmLufs = a.optionalNumber(QStringLiteral("filmLufs"), -120, 20, -23);
            a.rejectUnknownFields();
            s.audio = audio;
        }
        if (r.has(QStringLiteral("video"))) {
            JsonReader v = r.child(QStringLiteral("video"));
            Video video;
            video.decoding = v.requiredString(QStringLiteral("decoding"), {.maxLength = 16});
            video.hardwareDecoders = v.optionalStringList(QStringLiteral("hardwareDecoders"), {.maxLength = 64}, {.maxLength = 64});
            video.decoder = v.optionalString(QStringLiteral("decoder"), {.maxLength = 64});
            video.hardware = v.optionalBool(QStringLiteral("hardware"), false);
            v.rejectUnknownFields();
            s.video = video;
        }
        for (const QString &name : sectionNames)
            if (r.has(name))
                s.sections.insert(name, r.child(name).object());
    }
    r.rejectUnknownFields();
    if (!r.ok()) {
        if (error)
            *error = r.errors().constFirst().toString();
        return std::nullopt;
    }
    return s;
}

std::optional<PlayerStatus> PlayerStatus::decode(const QByteArray &payload, DecodeError &error)
{
    const std::optional<QJsonObject> body = Envelope::decode(payload, messageType, {}, error);
    if (!body)
        return std::nullopt;
    QString why;
    std::optional<PlayerStatus> s = fromJson(*body, &why);
    if (!s)
        error = {DecodeError::Kind::InvalidField, why};
    return s;
}

int PlayerStatus::lateMinutes(qint64 lateMs)
{
    if (lateMs < onTimeWithinMs)
        return 0;
    return int(std::min<qint64>((lateMs + 59'999) / 60'000, 24 * 60));
}

QString PlayerStatus::screenOfAccount(const QString &account)
{
    if (!account.startsWith(accountPrefix))
        return {};
    const QString screen = account.mid(accountPrefix.size());
    return Identifier::isValid(screen) ? screen : QString();
}

QString PlayerStatus::accountForScreen(const QString &screen)
{
    return accountPrefix + screen;
}

} // namespace fest
