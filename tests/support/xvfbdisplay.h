#pragma once

#include <QByteArray>
#include <QProcess>

namespace fest {

// A private X display for tests that need OpenGL windows (qml6glsink) on a machine
// without a display: Xvfb picks a free display number and reports it when ready.
class XvfbDisplay
{
public:
    ~XvfbDisplay();
    // Starts Xvfb with a screen of `size` (WIDTHxHEIGHT) and waits up to timeoutMs for it
    // to accept clients. false when it cannot (Xvfb missing: install xvfb).
    bool start(int timeoutMs = 10000, const QString &size = QStringLiteral("1280x720"));
    QByteArray name() const { return m_name; }  // ":N"
    QString errorString() const { return m_error; }

private:
    QProcess m_process;
    QByteArray m_name;
    QString m_error;
};

} // namespace fest
