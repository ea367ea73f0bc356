#include "searchkey.h"

namespace fest {

QString SearchKey::normalise(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = true;  // drops leading separators
    for (const QChar c : text.toCaseFolded()) {
        if (c.isLetterOrNumber() || c.isMark()) {
            out.append(c);
            space = false;
        } else if (!space) {
            out.append(u' ');
            space = true;
        }
    }
    if (out.endsWith(u' '))
        out.chop(1);
    return out;
}

QString SearchKey::of(const QStringList &texts)
{
    // Each text also without its spaces, so a query typed without them still matches.
    QStringList parts;
    for (const QString &t : texts) {
        const QString n = normalise(t);
        if (n.isEmpty())
            continue;
        parts << n;
        if (n.contains(u' '))
            parts << QString(n).remove(u' ');
    }
    return u'|' + parts.join(u'|') + u'|';
}

QStringList SearchKey::words(const QString &query)
{
    return normalise(query).split(u' ', Qt::SkipEmptyParts);
}

bool SearchKey::matches(const QString &rowKey, const QStringList &queryWords)
{
    for (const QString &w : queryWords) {
        if (!rowKey.contains(w))
            return false;
    }
    return true;
}

} // namespace fest
