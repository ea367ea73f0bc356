#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace fest {

// A plain-text table for terminals, aligned by display width: Chinese and other wide
// characters take two columns, so bilingual titles line up.
class TextTable
{
public:
    explicit TextTable(QStringList headers);
    void addRow(QStringList cells);
    void print(QTextStream &out) const;
    bool isEmpty() const { return m_rows.isEmpty(); }

    // Terminal columns: wide (CJK) characters take two, combining marks and format
    // characters none.
    static int displayWidth(const QString &text);
    // Long text cut to max columns with "..." (--json carries it whole).
    static QString elided(const QString &text, int max = 48);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace fest
