#include "programmejson.h"

#include "jsonguard.h"
#include "jsonreader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace fest {
namespace {

const QString kTopLevel = QStringLiteral("programme");

// Longest free text of a field (titles, names); synopses use the JsonLimits cap.
constexpr qsizetype kShortText = ProgrammeJson::ShortTextLength;

void insertString(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void insertList(QJsonObject &o, const QString &key, const QStringList &values)
{
    if (!values.isEmpty())
        o.insert(key, QJsonArray::fromStringList(values));
}

// Reads the entry's id first and labels the entry with it, so later errors say which one.
QString readId(JsonReader &r)
{
    const QString id = r.requiredId(QStringLiteral("id"));
    r.setLabel(id);
    return id;
}

Venue readVenue(JsonReader &r)
{
    Venue v;
    v.id = readId(r);
    v.name = ProgrammeJson::readText(r, QStringLiteral("name"));
    v.address = ProgrammeJson::readText(r, QStringLiteral("address"));
    r.rejectUnknownFields();
    return v;
}

Screen readScreen(JsonReader &r)
{
    Screen s;
    s.id = readId(r);
    s.venueId = r.requiredId(QStringLiteral("venue"));
    s.name = ProgrammeJson::readText(r, QStringLiteral("name"));
    r.rejectUnknownFields();
    return s;
}

JsonReader::StringRule languageRule()
{
    static const QRegularExpression language(QStringLiteral("\\A[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\\z"));
    return {32, language, QStringLiteral("a BCP 47 tag like \"en\" or \"zh-Hant\"")};
}

Film readFilm(JsonReader &r)
{
    static const QRegularExpression hex(QStringLiteral("\\A[0-9a-f]{64}\\z"));
    static const QRegularExpression country(QStringLiteral("\\A[A-Z]{2}\\z"));
    const JsonReader::StringRule languageRule = fest::languageRule();
    Film f;
    f.id = readId(r);
    f.originalTitle = r.optionalString(QStringLiteral("originalTitle"), {.maxLength = kShortText});
    f.title = ProgrammeJson::readText(r, QStringLiteral("title"));
    f.makers = r.optionalStringList(QStringLiteral("makers"), {.maxLength = 100}, {.maxLength = kShortText, .allowEmpty = false});
    f.country = r.optionalString(QStringLiteral("country"),
                                 {-1, country, QStringLiteral("an ISO 3166 two-letter code like \"HK\"")});
    f.year = int(r.optionalInteger(QStringLiteral("year"), {.min = 1888, .max = 2100}));
    f.runtimeSeconds = int(r.requiredInteger(QStringLiteral("runtimeSeconds"), {.min = 1, .max = 24 * 3600}));
    f.synopsis = ProgrammeJson::readText(r, QStringLiteral("synopsis"), -1);
    f.language = r.optionalString(QStringLiteral("language"), languageRule);
    f.subtitles = r.optionalStringList(QStringLiteral("subtitles"), {.maxLength = 20}, languageRule);
    f.media = r.optionalString(QStringLiteral("media"), {.maxLength = 1024});
    f.subtitleFiles = ProgrammeJson::readSubtitleFiles(r, QStringLiteral("subtitleFiles"));
    f.sha256 = r.optionalString(QStringLiteral("sha256"), {64, hex, QStringLiteral("64 lower-case hex digits")});
    f.categoryIds = r.optionalIdList(QStringLiteral("categories"));
    f.still = r.optionalString(QStringLiteral("still"), {64, hex, QStringLiteral("64 lower-case hex digits (the sha256 of the still)")});
    r.rejectUnknownFields();
    return f;
}

Screening readScreening(JsonReader &r)
{
    Screening s;
    s.id = readId(r);
    s.screenId = r.requiredId(QStringLiteral("screen"));
    s.start = r.requiredDateTime(QStringLiteral("start"));
    s.end = r.requiredDateTime(QStringLiteral("end"));
    s.filmIds = r.requiredIdList(QStringLiteral("films"), {.maxLength = 100, .minLength = 1});
    s.title = ProgrammeJson::readText(r, QStringLiteral("title"));
    s.status = Screening::Status(r.optionalChoice(QStringLiteral("status"), Screening::statusNames(), 0));
    if (r.has(QStringLiteral("subtitles")))
        s.subtitleLanguages = r.optionalStringList(QStringLiteral("subtitles"), {.maxLength = 4}, languageRule());
    r.rejectUnknownFields();
    return s;
}

ProgrammeEvent readEvent(JsonReader &r)
{
    ProgrammeEvent e;
    e.id = readId(r);
    e.kind = ProgrammeEvent::Kind(qMax(0, r.requiredChoice(QStringLiteral("kind"), ProgrammeEvent::kindNames())));
    e.title = ProgrammeJson::readText(r, QStringLiteral("title"));
    e.venueId = r.requiredId(QStringLiteral("venue"));
    e.start = r.requiredDateTime(QStringLiteral("start"));
    e.end = r.requiredDateTime(QStringLiteral("end"));
    e.description = ProgrammeJson::readText(r, QStringLiteral("description"), -1);
    r.rejectUnknownFields();
    return e;
}

AwardCategory readAward(JsonReader &r)
{
    AwardCategory a;
    a.id = readId(r);
    a.name = ProgrammeJson::readText(r, QStringLiteral("name"));
    a.decidedBy = AwardCategory::DecidedBy(
        qMax(0, r.requiredChoice(QStringLiteral("decidedBy"), AwardCategory::decidedByNames())));
    a.nomineeFilmIds = r.optionalIdList(QStringLiteral("nominees"));
    r.rejectUnknownFields();
    return a;
}

template<typename T>
QList<T> readList(JsonReader &root, const QString &key, T (*read)(JsonReader &))
{
    const QJsonArray array = root.optionalArray(key);
    QList<T> result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        JsonReader entry = root.element(key, array, i);
        result.append(read(entry));
    }
    return result;
}

template<typename T>
std::optional<T> readOne(const QJsonObject &object, const QString &where, QList<ProgrammeError> *errors,
                         T (*read)(JsonReader &))
{
    JsonReader r(object, where);
    T value = read(r);
    if (r.ok())
        return value;
    ProgrammeJson::appendErrors(r.errors(), where, errors);
    return std::nullopt;
}

template<typename T>
QJsonArray listToJson(const QList<T> &list, QJsonObject (*toJson)(const T &))
{
    QJsonArray array;
    for (const T &item : list)
        array.append(toJson(item));
    return array;
}

QJsonObject venueToJson(const Venue &v)
{
    QJsonObject o{{QStringLiteral("id"), v.id}};
    ProgrammeJson::insertText(o, QStringLiteral("name"), v.name);
    ProgrammeJson::insertText(o, QStringLiteral("address"), v.address);
    return o;
}

QJsonObject screenToJson(const Screen &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("venue"), s.venueId}};
    ProgrammeJson::insertText(o, QStringLiteral("name"), s.name);
    return o;
}

