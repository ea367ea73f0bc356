#include "tally.h"

#include <QJsonArray>

#include <algorithm>

namespace fest {

Tally::Result Tally::compute(const Database &db, int minimumVotes)
{
    Result result;
    result.minimumVotes = std::max(0, minimumVotes);
    // Kept by the votes table's triggers (VoteStore migration 2).
    Statement s = db.prepare(QStringLiteral("SELECT film_id, score, votes FROM tally_scores ORDER BY film_id"));
    QMap<QString, Film> films;
    qint64 scoreSum = 0;
    while (s.step() == Statement::Step::Row) {
        Film &f = films[s.columnText(0)];
        f.film = s.columnText(0);
        const int score = int(s.columnInt(1));
        const qint64 n = s.columnInt(2);
        if (score >= 1 && score <= 5)
            f.histogram[size_t(score - 1)] = n;
        f.votes += n;
        scoreSum += n * score;
        result.votes += n;
    }
    Statement screenings = db.prepare(QStringLiteral("SELECT film_id, COUNT(*) FROM tally_screenings GROUP BY film_id"));
    while (screenings.step() == Statement::Step::Row) {
        if (films.contains(screenings.columnText(0)))
            films[screenings.columnText(0)].screenings = screenings.columnInt(1);
    }
    result.overallMean = result.votes > 0 ? double(scoreSum) / double(result.votes) : 0;
    const double m = result.minimumVotes, c = result.overallMean;
    for (Film &f : films) {
        qint64 sum = 0;
        for (size_t i = 0; i < f.histogram.size(); ++i)
            sum += f.histogram[i] * qint64(i + 1);
        f.mean = double(sum) / double(f.votes);
        f.weighted = (double(f.votes) * f.mean + m * c) / (double(f.votes) + m);
        f.provisional = f.votes < result.minimumVotes;
        result.films.append(f);
    }
    std::sort(result.films.begin(), result.films.end(), [](const Film &a, const Film &b) {
        if (a.weighted != b.weighted)
            return a.weighted > b.weighted;
        return a.votes != b.votes ? a.votes > b.votes : a.film < b.film;
    });
    return result;
}

QJsonObject Tally::toJson(const Result &result)
{
    QJsonArray films;
    for (const Film &f : result.films) {
        QJsonArray histogram;
        for (qint64 n : f.histogram)
            histogram.append(n);
        films.append(QJsonObject{
            {QStringLiteral("film"), f.film},
            {QStringLiteral("votes"), f.votes},
            {QStringLiteral("mean"), f.mean},
            {QStringLiteral("weighted"), f.weighted},
            {QStringLiteral("screenings"), f.screenings},
            {QStringLiteral("histogram"), histogram},
            {QStringLiteral("provisional"), f.provisional},
        });
    }
    return QJsonObject{
        {QStringLiteral("minimumVotes"), result.minimumVotes},
        {QStringLiteral("votes"), result.votes},
        {QStringLiteral("mean"), result.overallMean},
        {QStringLiteral("films"), films},
    };
}

QString Tally::toCsv(const Result &result)
{
    QString out = QStringLiteral("rank,film,votes,mean,weighted,screenings,stars1,stars2,stars3,stars4,stars5,provisional\n");
    int rank = 0;
    for (const Film &f : result.films) {
        out += QStringLiteral("%1,%2,%3,%4,%5,%6").arg(++rank).arg(f.film).arg(f.votes)
                   .arg(f.mean, 0, 'f', 3).arg(f.weighted, 0, 'f', 3).arg(f.screenings);
        for (qint64 n : f.histogram)
            out += u',' + QString::number(n);
        out += f.provisional ? QStringLiteral(",yes\n") : QStringLiteral(",no\n");
    }
    return out;
}

} // namespace fest
