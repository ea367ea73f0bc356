#include "jsonreader.h"

#include "identifier.h"

#include <QRegularExpressionMatch>
#include <cmath>
#include <limits>

namespace fest {
namespace {

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true/false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

const JsonReader::StringRule &idRule()
{
    static const JsonReader::StringRule rule{Identifier::maxLength, Identifier::pattern(), Identifier::rule(), false};
    return rule;
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object, const QString &path)
    : JsonReader(object, path, path, QString(), std::make_shared<Shared>())
{
}

JsonReader::JsonReader(const QJsonObject &object, const QString &path, const QString &where,
                       const QString &fieldPrefix, std::shared_ptr<Shared> shared)
    : m_object(object)
    , m_path(path)
    , m_where(where)
    , m_fieldPrefix(fieldPrefix)
    , m_shared(std::move(shared))
{
}

void JsonReader::setLabel(const QString &label)
{
    m_label = label;
}

QString JsonReader::where() const
{
    if (m_label.isEmpty())
        return m_where;
    return m_where.isEmpty() ? m_label : m_where + QStringLiteral(" (") + m_label + u')';
}

bool JsonReader::has(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

QString JsonReader::pathOf(const QString &key) const
{
    if (key.isEmpty())
        return m_path;
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

void JsonReader::addError(const QString &field, const QString &message)
{
    QString fullField = m_fieldPrefix + field;
    if (field.isEmpty())
        fullField.chop(1);
    m_shared->errors.append(JsonError{pathOf(field), message, where(), fullField});
}

void JsonReader::expected(const QString &key, const QString &what, const QJsonValue &got)
{
    addError(key, QStringLiteral("expected %1, got %2").arg(what, describe(got)));
}

QJsonValue JsonReader::take(const QString &key, bool required)
{
    m_asked.insert(key);
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required && !m_absent)
            addError(key, QStringLiteral("missing; this field is required"));
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

void JsonReader::rejectUnknownFields()
{
    // Const iteration: begin() on the shared object would copy it.
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_asked.contains(it.key()))
            addError(it.key(), QStringLiteral("unknown field; check its spelling or remove it"));
    }
}

bool JsonReader::checkString(const QString &key, const QString &value, const StringRule &rule)
{
    if (value.isEmpty() && !rule.allowEmpty) {
        addError(key, QStringLiteral("must not be empty"));
        return false;
    }
    if (rule.maxLength >= 0 && value.size() > rule.maxLength) {
        addError(key, QStringLiteral("too long: %1 characters, at most %2 allowed").arg(value.size()).arg(rule.maxLength));
        return false;
    }
    if (!rule.pattern.pattern().isEmpty() && !value.isEmpty() && !rule.pattern.match(value).hasMatch()) {
        const QString hint = rule.patternHint.isEmpty() ? rule.pattern.pattern() : rule.patternHint;
        addError(key, QStringLiteral("\"%1\" is not valid: expected %2").arg(value.left(80), hint));
        return false;
    }
    return true;
}

QString JsonReader::requiredString(const QString &key, const StringRule &rule)
{
    const QJsonValue value = take(key, true);
    if (value.isUndefined())
        return {};
    if (!value.isString()) {
        expected(key, QStringLiteral("a string"), value);
        return {};
    }
    const QString text = value.toString();
    return checkString(key, text, rule) ? text : QString();
}

QString JsonReader::optionalString(const QString &key, const StringRule &rule, const QString &fallback)
{
    if (!has(key)) {
        m_asked.insert(key);
        return fallback;
    }
    const QString text = requiredString(key, rule);
    return text;
}

QString JsonReader::requiredId(const QString &key)
{
    return requiredString(key, idRule());
}

QString JsonReader::optionalId(const QString &key)
{
    return optionalString(key, idRule());
}

qint64 JsonReader::integer(const QString &key, const QJsonValue &value, const IntegerRule &rule)
{
    if (!value.isDouble()) {
        expected(key, QStringLiteral("a whole number"), value);
        return 0;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d) {
        addError(key, QStringLiteral("expected a whole number, got %1").arg(d));
        return 0;
    }
    if (std::fabs(d) > double(maxSafeInteger)) {
        addError(key, QStringLiteral("number is too large to be exact in JSON (more than 2^53 - 1)"));
        return 0;
    }
    const qint64 n = qint64(d);
    if (n < rule.min || n > rule.max) {
        addError(key, QStringLiteral("%1 is out of range: expected %2 to %3").arg(n).arg(rule.min).arg(rule.max));
        return 0;
    }
    return n;
}

qint64 JsonReader::requiredInteger(const QString &key, const IntegerRule &rule)
{
    const QJsonValue value = take(key, true);
    return value.isUndefined() ? 0 : integer(key, value, rule);
}

qint64 JsonReader::optionalInteger(const QString &key, const IntegerRule &rule, qint64 fallback)
{
    const QJsonValue value = take(key, false);
    return value.isUndefined() ? fallback : integer(key, value, rule);
}

double JsonReader::optionalNumber(const QString &key, double min, double max, double fallback)
{
    const QJsonValue value = take(key, false);
    if (value.isUndefined())
        return fallback;
    const double d = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!value.isDouble() || !std::isfinite(d)) {
        expected(key, QStringLiteral("a number"), value);
        return fallback;
    }
    if (d < min || d > max) {
        addError(key, QStringLiteral("%1 is out of range: expected %2 to %3").arg(d).arg(min).arg(max));
        return fallback;
    }
    return d;
}

bool JsonReader::requiredBool(const QString &key)
{
    if (!has(key)) {
        take(key, true);
        return false;
    }
    return optionalBool(key, false);
}

bool JsonReader::optionalBool(const QString &key, bool fallback)
{
    const QJsonValue value = take(key, false);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        expected(key, QStringLiteral("true or false"), value);
        return fallback;
    }
    return value.toBool();
}

