#include "votingwindows.h"

#include "playerstatus.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcVotes)

namespace fest {

namespace {
qint64 toUs(const QDateTime &t) { return t.toMSecsSinceEpoch() * 1000; }
QDateTime fromUs(qint64 us) { return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC); }
} // namespace

VotingWindows::VotingWindows(Database &db, QObject *parent)
    : VotingWindows(db, Options{}, parent)
{
}

VotingWindows::VotingWindows(Database &db, const Options &options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(options)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_transition.setSingleShot(true);
    m_transition.setTimerType(Qt::PreciseTimer);
    connect(&m_transition, &QTimer::timeout, this, [this] {
        const bool reached = !m_nextEdge.isValid() || now() >= m_nextEdge;
        scheduleNextTransition();
        if (reached)
            emit changed();
    });
}

void VotingWindows::setClock(Clock clock)
{
    m_clock = std::move(clock);
    scheduleNextTransition();
}

bool VotingWindows::load(QString *error)
{
    Statement ends = m_db.prepare(QStringLiteral("SELECT screening_id, ended_at_us FROM screening_ends"));
    Statement overrides = m_db.prepare(QStringLiteral("SELECT screening_id, state, set_at_us FROM voting_overrides"));
    if (!ends.isValid() || !overrides.isValid()) {
        if (error)
            *error = QStringLiteral("votes database has no voting tables: %1").arg(m_db.lastError());
        return false;
    }
    m_ends.clear();
    m_overrides.clear();
    while (ends.step() == Statement::Step::Row)
        m_ends.insert(ends.columnText(0), fromUs(ends.columnInt(1)));
    while (overrides.step() == Statement::Step::Row)
        m_overrides.insert(overrides.columnText(0), {overrides.columnText(1) == u"open", fromUs(overrides.columnInt(2))});
    scheduleNextTransition();
    emit changed();
    return true;
}

void VotingWindows::setScreenings(const QList<Screening> &screenings)
{
    m_screenings.clear();
    for (const Screening &s : screenings)
        m_screenings.insert(s.id, s);
    scheduleNextTransition();
    emit changed();
}

void VotingWindows::screeningEnded(const QString &screeningId, const QDateTime &when)
{
    if (!m_screenings.contains(screeningId) || m_ends.value(screeningId) == when)
        return;
    Statement s = m_db.prepare(QStringLiteral(
        "INSERT INTO screening_ends (screening_id, ended_at_us) VALUES (?, ?) "
        "ON CONFLICT (screening_id) DO UPDATE SET ended_at_us = excluded.ended_at_us"));
    if (!s.bind(1, screeningId).bind(2, toUs(when)).exec())
        qCWarning(lcVotes).noquote() << "cannot keep the end of" << screeningId << ":" << s.error();
    m_ends.insert(screeningId, when.toUTC());
    qCInfo(lcVotes).noquote() << "screening" << screeningId << "ended at" << when.toString(Qt::ISODate);
    scheduleNextTransition();
    emit changed();
}

void VotingWindows::screeningRunsLate(const QString &screeningId, qint64 lateMs)
{
    const int minutes = PlayerStatus::lateMinutes(lateMs);
    if (!m_screenings.contains(screeningId) || m_ends.contains(screeningId) || m_lateMinutes.value(screeningId) == minutes)
        return;
    m_lateMinutes.insert(screeningId, minutes);
    qCInfo(lcVotes).noquote() << "screening" << screeningId << "runs" << minutes << "min late; voting stays open as long longer";
    scheduleNextTransition();
    emit changed();
}

bool VotingWindows::setOpen(const QString &screeningId, bool open, const QString &byAccount, QString *error)
{
    if (!m_screenings.contains(screeningId)) {
        if (error)
            *error = QStringLiteral("no screening %1 in the programme; check the id with 'festctl programme show'").arg(screeningId);
        return false;
    }
    const QDateTime at = now();
    Statement s = m_db.prepare(QStringLiteral(
        "INSERT INTO voting_overrides (screening_id, state, set_at_us, set_by) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (screening_id) DO UPDATE SET state = excluded.state, set_at_us = excluded.set_at_us, "
        "set_by = excluded.set_by"));
    if (!s.bind(1, screeningId).bind(2, open ? QStringLiteral("open") : QStringLiteral("closed"))
             .bind(3, toUs(at)).bind(4, byAccount).exec()) {
        if (error)
            *error = QStringLiteral("cannot save the change: %1").arg(s.error());
        return false;
    }
    m_overrides.insert(screeningId, {open, at});
    qCInfo(lcVotes).noquote() << byAccount << (open ? "opened" : "closed") << "voting for" << screeningId;
    scheduleNextTransition();
    emit changed();
    return true;
}

