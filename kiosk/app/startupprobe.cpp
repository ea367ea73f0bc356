#include "startupprobe.h"

#include "programmefeed.h"

#include <QDateTime>
#include <QFile>
#include <QQuickWindow>
#include <cstdio>
#include <sys/resource.h>

namespace fest {

StartupProbe::StartupProbe(QQuickWindow *window, ProgrammeFeed *feed, qint64 startEpochMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_startEpochMs(startEpochMs)
    , m_programmeApplied(feed->version() >= 0)
{
    // Direct: the frame is sampled where it is swapped (a render thread, maybe), before
    // this thread could apply a programme that the frame did not show.
    connect(window, &QQuickWindow::frameSwapped, this, &StartupProbe::onFrame, Qt::DirectConnection);
    connect(feed, &ProgrammeFeed::programmeChanged, this, [this] {
        m_programmeApplied = true;
        m_window->update();   // a frame even if nothing visible changed
    });
}

StartupProbe::Sample StartupProbe::now()
{
    Sample s;
    s.atEpochMs = QDateTime::currentMSecsSinceEpoch();
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                s.rssKb = line.mid(6).trimmed().split(' ').constFirst().toLongLong();
        }
    }
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        const auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
        s.cpuMs = ms(usage.ru_utime) + ms(usage.ru_stime);
    }
    return s;
}

void StartupProbe::onFrame()
{
    if (m_programmeFrame)
        return;
    const bool showsProgramme = m_programmeApplied;
    const Sample sample = now();
    if (!m_firstFrame)
        m_firstFrame = sample;
    if (!showsProgramme)
        return;
    m_programmeFrame = sample;
    QMetaObject::invokeMethod(this, &StartupProbe::report, Qt::QueuedConnection);
}

void StartupProbe::report()
{
    const Sample &f = *m_firstFrame;
    const Sample &p = *m_programmeFrame;
    std::printf("first_frame_ms=%lld first_frame_at=%lld rss_kb=%lld cpu_ms=%lld "
                "programme_ms=%lld programme_at=%lld programme_rss_kb=%lld programme_cpu_ms=%lld\n",
                static_cast<long long>(f.atEpochMs - m_startEpochMs), static_cast<long long>(f.atEpochMs),
                static_cast<long long>(f.rssKb), static_cast<long long>(f.cpuMs),
                static_cast<long long>(p.atEpochMs - m_startEpochMs), static_cast<long long>(p.atEpochMs),
                static_cast<long long>(p.rssKb), static_cast<long long>(p.cpuMs));
    std::fflush(stdout);
    emit done();
}

} // namespace fest
