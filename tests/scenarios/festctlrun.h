#pragma once

#include <QString>
#include <QStringList>

namespace fest {

// One festctl invocation against a scenario's broker, the event loop kept running
// meanwhile (in-process bus clients keep answering).
struct FestctlRun
{
    int exitCode = -1;
    QString out;
    QString err;

    static QString binary();
    static FestctlRun run(const QString &brokerUrl, const QStringList &args,
                          const QString &user = QStringLiteral("organiser"), int timeoutMs = 30000);
};

} // namespace fest
