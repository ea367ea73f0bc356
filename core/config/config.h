#pragma once

#include <QCommandLineParser>
#include <QHash>
#include <QString>
#include <QStringList>

namespace fest {

// A component's configuration: an INI file read with QSettings, with overrides from the
// command line (`--set section/key=value`, or an app's own flags). Typed reads validate the
// value and collect problems that name the file and the key, so that a whole bad file is
// reported at once instead of one error per start.
class Config
{
public:
    // Adds --config FILE and --set KEY=VALUE (repeatable).
    static void addOptions(QCommandLineParser &parser, const QString &defaultFile = {});
    // Reads the file named by --config (or defaultFile), then applies every --set.
    // A file that was named but cannot be read is an error.
    static Config fromParser(const QCommandLineParser &parser, const QString &defaultFile = {});
    static Config fromFile(const QString &path);

    void set(const QString &key, const QString &value);
    bool contains(const QString &key) const;

    QString string(const QString &key, const QString &fallback = {}) const;
    QString requiredString(const QString &key) const;
    int integer(const QString &key, int fallback, int min, int max) const;
    bool boolean(const QString &key, bool fallback) const;
    QStringList list(const QString &key) const;  // comma-separated
    // A path; relative ones are taken relative to the config file's folder.
    QString path(const QString &key, const QString &fallback = {}) const;
    QStringList keys(const QString &section) const;

    // Reads a whole file's first line (a password file), reporting the key on failure.
    QString secretFromFile(const QString &key) const;

    void addError(const QString &key, const QString &message) const;
    bool ok() const { return m_errors.isEmpty(); }
    QStringList errors() const { return m_errors; }
    QString file() const { return m_file; }

private:
    QString where(const QString &key) const;

    QString m_file;
    QHash<QString, QString> m_values;
    mutable QStringList m_errors;
};

} // namespace fest
