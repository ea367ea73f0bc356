#include "showclock.h"
#include "gstreamerinit.h"

#include <QLoggingCategory>

#include <gst/gst.h>
#include <gst/net/net.h>

Q_LOGGING_CATEGORY(lcClock, "fest.clock")

namespace fest {

namespace {
constexpr int kPollIntervalMs = 100;

qint64 realtimeNs()
{
    return g_get_real_time() * 1000;
}
} // namespace

ShowClock::ShowClock(const QString &host, quint16 port, QObject *parent)
    : QObject(parent)
{
    GStreamerInit::ensure();
    const QByteArray addr = host.toUtf8();
    // Start from this machine's idea of UTC so that times read before the first sync
    // are plausible rather than near zero.
    GstClock *clock = gst_net_client_clock_new("show-clock", addr.constData(), port,
                                               GstClockTime(realtimeNs()));
    if (!clock) {
        m_error = Error::BadAddress;
        m_errorString = QStringLiteral("Cannot follow the show clock at %1:%2. Check the "
                                       "clock host and port in the configuration.")
                            .arg(host)
                            .arg(port);
        qCWarning(lcClock).noquote() << m_errorString;
        return;
    }
    gst_object_ref_sink(clock);
    m_clock.reset(clock);

    GstBus *bus = gst_bus_new();
    g_object_set(clock, "bus", bus, nullptr);
    m_statsBus.reset(bus);

    m_poll.setInterval(kPollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &ShowClock::poll);
    m_poll.start();
}

ShowClock::~ShowClock()
{
    if (m_clock)
        g_object_set(m_clock.get(), "bus", nullptr, nullptr);
}

GstClock *ShowClock::clock() const
{
    return m_clock.get();
}

qint64 ShowClock::nowNs() const
{
    return m_clock ? qint64(gst_clock_get_time(m_clock.get())) : realtimeNs();
}

qint64 ShowClock::nowUs() const
{
    return nowNs() / 1000;
}

bool ShowClock::waitForSync(int timeoutMs)
{
    if (!m_clock)
        return false;
    gst_clock_wait_for_sync(m_clock.get(), GstClockTime(timeoutMs) * GST_MSECOND);
    poll();
    return m_synced;
}

void ShowClock::poll()
{
    bool statsChanged = false;
    while (GstMessage *msg = gst_bus_pop_filtered(m_statsBus.get(), GST_MESSAGE_ELEMENT)) {
        const GstStructure *s = gst_message_get_structure(msg);
        GstClockTime rtt = GST_CLOCK_TIME_NONE;
        if (s && gst_structure_has_name(s, "gst-netclock-statistics")
            && gst_structure_get_clock_time(s, "rtt-average", &rtt) && GST_CLOCK_TIME_IS_VALID(rtt)) {
            if (qint64(rtt) != m_rttNs) {
                m_rttNs = qint64(rtt);
                statsChanged = true;
            }
        }
        gst_message_unref(msg);
    }
    const qint64 offset = nowNs() - realtimeNs();
    if (offset != m_offsetNs) {
        m_offsetNs = offset;
        statsChanged = true;
    }
    setSynced(gst_clock_is_synced(m_clock.get()));
    if (statsChanged)
        Q_EMIT statisticsChanged();
}

void ShowClock::setSynced(bool synced)
{
    if (synced == m_synced)
        return;
    m_synced = synced;
    qCInfo(lcClock) << (synced ? "show clock synced, offset" : "show clock lost sync, offset")
                    << m_offsetNs / 1000 << "us, rtt" << m_rttNs / 1000 << "us";
    Q_EMIT syncedChanged(synced);
}

} // namespace fest
