#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

#include <algorithm>
#include <iterator>
#include <optional>

namespace fest {

// One-pass reading of the plain shape small, hot bus messages are sent in (a ballot, a
// ballot reply): a flat object whose strings are printable ASCII without escapes and
// whose numbers are plain integers. It makes no QJsonObject, and it is not a JSON
// parser: every `false` means "not the plain shape", never "invalid". The caller then
// hands the bytes to the full decoder (JsonGuard + JsonReader), which decides and says
// what is wrong. See Ballot::fromPlainJson.
class PlainJson
{
public:
    explicit PlainJson(const QByteArray &data);

    bool consume(char c);   // c, after optional white space
    bool atEnd();           // nothing but white space left
    // A string: its bytes, a view into the data.
    bool string(QLatin1StringView *out);
    // An integer of at most maxDigits digits as JSON writes it (no leading zero, no
    // "-0"), not followed by a fraction or an exponent.
    bool integer(qint64 *out, int maxDigits);

    // The whole data as one object whose keys are among `fields`, each at most once:
    // readValue(i) reads the value of fields[i] (with string() or integer()). Returns the
    // mask of fields seen (bit i for fields[i]), or nullopt when the data is not plain.
    template<typename Fields, typename ReadValue>
    std::optional<unsigned> object(const Fields &fields, ReadValue readValue)
    {
        static_assert(std::size(Fields{}) <= 32);
        unsigned seen = 0;
        if (!consume('{'))
            return std::nullopt;
        do {
            QLatin1StringView key;
            if (!string(&key) || !consume(':'))
                return std::nullopt;
            const auto field = std::find(std::begin(fields), std::end(fields), key) - std::begin(fields);
            // Unknown or repeated: the full decoder says which.
            if (field == std::ssize(fields) || (seen & (1u << field)) || !readValue(int(field)))
                return std::nullopt;
            seen |= 1u << field;
        } while (consume(','));
        if (!consume('}') || !atEnd())
            return std::nullopt;
        return seen;
    }

    // What QUuid::toString(QUuid::WithoutBraces) writes: lower-case hex in 8-4-4-4-12.
    static bool isLowerCaseUuid(QLatin1StringView text);
    static bool isLowerCaseUuid(QStringView text);

private:
    void skipSpace();

    const char *m_p;
    const char *m_end;
};

} // namespace fest
