#include "ceremonyscript.h"

#include "jsonreader.h"
#include "programme.h"

#include <QJsonArray>

namespace fest {

namespace {

const JsonStringRule textRule{.maxLength = 512};
const JsonStringRule mediaRule{.maxLength = 1024,
                               .pattern = QRegularExpression(QStringLiteral("^(?!/)(?!.*\\.\\.)[^\\x00-\\x1f]+$")),
                               .patternHint = QStringLiteral("a relative path without \"..\"")};

} // namespace

QList<CueDefinition> CeremonyScript::generate(const Programme &programme)
{
    QList<CueDefinition> cues;
    cues << CueDefinition{Cue::Type::Intro, programme.festivalName, {}, {}, {}};
    for (const AwardCategory &award : programme.awards) {
        cues << CueDefinition{Cue::Type::Title, {}, {}, award.id, {}};
        for (const QString &film : award.nomineeFilmIds)
            cues << CueDefinition{Cue::Type::Nominee, {}, {}, award.id, film};
        cues << CueDefinition{Cue::Type::Reveal, {}, {}, award.id, {}};
    }
    cues << CueDefinition{Cue::Type::Outro, programme.festivalName, {}, {}, {}};
    return cues;
}

std::optional<QList<CueDefinition>> CeremonyScript::read(const QJsonObject &document, const Programme &programme,
                                                         QList<JsonError> *errors)
{
    JsonReader r(document);
    r.requiredInteger(QStringLiteral("formatVersion"), {.min = 1, .max = 1});
    const QJsonArray list = r.requiredArray(QStringLiteral("cues"), {.maxLength = maxCues, .minLength = 1});
    QList<CueDefinition> cues;
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader e = r.element(QStringLiteral("cues"), list, i);
        CueDefinition cue;
        cue.type = Cue::Type(qMax(0, e.requiredChoice(QStringLiteral("type"), Cue::typeNames())));
        JsonReader heading = e.optionalChild(QStringLiteral("heading"));
        cue.heading = {heading.optionalString(QStringLiteral("en"), textRule), heading.optionalString(QStringLiteral("zh"), textRule)};
        heading.rejectUnknownFields();
        cue.media = e.optionalString(QStringLiteral("media"), mediaRule);
        cue.category = e.optionalId(QStringLiteral("category"));
        cue.film = e.optionalId(QStringLiteral("film"));
        if (e.has(QStringLiteral("winner")))
            e.addError(QStringLiteral("winner"), QStringLiteral("winners are not part of the cue list: set them sealed with "
                                                                "\"festctl ceremony set-winner\""));
        check(cue, programme, e);
        e.rejectUnknownFields();
        cues << cue;
    }
    r.rejectUnknownFields();
    if (!r.ok()) {
        if (errors)
            *errors = r.errors();
        return std::nullopt;
    }
    return cues;
}

void CeremonyScript::check(const CueDefinition &cue, const Programme &programme, JsonReader &r)
{
    const bool categorised = cue.type == Cue::Type::Title || cue.type == Cue::Type::Nominee || cue.type == Cue::Type::Reveal;
    if (!categorised && !cue.category.isEmpty())
        r.addError(QStringLiteral("category"), QStringLiteral("only title, nominee and reveal cues belong to a category"));
    if (cue.type != Cue::Type::Nominee && !cue.film.isEmpty())
        r.addError(QStringLiteral("film"), QStringLiteral("only a nominee cue names a film"));
    if (!categorised)
        return;
    const AwardCategory *award = programme.award(cue.category);
    if (!award) {
        r.addError(QStringLiteral("category"), QStringLiteral("no award category \"%1\" in the programme").arg(cue.category));
        return;
    }
    if (cue.type == Cue::Type::Nominee && !award->nomineeFilmIds.contains(cue.film))
        r.addError(QStringLiteral("film"), QStringLiteral("\"%1\" is not a nominee of %2").arg(cue.film, cue.category));
}

QJsonObject CeremonyScript::toJson(const QList<CueDefinition> &cues)
{
    QJsonArray list;
    for (const CueDefinition &c : cues) {
        QJsonObject o{{"type", Cue::typeNames().at(int(c.type))}};
        if (!c.heading.isEmpty())
            o.insert(QStringLiteral("heading"), QJsonObject{{"en", c.heading.en}, {"zh", c.heading.zh}});
        if (!c.media.isEmpty())
            o.insert(QStringLiteral("media"), c.media);
        if (!c.category.isEmpty())
            o.insert(QStringLiteral("category"), c.category);
        if (!c.film.isEmpty())
            o.insert(QStringLiteral("film"), c.film);
        list.append(o);
    }
    return {{"formatVersion", 1}, {"cues", list}};
}

CueFilm CeremonyScript::cueFilm(const Programme &programme, const QString &filmId)
{
    const Film *film = programme.film(filmId);
    if (!film)
        return {filmId, {}, {}, {}};
    return {film->id, film->originalTitle, film->title, film->media};
}

Cue CeremonyScript::expand(const CueDefinition &definition, const Programme &programme, const QString &winner)
{
    Cue cue;
    cue.type = definition.type;
    cue.heading = definition.heading;
    cue.media = definition.media;
    cue.categoryId = definition.category;
    if (const AwardCategory *award = programme.award(definition.category)) {
        cue.heading = award->name;
        for (const QString &id : award->nomineeFilmIds)
            cue.nominees << cueFilm(programme, id);
    }
    if (definition.type == Cue::Type::Nominee)
        cue.film = cueFilm(programme, definition.film);
    if (definition.type == Cue::Type::Reveal && !winner.isEmpty())
        cue.winner = cueFilm(programme, winner);
    return cue;
}

QJsonObject CeremonyScript::summary(const CueDefinition &definition, int index)
{
    QJsonObject o = toJson({definition}).value(QStringLiteral("cues")).toArray().first().toObject();
    o.insert(QStringLiteral("index"), index);
    return o;
}

} // namespace fest
