#include "ticketcode.h"

#include "keyedmac.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>

namespace fest {

namespace {
constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int Radix = 32;
} // namespace

QChar TicketCode::symbol(int value)
{
    Q_ASSERT(value >= 0 && value < Radix);
    return QLatin1Char(Alphabet[value]);
}

namespace {
// Value of each ASCII character, -1 for none: the alphabet in either case, plus the
// aliases a reader mistakes for them (O for 0, I and L for 1).
constexpr std::array<qint8, 128> asciiValues = [] {
    std::array<qint8, 128> values{};
    values.fill(-1);
    for (int v = 0; v < Radix; ++v) {
        const char c = Alphabet[v];
        values[size_t(c)] = qint8(v);
        if (c >= 'A' && c <= 'Z')
            values[size_t(c - 'A' + 'a')] = qint8(v);
    }
    values['O'] = values['o'] = 0;
    values['I'] = values['i'] = values['L'] = values['l'] = 1;
    return values;
}();
} // namespace

int TicketCode::value(QChar symbol)
{
    char16_t c = symbol.unicode();
    // Beyond ASCII only case mapping leads back to a symbol (dotless i is I, long s is S).
    if (c >= asciiValues.size())
        c = symbol.toUpper().unicode();
    return c < asciiValues.size() ? asciiValues[c] : -1;
}

QString TicketCode::normalise(QStringView input)
{
    if (input.size() > 4 * Length) // nobody types that much by mistake
        return {};
    QString out;
    out.reserve(Length);
    for (QChar c : input) {
        if (c == u'-' || c.isSpace())
            continue;
        const int v = value(c);
        if (v < 0)
            return {};
        out.append(symbol(v));
    }
    return out.size() == Length ? out : QString();
}

QChar TicketCode::checkSymbol(QStringView first15)
{
    // Luhn mod N: doubling every second symbol from the right catches adjacent swaps
    // that a plain sum would miss.
    int sum = 0;
    bool twice = true;
    for (qsizetype i = first15.size() - 1; i >= 0; --i) {
        int addend = value(first15[i]);
        if (twice) {
            addend *= 2;
            addend = addend / Radix + addend % Radix;
        }
        sum += addend;
        twice = !twice;
    }
    return symbol((Radix - sum % Radix) % Radix);
}

TicketCode::Check TicketCode::checkFormat(QStringView input)
{
    const QString code = normalise(input);
    if (code.isEmpty())
        return Check::Malformed;
    const QStringView view(code);
    return checkSymbol(view.first(Length - 1)) == view.last(1).front() ? Check::Ok
                                                                       : Check::BadCheckCharacter;
}

QString TicketCode::display(QStringView input)
{
    const QString code = normalise(input);
    QString out;
    for (qsizetype i = 0; i < code.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out.append(u'-');
        out.append(code[i]);
    }
    return out;
}

QByteArray TicketCode::storageHash(QStringView input)
{
    return QCryptographicHash::hash(normalise(input).toLatin1(), QCryptographicHash::Sha256).toHex();
}

int TicketCode::keyId(QStringView input)
{
    if (checkFormat(input) != Check::Ok)
        return -1;
    return value(normalise(input).front());
}

QString TicketCode::symbolsFromBits(const QByteArray &bytes, int symbols)
{
    Q_ASSERT(bytes.size() * 8 >= symbols * 5);
    QString out;
    out.reserve(symbols);
    for (int s = 0; s < symbols; ++s) {
        int v = 0;
        for (int b = s * 5; b < s * 5 + 5; ++b)
            v = (v << 1) | ((quint8(bytes[b / 8]) >> (7 - b % 8)) & 1);
        out.append(symbol(v));
    }
    return out;
}

QString TicketCode::macSymbols(const QByteArray &secret, QStringView keyAndRandom)
{
    KeyedMac mac(secret);
    return macSymbols(mac, keyAndRandom);
}

QString TicketCode::macSymbols(KeyedMac &mac, QStringView keyAndRandom)
{
    static constexpr char prefix[] = "fest-ticket-v1:";
    constexpr qsizetype prefixLength = sizeof(prefix) - 1;
    // The message is short: built on the stack, not in a QByteArray per ticket.
    std::array<char, prefixLength + 4 * Length> message;
    if (keyAndRandom.size() > qsizetype(message.size()) - prefixLength)
        return {};
    std::copy(prefix, prefix + prefixLength, message.begin());
    qsizetype size = prefixLength;
    for (const QChar c : keyAndRandom)
        message[size_t(size++)] = c.toLatin1();
    std::array<unsigned char, KeyedMac::Size> digest;
    if (!mac.sign(QByteArrayView(message.data(), size), digest.data()))
        return {};
    return symbolsFromBits(QByteArray::fromRawData(reinterpret_cast<const char *>(digest.data()), digest.size()), MacSymbols);
}

QString TicketCode::userMessage(Check check)
{
    switch (check) {
    case Check::Ok:
        return QObject::tr("The ticket code looks right.");
    case Check::Malformed:
        return QObject::tr("A ticket code has 16 letters and digits. Check the code on your ticket and type it again.");
    case Check::BadCheckCharacter:
        return QObject::tr("That ticket code has a typing mistake. Compare it with your ticket, symbol by symbol.");
    }
    return {};
}

} // namespace fest
