#include "scenariotickets.h"

#include "ticketissuer.h"
#include "ticketkeyring.h"

#include <QFile>

namespace fest {

QStringList ScenarioTickets::issue(const QString &keysPath, int count, QString *error)
{
    const std::optional<TicketKeyring> keys = TicketKeyring::loadOrCreate(keysPath, error);
    if (!keys)
        return {};
    return TicketIssuer(*keys).issue(count);
}

bool ScenarioTickets::writeCsv(const QString &path, const QStringList &codes, const QString &screening,
                               const QStringList &films, QString *error)
{
    QByteArray csv = "code,screening,film\n";
    for (qsizetype i = 0; i < codes.size(); ++i)
        csv += QStringLiteral("%1,%2,%3\n").arg(codes[i], screening, films[i % films.size()]).toUtf8();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace fest
