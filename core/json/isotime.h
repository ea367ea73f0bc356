#pragma once

#include <QDateTime>
#include <QString>

namespace fest {

// ISO 8601 text of an instant with milliseconds and its offset, exactly as
// QDateTime::toString(Qt::ISODateWithMs) writes it ("2026-12-05T16:02:11.250+08:00",
// "...Z" for UTC), written directly for the common case (UTC or a whole-minute offset,
// years 1000-9999) and by Qt otherwise. Qt's formatter goes through printf and was a
// tenth of the vote writer's work per ballot.
namespace IsoTime {
QString withMs(const QDateTime &at);
}

} // namespace fest
