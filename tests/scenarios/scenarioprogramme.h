#pragma once

#include "programme.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fest {

// A small, valid festival programme built around "now" for a scenario: one venue, the
// screens asked for, films with their media files, and block screenings whose films play
// back to back from a given instant. Times are whole seconds at +08:00.
class ScenarioProgramme
{
public:
    ScenarioProgramme();

    void addScreen(const QString &id);
    void addFilm(const QString &id, int seconds, const QString &media, const QString &sha256 = {});
    void setSubtitleFiles(const QString &filmId, const SubtitleFiles &files);
    // A block of films from start; its slot ends a minute after the last film (or at
    // `end` when given and later).
    void addScreening(const QString &id, const QString &screen, const QDateTime &start, const QStringList &films,
                      const QDateTime &end = {});

    const Programme &programme() const { return m_programme; }
    // Writes the JSON the controller seeds from; false with the validator's errors if the
    // programme is not valid.
    bool write(const QString &path, QString *error) const;

    // A whole second at +08:00, offsetSeconds from now.
    static QDateTime at(qint64 offsetSeconds);
    // The voting scenarios' programme: screening S-1 on HALL-1 (no player) with films F-1, F-2, F-3,
    // started ten minutes ago and running for three hours, so its voting window is open.
    static ScenarioProgramme votingOpen();

private:
    Programme m_programme;
};

} // namespace fest
