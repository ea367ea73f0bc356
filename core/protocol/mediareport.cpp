#include "mediareport.h"

#include "jsonreader.h"

#include <cmath>

namespace fest {

namespace {

QString clockText(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

bool isSubtitleCode(const QString &code)
{
    return code.startsWith(QLatin1String("subtitle_"));
}

} // namespace

QStringList MediaReport::problems() const
{
    QStringList errors, warnings;
    if (!checked) {
        warnings << QStringLiteral("not checked yet: the player checks every film it will play; ask again in a minute");
        return warnings;
    }
    if (!errorCode.isEmpty())
        (isSubtitleCode(errorCode) ? warnings : errors) << message;
    if (runtimeMs > 0 && durationMs >= 0 && std::abs(durationMs - runtimeMs) > runtimeToleranceMs) {
        if (durationMs > runtimeMs)
            errors << QStringLiteral("the file runs %1, the programme's runtime is %2: the end would be cut off. Correct "
                                     "the film's runtimeSeconds (%3)").arg(clockText(durationMs), clockText(runtimeMs)).arg((durationMs + 999) / 1000);
        else
            warnings << QStringLiteral("the file runs %1, the programme's runtime is %2: the screen would stay dark at the "
                                       "end. Correct the film's runtimeSeconds (%3), or check it is the right file")
                            .arg(clockText(durationMs), clockText(runtimeMs)).arg((durationMs + 999) / 1000);
    }
    if (decodeSpeed > 0 && decodeSpeed < realTimeMargin)
        errors << QStringLiteral("this player decodes it at only %1x real time (%2%3): convert it to H.264 1080p, or play "
                                 "it on a player with hardware decoding")
                      .arg(decodeSpeed, 0, 'f', 2).arg(decoder, hardware ? QStringLiteral(", hardware") : QString());
    if (targetLufs && loudnessLufs && *targetLufs - *loudnessLufs - gainDb > loudnessToleranceDb)
        warnings << QStringLiteral("it plays %1 dB under the screen's %2 LUFS: its gain stops at %3 dB (its peaks, or "
                                   "[audio] max_gain_db). Raise the volume for it, or ask for a louder master")
                        .arg(*targetLufs - *loudnessLufs - gainDb, 0, 'f', 1).arg(*targetLufs, 0, 'f', 1)
                        .arg(gainDb, 0, 'f', 1);
    if (errorCode.isEmpty() && audioCodec.isEmpty() && durationMs >= 0)
        warnings << QStringLiteral("the file has no sound track: is it the right version?");
    return errors + warnings;
}

MediaReport::Severity MediaReport::severity() const
{
    if (!checked)
        return Severity::Warning;
    const bool runsOver = runtimeMs > 0 && durationMs - runtimeMs > runtimeToleranceMs;
    if ((!errorCode.isEmpty() && !isSubtitleCode(errorCode)) || runsOver || (decodeSpeed > 0 && decodeSpeed < realTimeMargin))
        return Severity::Error;
    return problems().isEmpty() ? Severity::Fine : Severity::Warning;
}

QJsonObject MediaReport::toJson() const
{
    QJsonObject o{{"file", file}, {"checked", checked}};
    auto put = [&o](const char *key, const QJsonValue &value, bool when) {
        if (when)
            o.insert(QLatin1String(key), value);
    };
    put("item", itemId, !itemId.isEmpty());
    put("screening", screening, !screening.isEmpty());
    put("film", film, !film.isEmpty());
    put("startUs", startUs, startUs > 0);
    put("runtimeMs", runtimeMs, runtimeMs > 0);
    if (!errorCode.isEmpty())
        o.insert(QStringLiteral("error"), QJsonObject{{"code", errorCode}, {"message", message}});
    put("videoCodec", videoCodec, !videoCodec.isEmpty());
    put("width", width, width > 0);
    put("height", height, height > 0);
    put("fps", std::round(fps * 1000) / 1000, fps > 0);
    put("par", QStringLiteral("%1:%2").arg(parNum).arg(parDen), parNum != parDen);
    put("durationMs", durationMs, durationMs >= 0);
    put("audioCodec", audioCodec, !audioCodec.isEmpty());
    put("audioChannels", audioChannels, audioChannels > 0);
    put("speakers", speakers, !speakers.isEmpty());
    put("loudnessLufs", loudnessLufs ? std::round(*loudnessLufs * 10) / 10 : 0.0, loudnessLufs.has_value());
    put("gainDb", std::round(gainDb * 10) / 10, loudnessLufs.has_value());
    put("targetLufs", targetLufs ? *targetLufs : 0.0, targetLufs.has_value());
    put("subtitles", QJsonArray::fromStringList(subtitles), !subtitles.isEmpty());
    put("embeddedSubtitles", QJsonArray::fromStringList(embeddedSubtitles), !embeddedSubtitles.isEmpty());
    put("checksum", checksum, !checksum.isEmpty());
    put("sha256", sha256, !sha256.isEmpty());
    put("decoder", decoder, !decoder.isEmpty());
    put("hardware", hardware, !decoder.isEmpty());
    put("decodeSpeed", std::round(decodeSpeed * 100) / 100, decodeSpeed > 0);
    o.insert(QStringLiteral("severity"), severityName(severity()));
    o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems()));
    return o;
}

