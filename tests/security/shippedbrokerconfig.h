#pragma once

#include "mosquittoprocess.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace fest {

// The broker configuration the project ships (config/mosquitto/mosquitto.conf), applied
// to a test's MosquittoProcess: the same listener settings (authentication, ACL, client
// ids, TLS) and limits, with /etc/festival/mosquitto replaced by a test folder and the
// ports by free loopback ports.
//
// Two differences, both forced by MosquittoProcess writing its own global lines first:
// per_listener_settings stays false (the shipped listeners use identical password and
// ACL files, so the outcome is the same), and persistence and logging are the test's.
class ShippedBrokerConfig
{
public:
    // Reads $FEST_SOURCE_DIR/config/mosquitto/mosquitto.conf.
    static std::optional<ShippedBrokerConfig> load(QString *error);
    static QString sourceFile(const QString &relativePath);

    // The first listener is the loopback one, the second the venue (TLS) one.
    int listenerCount() const { return int(m_listeners.size()); }
    QStringList listenerLines(int index, const QString &festivalDir) const;
    MosquittoProcess::Limits limits() const;

    // Configures the broker: main port = loopback listener; returns the TLS port, or 0
    // when the shipped file cannot be reproduced (*error says why).
    quint16 apply(MosquittoProcess &broker, const QString &festivalDir, QString *error) const;

    // The shipped file itself, every line kept (per_listener_settings included), with
    // only paths, ports, persistence and the run-as user changed so that a test can run
    // it with `mosquitto -c`.
    static std::optional<QString> asIs(const QString &festivalDir, quint16 loopbackPort, quint16 tlsPort,
                                       const QString &runAsUser, QString *error);

    // The shipped bridge example (config/mosquitto/bridge-venue.conf) for one venue: its
    // bridge account and password, the central broker's address and CA filled in.
    static std::optional<QStringList> bridgeLines(const QString &bridgeAccount, const QString &password,
                                                  const QString &centralHost, quint16 centralPort,
                                                  const QString &centralCaFile, QString *error);

private:
    QString value(const QString &key) const;

    QStringList m_global;
    QList<QStringList> m_listeners;
};

} // namespace fest
