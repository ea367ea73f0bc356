// docs/protocol.md and the code agree. For every message type (MessageType::all(), and
// each role's status) the test encodes a fully populated message with the product's own
// encoder and compares its fields, as paths ("item.title.en", "films[].histogram[]"), with
// the examples in the documentation:
//   - docs/protocol.md has an example of every type, and the union of a type's examples
//     there has exactly the encoder's fields (nothing undocumented, nothing stale);
//   - every example of a message anywhere else under docs/ uses only fields the encoder
//     writes (a renamed field in an old example fails here);
//   - the topic table names exactly the topics Topics builds, and the error-code table
//     exactly ErrorCode's codes.
// Parts whose shape another document owns (the programme itself, a request's args, a
// reply's result) are compared as one field.
#include "ballot.h"
#include "ballotreply.h"
#include "ceremonystate.h"
#include "errorcode.h"
#include "messagetype.h"
#include "nodestatus.h"
#include "playerstatus.h"
#include "playlistjson.h"
#include "reply.h"
#include "request.h"
#include "statepublisher.h"
#include "stillmessage.h"
#include "topics.h"
#include "votestore.h"
#include "voteservice.h"
#include "votingwindows.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {

using Paths = QSet<QString>;

// Paths below these are not compared (another document owns their shape).
const QHash<QString, QStringList> opaque{
    {QStringLiteral("programme"), {QStringLiteral("programme")}},
    {QStringLiteral("request"), {QStringLiteral("args")}},
    {QStringLiteral("reply"), {QStringLiteral("result"), QStringLiteral("error.details[]")}},
};

void collect(const QJsonValue &value, const QString &path, const QStringList &stop, Paths &out)
{
    if (!path.isEmpty())
        out.insert(path);
    if (stop.contains(path))
        return;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collect(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), stop, out);
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collect(v, path + QStringLiteral("[]"), stop, out);
    }
}

// What a message is, for this comparison: its type, and for a status its role.
QString kindOf(const QJsonObject &message)
{
    const QString type = message.value(QStringLiteral("type")).toString();
    return type == MessageType::status() ? type + u'/' + message.value(QStringLiteral("role")).toString() : type;
}

Paths pathsOf(const QJsonObject &message)
{
    Paths out;
    collect(message, QString(), opaque.value(message.value(QStringLiteral("type")).toString()), out);
    return out;
}

Paths pathsOf(const QByteArray &payload)
{
    return pathsOf(QJsonDocument::fromJson(payload).object());
}

QString sorted(const Paths &paths)
{
    QStringList list(paths.cbegin(), paths.cend());
    list.sort();
    return list.join(QStringLiteral(", "));
}

struct Example
{
    QString file;
    QString kind;
    Paths paths;
};

// The top-level {...} texts of a block, in order (braces inside strings do not count).
QStringList topLevelObjects(const QString &body)
{
    QStringList out;
    int depth = 0;
    bool inString = false;
    qsizetype start = -1;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'{') {
            if (depth++ == 0)
                start = i;
        } else if (c == u'}' && depth > 0 && --depth == 0) {
            out << body.mid(start, i - start + 1);
        }
    }
    return out;
}

// Every message example (a JSON object with "type" and "v") in the ```json blocks of a
// document, one or several objects per block; "[…]" and "{…}" stand for content shown
// elsewhere. An example that is not JSON is reported.
QList<Example> examplesIn(const QString &file, QStringList *unreadable)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
    QList<Example> out;
    for (auto it = block.globalMatch(text); it.hasNext();) {
        QString body = it.next().captured(1);
        body.replace(QStringLiteral("[…]"), QStringLiteral("[]")).replace(QStringLiteral("{…}"), QStringLiteral("{}"));
        for (const QString &candidate : topLevelObjects(body)) {
            const QJsonDocument doc = QJsonDocument::fromJson(candidate.toUtf8());
            if (!doc.isObject()) {
                if (candidate.contains(QStringLiteral("\"type\"")) && candidate.contains(QStringLiteral("\"v\"")))
                    *unreadable << QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), candidate.simplified().left(100));
                continue;
            }
            const QJsonObject o = doc.object();
            if (o.contains(QStringLiteral("type")) && o.contains(QStringLiteral("v")) && MessageType::all().contains(o.value(QStringLiteral("type")).toString()))
                out.append({QFileInfo(file).fileName(), kindOf(o), pathsOf(o)});
        }
    }
    return out;
}

PlayerStatus::Item item(const QString &screening)
{
    return {screening + QStringLiteral("/F-1"), screening, QStringLiteral("F-1"), QStringLiteral("Title"), QStringLiteral("標題"),
            QStringLiteral("Original"), 1796452200000000, 900000};
}

