#pragma once

#include <QList>
#include <QString>

namespace fest {

// Resident memory (VmRSS) of processes by pid, and a process found by its command line
// (the broker, started by MosquittoProcess, is found by its config file's path).
class MemorySampler
{
public:
    static qint64 rssKb(qint64 pid);
    static qint64 pidWithArgument(const QString &argument);
    // Growth of the last quarter's mean over the mean of the samples from warmFrom on,
    // in percent; 0 with too few samples.
    static double growthPercent(const QList<qint64> &samples, int warmFrom);
};

} // namespace fest
