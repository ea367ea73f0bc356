#include "windowsnapshot.h"

#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QQuickWindow>

#include <cstdio>

Q_LOGGING_CATEGORY(lcSnapshot, "fest.kiosk.snapshot")

namespace fest {

WindowSnapshot::WindowSnapshot(QQuickWindow *window, const QString &path, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(path)
{
    connect(&m_timer, &QTimer::timeout, this, &WindowSnapshot::save);
    m_timer.start(intervalMs);
}

bool WindowSnapshot::save()
{
    const QString partial = m_path + QStringLiteral(".part.png");
    const QImage image = m_window->grabWindow();
    // rename(2) replaces the old file in one step; QFile::rename would not replace it.
    const bool saved = !image.isNull() && image.save(partial)
        && std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(m_path).constData()) == 0;
    if (!saved && !m_failedBefore)   // once, not every few seconds
        qCWarning(lcSnapshot).noquote() << "cannot save the screen to" << m_path
                                        << "(is its folder there and writable?)";
    m_failedBefore = !saved;
    return saved;
}

} // namespace fest
