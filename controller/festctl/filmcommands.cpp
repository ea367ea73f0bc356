#include "ctlcommand.h"
#include "ctlsession.h"
#include "stillmessage.h"
#include "stillpicture.h"

#include <QJsonArray>

namespace fest {

namespace {

int editFilm(CtlSession &s, const QCommandLineParser &args)
{
    const QString id = args.positionalArguments().value(0);
    QJsonObject fields;
    if (args.isSet(QStringLiteral("runtime"))) {
        bool ok = false;
        const int seconds = args.value(QStringLiteral("runtime")).toInt(&ok);
        if (!ok || seconds <= 0) {
            s.err() << "festctl: --runtime takes the film's length in whole seconds, e.g. 860" << Qt::endl;
            return int(ExitCode::Usage);
        }
        fields.insert(QStringLiteral("runtimeSeconds"), seconds);
    }
    const QList<QPair<QString, QString>> texts{{QStringLiteral("media"), QStringLiteral("media")},
                                               {QStringLiteral("sha256"), QStringLiteral("sha256")},
                                               {QStringLiteral("original-title"), QStringLiteral("originalTitle")}};
    for (const auto &[option, field] : texts)
        if (args.isSet(option))
            fields.insert(field, args.value(option));
    if (args.isSet(QStringLiteral("title-en")) || args.isSet(QStringLiteral("title-zh"))) {
        QJsonObject title;
        if (args.isSet(QStringLiteral("title-en")))
            title.insert(QStringLiteral("en"), args.value(QStringLiteral("title-en")));
        if (args.isSet(QStringLiteral("title-zh")))
            title.insert(QStringLiteral("zh"), args.value(QStringLiteral("title-zh")));
        fields.insert(QStringLiteral("title"), title);
    }
    // --subtitle en=films/F-001.en.srt (repeated, in the order of the lines on screen);
    // en=embedded: the film's own text track in English; --subtitle none clears them.
    const QStringList subtitles = args.values(QStringLiteral("subtitle"));
    if (!subtitles.isEmpty()) {
        QJsonArray files;
        for (const QString &pair : subtitles) {
            if (pair == QLatin1String("none") && subtitles.size() == 1)
                break;
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0 || eq == pair.size() - 1) {
                s.err() << "festctl: --subtitle takes LANGUAGE=FILE, e.g. --subtitle zh-Hant=films/F-001.zh-Hant.srt" << Qt::endl;
                return int(ExitCode::Usage);
            }
            if (pair.mid(eq + 1) == QLatin1String("embedded"))
                files.append(QJsonObject{{"language", pair.left(eq)}, {"embedded", true}});
            else
                files.append(QJsonObject{{"language", pair.left(eq)}, {"file", pair.mid(eq + 1)}});
        }
        fields.insert(QStringLiteral("subtitleFiles"), files.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(files));
    }
    if (fields.isEmpty()) {
        s.err() << "festctl: say what to change, e.g. --runtime 860 or --media films/F-001.webm" << Qt::endl;
        return int(ExitCode::Usage);
    }
    return s.finish(s.call(QStringLiteral("film.edit"), {{"id", id}, {"fields", fields}}), [&](const QJsonObject &r) {
        s.out() << "Edited " << id << "; programme version " << r.value(QStringLiteral("version")).toInteger() << "\n";
    });
}

// The still festctl sends for `film still ID FILE`: the JPEG, or empty with the reason printed.
QByteArray stillOf(CtlSession &s, const QString &file, const QCommandLineParser &args)
{
    std::optional<double> at;
    if (args.isSet(QStringLiteral("at"))) {
        bool ok = false;
        at = args.value(QStringLiteral("at")).toDouble(&ok);
        if (!ok || *at < 0) {
            s.err() << "festctl: --at takes the time into the video in seconds, e.g. 42.5" << Qt::endl;
            return {};
        }
    }
    QString error;
    const QImage picture = StillPicture::load(file, at, &error);
    if (picture.isNull()) {
        s.err() << "festctl: " << error << Qt::endl;
        return {};
    }
    const QByteArray jpeg = StillPicture::toJpeg(picture);
    if (jpeg.size() > StillMessage::maxJpegBytes) {
        s.err() << "festctl: the still from " << file << " is " << (jpeg.size() + 1023) / 1024 << " KB as a "
                << StillPicture::maxSize.width() << "x" << StillPicture::maxSize.height() << " JPEG; a still may be at most "
                << StillMessage::maxJpegBytes / 1024 << " KB: choose a calmer picture or frame (--at)" << Qt::endl;
        return {};
    }
    return jpeg;
}

int setStill(CtlSession &s, const QCommandLineParser &args)
{
    const QString id = args.positionalArguments().value(0);
    const QString file = args.positionalArguments().value(1);
    const bool clear = args.isSet(QStringLiteral("clear"));
    if (clear == !file.isEmpty()) {
        s.err() << "festctl: give a picture or video file, or --clear to remove the film's still" << Qt::endl;
        return int(ExitCode::Usage);
    }
    if (clear)
        return s.finish(s.call(QStringLiteral("film.still"), {{"id", id}, {"clear", true}}), [&](const QJsonObject &r) {
            s.out() << "Removed the still of " << id << "; programme version " << r.value(QStringLiteral("version")).toInteger() << "\n";
        });
    const QByteArray jpeg = stillOf(s, file, args);
    if (jpeg.isEmpty())
        return int(ExitCode::Usage);
    const QJsonObject request{{"id", id}, {"jpeg", QString::fromLatin1(jpeg.toBase64())}};
    return s.finish(s.call(QStringLiteral("film.still"), request), [&](const QJsonObject &r) {
        s.out() << "Still of " << id << ": " << jpeg.size() / 1024 << " KB JPEG, sha256 " << r.value(QStringLiteral("still")).toString()
                << "; programme version " << r.value(QStringLiteral("version")).toInteger() << "\n";
    });
}

} // namespace

