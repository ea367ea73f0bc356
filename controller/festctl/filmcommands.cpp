#include "ctlcommand.h"
#include "ctlsession.h"

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
    if (fields.isEmpty()) {
        s.err() << "festctl: say what to change, e.g. --runtime 860 or --media films/F-001.webm" << Qt::endl;
        return int(ExitCode::Usage);
    }
    return s.finish(s.call(QStringLiteral("film.edit"), {{"id", id}, {"fields", fields}}), [&](const QJsonObject &r) {
        s.out() << "Edited " << id << "; programme version " << r.value(QStringLiteral("version")).toInteger() << "\n";
    });
}

} // namespace

QList<CtlCommand> filmCommands()
{
    return {
        {QStringLiteral("film edit"), QStringLiteral("ID [--runtime S] [--media PATH] [--sha256 HEX] [--title-en T] [--title-zh T]"),
         QStringLiteral("Change a film's details; the playlists of its screenings follow."),
         {{QStringLiteral("runtime"), QStringLiteral("Length in seconds."), QStringLiteral("s")},
          {QStringLiteral("media"), QStringLiteral("Media file under the players' media folder."), QStringLiteral("path")},
          {QStringLiteral("sha256"), QStringLiteral("Checksum of the media file (lower-case hex)."), QStringLiteral("hex")},
          {QStringLiteral("original-title"), QStringLiteral("Title in the film's own script."), QStringLiteral("text")},
          {QStringLiteral("title-en"), QStringLiteral("English title."), QStringLiteral("text")},
          {QStringLiteral("title-zh"), QStringLiteral("Traditional Chinese title."), QStringLiteral("text")}},
         1, editFilm},
    };
}

} // namespace fest
