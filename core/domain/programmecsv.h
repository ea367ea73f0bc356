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

    // rows, when given, receives each screening's spreadsheet row, in the same order.
    static std::optional<QList<Screening>> decode(const QByteArray &csv, QList<ProgrammeError> *errors,
                                                  QList<int> *rows = nullptr);
    // The programme's consistency errors about screenings decoded from a CSV
    // ("screenings[4] (S-0105) start") named as the spreadsheet shows them
    // ("row 6 (S-0105) start"); `rows` as decode() gave them. Others are kept as they are.
    static QList<ProgrammeError> inRows(QList<ProgrammeError> errors, const QList<int> &rows);
    // CRLF line ends, fields quoted only when needed, all eight columns.
    static QByteArray encode(const QList<Screening> &screenings);
};

} // namespace fest
