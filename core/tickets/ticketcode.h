#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringView>

namespace fest {

class KeyedMac;

// The code printed on a ticket, e.g. "K7QF-4M9X-R2DA-BC3P" (16 symbols of Crockford
// base32, shown in groups of four):
//   [0]      key id: which controller secret signed it (32 keys)
//   [1..7]   35 random bits, independent of serial and screening
//   [8..14]  the first 35 bits of HMAC-SHA256(secret, "fest-ticket-v1:" + symbols 0..7)
//   [15]     Luhn mod 32 check symbol over symbols 0..14
// The check symbol lets a kiosk catch every single mistyped symbol and almost every
// swapped pair offline, without the secret; only the controller can check the MAC.
// Input is forgiving: case, spaces and dashes are ignored, and O reads as 0, I and L as 1
// (Crockford's aliases), so what a voter types from the ticket always lands.
class TicketCode
{
    Q_GADGET
public:
    enum class Check { Ok, Malformed, BadCheckCharacter };
    Q_ENUM(Check)

    static constexpr int Length = 16;
    static constexpr int RandomSymbols = 7;
    static constexpr int MacSymbols = 7;
    static constexpr int KeyCount = 32;

    // Canonical form (upper case, no separators, aliases resolved), or an empty string
    // when the input holds a symbol outside the alphabet or has the wrong length.
    static QString normalise(QStringView input);
    static Check checkFormat(QStringView input);
    // Groups of four joined by dashes, for printing and display.
    static QString display(QStringView input);
    // Hex SHA-256 of the canonical form: the only trace of a ticket the vote table keeps.
    static QByteArray storageHash(QStringView input);
    // Key id of a well-formed code, -1 otherwise.
    static int keyId(QStringView input);

    // Building blocks shared by issuer and verifier.
    static QChar symbol(int value);
    static int value(QChar symbol); // -1 when not a symbol (aliases included)
    static QChar checkSymbol(QStringView first15);
    static QString symbolsFromBits(const QByteArray &bytes, int symbols);
    static QString macSymbols(const QByteArray &secret, QStringView keyAndRandom);
    static QString macSymbols(KeyedMac &mac, QStringView keyAndRandom);   // the same, key set up once

    // What to tell a voter, in one place.
    static QString userMessage(Check check);
};

} // namespace fest
