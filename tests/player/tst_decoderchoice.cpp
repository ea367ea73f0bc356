// [video] decoding: which video decoders GStreamer may pick. This machine has no VA device,
// so a stand-in hardware decoder is registered in GStreamer's real registry (its class
// says Codec/Decoder/Video/Hardware, as vah264dec's does) and auto-plugging is asked which
// decoder it would take for H.264.
#include "decoderchoice.h"
#include "gstreamerinit.h"

#include <QTest>

#include <gst/gst.h>

using namespace fest;

namespace {

struct StandInDecoder { GstElement parent; };
struct StandInDecoderClass { GstElementClass parent; };

G_DEFINE_TYPE(StandInDecoder, stand_in_decoder, GST_TYPE_ELEMENT)

void stand_in_decoder_class_init(StandInDecoderClass *klass)
{
    auto *element = GST_ELEMENT_CLASS(klass);
    gst_element_class_set_static_metadata(element, "Stand-in hardware H.264 decoder", "Codec/Decoder/Video/Hardware",
                                          "Decodes nothing", "test");
    static GstStaticPadTemplate sink = GST_STATIC_PAD_TEMPLATE("sink", GST_PAD_SINK, GST_PAD_ALWAYS,
                                                               GST_STATIC_CAPS("video/x-h264"));
    static GstStaticPadTemplate src = GST_STATIC_PAD_TEMPLATE("src", GST_PAD_SRC, GST_PAD_ALWAYS,
                                                              GST_STATIC_CAPS("video/x-raw"));
    gst_element_class_add_static_pad_template(element, &sink);
    gst_element_class_add_static_pad_template(element, &src);
}

void stand_in_decoder_init(StandInDecoder *) {}

// The decoder decodebin would try first for H.264: the highest-ranked one that takes it.
QString firstChoiceForH264()
{
    GList *decoders = gst_element_factory_list_get_elements(GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_MARGINAL);
    GstCaps *caps = gst_caps_from_string("video/x-h264, stream-format=byte-stream, alignment=au");
    GList *fitting = gst_element_factory_list_filter(decoders, caps, GST_PAD_SINK, FALSE);
    fitting = g_list_sort(fitting, gst_plugin_feature_rank_compare_func);
    const QString name = fitting ? QString::fromUtf8(GST_OBJECT_NAME(fitting->data)) : QString();
    gst_plugin_feature_list_free(fitting);
    gst_plugin_feature_list_free(decoders);
    gst_caps_unref(caps);
    return name;
}

} // namespace

class tst_DecoderChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void autoPrefersTheMachinesHardware();
    void softwareNeverPicksIt();
    void namesAndKinds();
};

void tst_DecoderChoice::initTestCase()
{
    GStreamerInit::ensure();
    // Registered at no rank, as GStreamer 1.22's va plugin may register its decoders.
    QVERIFY(gst_element_register(nullptr, "vastandinh264dec", GST_RANK_NONE, stand_in_decoder_get_type()));
    QCOMPARE(firstChoiceForH264(), QStringLiteral("avdec_h264"));
}

void tst_DecoderChoice::autoPrefersTheMachinesHardware()
{
    const QStringList available = DecoderChoice::apply(DecoderChoice::Mode::Auto);
    QVERIFY2(available.contains(QStringLiteral("vastandinh264dec")), qPrintable(available.join(',')));
    QCOMPARE(firstChoiceForH264(), QStringLiteral("vastandinh264dec"));
}

void tst_DecoderChoice::softwareNeverPicksIt()
{
    QVERIFY(DecoderChoice::apply(DecoderChoice::Mode::Software).isEmpty());
    QCOMPARE(firstChoiceForH264(), QStringLiteral("avdec_h264"));
}

void tst_DecoderChoice::namesAndKinds()
{
    QCOMPARE(DecoderChoice::fromName(QStringLiteral("software")), std::optional(DecoderChoice::Mode::Software));
    QCOMPARE(DecoderChoice::fromName(QStringLiteral("auto")), std::optional(DecoderChoice::Mode::Auto));
    QVERIFY(!DecoderChoice::fromName(QStringLiteral("gpu")));
    QVERIFY(DecoderChoice::isHardware(QStringLiteral("vah265dec")));
    QVERIFY(DecoderChoice::isHardware(QStringLiteral("v4l2h264dec")));
    QVERIFY(!DecoderChoice::isHardware(QStringLiteral("avdec_h264")));
    QVERIFY(!DecoderChoice::isHardware(QStringLiteral("vp9dec")));
}

QTEST_GUILESS_MAIN(tst_DecoderChoice)
#include "tst_decoderchoice.moc"
