#pragma once

#include <QString>
#include <QStringList>

#include <optional>

typedef struct _GstElement GstElement;

namespace fest {

// Which video decoders GStreamer picks in this process: hardware ones (VA-API and the
// like) when the machine has them and they are allowed, software otherwise. The player
// sets it once at start ([video] decoding); every pipeline it builds after follows.
class DecoderChoice
{
public:
    enum class Mode { Auto, Software };
    static std::optional<Mode> fromName(const QString &name);   // "auto", "software"
    static QString name(Mode mode);

    // Auto: the VA-API decoders of GStreamer's va plugin (registered only when the machine
    // has a VA device) rank above the software ones. Software: no hardware decoder is
    // picked. Returns the hardware video decoders GStreamer may pick from now on.
    static QStringList apply(Mode mode);

    // The video decoder a pipeline chose (its element's factory, "avdec_h264",
    // "vah264dec"); empty when none (yet).
    static QString videoDecoderOf(GstElement *pipeline);
    static bool isHardware(const QString &factory);
};

} // namespace fest
