// fest_fuzz_seeds CONFIG_DIR OUT_DIR: writes the seed corpus of every harness, built at
// build time from the sample data in config/ with the product's own encoders, so that the
// seeds follow the wire formats as they change. One folder per harness under OUT_DIR.

#include "ballot.h"
#include "ballotreply.h"
#include "ceremonystate.h"
#include "envelope.h"
#include "playerstatus.h"
#include "playlist.h"
#include "playlistjson.h"
#include "programmecsv.h"
#include "programmejson.h"
#include "reply.h"
#include "request.h"
#include "stillmessage.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "topics.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTimeZone>

#include <cstdio>

using namespace fest;

namespace {

class SeedWriter
{
public:
    explicit SeedWriter(const QString &root) : m_root(root) {}

    void add(const QString &harness, const QByteArray &data)
    {
        QDir().mkpath(m_root + u'/' + harness);
        // Named by content, like libFuzzer's own corpus entries.
        const QString name = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex());
        QFile file(m_root + u'/' + harness + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            m_failed = true;
        }
        ++m_count;
    }
    bool failed() const { return m_failed; }
    int count() const { return m_count; }

private:
    QString m_root;
    bool m_failed = false;
    int m_count = 0;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return file.readAll();
}

CueFilm cueFilm(const Film &film)
{
    return {film.id, film.originalTitle, film.title, film.media};
}

QList<CeremonyState> ceremonyStates(const Programme &p)
{
    QList<CeremonyState> states;
    CeremonyState idle;
    idle.seq = 1;
    states << idle;
    if (p.films.isEmpty())
        return states;
    QList<CueFilm> nominees;
    for (const Film &f : p.films.mid(0, 3))
        nominees << cueFilm(f);
    const QString category = p.awards.isEmpty() ? QStringLiteral("best-film") : p.awards.first().id;
    const LocalizedText heading = p.awards.isEmpty() ? LocalizedText{} : p.awards.first().name;
    QList<Cue> cues;
    cues << Cue{Cue::Type::Intro, p.festivalName, QStringLiteral("ceremony/intro.webm"), {}, {}, {}, {}};
    cues << Cue{Cue::Type::Title, heading, {}, category, nominees, {}, {}};
    cues << Cue{Cue::Type::Nominee, heading, {}, category, nominees, nominees.first(), {}};
    cues << Cue{Cue::Type::Reveal, heading, {}, category, nominees, {}, nominees.first()};
    cues << Cue{Cue::Type::Outro, p.festivalName, {}, {}, {}, {}, {}};
    qint64 seq = 1;
    for (int i = 0; i < cues.size(); ++i) {
        CeremonyState s;
        s.seq = ++seq;
        s.cueSeq = s.seq;
        s.active = true;
        s.blackout = i == 2;
        s.index = i;
        s.count = int(cues.size());
        s.cue = cues[i];
        s.executeAtUs = 1796452201423456 + i * 1000000;
        s.expiresAtUs = s.executeAtUs + 2000000;
        s.sentAtUs = s.executeAtUs - 300000;
        states << s;
    }
    return states;
}

void programmeSeeds(SeedWriter &out, const QString &config, const Programme &p)
{
    const QByteArray sampleJson = readFile(config + QStringLiteral("/programme.sample.json"));
    out.add(QStringLiteral("programme_json"), sampleJson);
    Programme small = p;
    small.screenings = p.screenings.mid(0, 4);
    small.events.clear();
    out.add(QStringLiteral("programme_json"), ProgrammeJson::encode(small));

    const QJsonObject message{{"version", 8}, {"hash", ProgrammeJson::contentHash(p)}, {"committedAtUs", qint64(1796452201123456)},
                              {"programme", ProgrammeJson::toJson(p)}};
    out.add(QStringLiteral("programme_message"), Envelope::encode(QStringLiteral("programme"), message));
    out.add(QStringLiteral("programme_message"), ProgrammeJson::encode(small));

    out.add(QStringLiteral("programme_csv"), readFile(config + QStringLiteral("/programme.sample.csv")));
    out.add(QStringLiteral("programme_csv"), ProgrammeCsv::encode(p.screenings.mid(0, 6)));
}

