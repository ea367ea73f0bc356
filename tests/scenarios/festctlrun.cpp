#include "festctlrun.h"

#include "projectbinaries.h"

#include <QProcess>
#include <QTest>

namespace fest {

QString FestctlRun::binary()
{
    return projectBinary(QStringLiteral("festctl"));
}

FestctlRun FestctlRun::run(const QString &brokerUrl, const QStringList &args, const QString &user, int timeoutMs)
{
    QProcess p;
    p.start(binary(), QStringList{QStringLiteral("--broker"), brokerUrl, QStringLiteral("--user"), user,
                                  QStringLiteral("--timeout"), QString::number(std::max(1, timeoutMs / 2000))} + args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs))
        p.kill();
    p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace fest
