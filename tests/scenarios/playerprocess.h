#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fest {

// One festival-player --headless process for a screen: its media folder, its playlist
// cache and its log (appended across restarts) in `folder`; account player-<screen>.
class PlayerProcess : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QString screen;
        QString brokerUrl;
        QString folder;
        QString mediaFolder;
        quint16 clockPort = 0;
        int prerollLeadMs = 2000;
        QStringList extraArgs;
    };

    explicit PlayerProcess(Settings settings, QObject *parent = nullptr);
    ~PlayerProcess() override;

    static QString binary();
    QString account() const { return QStringLiteral("player-") + m_settings.screen; }

    bool start(QString *error);
    void kill();
    bool terminate();
    bool isRunning() const;
    qint64 pid() const;
    QString log() const;

private:
    QString logPath() const;

    Settings m_settings;
    QProcess m_process;
};

} // namespace fest
