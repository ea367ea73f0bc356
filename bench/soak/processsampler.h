#pragma once

#include <QList>
#include <QString>

namespace fest {

// What the soak samples of a process by pid: its resident memory, split the way the
// kernel accounts it (anonymous: heap, SQLite's page cache, Qt containers; file: mapped
// libraries; shared memory: e.g. SQLite's WAL index), and its CPU time. A process is also
// found by its command line (the broker, started by MosquittoProcess, by its config
// file's path).
class ProcessSampler
{
public:
    struct Memory {
        qint64 rssKb = 0;
        qint64 anonKb = 0;
        qint64 fileKb = 0;
        qint64 shmemKb = 0;
    };
    // A process's resident memory over the soak, judged after a warm-up.
    struct Summary {
        qint64 startKb = 0;        // before the kiosks cast
        qint64 warmKb = 0;         // at the end of the warm-up
        qint64 endKb = 0;
        qint64 minAfterWarmKb = 0;
        qint64 maxAfterWarmKb = 0;
        double endVsWarmPercent = 0;
        double maxDeviationPercent = 0;   // the sample after warm-up farthest from warmKb
        bool flat = false;                // maxDeviationPercent within the tolerance
    };

    static Memory memory(qint64 pid);   // zeros when the process is gone
    static qint64 cpuMs(qint64 pid);    // user + system, 0 when the process is gone
    static qint64 pidWithArgument(const QString &argument);
    // samples[0] is the start, samples[warmIndex] the end of the warm-up.
    static Summary summarise(const QList<qint64> &samples, int warmIndex, double tolerancePercent);
};

} // namespace fest
