#pragma once

#include "cue.h"
#include "decodeerror.h"

#include <QByteArray>
#include <optional>

namespace fest {

// The retained message on fest/v1/ceremony (envelope "ceremony"), written only by the
// controller. Every published change (go, back, goto, blackout, end, a new cue list)
// carries a new, larger `seq`; `cueSeq` is the seq of the go that made the current cue
// current, so a blackout toggle (new seq, same cueSeq) does not fire the cue again.
// Nodes act at `executeAtUs` on the show clock and never after `expiresAtUs`.
struct CeremonyState
{
    static constexpr qsizetype maxBytes = 64 * 1024;

    qint64 seq = 0;
    qint64 cueSeq = 0;
    bool active = false;        // false before the first go and after end
    bool blackout = false;
    int index = -1;             // of the current cue, -1 when there is none
    int count = 0;              // cues in the list
    std::optional<Cue> cue;     // the current cue (as revealed so far)
    // The awards announced so far: each reveal made (category, heading, winner; no
    // nominees), in the order made, a category once. Kept after the end, so that the
    // lobby can show the winners when the festival is over.
    QList<Cue> announced;
    static constexpr int maxAnnounced = 64;
    qint64 executeAtUs = 0;
    qint64 expiresAtUs = 0;
    qint64 sentAtUs = 0;        // controller's clock at publish, for latency figures only

    QByteArray encode() const;
    static std::optional<CeremonyState> decode(const QByteArray &payload, DecodeError *error);

    bool operator==(const CeremonyState &) const = default;
};

} // namespace fest
