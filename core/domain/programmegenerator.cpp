#include "programmegenerator.h"

#include <QLocale>
#include <QRandomGenerator>

namespace fest {
namespace {

constexpr int kOffsetSeconds = 8 * 3600;
const QStringList kWords{QStringLiteral("Echo"), QStringLiteral("Harbour"), QStringLiteral("Neon"), QStringLiteral("Signal"),
                         QStringLiteral("Tide"), QStringLiteral("Glass"), QStringLiteral("Memory"), QStringLiteral("Orbit"),
                         QStringLiteral("Lantern"), QStringLiteral("Dream"), QStringLiteral("Static"), QStringLiteral("Garden"),
                         QStringLiteral("Ferry"), QStringLiteral("Mirror"), QStringLiteral("Archive"), QStringLiteral("Drift")};
const QStringList kWordsZh{QStringLiteral("回聲"), QStringLiteral("海港"), QStringLiteral("霓虹"), QStringLiteral("訊號"),
                           QStringLiteral("潮汐"), QStringLiteral("玻璃"), QStringLiteral("記憶"), QStringLiteral("軌道"),
                           QStringLiteral("燈籠"), QStringLiteral("夢"), QStringLiteral("靜電"), QStringLiteral("花園"),
                           QStringLiteral("渡輪"), QStringLiteral("鏡"), QStringLiteral("檔案"), QStringLiteral("漂流")};

QStringList countryCodes(int count)
{
    QStringList codes;
    for (int t = 1; t <= int(QLocale::LastTerritory) && codes.size() < count; ++t) {
        const QString code = QLocale::territoryToCode(QLocale::Territory(t));
        if (code.size() == 2 && code.at(0).isUpper() && code.at(1).isUpper())
            codes.append(code);
    }
    return codes;
}

QList<AwardCategory> awards()
{
    using D = AwardCategory::DecidedBy;
    return {{QStringLiteral("best-film"), {QStringLiteral("Best Film"), QStringLiteral("最佳影片")}, D::Jury, {}},
            {QStringLiteral("best-first-work"), {QStringLiteral("Best First Work"), QStringLiteral("最佳首作")}, D::Jury, {}},
            {QStringLiteral("best-technical-innovation"), {QStringLiteral("Best Technical Innovation"), QStringLiteral("最佳技術創新")}, D::Jury, {}},
            {QStringLiteral("best-human-ai-collaboration"), {QStringLiteral("Best Human-AI Collaboration"), QStringLiteral("最佳人機協作")}, D::Jury, {}},
            {QStringLiteral("audience-award"), {QStringLiteral("Audience Award"), QStringLiteral("觀眾票選獎")}, D::Audience, {}}};
}

Film film(int n, const QStringList &countries, QRandomGenerator &rng)
{
    const qsizetype a = rng.bounded(kWords.size());
    const qsizetype b = rng.bounded(kWords.size());
    Film f;
    f.id = QStringLiteral("F-%1").arg(n, 5, 10, QChar(u'0'));
    f.title = {QStringLiteral("%1 %2 %3").arg(kWords[a], kWords[b]).arg(n), kWordsZh[a] + kWordsZh[b] + QString::number(n)};
    f.makers = {QStringLiteral("Maker %1").arg(n)};
    f.country = countries.isEmpty() ? QString() : countries[n % countries.size()];
    f.year = 2025 + int(rng.bounded(2));
    f.runtimeSeconds = 120 + int(rng.bounded(1380));
    f.language = QStringLiteral("en");
    f.subtitles = {QStringLiteral("en"), QStringLiteral("zh-Hant")};
    f.media = QStringLiteral("films/%1.webm").arg(f.id);
    return f;
}

QDateTime at(const QDate &day, int minuteOfDay)
{
    return QDateTime(day, QTime(0, 0), Qt::OffsetFromUTC, kOffsetSeconds).addSecs(qint64(minuteOfDay) * 60);
}

} // namespace

Programme ProgrammeGenerator::generate(const Options &o)
{
    QRandomGenerator rng(o.seed);
    Programme p;
    p.festivalName = {QStringLiteral("Generated Festival"), QStringLiteral("生成影展")};
    p.timeZone = QStringLiteral("Asia/Hong_Kong");
    p.awards = awards();

    const int perVenue = qMax(1, o.screensPerVenue);
    for (int v = 0; v < (o.screens + perVenue - 1) / perVenue; ++v) {
        const QString id = QStringLiteral("V-%1").arg(v + 1, 3, 10, QChar(u'0'));
        p.venues.append({id, {QStringLiteral("Venue %1").arg(v + 1), QStringLiteral("場館%1").arg(v + 1)}, {}});
    }
    for (int s = 0; s < o.screens; ++s) {
        const QString id = QStringLiteral("SC-%1").arg(s + 1, 3, 10, QChar(u'0'));
        p.screens.append({id, p.venues[s / perVenue].id, {QStringLiteral("Screen %1").arg(s + 1), QStringLiteral("影院%1").arg(s + 1)}});
    }
    const QStringList countries = countryCodes(o.countries);
    for (int n = 1; n <= o.films; ++n)
        p.films.append(film(n, countries, rng));
    for (int i = 0; i < p.films.size() && i < 20; ++i) {
        AwardCategory &award = p.awards[i % p.awards.size()];
        award.nomineeFilmIds.append(p.films[i].id);
        p.films[i].categoryIds.append(award.id);
    }

    // Films are dealt round-robin to the screens, so the whole catalogue gets screened.
    int nextFilm = 0;
    int nextScreening = 1;
    for (int day = 0; day < o.days && !p.films.isEmpty(); ++day) {
        const QDate date = o.firstDay.addDays(day);
        for (const Screen &screen : std::as_const(p.screens)) {
            int minute = 10 * 60;
            while (minute < 22 * 60) {
                Screening s{QStringLiteral("S-%1").arg(nextScreening++, 6, 10, QChar(u'0')), screen.id, {}, {}, {}, {}, {}};
                int contentSeconds = 0;
                while (contentSeconds < o.blockMinutes * 60 && s.filmIds.size() < 8) {
                    const Film &f = p.films[nextFilm++ % p.films.size()];
                    s.filmIds.append(f.id);
                    contentSeconds += f.runtimeSeconds;
                }
                const int slotMinutes = (contentSeconds / 60 + 5) / 5 * 5;   // rounded up, with a little slack
                s.start = at(date, minute);
                s.end = at(date, minute + slotMinutes);
                s.title = {QStringLiteral("Block %1").arg(s.id), QStringLiteral("短片組 %1").arg(s.id)};
                p.screenings.append(s);
                minute += slotMinutes + (o.changeoverMinutes + 4) / 5 * 5;
            }
        }
    }
    return p;
}

} // namespace fest
