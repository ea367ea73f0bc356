#pragma once

#include "keyedmac.h"
#include "ticketkeyring.h"

#include <QMutex>
#include <QObject>
#include <QStringView>

#include <map>
#include <memory>

namespace fest {

// Checks a code end to end at the controller: format, check symbol, key id and MAC.
class TicketVerifier
{
    Q_GADGET
public:
    enum class Result { Valid, Malformed, BadCheckCharacter, UnknownKey, Forged };
    Q_ENUM(Result)

    explicit TicketVerifier(TicketKeyring keys);

    Result verify(QStringView code) const;
    const TicketKeyring &keys() const { return m_keys; }

    // Compares without an early exit, so response time says nothing about how many
    // leading symbols of a forged MAC were right.
    static bool constantTimeEquals(QStringView a, QStringView b);

private:
    KeyedMac &mac(int keyId) const;

    TicketKeyring m_keys;
    // Each key's HMAC set up once, on first use; verify() may run on several threads.
    mutable QMutex m_macLock;
    mutable std::map<int, std::unique_ptr<KeyedMac>> m_macs;
};

} // namespace fest
