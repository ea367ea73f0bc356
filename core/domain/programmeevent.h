#pragma once

#include "localizedtext.h"

#include <QDateTime>
#include <QStringList>

namespace fest {

// Anything on the programme that is not a screening: panels, workshops, the hackathon,
// talks, the award ceremony.
struct ProgrammeEvent
{
    enum class Kind { Panel, Workshop, Hackathon, Ceremony, Talk };

    QString id;
    Kind kind = Kind::Talk;
    LocalizedText title;
    QString venueId;
    QDateTime start;
    QDateTime end;
    LocalizedText description;

    bool operator==(const ProgrammeEvent &) const = default;

    // Wire names of Kind, in enum order.
    static QStringList kindNames()
    {
        return {QStringLiteral("panel"), QStringLiteral("workshop"), QStringLiteral("hackathon"),
                QStringLiteral("ceremony"), QStringLiteral("talk")};
    }
};

} // namespace fest
