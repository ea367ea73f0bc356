#pragma once

#include "ballotreply.h"
#include "database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>

namespace fest {

// When each screening accepts votes. A window opens at the screening's start and closes
// closeAfterEnd after the player reports that the screening really ended, or, while no
// player has reported, at the scheduled end plus grace, moved on by how late the player
// last said the screening runs (a screening 40 minutes late stays open past its grace). An organiser's manual open or
// close overrides the schedule until changed again. Reported ends and overrides are kept
// in the votes database, so a restarted controller keeps every window where it was.
class VotingWindows : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, NotOpenYet, Open, Closed };
    Q_ENUM(State)

    struct Screening
    {
        QString id;
        QStringList films;   // one film, or the films of a block (a ballot rates any of them)
        QDateTime start;
        QDateTime end;       // scheduled
    };
    struct Options
    {
        std::chrono::milliseconds closeAfterEnd = std::chrono::minutes(20);
        std::chrono::milliseconds grace = std::chrono::minutes(30);
    };
    struct Window
    {
        QString screening;
        QStringList films;
        QDateTime opensAt;
        QDateTime closesAt;  // invalid: open until an organiser closes it
        State state = State::Unknown;
        bool manual = false;
    };
    using Clock = std::function<QDateTime()>;

    VotingWindows(Database &db, const Options &options, QObject *parent = nullptr);
    explicit VotingWindows(Database &db, QObject *parent = nullptr);

    // Tests and the show clock replace the wall clock.
    void setClock(Clock clock);
    QDateTime now() const { return m_clock(); }

    // Reads overrides and reported ends from the database (needs VoteStore's schema).
    bool load(QString *error);
    void setScreenings(const QList<Screening> &screenings);

    // Called by the node registry when a player reports the end of a screening.
    void screeningEnded(const QString &screeningId, const QDateTime &when);
    // Called by the node registry with what the screening's player says while it shows
    // it: how far it runs behind its planned start. Kept in whole minutes (the figure the
    // kiosks show, PlayerStatus::lateMinutes), so a held film moves the close once a
    // minute, not with every status.
    void screeningRunsLate(const QString &screeningId, qint64 lateMs);
    // Manual override by an organiser; false (with a message) for an unknown screening
    // or a database error.
    bool setOpen(const QString &screeningId, bool open, const QString &byAccount, QString *error);

    Window window(const QString &screeningId) const;
    State state(const QString &screeningId) const { return window(screeningId).state; }
    // Why a ballot for this screening and film cannot count now, or Reason::None.
    BallotReply::Reason check(const QString &screeningId, const QString &filmId) const;
    QList<Window> openWindows() const;
    // The body of the retained "voting" message on fest/v1/voting (the envelope adds
    // type and v): every screening whose window is open or
    // has closed (one not listed has not opened yet):
    //   {"type":"voting","v":1,"screenings":[{"screening":"S-0412","state":"open",
    //     "films":["F-017"],"opensAt":"...","closesAt":"...","manual":false}, ...]}
    // closesAt is absent while an organiser holds the window open.
    QJsonObject toJson() const;

signals:
    // The set of open windows changed (schedule reached, end reported, override).
    void changed();

private:
    struct Override
    {
        bool open = false;
        QDateTime at;
    };
    void scheduleNextTransition();

    Database &m_db;
    Options m_options;
    Clock m_clock;
    QHash<QString, Screening> m_screenings;
    QHash<QString, QDateTime> m_ends;
    QHash<QString, int> m_lateMinutes;
    QHash<QString, Override> m_overrides;
    QTimer m_transition;
    QDateTime m_nextEdge;   // the next schedule instant the timer waits for
};

} // namespace fest
