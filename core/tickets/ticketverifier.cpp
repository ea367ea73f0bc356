#include "ticketverifier.h"

#include "ticketcode.h"

#include <utility>

namespace fest {

TicketVerifier::TicketVerifier(TicketKeyring keys)
    : m_keys(std::move(keys))
{
}

bool TicketVerifier::constantTimeEquals(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    char16_t diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a[i].unicode() ^ b[i].unicode();
    return diff == 0;
}

KeyedMac &TicketVerifier::mac(int keyId) const
{
    std::unique_ptr<KeyedMac> &slot = m_macs[keyId];
    if (!slot)
        slot = std::make_unique<KeyedMac>(m_keys.secret(keyId));
    return *slot;
}

TicketVerifier::Result TicketVerifier::verify(QStringView code) const
{
    const QString canonical = TicketCode::normalise(code);
    switch (TicketCode::checkFormat(canonical)) {
    case TicketCode::Check::Malformed:
        return Result::Malformed;
    case TicketCode::Check::BadCheckCharacter:
        return Result::BadCheckCharacter;
    case TicketCode::Check::Ok:
        break;
    }
    const int keyId = TicketCode::value(canonical.front());
    if (!m_keys.contains(keyId))
        return Result::UnknownKey;
    const QStringView view(canonical);
    QString expected;
    {
        QMutexLocker locked(&m_macLock);
        expected = TicketCode::macSymbols(mac(keyId), view.first(1 + TicketCode::RandomSymbols));
    }
    if (expected.isEmpty())
        return Result::Forged;   // cannot happen with a working OpenSSL: refuse rather than guess
    const QStringView given = view.sliced(1 + TicketCode::RandomSymbols, TicketCode::MacSymbols);
    return constantTimeEquals(expected, given) ? Result::Valid : Result::Forged;
}

} // namespace fest