void busSeeds(SeedWriter &out, const Programme &p)
{
    const QHash<QString, Playlist> playlists = Playlist::forAllScreens(p, 8);
    for (const Playlist &playlist : playlists) {
        const QByteArray bytes = Envelope::encode(QStringLiteral("playlist"), PlaylistJson::toJson(playlist));
        out.add(QStringLiteral("playlist"), bytes);
        out.add(QStringLiteral("envelope"), bytes);
    }

    const QList<Request> requests{
        {QStringLiteral("programme.get"), {}},
        {QStringLiteral("screening.move"), {{"id", "S-0412"}, {"to", "2026-12-05T14:30:00+08:00"}}},
        {QStringLiteral("screening.delay"), {{"screen", "A1"}, {"minutes", 10}, {"push", true}}},
        {QStringLiteral("programme.import"), {{"format", "csv"}, {"csv", QString::fromUtf8(ProgrammeCsv::encode(p.screenings.mid(0, 2)))}}},
        {QStringLiteral("player.seek"), {{"positionMs", 120000}}},
        {QStringLiteral("player.volume"), {{"level", 0.5}}},
        {QStringLiteral("player.blackout"), {{"on", true}}},
        {QStringLiteral("player.hold"), {}},
        {QStringLiteral("voting.open"), {{"screening", "S-0412"}}},
        {QStringLiteral("ceremony.go"), {}},
    };
    for (const Request &r : requests) {
        out.add(QStringLiteral("request"), r.encode());
        out.add(r.op.startsWith(u"player.") ? QStringLiteral("player_command") : QStringLiteral("envelope"), r.encode());
    }
    const QList<Reply> replies{
        Reply::success({{"version", 8}, {"hash", "3f6c"}, {"screenings", 42}}),
        Reply::failure(ErrorCode::InvalidProgramme, QStringLiteral("2 problems; nothing was changed"),
                       {QJsonObject{{"where", "screenings[3] (S-0412)"}, {"field", "start"}, {"message", "overlaps S-0411"}}}),
        Reply::failure(ErrorCode::NotPlaying, QStringLiteral("Nothing is playing on this screen.")),
    };
    for (const Reply &r : replies) {
        out.add(QStringLiteral("reply"), r.encode());
        out.add(QStringLiteral("envelope"), r.encode());
    }

    const QByteArray results = Envelope::encode(QStringLiteral("results"),
        {{"minimumVotes", 10}, {"votes", 3}, {"mean", 4.0},
         {"films", QJsonArray{QJsonObject{{"film", "F-001"}, {"votes", 3}, {"mean", 4.0}, {"weighted", 3.6}, {"screenings", 1},
                                          {"histogram", QJsonArray{0, 0, 1, 1, 1}}, {"provisional", true}}}}});
    out.add(QStringLiteral("envelope"), results);
}

