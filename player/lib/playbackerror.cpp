#include "playbackerror.h"

#include <QMetaEnum>

#include <gst/gst.h>

namespace fest {

PlaybackError::Code PlaybackError::fromGError(const GError *error)
{
    if (!error)
        return Code::PlaybackFailed;
    if (error->domain == GST_RESOURCE_ERROR) {
        switch (error->code) {
        case GST_RESOURCE_ERROR_NOT_FOUND:
            return Code::MediaMissing;
        case GST_RESOURCE_ERROR_OPEN_READ:
        case GST_RESOURCE_ERROR_READ:
        case GST_RESOURCE_ERROR_NOT_AUTHORIZED:
            return Code::MediaUnreadable;
        default:
            return Code::PlaybackFailed;
        }
    }
    if (error->domain == GST_STREAM_ERROR) {
        switch (error->code) {
        case GST_STREAM_ERROR_TYPE_NOT_FOUND:
        case GST_STREAM_ERROR_WRONG_TYPE:
        case GST_STREAM_ERROR_CODEC_NOT_FOUND:
        case GST_STREAM_ERROR_DECODE:
        case GST_STREAM_ERROR_DEMUX:
        case GST_STREAM_ERROR_FORMAT:
        // Demuxers report a damaged file as a general stream error ("No pads created").
        case GST_STREAM_ERROR_FAILED:
            return Code::MediaUndecodable;
        default:
            return Code::PlaybackFailed;
        }
    }
    if (error->domain == GST_CORE_ERROR && error->code == GST_CORE_ERROR_MISSING_PLUGIN)
        return Code::MediaUndecodable;
    return Code::PlaybackFailed;
}

QString PlaybackError::wireName(Code code)
{
    const char *key = QMetaEnum::fromType<Code>().valueToKey(int(code));
    QString name;
    for (const char *c = key; c && *c; ++c) {
        if (QChar::isUpper(uchar(*c)) && c != key)
            name += QLatin1Char('_');
        name += QChar(QChar::toLower(uchar(*c)));
    }
    return name;
}

QString PlaybackError::describe(Code code, const QString &mediaPath)
{
    switch (code) {
    case Code::None:
        return {};
    case Code::MediaMissing:
        return QStringLiteral("Film file %1 is missing. Copy it into the media folder.").arg(mediaPath);
    case Code::MediaUnreadable:
        return QStringLiteral("Film file %1 cannot be read. Check its permissions and the disk.").arg(mediaPath);
    case Code::MediaUndecodable:
        return QStringLiteral("Film file %1 is damaged or in a format this player cannot decode. Replace "
                              "it with a good copy (H.264/AAC in MP4 plays everywhere).").arg(mediaPath);
    case Code::ChecksumMismatch:
        return QStringLiteral("Film file %1 differs from the programme's copy (checksum). Copy the "
                              "file again.").arg(mediaPath);
    case Code::NoBuffers:
        return QStringLiteral("Film file %1 stopped delivering pictures. Check the disk; the player "
                              "resumes it at the film's current position, or, if it stalls again, shows "
                              "the slate and starts the next item on time.").arg(mediaPath);
    case Code::PlaybackFailed:
        return QStringLiteral("Playback of %1 failed. See the player log; the next item will start on "
                              "time.").arg(mediaPath);
    case Code::SubtitleMissing:
    case Code::SubtitleInvalid:
        return QStringLiteral("Subtitles of %1 cannot be shown: the film plays without them until the file is "
                              "fixed.").arg(mediaPath);
    case Code::ClockNotSynced:
        return QStringLiteral("The show clock is not synced. Check that the controller runs and that "
                              "its clock port is reachable.");
    }
    return {};
}

} // namespace fest
