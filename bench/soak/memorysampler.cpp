#include "memorysampler.h"

#include "scenariocontroller.h"

#include <QDir>
#include <QFile>

#include <numeric>

namespace fest {

qint64 MemorySampler::rssKb(qint64 pid)
{
    return ScenarioController::rssKbOf(pid);
}

qint64 MemorySampler::pidWithArgument(const QString &argument)
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

double MemorySampler::growthPercent(const QList<qint64> &samples, int warmFrom)
{
    const QList<qint64> steady = samples.mid(warmFrom);
    if (steady.size() < 4)
        return 0;
    const auto mean = [](const QList<qint64> &l) { return double(std::accumulate(l.begin(), l.end(), qint64(0))) / double(l.size()); };
    const QList<qint64> first = steady.mid(0, steady.size() / 4);
    const QList<qint64> last = steady.mid(steady.size() - steady.size() / 4);
    const double base = mean(first);
    return base > 0 ? 100.0 * (mean(last) - base) / base : 0;
}

} // namespace fest
