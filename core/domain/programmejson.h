#pragma once

#include "programme.h"
#include "programmeerror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace fest {

class JsonReader;
struct JsonError;

// The programme's JSON form (docs/programme-format.md). encode() is canonical: keys
// sorted, fixed indentation, empty optional fields left out; so equal programmes give
// equal bytes and contentHash() identifies a programme's content.
class ProgrammeJson
{
public:
    static constexpr int formatVersion = 1;

    static QByteArray encode(const Programme &programme);
    // Guards the bytes with JsonLimits::programme(), then reads every entry; returns
    // nullopt with every problem found (where + field + message) if anything is wrong.
    // Does not check consistency between entries: that is ProgrammeValidator's job.
    static std::optional<Programme> decode(const QByteArray &json, QList<ProgrammeError> *errors);
    // sha256 of encode(), lower-case hex.
    static QString contentHash(const Programme &programme);

    static QJsonObject toJson(const Programme &programme);
    static std::optional<Programme> fromJson(const QJsonObject &object, QList<ProgrammeError> *errors);

    // Single entries, for requests that carry one (add a screening, edit a film).
    static QJsonObject toJson(const Film &film);
    static QJsonObject toJson(const Screening &screening);
    static std::optional<Film> filmFromJson(const QJsonObject &object, const QString &where,
                                            QList<ProgrammeError> *errors);
    static std::optional<Screening> screeningFromJson(const QJsonObject &object, const QString &where,
                                                      QList<ProgrammeError> *errors);

    // A text in both languages, {"en", "zh"} with the languages that are not empty; the
    // key is left out when both are. readText: maxLength -1 is the JsonLimits cap (synopses).
    static constexpr qsizetype ShortTextLength = 500;
    static void insertText(QJsonObject &o, const QString &key, const LocalizedText &text);
    static LocalizedText readText(JsonReader &r, const QString &key, qsizetype maxLength = ShortTextLength);

    // A film's or playlist item's "subtitleFiles"/"subtitles": [{"language", "file"}].
    static QJsonArray subtitleFilesToJson(const SubtitleFiles &files);
    static SubtitleFiles readSubtitleFiles(JsonReader &r, const QString &key);

    // Wire form of an instant on the programme: ISO 8601 with its offset.
    static QString timeToString(const QDateTime &time);
    // Appends a reader's errors as ProgrammeErrors; `fallbackWhere` names the top level.
    static void appendErrors(const QList<JsonError> &from, const QString &fallbackWhere,
                             QList<ProgrammeError> *to);
};

} // namespace fest
