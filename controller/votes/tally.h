#pragma once

#include "database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fest {

// The Audience Award count, computed from the votes database.
//
// Per film, over all its screenings: votes are pooled, and a ticket that voted for the
// same film at two screenings counts once (its first ballot), so a film shown twice is
// neither helped by repeat viewers nor hurt by smaller rooms. The ranking uses the
// Bayesian (weighted) average  W = (v*R + m*C) / (v + m), where v is the film's vote
// count, R its mean score, C the mean of all counted votes and m the minimum number of
// votes: a film seen by twelve people cannot beat one seen by four hundred on a lucky
// mean. Films below m votes are ranked but flagged as provisional.
class Tally
{
public:
    struct Film
    {
        QString film;
        qint64 votes = 0;
        double mean = 0;
        double weighted = 0;
        qint64 screenings = 0;
        std::array<qint64, 5> histogram{};  // votes with 1..5 stars
        bool provisional = true;            // fewer than the minimum votes
    };
    struct Result
    {
        QList<Film> films;      // best first
        qint64 votes = 0;       // counted after per-film deduplication
        double overallMean = 0;
        int minimumVotes = 0;
    };

    static Result compute(const Database &db, int minimumVotes);
    // Body of the "results" message: {"minimumVotes":..,"votes":..,"mean":..,
    //   "films":[{"film","votes","mean","weighted","screenings","histogram","provisional"}]}
    static QJsonObject toJson(const Result &result);
    static QString toCsv(const Result &result);
};

} // namespace fest
