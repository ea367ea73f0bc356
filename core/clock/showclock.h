#pragma once

#include "gstref.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

typedef struct _GstClock GstClock;
typedef struct _GstBus GstBus;

namespace fest {

// A node's view of the show clock: a GstNetClientClock slaved to the controller's
// ShowClockProvider. Reads UTC as the controller sees it (nanoseconds since the epoch),
// whatever the node's own clock says. Sync state and statistics are polled from the
// client clock's statistics bus on a Qt timer, so the Qt thread never blocks (except in
// waitForSync(), meant for start-up).
class ShowClock : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool synced READ isSynced NOTIFY syncedChanged)
    Q_PROPERTY(qint64 offsetNs READ offsetNs NOTIFY statisticsChanged)
    Q_PROPERTY(qint64 rttNs READ rttNs NOTIFY statisticsChanged)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)

public:
    enum class Error { None, BadAddress };
    Q_ENUM(Error)

    ShowClock(const QString &host, quint16 port, QObject *parent = nullptr);
    ~ShowClock() override;

    bool isSynced() const { return m_synced; }
    // Show clock minus this machine's realtime clock, at the last poll.
    qint64 offsetNs() const { return m_offsetNs; }
    // Average round trip to the provider as reported by the client clock (0 = unknown).
    qint64 rttNs() const { return m_rttNs; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    // Blocks up to timeoutMs for the first sync; returns isSynced().
    bool waitForSync(int timeoutMs);
    // Borrowed; valid for the lifetime of this object. Null when error() != None.
    GstClock *clock() const;
    // Show-clock time now, in microseconds since the Unix epoch.
    qint64 nowUs() const;
    qint64 nowNs() const;

Q_SIGNALS:
    void syncedChanged(bool synced);
    void statisticsChanged();
    void errorChanged(fest::ShowClock::Error error);

private:
    void poll();
    void setSynced(bool synced);

    GstPtr<GstClock> m_clock;
    GstPtr<GstBus> m_statsBus;
    QTimer m_poll;
    bool m_synced = false;
    qint64 m_offsetNs = 0;
    qint64 m_rttNs = 0;
    Error m_error = Error::None;
    QString m_errorString;
};

} // namespace fest
