#include "config.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QSettings>

namespace fest {

void Config::addOptions(QCommandLineParser &parser, const QString &defaultFile)
{
    parser.addOption({QStringLiteral("config"),
                      defaultFile.isEmpty() ? QStringLiteral("Configuration file (INI).")
                                            : QStringLiteral("Configuration file (INI); default %1.").arg(defaultFile),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("set"), QStringLiteral("Override a setting, e.g. --set broker/url=mqtt://host:1883 (repeatable)."),
                      QStringLiteral("key=value")});
}

Config Config::fromParser(const QCommandLineParser &parser, const QString &defaultFile)
{
    const bool named = parser.isSet(QStringLiteral("config"));
    const QString file = named ? parser.value(QStringLiteral("config")) : defaultFile;
    Config config;
    if (!file.isEmpty() && (named || QFileInfo::exists(file)))
        config = fromFile(file);
    for (const QString &pair : parser.values(QStringLiteral("set"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            config.m_errors << QStringLiteral("--set %1: expected KEY=VALUE, e.g. --set broker/url=mqtt://127.0.0.1:1883").arg(pair);
            continue;
        }
        config.set(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    return config;
}

Config Config::fromFile(const QString &path)
{
    Config config;
    config.m_file = path;
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly)) {
        config.m_errors << QStringLiteral("%1: cannot read the configuration file (%2)").arg(path, probe.errorString());
        return config;
    }
    probe.close();
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        config.m_errors << QStringLiteral("%1: not a valid INI file").arg(path);
        return config;
    }
    for (const QString &key : ini.allKeys()) {
        const QVariant v = ini.value(key);
        config.m_values.insert(key, v.typeId() == QMetaType::QStringList ? v.toStringList().join(QLatin1Char(',')) : v.toString());
    }
    return config;
}

void Config::set(const QString &key, const QString &value) { m_values.insert(key, value); }
bool Config::contains(const QString &key) const { return m_values.contains(key); }

QString Config::where(const QString &key) const
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    const QString pretty = slash < 0 ? key : QStringLiteral("[%1] %2").arg(key.left(slash), key.mid(slash + 1));
    return m_file.isEmpty() ? pretty : QStringLiteral("%1: %2").arg(m_file, pretty);
}

void Config::addError(const QString &key, const QString &message) const
{
    m_errors << QStringLiteral("%1: %2").arg(where(key), message);
}

QString Config::string(const QString &key, const QString &fallback) const
{
    return m_values.value(key, fallback);
}

QString Config::requiredString(const QString &key) const
{
    const QString v = m_values.value(key).trimmed();
    if (v.isEmpty())
        addError(key, QStringLiteral("missing; this setting is required"));
    return v;
}

int Config::integer(const QString &key, int fallback, int min, int max) const
{
    if (!m_values.contains(key))
        return fallback;
    bool ok = false;
    const int v = m_values.value(key).trimmed().toInt(&ok);
    if (!ok || v < min || v > max) {
        addError(key, QStringLiteral("expected a whole number from %1 to %2, got \"%3\"").arg(min).arg(max).arg(m_values.value(key)));
        return fallback;
    }
    return v;
}

bool Config::boolean(const QString &key, bool fallback) const
{
    if (!m_values.contains(key))
        return fallback;
    const QString v = m_values.value(key).trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1") || v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0") || v == QLatin1String("off"))
        return false;
    addError(key, QStringLiteral("expected true or false, got \"%1\"").arg(m_values.value(key)));
    return fallback;
}

QStringList Config::list(const QString &key) const
{
    QStringList out;
    for (const QString &part : m_values.value(key).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QString Config::path(const QString &key, const QString &fallback) const
{
    const QString v = m_values.value(key, fallback);
    if (v.isEmpty() || QDir::isAbsolutePath(v) || m_file.isEmpty() || !m_values.contains(key))
        return v;
    return QFileInfo(m_file).absoluteDir().filePath(v);
}

QStringList Config::keys(const QString &section) const
{
    QStringList out;
    const QString prefix = section + QLatin1Char('/');
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        if (it.key().startsWith(prefix))
            out << it.key().mid(prefix.size());
    out.sort();
    return out;
}

QString Config::secretFromFile(const QString &key) const
{
    const QString file = path(key);
    if (file.isEmpty())
        return {};
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        addError(key, QStringLiteral("cannot read %1 (%2)").arg(file, f.errorString()));
        return {};
    }
    const QString secret = QString::fromUtf8(f.readLine()).trimmed();
    if (secret.isEmpty())
        addError(key, QStringLiteral("%1 is empty").arg(file));
    return secret;
}

} // namespace fest
