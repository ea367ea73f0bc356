#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QString>

namespace fest {

struct Programme;

// The films' stills the kiosk shows (docs/kiosk.md, "Stills"). Each arrives retained on
// fest/v1/still/<sha256> (StillMessage) and is kept only when its bytes hash to the
// sha256 of its topic; a still that does not is logged and dropped. A film shows a still
// only when the current programme names it (Film::still) and the kiosk holds those
// bytes. Named stills are kept in a folder beside the vote outbox, so that a kiosk that
// starts without the broker shows them too; each file is checked against its name when
// read. A still that arrives before the programme naming it waits in memory (at most
// maxWaiting of them).
class StillCache : public QObject
{
    Q_OBJECT
    // Grows whenever what stillOf() answers may have changed: QML binds to it.
    Q_PROPERTY(int revision READ revision NOTIFY changed)

public:
    static constexpr int maxWaiting = 64;

    using QObject::QObject;

    // The cache's folder (made if missing); reads the stills kept there. False with the
    // reason when the folder cannot be made.
    bool setFolder(const QString &folder, QString *error = nullptr);
    // The films and the stills they name; stills no film names any more leave the disk.
    void setProgramme(const Programme &programme);
    // A message on fest/v1/still/<sha256>. False, with the reason, for a still that is
    // dropped; an empty payload (the controller cleared it) forgets a waiting still.
    bool applyMessage(const QString &topic, const QByteArray &payload, QString *error = nullptr);

    // The sha256 of the still shown for a film, empty when it has none to show.
    Q_INVOKABLE QString stillOf(const QString &filmId) const;
    // The picture of a still the cache holds (null if none). Safe from the image
    // provider's loading threads.
    QImage image(const QString &sha256) const;
    int revision() const { return m_revision; }

signals:
    void changed();

private:
    bool holds(const QString &sha256) const;
    bool isNamed(const QString &sha256) const;
    void keep(const QString &sha256, const QByteArray &jpeg);
    bool writeFile(const QString &sha256, const QByteArray &jpeg) const;
    QString filePath(const QString &sha256) const;
    void bump();

    QString m_folder;
    QHash<QString, QString> m_named;      // film id -> sha256, from the programme
    mutable QMutex m_mutex;               // guards m_stills (read by image() off the GUI thread)
    QHash<QString, QByteArray> m_stills;  // sha256 -> JPEG: named ones (also on disk) and waiting ones
    int m_revision = 0;
};

} // namespace fest
