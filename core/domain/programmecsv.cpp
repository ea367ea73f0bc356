#include "programmecsv.h"

#include "programmejson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace fest {
namespace {

struct Record
{
    int row = 0;
    QStringList fields;
};

QString rowName(int row)
{
    return QStringLiteral("row %1").arg(row);
}

// RFC 4180 records; a quoted field may hold commas, doubled quotes and line breaks.
// Blank lines are skipped but still counted, so row numbers match a spreadsheet's.
class CsvParser
{
public:
    explicit CsvParser(const QString &text) : m_text(text) {}

    bool parse(QList<Record> *records, QList<ProgrammeError> *errors)
    {
        while (m_pos < m_text.size()) {
            Record record{m_line, {}};
            if (!parseRecord(&record.fields)) {
                errors->append(ProgrammeError{rowName(record.row), QString(), m_error});
                return false;
            }
            if (!(record.fields.size() == 1 && record.fields.first().isEmpty()))
                records->append(record);
        }
        return true;
    }

private:
    bool parseRecord(QStringList *fields)
    {
        for (;;) {
            QString field;
            if (!parseField(&field))
                return false;
            fields->append(field);
            if (m_pos >= m_text.size())
                return true;
            const QChar c = m_text.at(m_pos++);
            if (c == u',')
                continue;
            if (c == u'\r' && m_pos < m_text.size() && m_text.at(m_pos) == u'\n')
                ++m_pos;
            ++m_line;
            return true;   // c was a line break
        }
    }

    bool parseField(QString *field)
    {
        if (m_pos < m_text.size() && m_text.at(m_pos) == u'"')
            return parseQuoted(field);
        const qsizetype begin = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u',' || c == u'\n' || c == u'\r')
                break;
            if (c == u'"') {
                m_error = QStringLiteral("a quote inside an unquoted field: put the whole field in quotes and double the quote (\"\")");
                return false;
            }
            ++m_pos;
        }
        *field = m_text.mid(begin, m_pos - begin);
        return true;
    }

    bool parseQuoted(QString *field)
    {
        const int startLine = m_line;
        ++m_pos;   // opening quote
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'"') {
                if (m_pos < m_text.size() && m_text.at(m_pos) == u'"') {
                    field->append(u'"');
                    ++m_pos;
                    continue;
                }
                const bool endsField = m_pos >= m_text.size() || m_text.at(m_pos) == u','
                    || m_text.at(m_pos) == u'\n' || m_text.at(m_pos) == u'\r';
                if (!endsField)
                    m_error = QStringLiteral("text after a closing quote: put the whole field in quotes and double inner quotes (\"\")");
                return endsField;
            }
            field->append(c);
        }
        m_error = QStringLiteral("a quoted field opened on this row is never closed: add the closing quote");
        m_line = startLine;
        return false;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_error;
};

const QStringList &columns()
{
    static const QStringList names{QStringLiteral("id"), QStringLiteral("screen"), QStringLiteral("start"),
                                   QStringLiteral("end"), QStringLiteral("films"), QStringLiteral("title_en"),
                                   QStringLiteral("title_zh"), QStringLiteral("status")};
    return names;
}

constexpr int kRequiredColumns = 5;   // id..films; titles and status may be left out

// Maps the header's columns to their index; reports unknown, repeated and missing ones.
std::optional<QList<int>> readHeader(const Record &header, QList<ProgrammeError> *errors)
{
    QList<int> index(columns().size(), -1);
    const qsizetype before = errors->size();
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields[i].trimmed();
        const int column = int(columns().indexOf(name));
        if (column < 0)
            errors->append({rowName(header.row), name, QStringLiteral("unknown column; the columns are %1").arg(columns().join(u','))});
        else if (index[column] >= 0)
            errors->append({rowName(header.row), name, QStringLiteral("column appears twice")});
        else
            index[column] = i;
    }
    for (int column = 0; column < kRequiredColumns; ++column) {
        if (index[column] < 0)
            errors->append({rowName(header.row), columns()[column], QStringLiteral("required column is missing from the header row")});
    }
    if (errors->size() != before)
        return std::nullopt;
    return index;
}

