#pragma once

#include "mqttoptions.h"

namespace fest {

class Config;

// The [broker] section, the same in every program's configuration (docs/operations.md):
//   url            mqtt://host[:port] or mqtts://host[:port] (default mqtt://127.0.0.1:1883)
//   user           the broker account (default: the program's own, e.g. player-<SCREEN>)
//   password_file  a file whose first line is the password
//   tls_ca         the CA that signed the broker's certificate (mqtts)
// Problems are reported through Config::addError under broker/<key>. The client id is
// the account: the broker replaces it with the account name anyway
// (use_username_as_clientid), so one account is one connection.
struct BrokerSettings
{
    static MqttOptions read(const Config &config, const QString &defaultUser);
};

} // namespace fest
