#pragma once

#include "localizedtext.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace fest {

class JsonReader;

// A film as a ceremony cue shows it: titles for the cards, media for the clip.
struct CueFilm
{
    QString id;
    QString originalTitle;
    LocalizedText title;
    QString media;      // relative path under the players' media folder; may be empty
    bool operator==(const CueFilm &) const = default;
};

// One step of the award ceremony as it travels on the bus (docs/ceremony.md).
//
// A cue carries only what may be shown when it fires: the reveal of a category is the
// only cue with a winner, and the controller fills the winner in when it publishes that
// cue, never earlier.
struct Cue
{
    enum class Type { Intro, Title, Nominee, Reveal, Outro };
    static QStringList typeNames();   // "intro", "title", "nominee", "reveal", "outro"

    Type type = Type::Intro;
    LocalizedText heading;             // intro/outro card text, category name otherwise
    QString media;                     // clip of an intro or outro; nominee and reveal use film/winner
    QString categoryId;                // title, nominee, reveal
    QList<CueFilm> nominees;           // title, nominee, reveal: the category's nominees
    std::optional<CueFilm> film;       // nominee: the film whose clip plays
    std::optional<CueFilm> winner;     // reveal only

    // The clip to play when the cue fires, or empty for a card alone.
    QString clipMedia() const;

    QJsonObject toJson() const;
    // Reads a cue from `r` (checks each field, refuses unknown ones and a winner on any
    // cue but a reveal); nullopt when r reports errors.
    static std::optional<Cue> read(JsonReader &r);

    bool operator==(const Cue &) const = default;

    static QJsonObject filmToJson(const CueFilm &film);
    static CueFilm readFilm(JsonReader r);
};

} // namespace fest

Q_DECLARE_METATYPE(fest::Cue)