CueFilm cueFilm(const QString &id)
{
    return {id, QStringLiteral("Original"), {QStringLiteral("Title"), QStringLiteral("標題")}, QStringLiteral("films/") + id + QStringLiteral(".webm")};
}

} // namespace

class tst_ProtocolDocs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyMessageIsDocumentedWithTheEncodersFields_data();
    void everyMessageIsDocumentedWithTheEncodersFields();
    void examplesElsewhereUseOnlyEncodedFields();
    void topicTableIsTopics();
    void errorCodeTableIsErrorCode();

private:
    // Fully populated messages from the product's encoders, by kind (several per kind
    // when one message cannot show every field at once).
    QHash<QString, QList<QByteArray>> samples();

    QString m_docs;
    QString m_protocol;
    QList<Example> m_examples;
    QHash<QString, Paths> m_encoded;
    QTemporaryDir m_dir;
};

void tst_ProtocolDocs::initTestCase()
{
    m_docs = qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/docs");
    QFile protocol(m_docs + QStringLiteral("/protocol.md"));
    QVERIFY2(protocol.open(QIODevice::ReadOnly), qPrintable(protocol.fileName()));
    m_protocol = QString::fromUtf8(protocol.readAll());
    QStringList unreadable;
    for (const QFileInfo &file : QDir(m_docs).entryInfoList({QStringLiteral("*.md")}, QDir::Files))
        m_examples += examplesIn(file.filePath(), &unreadable);
    QVERIFY2(unreadable.isEmpty(), qPrintable(QStringLiteral("message examples that are not JSON:\n") + unreadable.join(u'\n')));
    const QHash<QString, QList<QByteArray>> encoded = samples();
    for (auto it = encoded.begin(); it != encoded.end(); ++it)
        for (const QByteArray &payload : it.value())
            m_encoded[it.key()] += pathsOf(payload);
}

