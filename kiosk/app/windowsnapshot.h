#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace fest {

// --snapshot FILE: what the kiosk's screen shows, saved to a PNG every few seconds (written
// beside it, then renamed, so a reader never sees half a file). A headless kiosk's live
// view for the demo and for staff checking a kiosk they cannot see.
class WindowSnapshot : public QObject
{
    Q_OBJECT
public:
    WindowSnapshot(QQuickWindow *window, const QString &path, int intervalMs, QObject *parent = nullptr);

    // Saves one now; false (and a warning with the reason) when it could not.
    bool save();

private:
    QQuickWindow *m_window;
    QString m_path;
    QTimer m_timer;
    bool m_failedBefore = false;
};

} // namespace fest
