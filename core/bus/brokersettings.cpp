#include "brokersettings.h"

#include "config.h"
#include "topics.h"

namespace fest {

MqttOptions BrokerSettings::read(const Config &config, const QString &defaultUser)
{
    QString error;
    const QString url = config.string(QStringLiteral("broker/url"), QStringLiteral("mqtt://127.0.0.1:1883")).trimmed();
    MqttOptions options;
    if (std::optional<MqttOptions> parsed = MqttOptions::fromUrl(url, &error))
        options = *parsed;
    else
        config.addError(QStringLiteral("broker/url"), error);
    options.username = config.string(QStringLiteral("broker/user"), defaultUser).trimmed();
    if (!options.username.isEmpty() && !Topics::isValidId(options.username))
        config.addError(QStringLiteral("broker/user"), QStringLiteral("\"%1\" is not a valid account name").arg(options.username));
    options.clientId = options.username;
    if (config.contains(QStringLiteral("broker/password_file")))
        options.password = config.secretFromFile(QStringLiteral("broker/password_file"));
    options.tlsCaFile = config.path(QStringLiteral("broker/tls_ca"));
    return options;
}

} // namespace fest
