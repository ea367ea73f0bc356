#include "isotime.h"

namespace fest::IsoTime {

namespace {
char16_t *put(char16_t *out, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        out[i] = char16_t(u'0' + value % 10);
    return out + digits;
}
} // namespace

QString withMs(const QDateTime &at)
{
    const Qt::TimeSpec spec = at.timeSpec();
    const int offset = spec == Qt::OffsetFromUTC ? at.offsetFromUtc() : 0;
    const QDate date = at.date();
    if (!at.isValid() || (spec != Qt::UTC && spec != Qt::OffsetFromUTC) || offset % 60 != 0 || date.year() < 1000
        || date.year() > 9999)
        return at.toString(Qt::ISODateWithMs);
    const QTime time = at.time();
    QString text(spec == Qt::UTC ? 24 : 29, Qt::Uninitialized);
    auto *out = reinterpret_cast<char16_t *>(text.data());
    out = put(out, date.year(), 4);
    *out++ = u'-';
    out = put(out, date.month(), 2);
    *out++ = u'-';
    out = put(out, date.day(), 2);
    *out++ = u'T';
    out = put(out, time.hour(), 2);
    *out++ = u':';
    out = put(out, time.minute(), 2);
    *out++ = u':';
    out = put(out, time.second(), 2);
    *out++ = u'.';
    out = put(out, time.msec(), 3);
    if (spec == Qt::UTC) {
        *out = u'Z';
        return text;
    }
    *out++ = offset < 0 ? u'-' : u'+';
    const int minutes = (offset < 0 ? -offset : offset) / 60;
    out = put(out, minutes / 60, 2);
    *out++ = u':';
    put(out, minutes % 60, 2);
    return text;
}

} // namespace fest::IsoTime
