#include "timeargument.h"

#include <QTimeZone>

#include <QRegularExpression>

namespace fest {

QString TimeArgument::parse(const QString &text, QString *error, const QDateTime &now)
{
    static const QRegularExpression relative(QStringLiteral("^now(?:([+-])(\\d{1,6})([smh]))?$"));
    const QString trimmed = text.trimmed();
    if (const QRegularExpressionMatch m = relative.match(trimmed); m.hasMatch()) {
        qint64 seconds = 0;
        if (m.hasCaptured(1)) {
            seconds = m.captured(2).toLongLong() * (m.captured(3) == QLatin1String("h") ? 3600 : m.captured(3) == QLatin1String("m") ? 60 : 1);
            if (m.captured(1) == QLatin1String("-"))
                seconds = -seconds;
        }
        return now.toUTC().addSecs(seconds).toString(Qt::ISODate);
    }
    const QDateTime t = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!t.isValid()) {
        *error = QStringLiteral("\"%1\" is not a time: use ISO 8601 with an offset, e.g. 2026-12-05T14:30:00+08:00, or now+5m").arg(text);
        return {};
    }
    if (t.timeSpec() != Qt::OffsetFromUTC && t.timeSpec() != Qt::UTC) {
        *error = QStringLiteral("\"%1\" has no offset: add one (e.g. +08:00 for Hong Kong) so it cannot be misread").arg(text);
        return {};
    }
    return trimmed;
}

QDate TimeArgument::festivalDay(const QString &text, const QString &timeZone)
{
    const QTimeZone zone(timeZone.toUtf8());
    const QDate today = zone.isValid() ? QDateTime::currentDateTime().toTimeZone(zone).date() : QDate::currentDate();
    if (text == QLatin1String("today"))
        return today;
    if (text == QLatin1String("tomorrow"))
        return today.addDays(1);
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace fest
