#pragma once

#include "localizedtext.h"

#include <QStringList>

namespace fest {

struct AwardCategory
{
    enum class DecidedBy { Jury, Audience };

    QString id;
    LocalizedText name;
    DecidedBy decidedBy = DecidedBy::Jury;
    QStringList nomineeFilmIds;

    bool operator==(const AwardCategory &) const = default;

    static QStringList decidedByNames() { return {QStringLiteral("jury"), QStringLiteral("audience")}; }
};

} // namespace fest
