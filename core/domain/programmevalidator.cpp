#include "programmevalidator.h"

#include "identifier.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <algorithm>

namespace fest {
namespace {

class Check
{
public:
    explicit Check(const Programme &p) : m_p(p)
    {
        for (const Venue &v : p.venues) m_venues.insert(v.id);
        for (const Screen &s : p.screens) m_screens.insert(s.id);
        for (const Film &f : p.films) m_films.insert(f.id, &f);
        for (const AwardCategory &a : p.awards) m_awards.insert(a.id);
    }

    void add(const QString &where, const QString &field, const QString &message)
    {
        m_errors.append(ProgrammeError{where, field, message});
    }

    template<typename T>
    void ids(const QString &list, const QList<T> &items)
    {
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString &id = items[i].id;
            const QString where = ProgrammeValidator::where(list, i, id);
            if (!Identifier::isValid(id))
                add(where, QStringLiteral("id"), QStringLiteral("\"%1\" is not a valid id: use %2").arg(id.left(80), Identifier::rule()));
            const auto previous = seen.constFind(id);
            if (previous != seen.cend())
                add(where, QStringLiteral("id"), QStringLiteral("duplicate id: %1[%2] has it too; give each entry its own id").arg(list).arg(*previous));
            else
                seen.insert(id, i);
        }
    }

    void reference(const QString &where, const QString &field, const QString &kind, const QString &id, bool known)
    {
        if (!known)
            add(where, field, QStringLiteral("unknown %1 \"%2\": add it to %1s or correct the id").arg(kind, id));
    }

    void timeSpan(const QString &where, const QDateTime &start, const QDateTime &end)
    {
        if (!start.isValid() || !end.isValid())
            add(where, QStringLiteral("start"), QStringLiteral("start and end must both be set"));
        else if (end <= start)
            add(where, QStringLiteral("end"), QStringLiteral("ends at %1, not after its start %2")
                                                  .arg(end.toString(Qt::ISODate), start.toString(Qt::ISODate)));
    }

    void timeZone()
    {
        if (!QTimeZone::isTimeZoneIdAvailable(m_p.timeZone.toUtf8()))
            add(QStringLiteral("programme"), QStringLiteral("timeZone"),
                QStringLiteral("unknown time zone \"%1\": use an IANA name like Asia/Hong_Kong").arg(m_p.timeZone));
    }

    void screens()
    {
        for (qsizetype i = 0; i < m_p.screens.size(); ++i) {
            const Screen &s = m_p.screens[i];
            reference(ProgrammeValidator::where(QStringLiteral("screens"), i, s.id), QStringLiteral("venue"),
                      QStringLiteral("venue"), s.venueId, m_venues.contains(s.venueId));
        }
    }

    void films()
    {
        for (qsizetype i = 0; i < m_p.films.size(); ++i) {
            const Film &f = m_p.films[i];
            const QString where = ProgrammeValidator::where(QStringLiteral("films"), i, f.id);
            if (f.originalTitle.isEmpty() && f.title.isEmpty())
                add(where, QStringLiteral("title"), QStringLiteral("the film has no title: set originalTitle or title.en/zh"));
            if (f.runtimeSeconds <= 0)
                add(where, QStringLiteral("runtimeSeconds"), QStringLiteral("runtime must be positive"));
            media(where, QStringLiteral("media"), f.media);
            for (qsizetype k = 0; k < f.subtitleFiles.size(); ++k) {
                if (!f.subtitleFiles[k].embedded)   // else the film's own media, checked above
                    media(where, QStringLiteral("subtitleFiles[%1].file").arg(k), f.subtitleFiles[k].file);
            }
            for (const QString &c : f.categoryIds)
                reference(where, QStringLiteral("categories"), QStringLiteral("award"), c, m_awards.contains(c));
        }
    }

    void media(const QString &where, const QString &field, const QString &media)
    {
        if (media.isEmpty()) {
            add(where, field, QStringLiteral("the film has no media file: set media to its file, e.g. films/<id>.webm"));
            return;
        }
        // Players join this to their media folder: it must not escape it.
        const QStringList parts = media.split(u'/');
        const bool escapes = media.startsWith(u'/') || media.contains(u'\\') || media.contains(u':')
            || parts.contains(QStringLiteral("..")) || parts.contains(QString()) || parts.contains(QStringLiteral("."));
        if (escapes)
            add(where, field, QStringLiteral("\"%1\" is not a plain relative path inside the media folder").arg(media.left(120)));
    }

