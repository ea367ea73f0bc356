#pragma once

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QObject>

namespace fest {

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

// Which screenings accept votes, as the controller last said on the retained topic
// fest/v1/voting:
//   {"type":"voting","v":1,"screenings":[
//      {"screening":"S-0412","state":"open","closesAt":"2026-12-05T16:40:00+08:00"},
//      {"screening":"S-0413","state":"closed"}]}
// A screening not listed has not opened yet. The kiosk uses this only to choose what to
// offer; the controller decides again for every ballot.
class VotingStatus : public QObject
{
    Q_OBJECT
public:
    enum class State { NotOpen, Open, Closed };
    Q_ENUM(State)
    struct Window {
        State state = State::NotOpen;
        QDateTime closesAt;   // invalid when unknown
    };

    using QObject::QObject;

    // Replaces every window with the message's; a malformed message changes nothing and
    // returns false with the reason.
    bool applyMessage(const QByteArray &payload, QString *error = nullptr);
    void setWindows(const QHash<QString, Window> &windows);
    Window window(const QString &screeningId) const { return m_windows.value(screeningId); }
    State state(const QString &screeningId) const { return m_windows.value(screeningId).state; }
    const QHash<QString, Window> &windows() const { return m_windows; }

    static QStringList stateNames();

signals:
    void changed();

private:
    QHash<QString, Window> m_windows;
};

} // namespace fest
