#pragma once

#include <QString>
#include <QStringList>

namespace fest {

// Valid ticket codes for a scenario, signed with the controller's own key file (created
// here before the controller's first start, as festctl tickets issue would sign them),
// written as the CSV festival-ballot-client reads ("code,screening,film").
class ScenarioTickets
{
public:
    // Codes from the key file at keysPath (created when missing); empty on error.
    static QStringList issue(const QString &keysPath, int count, QString *error);
    // One line per code; the film cycles through films.
    static bool writeCsv(const QString &path, const QStringList &codes, const QString &screening,
                         const QStringList &films, QString *error);
};

} // namespace fest
