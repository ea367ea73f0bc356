#pragma once

#include <QList>
#include <QString>

namespace fest {

// A problem in a programme, phrased for an organiser.
//   where    the entry: "screenings[3] (S-0412)", "row 5" (CSV), "programme" (top level)
//   field    the field inside it: "start", "title.en"; empty when the entry as a whole is wrong
//   message  what is wrong and, where possible, what to do
struct ProgrammeError
{
    QString where;
    QString field;
    QString message;

    QString toString() const
    {
        return field.isEmpty() ? where + QStringLiteral(": ") + message
                               : where + u' ' + field + QStringLiteral(": ") + message;
    }
    bool operator==(const ProgrammeError &) const = default;
};

} // namespace fest