QDateTime JsonReader::dateTime(const QString &key, const QJsonValue &value)
{
    static const QString what = QStringLiteral("a string with an ISO 8601 time");
    if (!value.isString()) {
        expected(key, what, value);
        return {};
    }
    // Qt would accept a time without an offset as local time, which differs per machine.
    static const QRegularExpression shape(QStringLiteral(
        "\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?\\z"));
    const QString text = value.toString();
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch()) {
        addError(key, QStringLiteral("\"%1\" is not %2 like 2026-12-05T14:30:00+08:00").arg(text.left(80), what));
        return {};
    }
    if (match.capturedView(1).isEmpty()) {
        addError(key, QStringLiteral("time without an offset: add +08:00 or Z"));
        return {};
    }
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        addError(key, QStringLiteral("\"%1\" is not a real date and time").arg(text));
        return {};
    }
    return parsed;
}

QDateTime JsonReader::requiredDateTime(const QString &key)
{
    const QJsonValue value = take(key, true);
    return value.isUndefined() ? QDateTime() : dateTime(key, value);
}

QDateTime JsonReader::optionalDateTime(const QString &key)
{
    const QJsonValue value = take(key, false);
    return value.isUndefined() ? QDateTime() : dateTime(key, value);
}

bool JsonReader::checkArray(const QString &key, const QJsonArray &array, const ArrayRule &rule)
{
    if (rule.maxLength >= 0 && array.size() > rule.maxLength) {
        addError(key, QStringLiteral("list of %1 entries is too long: at most %2 allowed").arg(array.size()).arg(rule.maxLength));
        return false;
    }
    if (array.size() < rule.minLength) {
        addError(key, QStringLiteral("list needs at least %1 entries, has %2").arg(rule.minLength).arg(array.size()));
        return false;
    }
    return true;
}

QJsonArray JsonReader::requiredArray(const QString &key, const ArrayRule &rule)
{
    const QJsonValue value = take(key, true);
    if (value.isUndefined())
        return {};
    if (!value.isArray()) {
        expected(key, QStringLiteral("a list"), value);
        return {};
    }
    const QJsonArray array = value.toArray();
    return checkArray(key, array, rule) ? array : QJsonArray();
}

QJsonArray JsonReader::optionalArray(const QString &key, const ArrayRule &rule)
{
    if (!has(key)) {
        m_asked.insert(key);
        return {};
    }
    return requiredArray(key, rule);
}

QStringList JsonReader::stringList(const QString &key, const QJsonArray &array, const StringRule &each)
{
    QStringList result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemKey = QStringLiteral("%1[%2]").arg(key).arg(i);
        const QJsonValue item = array.at(i);
        if (!item.isString())
            expected(itemKey, QStringLiteral("a string"), item);
        else if (checkString(itemKey, item.toString(), each))
            result.append(item.toString());
    }
    return result;
}

QStringList JsonReader::requiredStringList(const QString &key, const ArrayRule &rule, const StringRule &each)
{
    return stringList(key, requiredArray(key, rule), each);
}

QStringList JsonReader::optionalStringList(const QString &key, const ArrayRule &rule, const StringRule &each)
{
    return stringList(key, optionalArray(key, rule), each);
}

QStringList JsonReader::requiredIdList(const QString &key, const ArrayRule &rule)
{
    return requiredStringList(key, rule, idRule());
}

QStringList JsonReader::optionalIdList(const QString &key, const ArrayRule &rule)
{
    return optionalStringList(key, rule, idRule());
}

int JsonReader::choice(const QString &key, const QJsonValue &value, const QStringList &choices)
{
    const QString what = QStringLiteral("one of \"%1\"").arg(choices.join(QStringLiteral("\", \"")));
    if (!value.isString()) {
        expected(key, what, value);
        return -1;
    }
    const int index = int(choices.indexOf(value.toString()));
    if (index < 0)
        addError(key, QStringLiteral("\"%1\" is not allowed: expected %2").arg(value.toString().left(80), what));
    return index;
}

int JsonReader::requiredChoice(const QString &key, const QStringList &choices)
{
    const QJsonValue value = take(key, true);
    return value.isUndefined() ? -1 : choice(key, value, choices);
}

int JsonReader::optionalChoice(const QString &key, const QStringList &choices, int fallback)
{
    const QJsonValue value = take(key, false);
    if (value.isUndefined())
        return fallback;
    const int index = choice(key, value, choices);
    return index < 0 ? fallback : index;
}

JsonReader JsonReader::child(const QString &key)
{
    JsonReader reader = optionalChild(key);
    if (!has(key))
        take(key, true);
    return reader;
}

JsonReader JsonReader::optionalChild(const QString &key)
{
    const QJsonValue value = take(key, false);
    if (!value.isUndefined() && !value.isObject())
        expected(key, QStringLiteral("an object"), value);
    JsonReader reader(value.toObject(), pathOf(key), where(), m_fieldPrefix + key + u'.', m_shared);
    reader.m_absent = !value.isObject();
    return reader;
}

JsonReader JsonReader::element(const QString &arrayKey, const QJsonArray &array, qsizetype index)
{
    const QString elementKey = QStringLiteral("%1[%2]").arg(arrayKey).arg(index);
    const QJsonValue value = array.at(index);
    const QString elementPath = pathOf(elementKey);
    JsonReader reader(value.toObject(), elementPath, elementPath, QString(), m_shared);
    reader.m_absent = !value.isObject();
    if (reader.m_absent)
        reader.expected(QString(), QStringLiteral("an object"), value);
    return reader;
}

} // namespace fest