void statusSeeds(SeedWriter &out, const Programme &p)
{
    const QString screen = p.screens.isEmpty() ? QStringLiteral("A1") : p.screens.first().id;
    const QString screening = p.screenings.isEmpty() ? QStringLiteral("S-0001") : p.screenings.first().id;
    // A player's, as its encoder writes it (core/protocol), playing and as its Will.
    PlayerStatus playing;
    playing.screen = screen;
    playing.state = PlayerStatus::State::Playing;
    playing.programmeVersion = 8;
    playing.sentAt = QDateTime(QDate(2026, 12, 5), QTime(6, 30), Qt::UTC);
    playing.item = PlayerStatus::Item{screening + QStringLiteral("/F-001"), screening, QStringLiteral("F-001"), QStringLiteral("Title"),
                                      QStringLiteral("標題"), {}, qint64(1796443200000000), 555000};
    playing.positionMs = 1000;
    playing.lateMs = 42000;
    playing.clock = {true, 12, 300};
    playing.ended = PlayerStatus::Ended{QStringLiteral("S-0000"), qint64(1796443100000000)};
    playing.lastError = PlayerStatus::Error{QStringLiteral("media_missing"), QStringLiteral("gone"), {}};
    playing.sections.insert(QStringLiteral("ceremony"), QJsonObject{{"seq", 4}, {"appliedAtUs", qint64(1796452201423456)}});
    const QString player = PlayerStatus::accountForScreen(screen);
    const QList<QPair<QString, QJsonObject>> statuses{
        {player, playing.toJson()},
        {player, PlayerStatus::offline(screen).toJson()},
        {QStringLiteral("controller"),
         {{"role", "controller"}, {"state", "alarm"}, {"programmeVersion", 8}, {"programmeHash", "3f6c"}, {"clockPort", 5637},
          {"alarms", QJsonArray{QJsonObject{{"code", "disk_full"}, {"message", "free some space"}}}}, {"version", "0.1.0"}}},
        {QStringLiteral("kiosk-lobby"), {{"role", "kiosk"}, {"venue", "V1"}, {"state", "online"}, {"outbox", 3}}},
    };
    for (const auto &[account, body] : statuses) {
        const QByteArray bytes = Envelope::encode(QStringLiteral("status"), body);
        out.add(QStringLiteral("node_status"), Topics::nodeStatus(account).toUtf8() + '\n' + bytes);
        out.add(QStringLiteral("envelope"), bytes);
        out.add(QStringLiteral("json_guard"), bytes);
    }
    out.add(QStringLiteral("node_status"), Topics::nodeStatus(player).toUtf8() + '\n');

    QJsonArray windows;
    for (qsizetype i = 0; i < p.screenings.size() && i < 6; ++i) {
        QJsonObject w{{"screening", p.screenings[i].id}, {"state", i % 3 == 0 ? "open" : i % 3 == 1 ? "closed" : "not_open"},
                      {"films", QJsonArray::fromStringList(p.screenings[i].filmIds)},
                      {"opensAt", ProgrammeJson::timeToString(p.screenings[i].start)}, {"manual", i == 1}};
        if (i % 3 == 0)
            w.insert(QStringLiteral("closesAt"), ProgrammeJson::timeToString(p.screenings[i].end.addSecs(3600)));
        windows.append(w);
    }
    const QByteArray voting = Envelope::encode(QStringLiteral("voting"), {{"seq", 3}, {"screenings", windows}});
    out.add(QStringLiteral("voting"), voting);
    out.add(QStringLiteral("envelope"), voting);
}

void voteSeeds(SeedWriter &out, const Programme &p)
{
    const TicketIssuer issuer(3, QByteArray(32, '\x5a'));
    const QStringList codes = issuer.issue(4);
    for (const QString &code : codes) {
        out.add(QStringLiteral("ticket_code"), code.toUtf8());
        out.add(QStringLiteral("ticket_code"), TicketCode::normalise(code).toLower().toUtf8());
    }
    out.add(QStringLiteral("ticket_code"), QByteArrayLiteral("k7qf 4m9x r2da bc3p"));
    out.add(QStringLiteral("ticket_code"), QByteArrayLiteral("O1IL-0000-0000-0000"));

    const QDateTime castAt(QDate(2026, 12, 5), QTime(16, 2, 11), QTimeZone(8 * 3600));
    for (qsizetype i = 0; i < p.screenings.size() && i < 3; ++i) {
        const Screening &s = p.screenings[i];
        Ballot b{Ballot::newVoteId(), codes.value(int(i)), s.id, {{s.filmIds.value(0, QStringLiteral("F-001")), 1 + i}}, castAt};
        out.add(QStringLiteral("ballot"), b.toJson());
        out.add(QStringLiteral("envelope"), b.toJson());
        out.add(QStringLiteral("json_guard"), b.toJson());
    }
    // Ballots rating the films of a block: two films, and the most a ballot may rate.
    Ballot block{Ballot::newVoteId(), codes.value(0), QStringLiteral("S-0412"),
                 {{QStringLiteral("F-017"), 5}, {QStringLiteral("F-018"), 3}}, castAt};
    out.add(QStringLiteral("ballot"), block.toJson());
    out.add(QStringLiteral("json_guard"), block.toJson());
    block.ratings.clear();
    for (int i = 0; i < Ballot::MaxRatings; ++i)
        block.ratings.append({QStringLiteral("F-%1").arg(i, 3, 10, QLatin1Char('0')), 1 + i % 5});
    out.add(QStringLiteral("ballot"), block.toJson());
    const QString voteId = Ballot::newVoteId();
    out.add(QStringLiteral("ballot_reply"), BallotReply::accepted(voteId).toJson());
    out.add(QStringLiteral("ballot_reply"), BallotReply::duplicate(voteId).toJson());
    for (int reason = int(BallotReply::Reason::TicketUsed); reason <= int(BallotReply::Reason::BadBallot); ++reason)
        out.add(QStringLiteral("ballot_reply"), BallotReply::rejected(voteId, BallotReply::Reason(reason)).toJson());
}

