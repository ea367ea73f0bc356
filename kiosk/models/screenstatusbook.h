#pragma once

#include <QHash>
#include <QObject>

namespace fest {

// What each screen's player last said about itself (retained on
// fest/v1/node/<account>/status, type "status"), reduced to what lobby visitors care
// about: is the screen playing, which screening, and how late. Fields the kiosk does
// not use are ignored, so players can report more without breaking kiosks.
//   {"type":"status","v":1,"role":"player","screen":"A1","state":"playing",
//    "screening":"S-0412","lateSeconds":420}
// An empty retained message (the node's status was cleared) forgets that node.
class ScreenStatusBook : public QObject
{
    Q_OBJECT
public:
    struct Status {
        QString account;
        QString screen;
        QString state;          // "playing", "waiting", "offline", ...
        QString screening;      // what it plays now; empty between screenings
        qint64 lateSeconds = 0; // behind the programme; 0 when on time or unknown
        bool offline() const { return state == u"offline"; }
    };

    using QObject::QObject;

    // topic is the full status topic; returns false (and why) when the message is not a
    // readable player status. Statuses of other roles are accepted and ignored.
    bool applyMessage(const QString &topic, const QByteArray &payload, QString *error = nullptr);
    void setStatus(const Status &status);
    // The status of the player on a screen; a default (unknown) one when none reported.
    Status screen(const QString &screenId) const;

    // The account in fest/v1/node/<account>/status, or empty for another topic.
    static QString accountOf(const QString &topic);

signals:
    void changed();

private:
    void forgetAccount(const QString &account);

    QHash<QString, Status> m_byScreen;
    QHash<QString, QString> m_screenOfAccount;
};

} // namespace fest