QString MediaReport::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Fine: break;
    }
    return QStringLiteral("ok");
}

std::optional<MediaReport> MediaReport::fromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object, QStringLiteral("media report"));
    MediaReport m;
    m.file = r.requiredString(QStringLiteral("file"), {.maxLength = 4096});
    m.checked = r.requiredBool(QStringLiteral("checked"));
    m.itemId = r.optionalString(QStringLiteral("item"), {.maxLength = 200});
    m.screening = r.optionalString(QStringLiteral("screening"), {.maxLength = 100});
    m.film = r.optionalString(QStringLiteral("film"), {.maxLength = 100});
    m.startUs = r.optionalInteger(QStringLiteral("startUs"), {.min = 0});
    m.runtimeMs = r.optionalInteger(QStringLiteral("runtimeMs"), {.min = 0});
    if (r.has(QStringLiteral("error"))) {
        JsonReader e = r.child(QStringLiteral("error"));
        m.errorCode = e.requiredString(QStringLiteral("code"), {.maxLength = 64});
        m.message = e.optionalString(QStringLiteral("message"), {.maxLength = 4000});
        e.rejectUnknownFields();
    }
    m.videoCodec = r.optionalString(QStringLiteral("videoCodec"), {.maxLength = 200});
    m.width = int(r.optionalInteger(QStringLiteral("width"), {.min = 0, .max = 100000}));
    m.height = int(r.optionalInteger(QStringLiteral("height"), {.min = 0, .max = 100000}));
    m.fps = r.optionalNumber(QStringLiteral("fps"), 0, 1000, 0);
    const QStringList par = r.optionalString(QStringLiteral("par"), {.maxLength = 24}, QStringLiteral("1:1")).split(QLatin1Char(':'));
    m.parNum = qMax(1, par.value(0).toInt());
    m.parDen = qMax(1, par.value(1).toInt());
    m.durationMs = r.optionalInteger(QStringLiteral("durationMs"), {.min = 0}, -1);
    m.audioCodec = r.optionalString(QStringLiteral("audioCodec"), {.maxLength = 200});
    m.audioChannels = int(r.optionalInteger(QStringLiteral("audioChannels"), {.min = 0, .max = 64}));
    m.speakers = r.optionalString(QStringLiteral("speakers"), {.maxLength = 16});
    if (r.has(QStringLiteral("loudnessLufs")))
        m.loudnessLufs = r.optionalNumber(QStringLiteral("loudnessLufs"), -200, 20, 0);
    if (r.has(QStringLiteral("targetLufs")))
        m.targetLufs = r.optionalNumber(QStringLiteral("targetLufs"), -70, 0, -23);
    m.gainDb = r.optionalNumber(QStringLiteral("gainDb"), -200, 60, 0);
    m.subtitles = r.optionalStringList(QStringLiteral("subtitles"), {.maxLength = 8}, {.maxLength = 32});
    m.embeddedSubtitles = r.optionalStringList(QStringLiteral("embeddedSubtitles"), {.maxLength = 64}, {.maxLength = 32});
    m.checksum = r.optionalString(QStringLiteral("checksum"), {.maxLength = 16});
    m.sha256 = r.optionalString(QStringLiteral("sha256"), {.maxLength = 64});
    m.decoder = r.optionalString(QStringLiteral("decoder"), {.maxLength = 100});
    m.hardware = r.optionalBool(QStringLiteral("hardware"), false);
    m.decodeSpeed = r.optionalNumber(QStringLiteral("decodeSpeed"), 0, 100000, 0);
    // Derived from the facts above (toJson): read for their shape, recomputed by problems().
    r.optionalString(QStringLiteral("severity"), {.maxLength = 16});
    r.optionalStringList(QStringLiteral("problems"), {.maxLength = 32}, {.maxLength = 4000});
    r.rejectUnknownFields();
    if (!r.ok()) {
        if (error)
            *error = r.errors().constFirst().toString();
        return std::nullopt;
    }
    return m;
}

QJsonObject MediaReport::listToJson(const QList<MediaReport> &reports)
{
    QJsonArray films;
    for (const MediaReport &r : reports)
        films.append(r.toJson());
    return {{"films", films}};
}

std::optional<QList<MediaReport>> MediaReport::listFromJson(const QJsonObject &result, QString *error)
{
    const QJsonValue films = result.value(QStringLiteral("films"));
    if (!films.isArray() || films.toArray().size() > maxReports) {
        if (error)
            *error = QStringLiteral("\"films\" must be a list of at most %1 reports").arg(maxReports);
        return std::nullopt;
    }
    QList<MediaReport> reports;
    for (const QJsonValue &v : films.toArray()) {
        const auto report = MediaReport::fromJson(v.toObject(), error);
        if (!report)
            return std::nullopt;
        reports.append(*report);
    }
    return reports;
}

} // namespace fest
