#pragma once

#include <QDateTime>
#include <QString>

namespace fest {

// Times typed by people at a terminal: ISO 8601 with an offset ("2026-12-05T14:30:00+08:00"),
// or relative to now ("now", "now+90s", "now+5m", "now-1h"). Returns the ISO 8601 form the
// protocol takes, or an empty string and a reason.
class TimeArgument
{
public:
    static QString parse(const QString &text, QString *error, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A day: YYYY-MM-DD, or today / tomorrow in the festival's time zone (the machine's
    // when the programme names none it knows); invalid when it is none of these.
    static QDate festivalDay(const QString &text, const QString &timeZone);
};

} // namespace fest
