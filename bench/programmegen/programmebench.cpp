#include "programmebench.h"

#include "playlist.h"
#include "playlistjson.h"
#include "programmecsv.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QElapsedTimer>
#include <algorithm>
#include <functional>

namespace fest {
namespace {

QJsonObject measure(int rounds, const std::function<void()> &work)
{
    QList<double> ms;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        ms.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {{QStringLiteral("medianMs"), ms.at(ms.size() / 2)}, {QStringLiteral("maxMs"), ms.last()}};
}

} // namespace

QJsonObject ProgrammeBench::run(const Programme &programme, int rounds, int changeoverMinutes)
{
    const QByteArray json = ProgrammeJson::encode(programme);
    const QByteArray csv = ProgrammeCsv::encode(programme.screenings);
    // Results are kept in volatile sinks so the work is not optimised away.
    volatile qsizetype sink = 0;
    QJsonObject result{{QStringLiteral("films"), programme.films.size()},
                       {QStringLiteral("screens"), programme.screens.size()},
                       {QStringLiteral("screenings"), programme.screenings.size()},
                       {QStringLiteral("jsonBytes"), json.size()},
                       {QStringLiteral("csvBytes"), csv.size()},
                       {QStringLiteral("rounds"), rounds}};
    result.insert(QStringLiteral("decode"), measure(rounds, [&] {
        QList<ProgrammeError> errors;
        sink = ProgrammeJson::decode(json, &errors)->films.size();
    }));
    result.insert(QStringLiteral("validate"), measure(rounds, [&] {
        sink = ProgrammeValidator::validate(programme, changeoverMinutes).size();
    }));
    result.insert(QStringLiteral("encodeAndHash"), measure(rounds, [&] {
        sink = ProgrammeJson::contentHash(programme).size();
    }));
    result.insert(QStringLiteral("allPlaylists"), measure(rounds, [&] {
        for (const Screen &screen : programme.screens)
            sink = PlaylistJson::toJson(Playlist::forScreen(programme, screen.id, 1)).size();
    }));
    result.insert(QStringLiteral("csvDecode"), measure(rounds, [&] {
        QList<ProgrammeError> errors;
        sink = ProgrammeCsv::decode(csv, &errors)->size();
    }));
    Q_UNUSED(sink);
    return result;
}

} // namespace fest
