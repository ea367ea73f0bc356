#include "decoderchoice.h"

#include "gstreamerinit.h"

#include <cstring>

#include <gst/gst.h>

namespace fest {

namespace {

bool isVideoDecoder(GstElementFactory *factory)
{
    const char *klass = gst_element_factory_get_metadata(factory, GST_ELEMENT_METADATA_KLASS);
    return klass && strstr(klass, "Decoder") && strstr(klass, "Video");
}

bool isHardwareFactory(GstElementFactory *factory)
{
    const char *klass = gst_element_factory_get_metadata(factory, GST_ELEMENT_METADATA_KLASS);
    return (klass && strstr(klass, "Hardware")) || DecoderChoice::isHardware(QString::fromUtf8(GST_OBJECT_NAME(factory)));
}

} // namespace

std::optional<DecoderChoice::Mode> DecoderChoice::fromName(const QString &name)
{
    if (name == QLatin1String("auto"))
        return Mode::Auto;
    if (name == QLatin1String("software"))
        return Mode::Software;
    return std::nullopt;
}

QString DecoderChoice::name(Mode mode)
{
    return mode == Mode::Software ? QStringLiteral("software") : QStringLiteral("auto");
}

bool DecoderChoice::isHardware(const QString &factory)
{
    static const QStringList prefixes{QStringLiteral("va"), QStringLiteral("v4l2"), QStringLiteral("nv"),
                                      QStringLiteral("qsv"), QStringLiteral("msdk")};
    for (const QString &prefix : prefixes) {
        if (factory.startsWith(prefix))
            return true;
    }
    return false;
}

QStringList DecoderChoice::apply(Mode mode)
{
    GStreamerInit::ensure();
    QStringList available;
    GList *features = gst_registry_get_feature_list(gst_registry_get(), GST_TYPE_ELEMENT_FACTORY);
    for (GList *f = features; f; f = f->next) {
        auto *factory = GST_ELEMENT_FACTORY(f->data);
        if (!isVideoDecoder(factory) || !isHardwareFactory(factory))
            continue;
        auto *feature = GST_PLUGIN_FEATURE(factory);
        const QString name = QString::fromUtf8(GST_OBJECT_NAME(factory));
        if (mode == Mode::Software) {
            gst_plugin_feature_set_rank(feature, GST_RANK_NONE);
            continue;
        }
        // The va plugin's decoders (not the older vaapi plugin's): above avdec_* (primary).
        if (name.startsWith(QLatin1String("va")) && !name.startsWith(QLatin1String("vaapi"))
            && gst_plugin_feature_get_rank(feature) < GST_RANK_PRIMARY + 1)
            gst_plugin_feature_set_rank(feature, GST_RANK_PRIMARY + 1);
        if (gst_plugin_feature_get_rank(feature) > GST_RANK_NONE)
            available << name;
    }
    gst_plugin_feature_list_free(features);
    available.sort();
    return available;
}

QString DecoderChoice::videoDecoderOf(GstElement *pipeline)
{
    QString name;
    GstIterator *it = gst_bin_iterate_recurse(GST_BIN(pipeline));
    GValue item = G_VALUE_INIT;
    while (gst_iterator_next(it, &item) == GST_ITERATOR_OK) {
        auto *element = GST_ELEMENT(g_value_get_object(&item));
        GstElementFactory *factory = gst_element_get_factory(element);
        if (factory && isVideoDecoder(factory))
            name = QString::fromUtf8(GST_OBJECT_NAME(factory));
        g_value_reset(&item);
    }
    g_value_unset(&item);
    gst_iterator_free(it);
    return name;
}

} // namespace fest
