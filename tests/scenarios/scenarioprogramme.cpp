#include "scenarioprogramme.h"

#include "programmejson.h"

#include <QFile>

namespace fest {

ScenarioProgramme::ScenarioProgramme()
{
    m_programme.festivalName = {QStringLiteral("Scenario Festival"), QStringLiteral("情景影展")};
    m_programme.timeZone = QStringLiteral("Asia/Hong_Kong");
    m_programme.venues.append(Venue{QStringLiteral("V-1"), {QStringLiteral("Hall"), QStringLiteral("禮堂")}, {}});
}

void ScenarioProgramme::addScreen(const QString &id)
{
    m_programme.screens.append(Screen{id, QStringLiteral("V-1"), {id, id}});
}

void ScenarioProgramme::addFilm(const QString &id, int seconds, const QString &media, const QString &sha256)
{
    Film film;
    film.id = id;
    film.originalTitle = QStringLiteral("Film %1").arg(id);
    film.title = {film.originalTitle, film.originalTitle};
    film.country = QStringLiteral("HK");
    film.year = 2026;
    film.runtimeSeconds = seconds;
    film.language = QStringLiteral("zxx");
    film.media = media;
    film.sha256 = sha256;
    m_programme.films.append(film);
}

void ScenarioProgramme::setSubtitleFiles(const QString &filmId, const SubtitleFiles &files)
{
    for (Film &f : m_programme.films) {
        if (f.id == filmId)
            f.subtitleFiles = files;
    }
}

void ScenarioProgramme::addScreening(const QString &id, const QString &screen, const QDateTime &start,
                                     const QStringList &films, const QDateTime &end)
{
    Screening s;
    s.id = id;
    s.screenId = screen;
    s.start = start;
    s.filmIds = films;
    s.title = {id, id};
    m_programme.screenings.append(s);
    const QDateTime earliestEnd = start.addSecs(m_programme.contentSeconds(s) + 60);
    m_programme.screenings.last().end = end.isValid() && end > earliestEnd ? end : earliestEnd;
}

bool ScenarioProgramme::write(const QString &path, QString *error) const
{
    const QByteArray json = ProgrammeJson::encode(m_programme);
    QList<ProgrammeError> errors;
    if (!ProgrammeJson::decode(json, &errors)) {
        QStringList lines;
        for (const ProgrammeError &e : errors)
            lines << QStringLiteral("%1 %2: %3").arg(e.where, e.field, e.message);
        *error = QStringLiteral("the scenario programme is invalid: ") + lines.join(QStringLiteral("; "));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QDateTime ScenarioProgramme::at(qint64 offsetSeconds)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(now + offsetSeconds, Qt::OffsetFromUTC, 8 * 3600);
}

ScenarioProgramme ScenarioProgramme::votingOpen()
{
    ScenarioProgramme p;
    p.addScreen(QStringLiteral("HALL-1"));
    const QStringList films{QStringLiteral("F-1"), QStringLiteral("F-2"), QStringLiteral("F-3")};
    for (const QString &f : films)
        p.addFilm(f, 20 * 60, QStringLiteral("films/%1.webm").arg(f));
    p.addScreening(QStringLiteral("S-1"), QStringLiteral("HALL-1"), at(-10 * 60), films, at(3 * 3600));
    return p;
}

} // namespace fest
