#pragma once

#include "ticketkeyring.h"

#include <QStringList>

namespace fest {

// Mints ticket codes signed with one key of the ring. Codes are random, so one batch
// never repeats a code; uniqueness across batches is the caller's job (the controller
// records the storage hash of every code it issued).
class TicketIssuer
{
public:
    TicketIssuer(int keyId, const QByteArray &secret);
    explicit TicketIssuer(const TicketKeyring &ring); // uses the ring's current key

    bool isValid() const { return m_keyId >= 0 && !m_secret.isEmpty(); }
    QString issueOne() const;           // display form, e.g. "K7QF-4M9X-R2DA-BC3P"
    QStringList issue(int count) const; // distinct codes

private:
    int m_keyId = -1;
    QByteArray m_secret;
};

} // namespace fest
