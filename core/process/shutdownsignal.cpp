#include "shutdownsignal.h"

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace fest {

int ShutdownSignal::s_fds[2] = {-1, -1};

ShutdownSignal::ShutdownSignal(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(s_fds[1], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char signal = 0;
        if (::read(s_fds[1], &signal, 1) == 1)
            Q_EMIT received(signal);
    });
    struct sigaction action = {};
    action.sa_handler = &ShutdownSignal::handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

ShutdownSignal::~ShutdownSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    for (int &fd : s_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void ShutdownSignal::handler(int signal)
{
    // Only async-signal-safe calls here.
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(s_fds[0], &byte, 1);
}

} // namespace fest
