#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace fest {

// The real festival-controller for a test: its own ini, database and show-clock port in
// a temporary folder, the sample programme as seed, connected to a test broker with the
// "controller" account. Stopped (SIGTERM) by stop() or the destructor.
class ControllerProcess
{
public:
    struct Settings {
        quint16 brokerPort = 0;
        QString passwordFile;
        QStringList organisers;
        QStringList staff;
    };

    ControllerProcess() = default;
    ~ControllerProcess();
    ControllerProcess(const ControllerProcess &) = delete;
    ControllerProcess &operator=(const ControllerProcess &) = delete;

    // Empty when festival-controller is not built in this tree.
    static QString binary();
    bool start(const Settings &settings, QString *error);
    void stop();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

} // namespace fest
