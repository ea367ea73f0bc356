#include "votesession.h"

#include "ticketcode.h"
#include "voteoutbox.h"

#include <algorithm>

namespace fest {

VoteSession::VoteSession(VoteOutbox *outbox, int replyWaitMs, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
{
    m_replyWait.setSingleShot(true);
    m_replyWait.setInterval(replyWaitMs);
    connect(&m_replyWait, &QTimer::timeout, this, [this] { finish(Outcome::Saved); });
    connect(m_outbox, &VoteOutbox::settled, this, &VoteSession::onSettled);
}

void VoteSession::setCode(const QString &code)
{
    // A scanner types fast and may add spaces or a newline; keep only what fits a code.
    const QString trimmed = code.trimmed().left(2 * TicketCode::Length);
    if (trimmed == m_code)
        return;
    m_code = trimmed;
    m_codeState = codeStateOf(m_code);
    emit codeChanged();
}

VoteSession::CodeState VoteSession::codeStateOf(const QString &code)
{
    qsizetype symbols = 0;
    for (const QChar c : code) {
        if (c == u'-' || c == u' ')
            continue;
        if (TicketCode::value(c) < 0)
            return CodeState::Malformed;
        ++symbols;
    }
    if (symbols == 0)
        return CodeState::Empty;
    if (symbols < TicketCode::Length)
        return CodeState::Incomplete;
    switch (TicketCode::checkFormat(code)) {
    case TicketCode::Check::Ok: return CodeState::Ok;
    case TicketCode::Check::BadCheckCharacter: return CodeState::Mistyped;
    case TicketCode::Check::Malformed: break;
    }
    return CodeState::Malformed;
}

void VoteSession::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged();
    // Connection lost while waiting for the verdict: the ballot is safe, say so now.
    if (!online && m_step == Step::Waiting)
        finish(Outcome::Saved);
}

void VoteSession::choose(const QString &screeningId, const QString &filmId)
{
    const QString scannedCode = m_step == Step::Choose && m_codeState == CodeState::Ok ? m_code : QString();
    reset();
    m_screeningId = screeningId;
    m_filmId = filmId;
    emit choiceChanged();
    setStep(Step::Code);
    if (!scannedCode.isEmpty()) {
        setCode(scannedCode);
        submitCode();
    }
}

void VoteSession::scan(const QString &code)
{
    if (codeStateOf(code) != CodeState::Ok)
        return;
    switch (m_step) {
    case Step::Thanks:
    case Step::Problem:
        reset();   // the next visitor
        [[fallthrough]];
    case Step::Choose:
    case Step::Rate:
    case Step::Confirm:
        setCode(code);
        break;
    case Step::Code:
        setCode(code);
        submitCode();
        break;
    case Step::Waiting:
        return;   // the ballot is on its way: a scan now is nobody's
    }
    emit scanned();
}

bool VoteSession::submitCode()
{
    if (m_step != Step::Code)
        return false;
    if (m_codeState != CodeState::Ok) {
        // An unfinished code counts as malformed once the voter says it is complete.
        if (m_codeState == CodeState::Incomplete || m_codeState == CodeState::Empty) {
            m_codeState = CodeState::Malformed;
            emit codeChanged();
        }
        return false;
    }
    setStep(Step::Rate);
    return true;
}

int VoteSession::score() const
{
    for (const Ballot::Rating &r : m_ratings) {
        if (r.film == m_filmId)
            return int(r.score);
    }
    return 0;
}

QVariantMap VoteSession::ratings() const
{
    QVariantMap map;
    for (const Ballot::Rating &r : m_ratings)
        map.insert(r.film, int(r.score));
    return map;
}

void VoteSession::rate(int score)
{
    if (!m_filmId.isEmpty())
        rateFilm(m_filmId, std::clamp(score, int(Ballot::MinScore), int(Ballot::MaxScore)));
}

bool VoteSession::rateFilm(const QString &filmId, int score)
{
    if ((m_step != Step::Rate && m_step != Step::Confirm) || filmId.isEmpty())
        return false;
    const int scoreBefore = this->score();
    const auto it = std::find_if(m_ratings.begin(), m_ratings.end(), [&](const Ballot::Rating &r) { return r.film == filmId; });
    bool changed = false;
    if (score <= 0) {
        if (it != m_ratings.end()) {
            m_ratings.erase(it);
            changed = true;
        }
    } else {
        const int clamped = std::min(score, int(Ballot::MaxScore));
        if (it != m_ratings.end()) {
            changed = it->score != clamped;
            it->score = clamped;
        } else if (m_ratings.size() < Ballot::MaxRatings) {
            m_ratings.append({filmId, clamped});
            changed = true;
        } else {
            return false;
        }
    }
    if (changed)
        emit ratingsChanged();
    if (this->score() != scoreBefore)
        emit scoreChanged();
    setStep(m_ratings.isEmpty() ? Step::Rate : Step::Confirm);
    return true;
}

bool VoteSession::confirm()
{
    if (m_step != Step::Confirm || m_ratings.isEmpty())
        return false;
    m_voteId = m_outbox->cast(m_code, m_screeningId, m_ratings);
    if (m_voteId.isEmpty()) {
        finish(m_outbox->error() == VoteOutbox::Error::StorageFailed ? Outcome::StorageFailed : Outcome::TicketInvalid);
        return false;
    }
    // The ballot is on disk: clear the code from memory and screen straight away.
    m_code.clear();
    m_codeState = CodeState::Empty;
    emit codeChanged();
    if (!m_online || m_replyWait.interval() == 0) {
        finish(Outcome::Saved);
        return true;
    }
    setStep(Step::Waiting);
    m_replyWait.start();
    return true;
}

void VoteSession::back()
{
    switch (m_step) {
    case Step::Code: reset(); break;
    case Step::Rate: setStep(Step::Code); break;
    case Step::Confirm: setStep(Step::Rate); break;
    default: break;
    }
}

void VoteSession::reset()
{
    m_replyWait.stop();
    m_voteId.clear();
    if (!m_ratings.isEmpty()) {
        const bool scored = score() != 0;
        m_ratings.clear();
        emit ratingsChanged();
        if (scored)
            emit scoreChanged();
    }
    if (!m_screeningId.isEmpty() || !m_filmId.isEmpty()) {
        m_screeningId.clear();
        m_filmId.clear();
        emit choiceChanged();
    }
    if (!m_code.isEmpty() || m_codeState != CodeState::Empty) {
        m_code.clear();
        m_codeState = CodeState::Empty;
        emit codeChanged();
    }
    setOutcome(Outcome::None);
    setStep(Step::Choose);
}

VoteSession::Outcome VoteSession::outcomeOf(const BallotReply &reply)
{
    if (reply.result != BallotReply::Result::Rejected)
        return Outcome::Counted;
    switch (reply.reason) {
    case BallotReply::Reason::TicketUsed: return Outcome::TicketUsed;
    case BallotReply::Reason::TicketForged:
    case BallotReply::Reason::TicketMalformed: return Outcome::TicketInvalid;
    case BallotReply::Reason::WindowNotOpen: return Outcome::NotOpenYet;
    case BallotReply::Reason::WindowClosed: return Outcome::Closed;
    default: return Outcome::Refused;
    }
}

void VoteSession::onSettled(const QString &voteId, const BallotReply &reply)
{
    if (voteId != m_voteId || (m_step != Step::Waiting && m_step != Step::Thanks))
        return;
    m_replyWait.stop();
    finish(outcomeOf(reply));
}

void VoteSession::finish(Outcome outcome)
{
    m_replyWait.stop();
    setOutcome(outcome);
    setStep(outcome == Outcome::Counted || outcome == Outcome::Saved ? Step::Thanks : Step::Problem);
}

void VoteSession::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged();
}

void VoteSession::setOutcome(Outcome outcome)
{
    if (m_outcome == outcome)
        return;
    m_outcome = outcome;
    emit outcomeChanged();
}

} // namespace fest