QJsonObject eventToJson(const ProgrammeEvent &e)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("kind"), ProgrammeEvent::kindNames().at(int(e.kind))},
                  {QStringLiteral("venue"), e.venueId},
                  {QStringLiteral("start"), ProgrammeJson::timeToString(e.start)},
                  {QStringLiteral("end"), ProgrammeJson::timeToString(e.end)}};
    ProgrammeJson::insertText(o, QStringLiteral("title"), e.title);
    ProgrammeJson::insertText(o, QStringLiteral("description"), e.description);
    return o;
}

QJsonObject awardToJson(const AwardCategory &a)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("decidedBy"), AwardCategory::decidedByNames().at(int(a.decidedBy))}};
    ProgrammeJson::insertText(o, QStringLiteral("name"), a.name);
    insertList(o, QStringLiteral("nominees"), a.nomineeFilmIds);
    return o;
}

QJsonObject filmJson(const Film &f) { return ProgrammeJson::toJson(f); }
QJsonObject screeningJson(const Screening &s) { return ProgrammeJson::toJson(s); }

} // namespace

QString ProgrammeJson::timeToString(const QDateTime &time)
{
    // A local time would be written without an offset, which decode() refuses.
    const QDateTime withOffset = time.timeSpec() == Qt::LocalTime ? time.toOffsetFromUtc(time.offsetFromUtc()) : time;
    return withOffset.toString(withOffset.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

void ProgrammeJson::appendErrors(const QList<JsonError> &from, const QString &fallbackWhere,
                                 QList<ProgrammeError> *to)
{
    if (!to)
        return;
    for (const JsonError &e : from)
        to->append(ProgrammeError{e.where.isEmpty() ? fallbackWhere : e.where, e.field, e.message});
}

void ProgrammeJson::insertText(QJsonObject &o, const QString &key, const LocalizedText &text)
{
    if (text.isEmpty())
        return;
    QJsonObject t;
    if (!text.en.isEmpty())
        t.insert(QStringLiteral("en"), text.en);
    if (!text.zh.isEmpty())
        t.insert(QStringLiteral("zh"), text.zh);
    o.insert(key, t);
}

LocalizedText ProgrammeJson::readText(JsonReader &r, const QString &key, qsizetype maxLength)
{
    JsonReader t = r.optionalChild(key);
    LocalizedText text{t.optionalString(QStringLiteral("en"), {.maxLength = maxLength}),
                       t.optionalString(QStringLiteral("zh"), {.maxLength = maxLength})};
    t.rejectUnknownFields();
    return text;
}

QJsonArray ProgrammeJson::subtitleFilesToJson(const SubtitleFiles &files)
{
    QJsonArray array;
    for (const SubtitleFile &f : files) {
        if (f.embedded)
            array.append(QJsonObject{{QStringLiteral("language"), f.language}, {QStringLiteral("embedded"), true}});
        else
            array.append(QJsonObject{{QStringLiteral("language"), f.language}, {QStringLiteral("file"), f.file}});
    }
    return array;
}

SubtitleFiles ProgrammeJson::readSubtitleFiles(JsonReader &r, const QString &key)
{
    const QJsonArray array = r.optionalArray(key, {.maxLength = 8});
    SubtitleFiles files;
    for (qsizetype i = 0; i < array.size(); ++i) {
        JsonReader entry = r.element(key, array, i);
        SubtitleFile file;
        file.language = entry.requiredString(QStringLiteral("language"), languageRule());
        file.embedded = entry.optionalBool(QStringLiteral("embedded"), false);
        if (file.embedded && entry.has(QStringLiteral("file")))
            entry.addError(QStringLiteral("file"), QStringLiteral("give either a file or \"embedded\": true (the film's own "
                                                                  "text track in this language), not both"));
        else if (!file.embedded)
            file.file = entry.requiredString(QStringLiteral("file"), {.maxLength = 1024, .allowEmpty = false});
        entry.rejectUnknownFields();
        for (const SubtitleFile &before : std::as_const(files)) {
            if (before.language == file.language && !file.language.isEmpty())
                entry.addError(QStringLiteral("language"),
                               QStringLiteral("%1 is listed twice: give one file per language").arg(file.language));
        }
        files.append(file);
    }
    return files;
}

QJsonObject ProgrammeJson::toJson(const Film &f)
{
    QJsonObject o{{QStringLiteral("id"), f.id}, {QStringLiteral("runtimeSeconds"), f.runtimeSeconds}};
    insertString(o, QStringLiteral("originalTitle"), f.originalTitle);
    ProgrammeJson::insertText(o, QStringLiteral("title"), f.title);
    insertList(o, QStringLiteral("makers"), f.makers);
    insertString(o, QStringLiteral("country"), f.country);
    if (f.year)
        o.insert(QStringLiteral("year"), f.year);
    ProgrammeJson::insertText(o, QStringLiteral("synopsis"), f.synopsis);
    insertString(o, QStringLiteral("language"), f.language);
    insertList(o, QStringLiteral("subtitles"), f.subtitles);
    insertString(o, QStringLiteral("media"), f.media);
    if (!f.subtitleFiles.isEmpty())
        o.insert(QStringLiteral("subtitleFiles"), subtitleFilesToJson(f.subtitleFiles));
    insertString(o, QStringLiteral("sha256"), f.sha256);
    insertList(o, QStringLiteral("categories"), f.categoryIds);
    insertString(o, QStringLiteral("still"), f.still);
    return o;
}

QJsonObject ProgrammeJson::toJson(const Screening &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("screen"), s.screenId},
                  {QStringLiteral("start"), timeToString(s.start)},
                  {QStringLiteral("end"), timeToString(s.end)},
                  {QStringLiteral("films"), QJsonArray::fromStringList(s.filmIds)}};
    ProgrammeJson::insertText(o, QStringLiteral("title"), s.title);
    if (s.isCancelled())
        o.insert(QStringLiteral("status"), Screening::statusNames().at(int(s.status)));
    if (s.subtitleLanguages)
        o.insert(QStringLiteral("subtitles"), QJsonArray::fromStringList(*s.subtitleLanguages));
    return o;
}

