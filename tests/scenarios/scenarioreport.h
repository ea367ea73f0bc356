#pragma once

#include <QJsonObject>
#include <QString>

namespace fest {

// The suite's figures: each scenario appends one markdown row (scenario, size, figures as
// "key value" pairs, verdict) and one JSON line to ${FEST_BINARY_DIR}/scenario-report.md
// and scenario-report.jsonl, and prints the row, so that `./run test` leaves a report.
class ScenarioReport
{
public:
    explicit ScenarioReport(QString scenario);

    ScenarioReport &set(const QString &key, const QJsonValue &value);
    // Writes the row; call once, after the scenario's checks passed.
    void write() const;

    static QString markdownPath();
    static QString jsonPath();

private:
    QString m_scenario;
    QJsonObject m_figures;
};

} // namespace fest
