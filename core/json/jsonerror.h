#pragma once

#include <QList>
#include <QString>

namespace fest {

// One problem found while reading a JSON document.
//   path   full path of the value, e.g. "screenings[3].title.en"
//   where  the entry it belongs to, labelled when known, e.g. "screenings[3] (S-0412)"
//   field  the field inside that entry, e.g. "title.en" (empty if the entry itself is wrong)
struct JsonError
{
    QString path;
    QString message;
    QString where;
    QString field;

    // "screenings[3].start: expected ..." - the form for logs and replies.
    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    bool operator==(const JsonError &) const = default;
};

} // namespace fest