QJsonObject ProgrammeJson::toJson(const Programme &p)
{
    QJsonObject o{{QStringLiteral("formatVersion"), formatVersion},
                  {QStringLiteral("timeZone"), p.timeZone},
                  {QStringLiteral("venues"), listToJson(p.venues, &venueToJson)},
                  {QStringLiteral("screens"), listToJson(p.screens, &screenToJson)},
                  {QStringLiteral("films"), listToJson(p.films, &filmJson)},
                  {QStringLiteral("screenings"), listToJson(p.screenings, &screeningJson)},
                  {QStringLiteral("events"), listToJson(p.events, &eventToJson)},
                  {QStringLiteral("awards"), listToJson(p.awards, &awardToJson)}};
    ProgrammeJson::insertText(o, QStringLiteral("festivalName"), p.festivalName);
    return o;
}

std::optional<Programme> ProgrammeJson::fromJson(const QJsonObject &object, QList<ProgrammeError> *errors)
{
    JsonReader r(object);
    r.optionalInteger(QStringLiteral("formatVersion"), {.min = formatVersion, .max = formatVersion}, formatVersion);
    Programme p;
    p.festivalName = ProgrammeJson::readText(r, QStringLiteral("festivalName"));
    p.timeZone = r.requiredString(QStringLiteral("timeZone"), {.maxLength = 64, .allowEmpty = false});
    p.venues = readList(r, QStringLiteral("venues"), &readVenue);
    p.screens = readList(r, QStringLiteral("screens"), &readScreen);
    p.films = readList(r, QStringLiteral("films"), &readFilm);
    p.screenings = readList(r, QStringLiteral("screenings"), &readScreening);
    p.events = readList(r, QStringLiteral("events"), &readEvent);
    p.awards = readList(r, QStringLiteral("awards"), &readAward);
    r.rejectUnknownFields();
    if (r.ok())
        return p;
    appendErrors(r.errors(), kTopLevel, errors);
    return std::nullopt;
}

std::optional<Film> ProgrammeJson::filmFromJson(const QJsonObject &object, const QString &where,
                                                QList<ProgrammeError> *errors)
{
    return readOne(object, where, errors, &readFilm);
}

std::optional<Screening> ProgrammeJson::screeningFromJson(const QJsonObject &object, const QString &where,
                                                          QList<ProgrammeError> *errors)
{
    return readOne(object, where, errors, &readScreening);
}

QByteArray ProgrammeJson::encode(const Programme &programme)
{
    return QJsonDocument(toJson(programme)).toJson(QJsonDocument::Indented);
}

std::optional<Programme> ProgrammeJson::decode(const QByteArray &json, QList<ProgrammeError> *errors)
{
    QString error;
    const std::optional<QJsonObject> object = JsonGuard::parseObject(json, JsonLimits::programme(), &error);
    if (!object) {
        if (errors)
            errors->append(ProgrammeError{kTopLevel, QString(), error});
        return std::nullopt;
    }
    return fromJson(*object, errors);
}

QString ProgrammeJson::contentHash(const Programme &programme)
{
    return QString::fromLatin1(QCryptographicHash::hash(encode(programme), QCryptographicHash::Sha256).toHex());
}

} // namespace fest