    void screenings(int changeoverMinutes)
    {
        QHash<QString, QList<qsizetype>> byScreen;
        QStringList screenOrder;   // for a stable order of messages
        for (qsizetype i = 0; i < m_p.screenings.size(); ++i) {
            const Screening &s = m_p.screenings[i];
            const QString where = ProgrammeValidator::where(QStringLiteral("screenings"), i, s.id);
            reference(where, QStringLiteral("screen"), QStringLiteral("screen"), s.screenId, m_screens.contains(s.screenId));
            timeSpan(where, s.start, s.end);
            if (s.filmIds.isEmpty())
                add(where, QStringLiteral("films"), QStringLiteral("the screening has no films: list at least one film id"));
            qint64 content = 0;
            for (const QString &filmId : s.filmIds) {
                const Film *f = m_films.value(filmId);
                reference(where, QStringLiteral("films"), QStringLiteral("film"), filmId, f);
                content += f ? f->runtimeSeconds : 0;
            }
            if (s.start.isValid() && s.end > s.start && s.start.secsTo(s.end) < content)
                add(where, QStringLiteral("end"),
                    QStringLiteral("slot of %1 min is shorter than its films (%2 min): move end to %3 or later")
                        .arg(s.start.secsTo(s.end) / 60.0, 0, 'f', 1)
                        .arg(content / 60.0, 0, 'f', 1)
                        .arg(s.start.addSecs(content).toString(Qt::ISODate)));
            if (!s.isCancelled() && s.start.isValid() && s.end > s.start) {
                if (!byScreen.contains(s.screenId))
                    screenOrder.append(s.screenId);
                byScreen[s.screenId].append(i);
            }
        }
        for (const QString &screenId : screenOrder)
            overlaps(screenId, byScreen.value(screenId), changeoverMinutes);
    }

    // Sorted by start, each screening must begin a changeover after the latest end so far.
    void overlaps(const QString &screenId, QList<qsizetype> indices, int changeoverMinutes)
    {
        const auto &list = m_p.screenings;
        std::stable_sort(indices.begin(), indices.end(), [&](qsizetype a, qsizetype b) { return list[a].start < list[b].start; });
        qsizetype latest = -1;
        for (const qsizetype i : indices) {
            const Screening &s = list[i];
            if (latest >= 0) {
                const Screening &before = list[latest];
                const int offset = s.start.offsetFromUtc();
                const QDateTime earliest = before.end.addSecs(qint64(changeoverMinutes) * 60);
                const QString ends = before.end.toOffsetFromUtc(offset).toString(QStringLiteral("HH:mm"));
                const QString from = earliest.toOffsetFromUtc(offset).toString(QStringLiteral("HH:mm"));
                const QString where = ProgrammeValidator::where(QStringLiteral("screenings"), i, s.id);
                if (s.start < before.end)
                    add(where, QStringLiteral("start"),
                        QStringLiteral("overlaps %1 on screen %2, which ends at %3: start it at %4 or later (a %5 min changeover)")
                            .arg(before.id, screenId, ends, from).arg(changeoverMinutes));
                else if (s.start < earliest)
                    add(where, QStringLiteral("start"),
                        QStringLiteral("starts %1 min after %2 on screen %3 ends (%4), short of the %5 min changeover: start it at %6 or later")
                            .arg(before.end.secsTo(s.start) / 60).arg(before.id, screenId, ends).arg(changeoverMinutes).arg(from));
            }
            if (latest < 0 || s.end > list[latest].end)
                latest = i;
        }
    }

    void events()
    {
        for (qsizetype i = 0; i < m_p.events.size(); ++i) {
            const ProgrammeEvent &e = m_p.events[i];
            const QString where = ProgrammeValidator::where(QStringLiteral("events"), i, e.id);
            reference(where, QStringLiteral("venue"), QStringLiteral("venue"), e.venueId, m_venues.contains(e.venueId));
            timeSpan(where, e.start, e.end);
        }
    }

    void awards()
    {
        for (qsizetype i = 0; i < m_p.awards.size(); ++i) {
            const AwardCategory &a = m_p.awards[i];
            const QString where = ProgrammeValidator::where(QStringLiteral("awards"), i, a.id);
            for (const QString &filmId : a.nomineeFilmIds)
                reference(where, QStringLiteral("nominees"), QStringLiteral("film"), filmId, m_films.contains(filmId));
        }
    }

    QList<ProgrammeError> errors() const { return m_errors; }

private:
    const Programme &m_p;
    QSet<QString> m_venues;
    QSet<QString> m_screens;
    QHash<QString, const Film *> m_films;
    QSet<QString> m_awards;
    QList<ProgrammeError> m_errors;
};

} // namespace

QString ProgrammeValidator::where(const QString &list, qsizetype index, const QString &id)
{
    const QString entry = QStringLiteral("%1[%2]").arg(list).arg(index);
    return id.isEmpty() ? entry : entry + QStringLiteral(" (") + id + u')';
}

QList<ProgrammeError> ProgrammeValidator::validate(const Programme &programme, int changeoverMinutes)
{
    Check check(programme);
    check.timeZone();
    check.ids(QStringLiteral("venues"), programme.venues);
    check.ids(QStringLiteral("screens"), programme.screens);
    check.ids(QStringLiteral("films"), programme.films);
    check.ids(QStringLiteral("screenings"), programme.screenings);
    check.ids(QStringLiteral("events"), programme.events);
    check.ids(QStringLiteral("awards"), programme.awards);
    check.screens();
    check.films();
    check.screenings(changeoverMinutes);
    check.events();
    check.awards();
    return check.errors();
}

} // namespace fest
