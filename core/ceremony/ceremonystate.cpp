#include "ceremonystate.h"

#include "envelope.h"
#include "jsonreader.h"
#include "messagetype.h"

#include <QJsonArray>

#include <algorithm>

namespace fest {

namespace {

const QString typeName = MessageType::ceremony();

} // namespace

QByteArray CeremonyState::encode() const
{
    QJsonObject body{{"seq", seq},
                     {"cueSeq", cueSeq},
                     {"active", active},
                     {"blackout", blackout},
                     {"index", index},
                     {"count", count},
                     {"executeAtUs", executeAtUs},
                     {"expiresAtUs", expiresAtUs},
                     {"sentAtUs", sentAtUs}};
    if (cue)
        body.insert(QStringLiteral("cue"), cue->toJson());
    if (!announced.isEmpty()) {
        QJsonArray list;
        for (const Cue &reveal : announced)
            list.append(reveal.toJson());
        body.insert(QStringLiteral("announced"), list);
    }
    return Envelope::encode(typeName, body);
}

std::optional<CeremonyState> CeremonyState::decode(const QByteArray &payload, DecodeError *error)
{
    DecodeError local;
    DecodeError &e = error ? *error : local;
    JsonLimits limits;
    limits.maxBytes = maxBytes;
    const std::optional<QJsonObject> body = Envelope::decode(payload, typeName, limits, e);
    if (!body)
        return std::nullopt;
    JsonReader r(*body);
    CeremonyState s;
    s.seq = r.requiredInteger(QStringLiteral("seq"), {.min = 1});
    s.cueSeq = r.requiredInteger(QStringLiteral("cueSeq"), {.min = 0});
    s.active = r.requiredBool(QStringLiteral("active"));
    s.blackout = r.requiredBool(QStringLiteral("blackout"));
    s.index = int(r.requiredInteger(QStringLiteral("index"), {.min = -1, .max = 100000}));
    s.count = int(r.requiredInteger(QStringLiteral("count"), {.min = 0, .max = 100000}));
    s.executeAtUs = r.requiredInteger(QStringLiteral("executeAtUs"), {.min = 0});
    s.expiresAtUs = r.requiredInteger(QStringLiteral("expiresAtUs"), {.min = 0});
    s.sentAtUs = r.optionalInteger(QStringLiteral("sentAtUs"), {.min = 0});
    if (r.has(QStringLiteral("cue"))) {
        JsonReader cueReader = r.child(QStringLiteral("cue"));
        s.cue = Cue::read(cueReader);
    }
    const QJsonArray announced = r.optionalArray(QStringLiteral("announced"), {.maxLength = maxAnnounced});
    for (qsizetype i = 0; i < announced.size(); ++i) {
        JsonReader revealReader = r.element(QStringLiteral("announced"), announced, i);
        const std::optional<Cue> reveal = Cue::read(revealReader);
        if (!reveal)
            continue;
        if (reveal->type != Cue::Type::Reveal || !reveal->winner)
            revealReader.addError(QStringLiteral("type"), QStringLiteral("an announced award is a reveal with its winner"));
        else if (std::any_of(s.announced.cbegin(), s.announced.cend(), [&](const Cue &c) { return c.categoryId == reveal->categoryId; }))
            revealReader.addError(QStringLiteral("category"), QStringLiteral("%1 is announced twice").arg(reveal->categoryId));
        else
            s.announced.append(*reveal);
    }
    if (r.ok() && s.expiresAtUs < s.executeAtUs)
        r.addError(QStringLiteral("expiresAtUs"), QStringLiteral("expires before it executes"));
    if (r.ok() && s.cueSeq > s.seq)
        r.addError(QStringLiteral("cueSeq"), QStringLiteral("is newer than the message's seq"));
    if (r.ok() && s.active && (!s.cue || s.index < 0 || s.index >= s.count))
        r.addError(QStringLiteral("index"), QStringLiteral("an active ceremony needs a current cue within the list"));
    r.rejectUnknownFields();
    if (!r.ok()) {
        QStringList problems;
        for (const JsonError &je : r.errors())
            problems << je.toString();
        e = {DecodeError::Kind::InvalidField, problems.join(QStringLiteral("; "))};
        return std::nullopt;
    }
    return s;
}

} // namespace fest
