#include "texttable.h"

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
        width += isWide(c) ? 2 : 1;
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
    return text.size() <= max ? text : text.left(max - 3) + QStringLiteral("...");
}

} // namespace fest
