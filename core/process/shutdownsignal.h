#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace fest {

// SIGINT/SIGTERM delivered as a Qt signal on the event loop (self-pipe), so that the
// app can publish its offline status and disconnect cleanly before it exits.
class ShutdownSignal : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignal(QObject *parent = nullptr);
    ~ShutdownSignal() override;

Q_SIGNALS:
    void received(int signal);

private:
    static void handler(int signal);
    static int s_fds[2];
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace fest
