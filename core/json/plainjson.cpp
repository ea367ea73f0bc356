#include "plainjson.h"

namespace fest {

namespace {
bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

template<typename View>
bool uuidShape(View text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = QChar(text[i]).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !(isDigit(c) || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}
} // namespace

PlainJson::PlainJson(const QByteArray &data)
    : m_p(data.constData())
    , m_end(data.constData() + data.size())
{
}

void PlainJson::skipSpace()
{
    while (m_p != m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
        ++m_p;
}

bool PlainJson::consume(char c)
{
    skipSpace();
    if (m_p == m_end || *m_p != c)
        return false;
    ++m_p;
    return true;
}

bool PlainJson::atEnd()
{
    skipSpace();
    return m_p == m_end;
}

bool PlainJson::string(QLatin1StringView *out)
{
    if (!consume('"'))
        return false;
    const char *start = m_p;
    for (; m_p != m_end; ++m_p) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            *out = QLatin1StringView(start, m_p - start);
            ++m_p;
            return true;
        }
        // Escapes, control characters and anything beyond ASCII: the full decoder's.
        if (c == '\\' || c < 0x20 || c >= 0x7f)
            return false;
    }
    return false;
}

bool PlainJson::integer(qint64 *out, int maxDigits)
{
    skipSpace();
    const bool negative = m_p != m_end && *m_p == '-';
    if (negative)
        ++m_p;
    const char *start = m_p;
    qint64 n = 0;
    while (m_p != m_end && isDigit(char16_t(*m_p)) && m_p - start <= maxDigits)
        n = n * 10 + (*m_p++ - '0');
    const qsizetype digits = m_p - start;
    if (digits == 0 || digits > maxDigits || (*start == '0' && (digits > 1 || negative)))
        return false;
    if (m_p != m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
        return false;
    *out = negative ? -n : n;
    return true;
}

bool PlainJson::isLowerCaseUuid(QLatin1StringView text)
{
    return uuidShape(text);
}

bool PlainJson::isLowerCaseUuid(QStringView text)
{
    return uuidShape(text);
}

} // namespace fest
