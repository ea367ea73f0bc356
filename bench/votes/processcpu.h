#pragma once

#include <QList>
#include <QString>

namespace fest {

// CPU time (user + system) that processes have used, from /proc. The benchmark divides
// each process's share of a phase by the ballots it carried: CPU per ballot does not
// depend on what else runs on the machine, unlike a rate measured on a shared machine.
class ProcessCpu
{
public:
    explicit ProcessCpu(qint64 pid);
    // The first child of this process whose command name is `name` (mosquitto), or -1.
    static qint64 childNamed(const QString &name);

    qint64 pid() const { return m_pid; }
    // Seconds of CPU used since the last call to start() (or construction).
    double elapsed() const;
    void start();

private:
    double total() const;

    qint64 m_pid;
    double m_start = 0;
};

} // namespace fest
