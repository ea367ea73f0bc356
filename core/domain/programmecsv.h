#pragma once

#include "programmeerror.h"
#include "screening.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace fest {

// Screenings as organisers keep them in a spreadsheet: RFC 4180 CSV, UTF-8 (a BOM is
// allowed), a header row naming the columns in any order:
//   id,screen,start,end,films,title_en,title_zh[,status]
// films = film ids separated by ';' in play order; start/end = ISO 8601 with offset;
// status = scheduled (default) | cancelled. Errors name `row N`, the header being row 1.
// Applying the result to a programme replaces its screenings (ProgrammeEdits::replaceScreenings).
class ProgrammeCsv
{
public:
    static constexpr qsizetype maxBytes = 16 * 1024 * 1024;

    static std::optional<QList<Screening>> decode(const QByteArray &csv, QList<ProgrammeError> *errors);
    // CRLF line ends, fields quoted only when needed, all eight columns.
    static QByteArray encode(const QList<Screening> &screenings);
};

} // namespace fest