// A row becomes the JSON form of a screening, so the one screening reader checks both.
QJsonObject rowToJson(const Record &record, const QList<int> &index)
{
    auto cell = [&](int column) {
        const int i = index[column];
        return i >= 0 && i < record.fields.size() ? record.fields[i].trimmed() : QString();
    };
    QJsonObject o;
    const QStringList plain{QStringLiteral("id"), QStringLiteral("screen"), QStringLiteral("start"), QStringLiteral("end")};
    for (int column = 0; column < plain.size(); ++column) {
        if (!cell(column).isEmpty())
            o.insert(plain[column], cell(column));
    }
    QJsonArray films;
    for (const QString &film : cell(4).split(u';', Qt::SkipEmptyParts))
        films.append(film.trimmed());
    o.insert(QStringLiteral("films"), films);
    QJsonObject title;
    if (!cell(5).isEmpty())
        title.insert(QStringLiteral("en"), cell(5));
    if (!cell(6).isEmpty())
        title.insert(QStringLiteral("zh"), cell(6));
    if (!title.isEmpty())
        o.insert(QStringLiteral("title"), title);
    if (!cell(7).isEmpty())
        o.insert(QStringLiteral("status"), cell(7));
    return o;
}

// JSON field names back to the spreadsheet's column names.
QString columnOf(const QString &field)
{
    if (field.startsWith(QStringLiteral("films")))
        return QStringLiteral("films");
    if (field.startsWith(QStringLiteral("title.")))
        return QStringLiteral("title_") + field.mid(6);
    return field;
}

QString quoted(const QString &field)
{
    static const QString special = QStringLiteral(",\"\r\n");
    const bool needsQuotes = std::any_of(field.cbegin(), field.cend(), [](QChar c) { return special.contains(c); });
    if (!needsQuotes)
        return field;
    QString escaped = field;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

std::optional<QList<Screening>> ProgrammeCsv::decode(const QByteArray &csv, QList<ProgrammeError> *errors, QList<int> *rows)
{
    QList<ProgrammeError> found;
    const QString file = QStringLiteral("file");
    if (csv.size() > maxBytes) {
        found.append({file, QString(), QStringLiteral("file is %1 bytes, over the limit of %2 bytes").arg(csv.size()).arg(maxBytes)});
    } else if (!csv.isValidUtf8()) {
        found.append({file, QString(), QStringLiteral("file is not valid UTF-8: save the spreadsheet as \"CSV UTF-8\"")});
    }
    QList<Record> records;
    if (found.isEmpty()) {
        QString text = QString::fromUtf8(csv);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        CsvParser(text).parse(&records, &found);
        if (found.isEmpty() && records.isEmpty())
            found.append({file, QString(), QStringLiteral("file is empty: the first row must name the columns (%1)").arg(columns().join(u','))});
    }
    std::optional<QList<int>> index;
    if (found.isEmpty())
        index = readHeader(records.first(), &found);

    QList<Screening> screenings;
    for (qsizetype i = 1; index && i < records.size(); ++i) {
        const Record &record = records[i];
        const QString where = rowName(record.row);
        if (record.fields.size() != records.first().fields.size()) {
            found.append({where, QString(), QStringLiteral("has %1 fields but the header has %2: check for a stray comma or an unquoted field")
                                                .arg(record.fields.size()).arg(records.first().fields.size())});
            continue;
        }
        QList<ProgrammeError> rowErrors;
        if (auto s = ProgrammeJson::screeningFromJson(rowToJson(record, *index), where, &rowErrors)) {
            screenings.append(*s);
            if (rows)
                rows->append(record.row);
        }
        for (ProgrammeError &e : rowErrors)
            found.append({where, columnOf(e.field), e.message});
    }
    if (found.isEmpty())
        return screenings;
    if (errors)
        errors->append(found);
    return std::nullopt;
}

QList<ProgrammeError> ProgrammeCsv::inRows(QList<ProgrammeError> errors, const QList<int> &rows)
{
    static const QRegularExpression screeningEntry(QStringLiteral("^screenings\\[(\\d+)\\](.*)$"));
    for (ProgrammeError &e : errors) {
        const QRegularExpressionMatch m = screeningEntry.match(e.where);
        const qsizetype index = m.hasMatch() ? m.captured(1).toLongLong() : -1;
        if (index < 0 || index >= rows.size())
            continue;
        e.where = rowName(rows.at(index)) + m.captured(2);
        e.field = columnOf(e.field);
    }
    return errors;
}

QByteArray ProgrammeCsv::encode(const QList<Screening> &screenings)
{
    QString out = columns().join(u',') + QStringLiteral("\r\n");
    for (const Screening &s : screenings) {
        const QStringList fields{s.id, s.screenId, ProgrammeJson::timeToString(s.start), ProgrammeJson::timeToString(s.end),
                                 s.filmIds.join(u';'), s.title.en, s.title.zh, Screening::statusNames().at(int(s.status))};
        QStringList cells;
        for (const QString &field : fields)
            cells.append(quoted(field));
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace fest
