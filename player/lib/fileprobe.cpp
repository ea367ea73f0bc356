#include "fileprobe.h"

#include "loudness.h"
#include "mediaprobe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace fest {

QList<std::pair<QString, QString>> FileProbe::subtitlesBeside(const QString &path)
{
    const QFileInfo film(path);
    const QString base = film.completeBaseName();
    static const QRegularExpression language(QStringLiteral("\\A[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*\\z"));
    QList<std::pair<QString, QString>> found;
    const QStringList names = film.dir().entryList({base + QStringLiteral(".*.srt"), base + QStringLiteral(".*.vtt")},
                                                   QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString tag = name.mid(base.size() + 1).section(QLatin1Char('.'), 0, -2);
        if (language.match(tag).hasMatch())
            found.append({tag, film.dir().filePath(name)});
    }
    return found;
}

MediaReport FileProbe::probe(const QString &path, const Options &options)
{
    PlaybackItem item;
    item.mediaPath = path;
    for (const auto &[language, file] : subtitlesBeside(path))
        item.subtitles.append({language, file});
    const MediaProbe::Options probeOptions{options.speakers, true, true};
    MediaProbe::Result result = MediaProbe::checkNow(item, 10000, probeOptions);
    // The film's own text tracks in languages without a file beside it: read them too.
    PlaybackItem embedded = item;
    embedded.subtitles.clear();
    for (const QString &language : std::as_const(result.embeddedSubtitles)) {
        const bool covered = std::any_of(item.subtitles.cbegin(), item.subtitles.cend(),
                                         [&](const PlaybackSubtitle &s) { return s.language == language; });
        if (!covered && language != QLatin1String("und"))
            embedded.subtitles.append({language, QString(), true});
    }
    if (!embedded.subtitles.isEmpty() && result.ready())
        MediaProbe::readSubtitles(embedded, result);
    const double gain = options.targetLufs && result.loudnessLufs
        ? LoudnessMeter::normalisingGainDb(*options.targetLufs, *result.loudnessLufs, result.peakDbfs, options.maxGainDb)
        : 0.0;
    MediaReport report = MediaProbe::report(item, result, options.speakers, options.targetLufs, gain);
    QFile file(path);
    if (result.error != PlaybackError::Code::MediaMissing && file.open(QIODevice::ReadOnly)) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (hash.addData(&file))
            report.sha256 = QString::fromLatin1(hash.result().toHex());
    }
    return report;
}

QString FileProbe::describe(const MediaReport &r)
{
    QString text;
    QTextStream out(&text);
    out << r.file << "\n";
    if (!r.videoCodec.isEmpty()) {
        out << "  picture    " << r.videoCodec << ", " << r.width << "x" << r.height;
        if (r.fps > 0)
            out << ", " << QString::number(r.fps, 'g', 6) << " fps";
        out << (r.parNum == r.parDen ? QStringLiteral(", square pixels") : QStringLiteral(", pixels %1:%2").arg(r.parNum).arg(r.parDen));
        if (!r.decoder.isEmpty())
            out << "; " << r.decoder << (r.hardware ? " (hardware)" : " (software)");
        if (r.decodeSpeed > 0)
            out << " decodes it at " << QString::number(r.decodeSpeed, 'f', 1) << "x real time";
        out << "\n";
    }
    if (!r.audioCodec.isEmpty()) {
        out << "  sound      " << r.audioCodec << ", " << r.audioChannels << " channel(s)";
        if (r.loudnessLufs)
            out << "; " << QString::number(*r.loudnessLufs, 'f', 1) << " LUFS in a " << r.speakers << " room, plays with "
                << (r.gainDb >= 0 ? "+" : "") << QString::number(r.gainDb, 'f', 1) << " dB";
        out << "\n";
    }
    if (r.durationMs >= 0) {
        const qint64 s = (r.durationMs + 500) / 1000;
        out << "  runs       " << QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
            << " (runtimeSeconds " << (r.durationMs + 999) / 1000 << ")\n";
    }
    out << "  subtitles  " << (r.subtitles.isEmpty() ? QStringLiteral("none beside it (FILM.<language>.srt or .vtt)")
                                                     : r.subtitles.join(QStringLiteral(", ")));
    if (!r.embeddedSubtitles.isEmpty())
        out << (r.subtitles.isEmpty() ? "; " : " (") << "in the film: " << r.embeddedSubtitles.join(QStringLiteral(", "))
            << (r.subtitles.isEmpty() ? "" : ")");
    out << "\n";
    if (!r.sha256.isEmpty())
        out << "  sha256     " << r.sha256 << "\n";
    const QStringList problems = r.problems();
    if (problems.isEmpty())
        out << "  ready to screen\n";
    for (const QString &p : problems)
        out << "  PROBLEM    " << p << "\n";
    return text;
}

} // namespace fest
