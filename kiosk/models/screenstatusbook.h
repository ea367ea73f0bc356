#pragma once

#include <QHash>
#include <QObject>

namespace fest {

// What each screen's player last said about itself (retained on
// fest/v1/node/<account>/status, read with core/protocol's PlayerStatus), reduced to what
// lobby visitors care about: is the screen playing, which screening, and how late.
// Only a player's account speaks for a screen (player-<SCREEN>, for SCREEN only):
// statuses of other accounts are ignored whatever they claim, so a kiosk cannot tell the
// lobby what a screen plays. An empty retained message forgets that node.
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
    // readable player status of that account's screen. Statuses of accounts that are not
    // players' are accepted and ignored.
    bool applyMessage(const QString &topic, const QByteArray &payload, QString *error = nullptr);
    void setStatus(const Status &status);
    // The status of the player on a screen; a default (unknown) one when none reported.
    Status screen(const QString &screenId) const;


signals:
    void changed();

private:
    void forgetAccount(const QString &account);

    QHash<QString, Status> m_byScreen;
    QHash<QString, QString> m_screenOfAccount;
};

} // namespace fest
