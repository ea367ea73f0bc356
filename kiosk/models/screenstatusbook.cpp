#include "screenstatusbook.h"

#include "playerstatus.h"
#include "topics.h"

namespace fest {

bool ScreenStatusBook::applyMessage(const QString &topic, const QByteArray &payload, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const std::optional<QString> account = Topics::parseNodeStatus(topic);
    if (!account)
        return fail(QStringLiteral("%1 is not a node status topic").arg(topic));
    const QString screen = PlayerStatus::screenOfAccount(*account);
    if (screen.isEmpty())
        return true;   // not a player: it speaks for no screen
    if (payload.isEmpty()) {
        forgetAccount(*account);
        return true;
    }
    DecodeError why;
    const std::optional<PlayerStatus> player = PlayerStatus::decode(payload, why);
    if (!player)
        return fail(why.message);
    if (player->screen != screen)
        return fail(QStringLiteral("%1 speaks for screen %2 only, not %3").arg(*account, screen, player->screen));
    Status s;
    s.account = *account;
    s.screen = screen;
    s.state = PlayerStatus::stateName(player->state);
    s.screening = player->screeningShown();
    s.lateSeconds = s.screening.isEmpty() ? 0 : player->lateMs / 1000;
    setStatus(s);
    return true;
}

void ScreenStatusBook::setStatus(const Status &status)
{
    const QString previous = m_screenOfAccount.value(status.account);
    if (!previous.isEmpty() && previous != status.screen)
        m_byScreen.remove(previous);
    m_screenOfAccount.insert(status.account, status.screen);
    m_byScreen.insert(status.screen, status);
    emit changed();
}

ScreenStatusBook::Status ScreenStatusBook::screen(const QString &screenId) const
{
    return m_byScreen.value(screenId);
}

void ScreenStatusBook::forgetAccount(const QString &account)
{
    const QString screen = m_screenOfAccount.take(account);
    if (!screen.isEmpty() && m_byScreen.remove(screen) > 0)
        emit changed();
}

} // namespace fest
