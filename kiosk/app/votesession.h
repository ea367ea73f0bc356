#pragma once

#include "ballot.h"
#include "ballotreply.h"

#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace fest {

class VoteOutbox;

// One visitor's vote, step by step: choose the screening, type or scan the ticket code,
// rate 1-5, confirm. For one film: choose(screening, film), then rate(score). For a block
// of shorts: choose(screening, "") (or a film of the block to start with), then
// rateFilm(film, score) for any or all of its films, rateFilm(film, 0) to take a rating
// back; confirm is possible once at least one film is rated, and the one ballot rates
// them all (a ticket votes once per screening). Confirming stores the
// ballot in the outbox (on disk before any thank-you); then, when online, the session
// waits a moment for the controller's verdict so that "already used" or "voting closed"
// can be said to the voter's face. Offline, or without a verdict in time, the voter is
// told the vote is saved and will be counted: the outbox keeps sending it.
class VoteSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("VoteSession belongs to the Kiosk singleton")
    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    Q_PROPERTY(QString screeningId READ screeningId NOTIFY choiceChanged)
    Q_PROPERTY(QString filmId READ filmId NOTIFY choiceChanged)
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)
    Q_PROPERTY(CodeState codeState READ codeState NOTIFY codeChanged)
    // The rating of filmId (0: not rated yet).
    Q_PROPERTY(int score READ score NOTIFY scoreChanged)
    // Every rating of this ballot: film id -> 1..5.
    Q_PROPERTY(QVariantMap ratings READ ratings NOTIFY ratingsChanged)
    Q_PROPERTY(int ratedCount READ ratedCount NOTIFY ratingsChanged)
    Q_PROPERTY(Outcome outcome READ outcome NOTIFY outcomeChanged)
    Q_PROPERTY(bool online READ online WRITE setOnline NOTIFY onlineChanged)
public:
    enum class Step { Choose, Code, Rate, Confirm, Waiting, Thanks, Problem };
    Q_ENUM(Step)
    // What the typed code looks like so far; only Ok lets the voter go on.
    enum class CodeState { Empty, Incomplete, Ok, Malformed, Mistyped };
    Q_ENUM(CodeState)
    enum class Outcome {
        None,
        Counted,        // the controller accepted it (or had it already)
        Saved,          // stored; will be counted when the controller answers
        TicketUsed,
        TicketInvalid,  // forged, or a code the check could not catch
        NotOpenYet,
        Closed,
        Refused,        // any other rejection (unknown screening, bad ballot)
        StorageFailed,  // the kiosk could not store the ballot: ask staff
    };
    Q_ENUM(Outcome)

    VoteSession(VoteOutbox *outbox, int replyWaitMs, QObject *parent = nullptr);

    Step step() const { return m_step; }
    QString screeningId() const { return m_screeningId; }
    QString filmId() const { return m_filmId; }
    QString code() const { return m_code; }
    void setCode(const QString &code);
    CodeState codeState() const { return m_codeState; }
    int score() const;
    QVariantMap ratings() const;
    int ratedCount() const { return int(m_ratings.size()); }
    Outcome outcome() const { return m_outcome; }
    bool online() const { return m_online; }
    void setOnline(bool online);
    QString voteId() const { return m_voteId; }

    // Choosing keeps a code that was scanned before the choice (and skips the code step).
    Q_INVOKABLE void choose(const QString &screeningId, const QString &filmId);
    // A code read by a scanner or the camera (already checked): entered and submitted at
    // the code step; before the choice (or on the verdict of a previous voter) it is kept
    // for the choice; it replaces the code while rating. Emits scanned() so that the UI
    // shows the vote.
    Q_INVOKABLE void scan(const QString &code);
    // Enter or a tap on "Next": moves on only when the code passes the offline check.
    Q_INVOKABLE bool submitCode();
    // Rates the chosen film (choose's filmId); nothing when none was chosen.
    Q_INVOKABLE void rate(int score);
    // Rates one film of the chosen screening (1..5, clamped), or with 0 takes its rating
    // back. In the Rate or Confirm step only; false when refused (wrong step, no film id,
    // more than Ballot::MaxRatings films). Moves to Confirm while a film is rated, back to
    // Rate when none is.
    Q_INVOKABLE bool rateFilm(const QString &filmId, int score);
    Q_INVOKABLE bool confirm();
    Q_INVOKABLE void back();
    // Forget everything (idle, "Done", leaving the vote screen).
    Q_INVOKABLE void reset();

    static Outcome outcomeOf(const BallotReply &reply);
    static CodeState codeStateOf(const QString &code);

signals:
    void stepChanged();
    void choiceChanged();
    void codeChanged();
    void scoreChanged();
    void ratingsChanged();
    void outcomeChanged();
    void onlineChanged();
    void scanned();

private:
    void onSettled(const QString &voteId, const BallotReply &reply);
    void finish(Outcome outcome);
    void setStep(Step step);
    void setOutcome(Outcome outcome);

    VoteOutbox *m_outbox;
    QTimer m_replyWait;
    Step m_step = Step::Choose;
    QString m_screeningId;
    QString m_filmId;
    QString m_code;
    CodeState m_codeState = CodeState::Empty;
    QList<Ballot::Rating> m_ratings;   // in the order the voter rated them
    Outcome m_outcome = Outcome::None;
    QString m_voteId;
    bool m_online = false;
};

} // namespace fest