VotingWindows::Window VotingWindows::window(const QString &screeningId) const
{
    Window w;
    w.screening = screeningId;
    const auto it = m_screenings.constFind(screeningId);
    if (it == m_screenings.cend())
        return w;
    w.films = it->films;
    w.opensAt = it->start;
    const auto ended = m_ends.constFind(screeningId);
    w.closesAt = ended != m_ends.cend() ? ended->addMSecs(m_options.closeAfterEnd.count())
                                        : it->end.addSecs(m_lateMinutes.value(screeningId) * 60).addMSecs(m_options.grace.count());
    const QDateTime t = now();
    w.state = t < w.opensAt ? State::NotOpenYet : t < w.closesAt ? State::Open : State::Closed;
    const auto manual = m_overrides.constFind(screeningId);
    if (manual != m_overrides.cend()) {
        w.manual = true;
        w.state = manual->open ? State::Open : State::Closed;
        if (manual->open) {
            w.opensAt = std::min(w.opensAt, manual->at);
            w.closesAt = QDateTime();
        } else {
            w.closesAt = manual->at;
        }
    }
    return w;
}

BallotReply::Reason VotingWindows::check(const QString &screeningId, const QString &filmId) const
{
    const Window w = window(screeningId);
    switch (w.state) {
    case State::Unknown: return BallotReply::Reason::UnknownScreening;
    case State::NotOpenYet: return BallotReply::Reason::WindowNotOpen;
    case State::Closed: return BallotReply::Reason::WindowClosed;
    case State::Open: break;
    }
    return w.films.contains(filmId) ? BallotReply::Reason::None : BallotReply::Reason::UnknownFilm;
}

QList<VotingWindows::Window> VotingWindows::openWindows() const
{
    QList<Window> open;
    for (auto it = m_screenings.cbegin(); it != m_screenings.cend(); ++it) {
        Window w = window(it.key());
        if (w.state == State::Open)
            open.append(std::move(w));
    }
    std::sort(open.begin(), open.end(), [](const Window &a, const Window &b) {
        return a.opensAt != b.opensAt ? a.opensAt < b.opensAt : a.screening < b.screening;
    });
    return open;
}

QJsonObject VotingWindows::toJson() const
{
    QList<Window> listed;
    for (auto it = m_screenings.cbegin(); it != m_screenings.cend(); ++it) {
        Window w = window(it.key());
        if (w.state == State::Open || w.state == State::Closed)
            listed.append(std::move(w));
    }
    std::sort(listed.begin(), listed.end(), [](const Window &a, const Window &b) {
        return a.opensAt != b.opensAt ? a.opensAt < b.opensAt : a.screening < b.screening;
    });
    QJsonArray screenings;
    for (const Window &w : listed) {
        QJsonObject entry{
            {QStringLiteral("screening"), w.screening},
            {QStringLiteral("state"), w.state == State::Open ? QStringLiteral("open") : QStringLiteral("closed")},
            {QStringLiteral("films"), QJsonArray::fromStringList(w.films)},
            {QStringLiteral("opensAt"), w.opensAt.toString(Qt::ISODate)},
            {QStringLiteral("manual"), w.manual},
        };
        if (w.closesAt.isValid())
            entry.insert(QStringLiteral("closesAt"), w.closesAt.toString(Qt::ISODate));
        screenings.append(entry);
    }
    return QJsonObject{{QStringLiteral("screenings"), screenings}};
}

void VotingWindows::scheduleNextTransition()
{
    const QDateTime t = now();
    QDateTime next;
    for (auto it = m_screenings.cbegin(); it != m_screenings.cend(); ++it) {
        if (m_overrides.contains(it.key()))
            continue;
        const Window w = window(it.key());
        for (const QDateTime &edge : {w.opensAt, w.closesAt}) {
            if (edge.isValid() && edge > t && (!next.isValid() || edge < next))
                next = edge;
        }
    }
    m_transition.stop();
    m_nextEdge = next;
    if (next.isValid()) {
        // Re-checked at least hourly, so a long wait never overflows the timer.
        const qint64 ms = std::min<qint64>(t.msecsTo(next) + 1, 3600 * 1000);
        m_transition.start(int(ms));
    }
}

} // namespace fest
