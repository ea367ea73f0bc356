#pragma once

#include "programme.h"

#include <QDate>

namespace fest {

// Builds large, valid programmes for scale tests and benchmarks: a catalogue of films
// from many countries, venues of several screens, and every screen filled each day from
// 10:00 to 22:00 (+08:00) with blocks of short films separated by the changeover gap.
// The same Options (seed included) always give the same programme.
class ProgrammeGenerator
{
public:
    struct Options
    {
        int films = 1300;
        int countries = 80;
        int screens = 100;
        int days = 2;
        quint32 seed = 1;
        QDate firstDay = QDate(2026, 12, 5);
        int changeoverMinutes = 10;
        int screensPerVenue = 5;
        int blockMinutes = 60;          // a block is filled up to about this length
    };

    static Programme generate(const Options &options);
};

} // namespace fest
