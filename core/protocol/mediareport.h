#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fest {

// One film file as the player that will play it checked it: the result of the
// `player.media` request (festctl media check) and of `festival-player --probe`. The
// player writes it, festctl reads it; both through this type.
struct MediaReport
{
    enum class Severity { Fine, Warning, Error };

    QString itemId;            // screening/film; empty for a file probed alone
    QString screening;
    QString film;
    QString file;              // as the player sees it
    qint64 startUs = 0;        // planned start on the show clock (0 alone)
    qint64 runtimeMs = 0;      // the programme's runtime (0 alone)
    bool checked = false;      // false: not checked yet (the player is still at it)
    QString errorCode;         // readiness error (lastError codes), empty when ready
    QString message;
    QString videoCodec;
    int width = 0;
    int height = 0;
    double fps = 0;            // 0: unknown or variable
    int parNum = 1;
    int parDen = 1;
    qint64 durationMs = -1;    // -1: unknown
    QString audioCodec;        // empty: no sound track
    int audioChannels = 0;
    QString speakers;          // the room's layout the film is mixed to
    std::optional<double> loudnessLufs;
    std::optional<double> targetLufs;   // the screen's level ([audio] target_lufs); unset = off
    double gainDb = 0;
    QStringList subtitles;     // languages whose files read well, top line first
    QStringList embeddedSubtitles;  // the subtitle tracks in the film itself, by language
    QString checksum;          // "matches", "differs", "" (none in the programme)
    QString sha256;            // the file's, when computed (--probe)
    QString decoder;           // the video decoder GStreamer chose
    bool hardware = false;     // a hardware decoder (VA-API, V4L2...)
    double decodeSpeed = 0;    // seconds of film decoded per second; 0: not measured

    // Every problem, in words that say what to do, worst first.
    QStringList problems() const;
    Severity severity() const;
    static QString severityName(Severity severity);   // "error", "warning", "ok"

    static constexpr qint64 runtimeToleranceMs = 2000;
    static constexpr double realTimeMargin = 1.1;   // decodes at least this much faster than it plays
    static constexpr double loudnessToleranceDb = 1.0;   // a film may play this far under the target

    // With the derived "severity" and "problems", for readers that are not C++ (the
    // console); fromJson recomputes them.
    QJsonObject toJson() const;
    static std::optional<MediaReport> fromJson(const QJsonObject &object, QString *error);
    // The `player.media` result: {"films": [...]}.
    static QJsonObject listToJson(const QList<MediaReport> &reports);
    static std::optional<QList<MediaReport>> listFromJson(const QJsonObject &result, QString *error);
    static constexpr qsizetype maxReports = 5000;
};

} // namespace fest
