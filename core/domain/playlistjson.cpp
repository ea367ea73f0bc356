#include "playlistjson.h"

#include "jsonreader.h"
#include "programmejson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace fest {
namespace {

constexpr qsizetype kMaxItems = 10000;

QJsonObject itemToJson(const PlaylistItem &item)
{
    QJsonObject o{{QStringLiteral("screening"), item.screeningId},
                  {QStringLiteral("film"), item.filmId},
                  {QStringLiteral("media"), item.media},
                  {QStringLiteral("startUs"), item.startUs},
                  {QStringLiteral("durationUs"), item.durationUs}};
    if (!item.sha256.isEmpty())
        o.insert(QStringLiteral("sha256"), item.sha256);
    if (!item.originalTitle.isEmpty())
        o.insert(QStringLiteral("originalTitle"), item.originalTitle);
    ProgrammeJson::insertText(o, QStringLiteral("title"), item.title);
    ProgrammeJson::insertText(o, QStringLiteral("screeningTitle"), item.screeningTitle);
    if (!item.subtitles.isEmpty())
        o.insert(QStringLiteral("subtitles"), ProgrammeJson::subtitleFilesToJson(item.subtitles));
    return o;
}

PlaylistItem readItem(JsonReader &r)
{
    static const QRegularExpression hex(QStringLiteral("\\A[0-9a-f]{64}\\z"));
    PlaylistItem item;
    item.screeningId = r.requiredId(QStringLiteral("screening"));
    item.filmId = r.requiredId(QStringLiteral("film"));
    r.setLabel(item.filmId);
    item.media = r.requiredString(QStringLiteral("media"), {.maxLength = 1024, .allowEmpty = false});
    item.sha256 = r.optionalString(QStringLiteral("sha256"), {64, hex, QStringLiteral("64 lower-case hex digits")});
    item.originalTitle = r.optionalString(QStringLiteral("originalTitle"), {.maxLength = 500});
    item.title = ProgrammeJson::readText(r, QStringLiteral("title"));
    item.screeningTitle = ProgrammeJson::readText(r, QStringLiteral("screeningTitle"));
    item.startUs = r.requiredInteger(QStringLiteral("startUs"), {.min = 0});
    item.durationUs = r.requiredInteger(QStringLiteral("durationUs"), {.min = 1, .max = qint64(24) * 3600 * 1000000});
    item.subtitles = ProgrammeJson::readSubtitleFiles(r, QStringLiteral("subtitles"));
    r.rejectUnknownFields();
    return item;
}

} // namespace

QJsonArray PlaylistJson::itemsToJson(const QList<PlaylistItem> &items)
{
    QJsonArray array;
    for (const PlaylistItem &item : items)
        array.append(itemToJson(item));
    return array;
}

QJsonObject PlaylistJson::headerToJson(const Playlist &playlist)
{
    QJsonObject o{{QStringLiteral("screen"), playlist.screenId},
                  {QStringLiteral("programmeVersion"), playlist.programmeVersion}};
    if (playlist.committedAtUs > 0)
        o.insert(QStringLiteral("committedAtUs"), playlist.committedAtUs);
    ProgrammeJson::insertText(o, QStringLiteral("festivalName"), playlist.festivalName);
    ProgrammeJson::insertText(o, QStringLiteral("screenName"), playlist.screenName);
    if (!playlist.timeZone.isEmpty())
        o.insert(QStringLiteral("timeZone"), playlist.timeZone);
    return o;
}

QJsonObject PlaylistJson::toJson(const Playlist &playlist)
{
    QJsonObject o = headerToJson(playlist);
    o.insert(QStringLiteral("items"), itemsToJson(playlist.items));
    return o;
}

std::optional<Playlist> PlaylistJson::fromJson(const QJsonObject &object, QList<ProgrammeError> *errors)
{
    JsonReader r(object);
    Playlist playlist;
    playlist.screenId = r.requiredId(QStringLiteral("screen"));
    playlist.programmeVersion = r.requiredInteger(QStringLiteral("programmeVersion"), {.min = 0});
    playlist.committedAtUs = r.optionalInteger(QStringLiteral("committedAtUs"), {.min = 0});
    playlist.festivalName = ProgrammeJson::readText(r, QStringLiteral("festivalName"));
    playlist.screenName = ProgrammeJson::readText(r, QStringLiteral("screenName"));
    playlist.timeZone = r.optionalString(QStringLiteral("timeZone"), {.maxLength = 64});
    const QJsonArray items = r.requiredArray(QStringLiteral("items"), {.maxLength = kMaxItems});
    for (qsizetype i = 0; i < items.size(); ++i) {
        JsonReader entry = r.element(QStringLiteral("items"), items, i);
        playlist.items.append(readItem(entry));
        const bool ordered = i == 0 || !entry.ok() || playlist.items[i - 1].endUs() <= playlist.items[i].startUs;
        if (!ordered)
            entry.addError(QStringLiteral("startUs"), QStringLiteral("starts before the previous item ends; items must be in play order"));
    }
    r.rejectUnknownFields();
    if (r.ok())
        return playlist;
    ProgrammeJson::appendErrors(r.errors(), QStringLiteral("playlist"), errors);
    return std::nullopt;
}

} // namespace fest