void ceremonySeeds(SeedWriter &out, const Programme &p)
{
    for (const CeremonyState &s : ceremonyStates(p)) {
        out.add(QStringLiteral("ceremony_state"), s.encode());
        out.add(QStringLiteral("envelope"), s.encode());
    }
}

// Subtitle files as festivals send them: SRT with a BOM and Windows line ends, WebVTT
// with a note, an identifier, settings and a voice tag.
// Stills as the controller publishes them (the decoder checks the hash, not the picture):
// a JPEG's first bytes, an empty still, and one whose bytes are not its name.
void stillSeeds(SeedWriter &out)
{
    const QByteArray jpeg = QByteArray::fromHex("ffd8ffe000104a46494600010100000100010000ffd9");
    out.add(QStringLiteral("still"), StillMessage::of(jpeg).encode());
    out.add(QStringLiteral("still"), StillMessage::of(QByteArray()).encode());
    StillMessage other = StillMessage::of(jpeg);
    other.jpeg.append('x');
    out.add(QStringLiteral("still"), other.encode());
}

void subtitleSeeds(SeedWriter &out)
{
    out.add(QStringLiteral("subtitle"), QByteArray("\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>First</i> line\r\n"
                                                   "second line\r\n\r\n2\r\n00:01:00,000 --> 00:01:02,000\r\n"
                                                   "\xE4\xB8\x80\xE5\x88\x86\xE9\x90\x98\r\n"));
    out.add(QStringLiteral("subtitle"), QByteArray("WEBVTT\n\nNOTE a note\n\nid\n00:05.000 --> 00:07.250 line:90%\n"
                                                   "<v N>Tom &amp; Jerry\n\n01:00:00.000 --> 01:00:02.000\nLate\n"));
}

void topicSeeds(SeedWriter &out)
{
    const QStringList topics{
        Topics::programme(), Topics::playlist(QStringLiteral("CINE-1")), Topics::nodeStatus(QStringLiteral("player-a1")),
        Topics::nodeRequest(QStringLiteral("player-a1")), Topics::controllerRequest(QStringLiteral("organiser")),
        Topics::controllerReplyPrefix(QStringLiteral("organiser")) + QStringLiteral("/festctl-1234"), Topics::vote(QStringLiteral("kiosk-lobby")),
        Topics::voting(), Topics::results(), Topics::ceremony(),
        // Account first, then the response topic a request names.
        QStringLiteral("organiser\nfest/v1/reply/organiser/controller/x"),
    };
    for (const QString &t : topics)
        out.add(QStringLiteral("topics"), t.toUtf8());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s CONFIG_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    const QString config = QString::fromLocal8Bit(argv[1]);
    QList<ProgrammeError> errors;
    const std::optional<Programme> programme = ProgrammeJson::decode(readFile(config + QStringLiteral("/programme.sample.json")), &errors);
    if (!programme) {
        std::fprintf(stderr, "the sample programme does not decode: %s\n", qPrintable(errors.value(0).toString()));
        return 1;
    }
    SeedWriter out(QString::fromLocal8Bit(argv[2]));
    programmeSeeds(out, config, *programme);
    busSeeds(out, *programme);
    statusSeeds(out, *programme);
    voteSeeds(out, *programme);
    ceremonySeeds(out, *programme);
    topicSeeds(out);
    stillSeeds(out);
    subtitleSeeds(out);
    for (const QByteArray &junk : {QByteArray("{}"), QByteArray("[]"), QByteArray("{\"type\":\"x\",\"v\":1}"), QByteArray("\xff\xfe")})
        out.add(QStringLiteral("json_guard"), junk);
    std::printf("%d seed files in %s\n", out.count(), argv[2]);
    return out.failed() ? 1 : 0;
}
