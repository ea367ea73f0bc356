// Ticket codes as voters type them (TicketCode) and as the controller verifies them
// (TicketVerifier): normalising is idempotent and the display form normalises back; a
// well-formed code has a key id, and changing any one of its symbols is caught by the
// check symbol; a code the verifier accepts is well-formed.
#include "fuzzinvariant.h"
#include "ticketcode.h"
#include "ticketverifier.h"

using namespace fest;

namespace {
const TicketVerifier &verifier()
{
    static const TicketVerifier v = [] {
        TicketKeyring keys;
        keys.add(3, QByteArray(32, '\x5a'));   // the key the seed corpus was issued with
        return TicketVerifier(keys);
    }();
    return v;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(FuzzInvariant::bytes(data, size));
    const QString canonical = TicketCode::normalise(input);
    const TicketCode::Check check = TicketCode::checkFormat(input);
    const TicketVerifier::Result verdict = verifier().verify(input);
    FUZZ_INVARIANT(!TicketCode::userMessage(check).isNull());
    if (verdict == TicketVerifier::Result::Valid)
        FUZZ_INVARIANT(check == TicketCode::Check::Ok);
    if (canonical.isEmpty()) {
        FUZZ_INVARIANT(check == TicketCode::Check::Malformed && TicketCode::keyId(input) == -1);
        return 0;
    }
    FUZZ_INVARIANT(canonical.size() == TicketCode::Length);
    FUZZ_INVARIANT(TicketCode::normalise(canonical) == canonical);
    FUZZ_INVARIANT(TicketCode::normalise(TicketCode::display(input)) == canonical);
    FUZZ_INVARIANT(TicketCode::storageHash(input) == TicketCode::storageHash(canonical));
    if (check != TicketCode::Check::Ok) {
        FUZZ_INVARIANT(check == TicketCode::Check::BadCheckCharacter && TicketCode::keyId(input) == -1);
        return 0;
    }
    const int key = TicketCode::keyId(input);
    FUZZ_INVARIANT(key >= 0 && key < TicketCode::KeyCount);
    FUZZ_INVARIANT(TicketCode::checkSymbol(QStringView(canonical).left(15)) == canonical.at(15));
    // Every single-symbol typo is caught offline (Luhn mod 32).
    const int at = int(size % TicketCode::Length);
    for (int v = 0; v < 32; ++v) {
        QString typo = canonical;
        typo[at] = TicketCode::symbol(v);
        if (typo != canonical)
            FUZZ_INVARIANT(TicketCode::checkFormat(typo) == TicketCode::Check::BadCheckCharacter);
    }
    return 0;
}
