#pragma once

#include <QString>
#include <QStringList>

namespace fest {

// Every code a failed Reply carries (docs/protocol.md, "Error codes"): one set for the
// controller's services and the players, so a client reads one meaning per code.
// Ballot verdicts are BallotReply reasons, not errors.
#define FEST_ERROR_CODES(X)                                                                     \
    X(BadRequest, "bad_request")             /* the request could not be read */              \
    X(UnknownOp, "unknown_op")               /* no such operation */                           \
    X(Forbidden, "forbidden")                /* the account's role may not */                  \
    X(InvalidArgs, "invalid_args")           /* an argument missing, extra or malformed */     \
    X(InvalidProgramme, "invalid_programme") /* the change would break the programme */        \
    X(NoProgramme, "no_programme")           /* nothing to change yet */                       \
    X(StorageFailed, "storage_failed")       /* the database could not commit */               \
    X(UnknownScreening, "unknown_screening")                                                    \
    X(UnknownFilm, "unknown_film")                                                              \
    X(NoTicketKey, "no_ticket_key")                                                             \
    X(UnknownCategory, "unknown_category")                                                      \
    X(AudienceAward, "audience_award")                                                          \
    X(NotNominated, "not_nominated")                                                            \
    X(NoTally, "no_tally")                                                                      \
    X(NoVotes, "no_votes")                                                                      \
    X(InvalidCues, "invalid_cues")                                                              \
    X(CeremonyRunning, "ceremony_running")                                                      \
    X(NoCueList, "no_cue_list")                                                                 \
    X(FirstCue, "first_cue")                                                                    \
    X(LastCue, "last_cue")                                                                      \
    X(WinnerNotSet, "winner_not_set")                                                           \
    X(NotRunning, "not_running")                                                                \
    X(NotPlaying, "not_playing")                                                                \
    X(NotHeld, "not_held")                                                                      \
    X(AlreadyStopped, "already_stopped")

enum class ErrorCode {
#define FEST_ERROR_ENUM(name, text) name,
    FEST_ERROR_CODES(FEST_ERROR_ENUM)
#undef FEST_ERROR_ENUM
};

QString errorCodeName(ErrorCode code);
// Every code's name, in the order above.
QStringList errorCodeNames();

} // namespace fest