QHash<QString, QList<QByteArray>> tst_ProtocolDocs::samples()
{
    QHash<QString, QList<QByteArray>> s;
    const QJsonObject programme{{"formatVersion", 1}};
    s[MessageType::programme()] << StatePublisher::programmeMessage(QJsonDocument(programme).toJson(QJsonDocument::Compact), 8,
                                                                    QStringLiteral("3f6c"), 1796452201123456);
    PlaylistItem entry{QStringLiteral("S-1"), QStringLiteral("F-1"), QStringLiteral("films/F-1.webm"), QStringLiteral("ab12"),
                       QStringLiteral("Original"), {QStringLiteral("Title"), QStringLiteral("標題")}, 1796443200000000, 555000000,
                       {{QStringLiteral("en"), QStringLiteral("films/F-1.en.srt")}}, {QStringLiteral("Shorts 1"), QStringLiteral("短片一")}};
    Playlist playlist{QStringLiteral("CINE-1"), 8, 1796452201123456, {entry}, {QStringLiteral("AI Film Festival"), QStringLiteral("AI電影節")},
                      {QStringLiteral("Cinema 1"), QStringLiteral("一號影院")}, QStringLiteral("Asia/Hong_Kong")};
    s[MessageType::playlist()] << StatePublisher::playlistMessage(
        playlist, QJsonDocument(PlaylistJson::itemsToJson({entry})).toJson(QJsonDocument::Compact));

    PlayerStatus player;
    player.screen = QStringLiteral("CINE-1");
    player.state = PlayerStatus::State::Held;
    player.programmeVersion = 8;
    player.playlistSource = QStringLiteral("broker");
    player.clock = {true, -12, 340};
    player.sentAt = QDateTime::currentDateTimeUtc();
    player.item = item(QStringLiteral("S-1"));
    player.positionMs = 81234;
    player.lateMs = 65000;
    player.heldForMs = 30000;
    player.next = item(QStringLiteral("S-2"));
    player.ended = PlayerStatus::Ended{QStringLiteral("S-0"), 1796452100000000};
    player.lastError = PlayerStatus::Error{QStringLiteral("media_missing"), QStringLiteral("…"), QStringLiteral("S-0/F-9")};
    player.audio = PlayerStatus::Audio{QStringLiteral("5.1"), -23.0, -31.4, 8.4};
    player.video = PlayerStatus::Video{QStringLiteral("auto"), {QStringLiteral("vah264dec")}, QStringLiteral("vah264dec"), true};
    player.sections.insert(QStringLiteral("ceremony"), QJsonObject{{"seq", 41}, {"appliedAtUs", qint64(1796452201423456)}});
    s[QStringLiteral("status/player")] << player.encode() << PlayerStatus::offline(QStringLiteral("CINE-1")).encode();

    ControllerStatus controller;
    controller.state = ControllerStatus::State::Alarm;
    controller.programmeVersion = 8;
    controller.programmeHash = QStringLiteral("3f6c");
    controller.clockPort = 7010;
    controller.alarms = {{QStringLiteral("disk"), QStringLiteral("…")}};
    controller.startedAt = controller.sentAt = QDateTime::currentDateTimeUtc();
    controller.version = QStringLiteral("0.1.0");
    s[QStringLiteral("status/controller")] << controller.encode() << ControllerStatus::offline().encode();

    KioskStatus kiosk;
    kiosk.venue = QStringLiteral("V-1");
    kiosk.programmeVersion = 8;
    kiosk.outboxPending = 2;
    kiosk.ceremony = QJsonObject{{"seq", 41}, {"appliedAtUs", qint64(1796452201423456)}};
    kiosk.sentAt = QDateTime::currentDateTimeUtc();
    s[QStringLiteral("status/kiosk")] << kiosk.encode() << KioskStatus::offline().encode();

    s[MessageType::request()] << Request{QStringLiteral("screening.move"), {{"id", "S-1"}}}.encode();
    s[MessageType::reply()] << Reply::success({{"version", 8}}).encode()
                            << Reply::failure(ErrorCode::InvalidProgramme, QStringLiteral("…"), QJsonArray{QJsonObject{{"where", "x"}}}).encode();

    Ballot ballot{Ballot::newVoteId(), QStringLiteral("K7QF-4M9X-R2DA-BC3P"), QStringLiteral("S-1"), {{QStringLiteral("F-1"), 5}},
                  QDateTime::currentDateTimeUtc()};
    s[MessageType::ballot()] << ballot.toJson();
    Ballot block = ballot;   // the films of a block of shorts, in one ballot
    block.ratings = {{QStringLiteral("F-1"), 5}, {QStringLiteral("F-2"), 3}};
    s[MessageType::ballot()] << block.toJson();
    s[MessageType::ballotReply()] << BallotReply::rejected(ballot.voteId, BallotReply::Reason::TicketUsed).toJson()
                                  << BallotReply::accepted(ballot.voteId).toJson();

    // The voting windows of a real (temporary) votes database: one open, one held open
    // by an organiser (no closesAt).
    QString error;
    std::optional<Database> db = VoteStore::openDatabase(m_dir.filePath(QStringLiteral("votes.sqlite")), &error);
    if (db) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        VotingWindows windows(*db);
        windows.setScreenings({{QStringLiteral("S-1"), {QStringLiteral("F-1")}, now.addSecs(-60), now.addSecs(3600)}});
        s[MessageType::voting()] << VoteService::votingMessage(windows, 7);
    }
    Tally::Result result;
    Tally::Film film;
    film.film = QStringLiteral("F-1");
    result.films = {film};
    s[MessageType::results()] << VoteService::resultsMessage(result);

    CeremonyState ceremony;
    ceremony.seq = 42;
    ceremony.cueSeq = 41;
    ceremony.active = true;
    ceremony.index = 6;
    ceremony.count = 42;
    Cue reveal;
    reveal.type = Cue::Type::Reveal;
    reveal.heading = {QStringLiteral("Best Film"), QStringLiteral("最佳影片")};
    reveal.categoryId = QStringLiteral("best-film");
    reveal.nominees = {cueFilm(QStringLiteral("F-1")), cueFilm(QStringLiteral("F-2"))};
    reveal.winner = cueFilm(QStringLiteral("F-1"));
    ceremony.cue = reveal;
    ceremony.executeAtUs = 1796452201423456;
    ceremony.expiresAtUs = 1796452203423456;
    ceremony.sentAtUs = 1796452201123456;
    s[MessageType::ceremony()] << ceremony.encode();
    Cue nominee = reveal;
    nominee.type = Cue::Type::Nominee;
    nominee.winner.reset();
    nominee.film = cueFilm(QStringLiteral("F-2"));
    ceremony.cue = nominee;
    s[MessageType::ceremony()] << ceremony.encode();
    Cue intro;
    intro.type = Cue::Type::Intro;
    intro.heading = {QStringLiteral("Award Ceremony"), QStringLiteral("頒獎典禮")};
    intro.media = QStringLiteral("ceremony/intro.webm");
    ceremony.cue = intro;
    s[MessageType::ceremony()] << ceremony.encode();
    s[MessageType::still()] << StillMessage::of(QByteArray("\xff\xd8\xff\xe0", 4)).encode();
    return s;
}

