#include "scenarioreport.h"

#include "scenariosize.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace fest {

ScenarioReport::ScenarioReport(QString scenario)
    : m_scenario(std::move(scenario))
{
}

ScenarioReport &ScenarioReport::set(const QString &key, const QJsonValue &value)
{
    m_figures.insert(key, value);
    return *this;
}

namespace {
QString reportFolder()
{
    const QString root = qEnvironmentVariable("FEST_BINARY_DIR");
    return root.isEmpty() ? QDir::currentPath() : root;
}

QString figureText(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'f', 1);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return v.toString();
}
} // namespace

QString ScenarioReport::markdownPath()
{
    return QDir(reportFolder()).filePath(QStringLiteral("scenario-report.md"));
}

QString ScenarioReport::jsonPath()
{
    return QDir(reportFolder()).filePath(QStringLiteral("scenario-report.jsonl"));
}

void ScenarioReport::write() const
{
    const QString size = ScenarioSize::isLong() ? QStringLiteral("long") : QStringLiteral("short");
    const QString when = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QStringList figures;
    for (auto it = m_figures.constBegin(); it != m_figures.constEnd(); ++it)
        figures << QStringLiteral("%1 %2").arg(it.key(), figureText(it.value()));
    const QString row = QStringLiteral("| %1 | %2 | %3 | %4 | passed |").arg(when, m_scenario, size, figures.join(QStringLiteral(", ")));

    QFile md(markdownPath());
    const bool fresh = !md.exists();
    // Several scenario tests run in parallel: each row goes out in one append write.
    if (md.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        QByteArray text;
        if (fresh)
            text = "# Scenario report\n\n| when (UTC) | scenario | size | figures | verdict |\n|---|---|---|---|---|\n";
        md.write(text + row.toUtf8() + '\n');
    }
    QJsonObject line{{"when", when}, {"scenario", m_scenario}, {"size", size}, {"figures", m_figures}};
    QFile json(jsonPath());
    if (json.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        json.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    QTextStream(stdout) << "SCENARIO " << row << '\n';
}

} // namespace fest
