#pragma once

#include "gstref.h"

#include <QString>
#include <QtGlobal>

#include <memory>

typedef struct _GstClock GstClock;
typedef struct _GstNetTimeProvider GstNetTimeProvider;

namespace fest {

// The controller's side of the show clock: a realtime (UTC) GstSystemClock exported
// over UDP with GstNetTimeProvider. Every node slaves a ShowClock to it.
class ShowClockProvider
{
public:
    // port 0 lets the system pick a free UDP port; see port(). Check isValid().
    explicit ShowClockProvider(quint16 port, const QString &address = QStringLiteral("0.0.0.0"));
    ~ShowClockProvider();
    ShowClockProvider(const ShowClockProvider &) = delete;
    ShowClockProvider &operator=(const ShowClockProvider &) = delete;

    bool isValid() const { return m_provider != nullptr; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // The exported clock (borrowed; lives as long as this object).
    GstClock *clock() const;

private:
    GstPtr<GstClock> m_clock;
    GstPtr<GstNetTimeProvider> m_provider;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace fest
