#pragma once

#include "jsonerror.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <memory>

namespace fest {

// Rules for JsonReader's reads (outside the class so that they can be default arguments).
struct JsonStringRule
{
    qsizetype maxLength = -1;           // -1: only JsonLimits applies
    QRegularExpression pattern = {};    // must match the whole string; empty: anything
    QString patternHint = {};           // what a matching value looks like, for messages
    bool allowEmpty = true;
};

struct JsonIntegerRule
{
    // Largest integer a JSON number (an IEEE double) carries exactly: 2^53 - 1.
    static constexpr qint64 maxSafeInteger = (qint64(1) << 53) - 1;
    qint64 min = -maxSafeInteger;
    qint64 max = maxSafeInteger;
};

struct JsonArrayRule
{
    qsizetype maxLength = -1;
    qsizetype minLength = 0;
};

// Typed, path-aware reads from an already guarded QJsonObject (see JsonGuard). A failed
// read records a JsonError naming the field path and what was expected, and returns a
// neutral value, so that one pass reports every problem of a document. A reader's
// children (child(), element()) share its error list.
//
//   JsonReader r(obj, "screenings[3]");
//   QString id = r.requiredId("id");
//   r.setLabel(id);                                   // later errors: "screenings[3] (S-0412)"
//   QDateTime start = r.requiredDateTime("start");    // needs an offset: +08:00 or Z
//   qint64 us = r.requiredInteger("startUs", {.min = 0});
//   if (!r.ok()) ... r.errors()
class JsonReader
{
public:
    static constexpr qint64 maxSafeInteger = JsonIntegerRule::maxSafeInteger;
    using StringRule = JsonStringRule;
    using IntegerRule = JsonIntegerRule;
    using ArrayRule = JsonArrayRule;

    explicit JsonReader(const QJsonObject &object, const QString &path = QString());

    // Names the entry in later errors' `where`, e.g. its id.
    void setLabel(const QString &label);
    QString path() const { return m_path; }
    QString where() const;
    const QJsonObject &object() const { return m_object; }
    bool has(const QString &key) const;

    QString requiredString(const QString &key, const StringRule &rule = {});
    QString optionalString(const QString &key, const StringRule &rule = {}, const QString &fallback = {});
    // An id by the system's one rule (Identifier).
    QString requiredId(const QString &key);
    QString optionalId(const QString &key);
    qint64 requiredInteger(const QString &key, const IntegerRule &rule = {});
    qint64 optionalInteger(const QString &key, const IntegerRule &rule = {}, qint64 fallback = 0);
    // A finite number from min to max (a fraction allowed).
    double optionalNumber(const QString &key, double min, double max, double fallback);
    bool requiredBool(const QString &key);
    bool optionalBool(const QString &key, bool fallback);
    // ISO 8601 with an explicit offset ("2026-12-05T14:30:00+08:00" or "...Z").
    QDateTime requiredDateTime(const QString &key);
    QDateTime optionalDateTime(const QString &key);
    QJsonArray requiredArray(const QString &key, const ArrayRule &rule = {});
    QJsonArray optionalArray(const QString &key, const ArrayRule &rule = {});
    QStringList requiredStringList(const QString &key, const ArrayRule &rule = {}, const StringRule &each = {});
    QStringList optionalStringList(const QString &key, const ArrayRule &rule = {}, const StringRule &each = {});
    QStringList requiredIdList(const QString &key, const ArrayRule &rule = {});
    QStringList optionalIdList(const QString &key, const ArrayRule &rule = {});
    // One of choices; returns its index, or -1 (and an error listing the choices).
    int requiredChoice(const QString &key, const QStringList &choices);
    int optionalChoice(const QString &key, const QStringList &choices, int fallback);

    // A nested object field; a missing or non-object field is an error and yields a
    // reader over an empty object (whose reads then report their own missing fields).
    JsonReader child(const QString &key);
    JsonReader optionalChild(const QString &key);
    // Entry `index` of the array read from field `arrayKey`: a new entry for `where`.
    JsonReader element(const QString &arrayKey, const QJsonArray &array, qsizetype index);

    // Records a problem with `field` found by the caller's own checks.
    void addError(const QString &field, const QString &message);
    // Reports every field of this object that no read asked for (usually a typo).
    void rejectUnknownFields();

    bool ok() const { return m_shared->errors.isEmpty(); }
    QList<JsonError> errors() const { return m_shared->errors; }

private:
    struct Shared
    {
        QList<JsonError> errors;
    };
    JsonReader(const QJsonObject &object, const QString &path, const QString &where, const QString &fieldPrefix,
               std::shared_ptr<Shared> shared);

    // The value of key, or undefined (with an error when required) if absent or null.
    QJsonValue take(const QString &key, bool required);
    bool checkString(const QString &key, const QString &value, const StringRule &rule);
    QStringList stringList(const QString &key, const QJsonArray &array, const StringRule &each);
    bool checkArray(const QString &key, const QJsonArray &array, const ArrayRule &rule);
    qint64 integer(const QString &key, const QJsonValue &value, const IntegerRule &rule);
    QDateTime dateTime(const QString &key, const QJsonValue &value);
    int choice(const QString &key, const QJsonValue &value, const QStringList &choices);
    void expected(const QString &key, const QString &what, const QJsonValue &got);
    QString pathOf(const QString &key) const;

    QJsonObject m_object;
    QString m_path;
    QString m_where;
    QString m_label;
    QString m_fieldPrefix;
    QSet<QString> m_asked;
    // Set on a reader over an object that was missing or not an object: its own
    // missing fields are not reported again.
    bool m_absent = false;
    std::shared_ptr<Shared> m_shared;
};

} // namespace fest