QList<CtlCommand> filmCommands()
{
    return {
        {QStringLiteral("film edit"),
         QStringLiteral("ID [--runtime S] [--media PATH] [--sha256 HEX] [--title-en T] [--title-zh T] [--subtitle LANG=PATH ...]"),
         QStringLiteral("Change a film's details; the playlists of its screenings follow."),
         {{QStringLiteral("runtime"), QStringLiteral("Length in seconds."), QStringLiteral("s")},
          {QStringLiteral("media"), QStringLiteral("Media file under the players' media folder."), QStringLiteral("path")},
          {QStringLiteral("sha256"), QStringLiteral("Checksum of the media file (lower-case hex)."), QStringLiteral("hex")},
          {QStringLiteral("original-title"), QStringLiteral("Title in the film's own script."), QStringLiteral("text")},
          {QStringLiteral("title-en"), QStringLiteral("English title."), QStringLiteral("text")},
          {QStringLiteral("title-zh"), QStringLiteral("Traditional Chinese title."), QStringLiteral("text")},
          {QStringLiteral("subtitle"), QStringLiteral("A subtitle file under the media folder, LANGUAGE=FILE, or LANGUAGE=embedded "
                                                       "for the film's own text track; repeat it for each language, top line "
                                                       "first; \"none\" removes them."), QStringLiteral("lang=path")}},
         1, editFilm},
        {QStringLiteral("film still"),
         QStringLiteral("ID FILE [--at S] | ID --clear"),
         QStringLiteral("Give a film the still the kiosks show: a picture, or a frame of a video file; scaled to fit 960x540, sent as JPEG."),
         {{QStringLiteral("at"), QStringLiteral("Take the frame this many seconds into the video (default: at 10% of it, at most 60 s)."),
           QStringLiteral("s")},
          {QStringLiteral("clear"), QStringLiteral("Remove the film's still.")}},
         1, setStill},
    };
}

} // namespace fest
