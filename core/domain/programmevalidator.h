#pragma once

#include "programme.h"
#include "programmeerror.h"

namespace fest {

// Consistency rules of a programme, each reported with the entry and field it concerns:
// ids follow the one id rule (Identifier) and are unique per kind; references to
// venues, screens, films and award categories resolve; every slot ends after it starts
// and is long enough for its films; screenings on one screen keep the changeover gap
// (cancelled ones free their slot); every film has a safe relative media path; the time
// zone is known.
class ProgrammeValidator
{
public:
    static QList<ProgrammeError> validate(const Programme &programme, int changeoverMinutes);
    // "screenings[3] (S-0412)": how errors name an entry of a list.
    static QString where(const QString &list, qsizetype index, const QString &id);
};

} // namespace fest
