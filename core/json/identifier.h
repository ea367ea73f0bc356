#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringView>

namespace fest {

// THE id rule of the system, defined here once: ids of venues, screens, films,
// screenings, events, award categories and the bus's own ids (accounts in topics,
// request ids) are 1-64 characters of [A-Za-z0-9_.-]. Such ids are safe as MQTT topic
// levels (no '/', '+', '#'), as file names and in SQL.
class Identifier
{
public:
    static constexpr int maxLength = 64;
    static bool isValid(QStringView id);
    static bool isValid(QLatin1StringView id);
    // Anchored pattern, for JsonReader::StringRule::pattern.
    static const QRegularExpression &pattern();
    // For messages: what a valid id looks like.
    static QString rule();
};

} // namespace fest
