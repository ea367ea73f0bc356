#include "screenstatusbook.h"

#include "jsonguard.h"
#include "jsonreader.h"

namespace fest {

QString ScreenStatusBook::accountOf(const QString &topic)
{
    const QStringList levels = topic.split(u'/');
    if (levels.size() != 5 || levels[0] != u"fest" || levels[1] != u"v1" || levels[2] != u"node"
        || levels[4] != u"status" || levels[3].isEmpty())
        return {};
    return levels[3];
}

bool ScreenStatusBook::applyMessage(const QString &topic, const QByteArray &payload, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString account = accountOf(topic);
    if (account.isEmpty())
        return fail(QStringLiteral("%1 is not a node status topic").arg(topic));
    if (payload.isEmpty()) {
        forgetAccount(account);
        return true;
    }
    QString why;
    const auto object = JsonGuard::parseObject(payload, JsonLimits{}, &why);
    if (!object)
        return fail(why);
    JsonReader r(*object, QStringLiteral("status"));
    if (r.requiredString(QStringLiteral("type")) != u"status")
        r.addError(QStringLiteral("type"), QStringLiteral("expected \"status\""));
    r.requiredInteger(QStringLiteral("v"), {.min = 1, .max = 1});
    const QString role = r.optionalString(QStringLiteral("role"));
    if (!r.ok())
        return fail(r.errors().constFirst().toString());
    if (role != u"player")
        return true;
    Status s;
    s.account = account;
    s.screen = r.requiredId(QStringLiteral("screen"));
    s.state = r.optionalString(QStringLiteral("state"), {.maxLength = 40});
    s.screening = r.optionalId(QStringLiteral("screening"));
    s.lateSeconds = r.optionalInteger(QStringLiteral("lateSeconds"), {.min = -86400, .max = 86400});
    if (!r.ok())
        return fail(r.errors().constFirst().toString());
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
