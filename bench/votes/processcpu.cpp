#include "processcpu.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace fest {

namespace {
// /proc/<pid>/stat fields after the command name, which is in parentheses and may hold
// spaces.
QList<QByteArray> statFields(qint64 pid, QByteArray *comm = nullptr)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = f.readAll();
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return {};
    if (comm)
        *comm = line.mid(open + 1, close - open - 1);
    return line.mid(close + 2).split(' ');
}
} // namespace

ProcessCpu::ProcessCpu(qint64 pid)
    : m_pid(pid)
{
    start();
}

qint64 ProcessCpu::childNamed(const QString &name)
{
    const qint64 self = ::getpid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        QByteArray comm;
        if (!numeric)
            continue;
        const QList<QByteArray> fields = statFields(pid, &comm);
        // fields[1] is the parent's pid (field 4 of the stat line).
        if (fields.size() > 1 && fields[1].toLongLong() == self && QString::fromLocal8Bit(comm) == name)
            return pid;
    }
    return -1;
}

double ProcessCpu::total() const
{
    const QList<QByteArray> fields = statFields(m_pid);
    // utime and stime are fields 14 and 15 of the stat line: 11 and 12 after the name.
    if (fields.size() < 13)
        return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

void ProcessCpu::start()
{
    m_start = total();
}

double ProcessCpu::elapsed() const
{
    return total() - m_start;
}

} // namespace fest
