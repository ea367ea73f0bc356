#include "texttable.h"

#include <QChar>

#include <algorithm>

namespace fest {

namespace {
// East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones festival text uses.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x20000 && c <= 0x3FFFD);
}

// Marks drawn on the character before them (a decomposed "é" is "e" and U+0301), and
// the invisible joiners and selectors: no column of their own.
bool isZeroWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
        return true;
    default:
        return false;
    }
}

int widthOf(char32_t c)
{
    return isZeroWidth(c) ? 0 : (isWide(c) ? 2 : 1);
}
} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << cells;
}

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    for (char32_t c : text.toUcs4())
        width += widthOf(c);
    return width;
}

void TextTable::print(QTextStream &out) const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths << displayWidth(h);
    for (const QStringList &row : m_rows)
        for (int i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row.value(i)));

    auto line = [&](const QStringList &cells) {
        QString text;
        for (int i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            text += cell;
            if (i + 1 < widths.size())
                text += QString(widths[i] - displayWidth(cell) + 2, QLatin1Char(' '));
        }
        out << text << '\n';
    };
    line(m_headers);
    QStringList rules;
    for (int w : widths)
        rules << QString(w, QLatin1Char('-'));
    line(rules);
    for (const QStringList &row : m_rows)
        line(row);
}

QString TextTable::elided(const QString &text, int max)
{
    if (displayWidth(text) <= max)
        return text;
    // Whole characters only: never half of a wide one, a surrogate pair or an accent.
    const QList<uint> points = text.toUcs4();
    QList<uint> kept;
    int width = 0;
    for (uint c : points) {
        const int w = widthOf(c);
        if (w > 0 && width + w > max - 3)
            break;
        kept.append(c);
        width += w;
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(kept.constData()), kept.size()) + QStringLiteral("...");
}

} // namespace fest
