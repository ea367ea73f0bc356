#include "processsampler.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

#include <algorithm>

namespace fest {

ProcessSampler::Memory ProcessSampler::memory(qint64 pid)
{
    Memory m;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly | QIODevice::Text))
        return m;
    const auto kb = [](const QByteArray &line) { return line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toLongLong(); };
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            m.rssKb = kb(line);
        else if (line.startsWith("RssAnon:"))
            m.anonKb = kb(line);
        else if (line.startsWith("RssFile:"))
            m.fileKb = kb(line);
        else if (line.startsWith("RssShmem:"))
            m.shmemKb = kb(line);
    }
    return m;
}

qint64 ProcessSampler::cpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const qint64 ticks = fields.value(11).toLongLong() + fields.value(12).toLongLong();   // utime, stime
    return ticks * 1000 / std::max<long>(1, sysconf(_SC_CLK_TCK));
}

qint64 ProcessSampler::pidWithArgument(const QString &argument)
{
    const QByteArray wanted = argument.toLocal8Bit();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains(wanted))
            return pid;
    }
    return 0;
}

ProcessSampler::Summary ProcessSampler::summarise(const QList<qint64> &samples, int warmIndex, double tolerancePercent)
{
    Summary s;
    if (samples.isEmpty())
        return s;
    warmIndex = std::clamp<int>(warmIndex, 0, int(samples.size() - 1));
    s.startKb = samples.first();
    s.warmKb = samples[warmIndex];
    s.endKb = samples.last();
    const QList<qint64> after = samples.mid(warmIndex);
    const auto [lo, hi] = std::minmax_element(after.begin(), after.end());
    s.minAfterWarmKb = *lo;
    s.maxAfterWarmKb = *hi;
    if (s.warmKb > 0) {
        const double warm = double(s.warmKb);
        s.endVsWarmPercent = 100.0 * (double(s.endKb) - warm) / warm;
        s.maxDeviationPercent = 100.0 * std::max(double(s.maxAfterWarmKb) - warm, warm - double(s.minAfterWarmKb)) / warm;
        s.flat = s.maxDeviationPercent <= tolerancePercent;
    }
    return s;
}

} // namespace fest
