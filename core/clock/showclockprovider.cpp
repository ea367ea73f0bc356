#include "showclockprovider.h"
#include "gstreamerinit.h"

#include <QLoggingCategory>

#include <gst/gst.h>
#include <gst/net/net.h>

Q_DECLARE_LOGGING_CATEGORY(lcClock)

namespace fest {

ShowClockProvider::ShowClockProvider(quint16 port, const QString &address)
{
    GStreamerInit::ensure();
    // A fresh system clock instead of gst_system_clock_obtain(): switching the shared
    // default clock to REALTIME would change every pipeline of the process.
    auto *clock = GST_CLOCK(g_object_new(GST_TYPE_SYSTEM_CLOCK, "clock-type",
                                         GST_CLOCK_TYPE_REALTIME, nullptr));
    gst_object_ref_sink(clock);
    m_clock.reset(clock);

    const QByteArray addr = address.toUtf8();
    m_provider.reset(gst_net_time_provider_new(clock, addr.constData(), port));
    if (!m_provider) {
        m_error = QStringLiteral("Cannot export the show clock on UDP %1:%2. Check that no other "
                                 "controller uses this port, or set another clock port.")
                      .arg(address)
                      .arg(port);
        qCWarning(lcClock).noquote() << m_error;
        return;
    }
    gint actual = 0;
    g_object_get(m_provider.get(), "port", &actual, nullptr);
    m_port = quint16(actual);
    qCInfo(lcClock) << "show clock exported on UDP" << address << m_port;
}

ShowClockProvider::~ShowClockProvider() = default;

GstClock *ShowClockProvider::clock() const
{
    return m_clock.get();
}

} // namespace fest
