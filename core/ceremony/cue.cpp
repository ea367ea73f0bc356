#include "cue.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace fest {

namespace {

const JsonStringRule mediaRule{.maxLength = 1024,
                               .pattern = QRegularExpression(QStringLiteral("^(?!/)(?!.*\\.\\.)[^\\x00-\\x1f]*$")),
                               .patternHint = QStringLiteral("a relative path without \"..\"")};
const JsonStringRule textRule{.maxLength = 512};

QJsonObject textToJson(const LocalizedText &text)
{
    return {{"en", text.en}, {"zh", text.zh}};
}

LocalizedText readText(JsonReader r)
{
    LocalizedText text;
    text.en = r.optionalString(QStringLiteral("en"), textRule);
    text.zh = r.optionalString(QStringLiteral("zh"), textRule);
    r.rejectUnknownFields();
    return text;
}

} // namespace

QStringList Cue::typeNames()
{
    return {QStringLiteral("intro"), QStringLiteral("title"), QStringLiteral("nominee"), QStringLiteral("reveal"),
            QStringLiteral("outro")};
}

QString Cue::clipMedia() const
{
    if (type == Type::Nominee && film)
        return film->media;
    if (type == Type::Reveal && winner)
        return winner->media;
    return media;
}

QJsonObject Cue::filmToJson(const CueFilm &film)
{
    QJsonObject o{{"id", film.id}, {"title", textToJson(film.title)}};
    if (!film.originalTitle.isEmpty())
        o.insert(QStringLiteral("originalTitle"), film.originalTitle);
    if (!film.media.isEmpty())
        o.insert(QStringLiteral("media"), film.media);
    return o;
}

CueFilm Cue::readFilm(JsonReader r)
{
    CueFilm film;
    film.id = r.requiredId(QStringLiteral("id"));
    film.originalTitle = r.optionalString(QStringLiteral("originalTitle"), textRule);
    film.title = readText(r.optionalChild(QStringLiteral("title")));
    film.media = r.optionalString(QStringLiteral("media"), mediaRule);
    r.rejectUnknownFields();
    return film;
}

QJsonObject Cue::toJson() const
{
    QJsonObject o{{"type", typeNames().at(int(type))}, {"heading", textToJson(heading)}};
    if (!media.isEmpty())
        o.insert(QStringLiteral("media"), media);
    if (!categoryId.isEmpty())
        o.insert(QStringLiteral("category"), categoryId);
    if (!nominees.isEmpty()) {
        QJsonArray list;
        for (const CueFilm &f : nominees)
            list.append(filmToJson(f));
        o.insert(QStringLiteral("nominees"), list);
    }
    if (film)
        o.insert(QStringLiteral("film"), filmToJson(*film));
    if (winner)
        o.insert(QStringLiteral("winner"), filmToJson(*winner));
    return o;
}

std::optional<Cue> Cue::read(JsonReader &r)
{
    Cue cue;
    const int type = r.requiredChoice(QStringLiteral("type"), typeNames());
    cue.type = Type(qMax(type, 0));
    cue.heading = readText(r.optionalChild(QStringLiteral("heading")));
    cue.media = r.optionalString(QStringLiteral("media"), mediaRule);
    cue.categoryId = r.optionalId(QStringLiteral("category"));
    const QJsonArray nominees = r.optionalArray(QStringLiteral("nominees"), {.maxLength = 200});
    for (qsizetype i = 0; i < nominees.size(); ++i)
        cue.nominees << readFilm(r.element(QStringLiteral("nominees"), nominees, i));
    if (r.has(QStringLiteral("film")))
        cue.film = readFilm(r.child(QStringLiteral("film")));
    if (r.has(QStringLiteral("winner")))
        cue.winner = readFilm(r.child(QStringLiteral("winner")));
    const bool categorised = cue.type == Type::Title || cue.type == Type::Nominee || cue.type == Type::Reveal;
    if (categorised && cue.categoryId.isEmpty())
        r.addError(QStringLiteral("category"), QStringLiteral("a %1 cue needs its award category").arg(typeNames().value(type)));
    if (cue.type == Type::Nominee && !cue.film)
        r.addError(QStringLiteral("film"), QStringLiteral("a nominee cue needs the film whose clip it plays"));
    if (cue.type != Type::Reveal && cue.winner)
        r.addError(QStringLiteral("winner"), QStringLiteral("only a reveal cue may name a winner"));
    r.rejectUnknownFields();
    if (!r.ok())
        return std::nullopt;
    return cue;
}

} // namespace fest
