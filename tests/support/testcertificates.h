#pragma once

#include <QString>

namespace fest {

// A throw-away PKI made with the openssl tool at test time, for TLS tests:
//   ca.crt              the festival CA
//   server.crt/.key     a broker certificate for `host` (IP or DNS subject alt name)
//   client.crt/.key     a client certificate signed by the same CA (CN = clientName)
//   other-ca.crt        an unrelated CA, which must not verify the broker
class TestCertificates
{
public:
    static bool create(const QString &directory, const QString &host, QString *error,
                       const QString &clientName = QStringLiteral("festival-client"));
};

} // namespace fest