void tst_ProtocolDocs::everyMessageIsDocumentedWithTheEncodersFields_data()
{
    QTest::addColumn<QString>("kind");
    QStringList kinds = MessageType::all();
    kinds.removeOne(MessageType::status());
    kinds << QStringLiteral("status/controller") << QStringLiteral("status/player") << QStringLiteral("status/kiosk");
    for (const QString &kind : std::as_const(kinds))
        QTest::newRow(qPrintable(kind)) << kind;
}

void tst_ProtocolDocs::everyMessageIsDocumentedWithTheEncodersFields()
{
    QFETCH(QString, kind);
    QVERIFY2(m_encoded.contains(kind), "the test has no sample of this message: add one from its encoder");
    Paths documented;
    for (const Example &e : std::as_const(m_examples))
        if (e.file == QLatin1String("protocol.md") && e.kind == kind)
            documented += e.paths;
    QVERIFY2(!documented.isEmpty(), "docs/protocol.md has no example of this message");
    const Paths encoded = m_encoded.value(kind);
    QVERIFY2(documented == encoded,
             qPrintable(QStringLiteral("docs/protocol.md and the encoder disagree.\n  documented only: %1\n  encoded only: %2")
                            .arg(sorted(documented - encoded), sorted(encoded - documented))));
}

void tst_ProtocolDocs::examplesElsewhereUseOnlyEncodedFields()
{
    QStringList problems;
    for (const Example &e : std::as_const(m_examples)) {
        const Paths stale = e.paths - m_encoded.value(e.kind);
        if (!stale.isEmpty())
            problems << QStringLiteral("docs/%1, a %2 example: %3").arg(e.file, e.kind, sorted(stale));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("fields no encoder writes:\n") + problems.join(u'\n')));
}

// The first column of the "## Topics" table, with <placeholders> as MQTT wildcards.
void tst_ProtocolDocs::topicTableIsTopics()
{
    const qsizetype start = m_protocol.indexOf(QStringLiteral("\n## Topics"));
    QVERIFY(start >= 0);
    const QString section = m_protocol.mid(start, m_protocol.indexOf(QStringLiteral("\n## "), start + 1) - start);
    static const QRegularExpression row(QStringLiteral("^\\| `(fest/v1/[^`]*)`"), QRegularExpression::MultilineOption);
    QSet<QString> documented;
    for (auto it = row.globalMatch(section); it.hasNext();) {
        QString topic = it.next().captured(1);
        topic.replace(QRegularExpression(QStringLiteral("/<anything>$")), QStringLiteral("/#"));
        topic.replace(QRegularExpression(QStringLiteral("<[^>]+>")), QStringLiteral("+"));
        documented.insert(topic);
    }
    const QString any = QStringLiteral("+");
    const QSet<QString> built{
        Topics::programme(), Topics::playlist(any), Topics::nodeStatus(any), Topics::nodeRequest(any),
        Topics::controllerRequest(any), Topics::replyPrefix(any, any) + QStringLiteral("/#"), Topics::vote(any),
        Topics::voting(), Topics::results(), Topics::ceremony(), Topics::still(any),
    };
    QVERIFY2(documented == built, qPrintable(QStringLiteral("documented only: %1\nbuilt only: %2")
                                                 .arg(sorted(documented - built), sorted(built - documented))));
}

void tst_ProtocolDocs::errorCodeTableIsErrorCode()
{
    const qsizetype start = m_protocol.indexOf(QStringLiteral("\n## Error codes"));
    QVERIFY2(start >= 0, "docs/protocol.md has no \"## Error codes\" section");
    const QString section = m_protocol.mid(start, m_protocol.indexOf(QStringLiteral("\n## "), start + 1) - start);
    static const QRegularExpression row(QStringLiteral("^\\| `([a-z_]+)`"), QRegularExpression::MultilineOption);
    QSet<QString> documented;
    for (auto it = row.globalMatch(section); it.hasNext();)
        documented.insert(it.next().captured(1));
    const QStringList names = errorCodeNames();
    const QSet<QString> codes(names.cbegin(), names.cend());
    QCOMPARE(codes.size(), names.size());   // no code twice
    QVERIFY2(documented == codes, qPrintable(QStringLiteral("documented only: %1\nin ErrorCode only: %2")
                                                 .arg(sorted(documented - codes), sorted(codes - documented))));
}

QTEST_GUILESS_MAIN(tst_ProtocolDocs)
#include "tst_protocoldocs.moc"
