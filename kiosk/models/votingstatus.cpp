#include "votingstatus.h"

#include "envelope.h"
#include "jsonreader.h"
#include "messagetype.h"

namespace fest {

Q_LOGGING_CATEGORY(lcKiosk, "fest.kiosk")

QStringList VotingStatus::stateNames()
{
    return {QStringLiteral("not_open"), QStringLiteral("open"), QStringLiteral("closed")};
}

bool VotingStatus::applyMessage(const QByteArray &payload, QString *error)
{
    QString why;
    const auto object = Envelope::decode(payload, MessageType::voting(), JsonLimits{}, &why);
    if (!object) {
        if (error)
            *error = why;
        return false;
    }
    JsonReader r(*object, MessageType::voting());
    const QJsonArray list = r.requiredArray(QStringLiteral("screenings"), {.maxLength = 20000});
    QHash<QString, Window> windows;
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader e = r.element(QStringLiteral("screenings"), list, i);
        const QString id = e.requiredId(QStringLiteral("screening"));
        Window w;
        w.state = State(std::max(0, e.requiredChoice(QStringLiteral("state"), stateNames())));
        w.closesAt = e.optionalDateTime(QStringLiteral("closesAt"));
        windows.insert(id, w);
    }
    if (!r.ok()) {
        if (error)
            *error = r.errors().constFirst().toString();
        return false;
    }
    setWindows(windows);
    return true;
}

void VotingStatus::setWindows(const QHash<QString, Window> &windows)
{
    m_windows = windows;
    emit changed();
}

} // namespace fest
