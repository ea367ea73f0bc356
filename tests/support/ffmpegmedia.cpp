#include "ffmpegmedia.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace fest {

QString FfmpegMedia::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QString FfmpegMedia::missingMessage()
{
    return QStringLiteral("ffmpeg is missing: apt-get install ffmpeg (./run test installs it)");
}

QString FfmpegMedia::encode(const QString &path, const QStringList &source, const QStringList &options, int seconds)
{
    const QString ffmpeg = executable();
    if (ffmpeg.isEmpty())
        return missingMessage();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ffmpeg, QStringList{"-nostdin", "-hide_banner", "-loglevel", "error", "-y"} + source + options
                              + QStringList{"-t", QString::number(seconds), path});
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("ffmpeg could not write %1: %2").arg(QFileInfo(path).fileName(), QString::fromUtf8(process.readAll()));
    return {};
}

} // namespace fest
