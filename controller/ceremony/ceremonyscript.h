#pragma once

#include "cue.h"
#include "jsonerror.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace fest {

struct Programme;

// One cue of the list as organisers write it: ids only. What the cue shows (category
// names, nominee titles, clips, the winner) is filled in from the programme when the cue
// is published, so a film retitled after the import still shows its current title.
struct CueDefinition
{
    Cue::Type type = Cue::Type::Intro;
    LocalizedText heading;   // intro and outro cards
    QString media;           // intro and outro clips
    QString category;        // title, nominee, reveal
    QString film;            // nominee
    bool operator==(const CueDefinition &) const = default;
};

// The ceremony's cue list: read from its JSON file format (docs/ceremony.md), generated
// from the programme's award categories, and turned into publishable cues.
class CeremonyScript
{
public:
    // intro, then per category: title card, one cue per nominee, reveal; then outro.
    static QList<CueDefinition> generate(const Programme &programme);

    // {"formatVersion": 1, "cues": [...]} checked against the programme (categories and
    // nominees exist). A reveal names no winner: winners are set sealed, separately.
    static std::optional<QList<CueDefinition>> read(const QJsonObject &document, const Programme &programme,
                                                    QList<JsonError> *errors);
    static QJsonObject toJson(const QList<CueDefinition> &cues);

    // The cue as it goes on the bus; `winner` is used only by a reveal.
    static Cue expand(const CueDefinition &definition, const Programme &programme, const QString &winner = {});
    // The cue without anything sealed, for status replies.
    static QJsonObject summary(const CueDefinition &definition, int index);

    static constexpr int maxCues = 1000;

private:
    static CueFilm cueFilm(const Programme &programme, const QString &filmId);
    static void check(const CueDefinition &cue, const Programme &programme, JsonReader &r);
};

} // namespace fest
