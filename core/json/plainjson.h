#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

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

    // What QUuid::toString(QUuid::WithoutBraces) writes: lower-case hex in 8-4-4-4-12.
    static bool isLowerCaseUuid(QLatin1StringView text);
    static bool isLowerCaseUuid(QStringView text);

private:
    void skipSpace();

    const char *m_p;
    const char *m_end;
};

} // namespace fest
