#include "ceremonystate.h"
#include "envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fest;

class tst_CeremonyState : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void refused_data();
    void refused();
};

namespace {

CeremonyState revealState()
{
    CeremonyState s;
    s.seq = 12;
    s.cueSeq = 11;
    s.active = true;
    s.blackout = true;
    s.index = 6;
    s.count = 42;
    Cue cue;
    cue.type = Cue::Type::Reveal;
    cue.heading = {QStringLiteral("Best Film"), QStringLiteral("最佳影片")};
    cue.categoryId = QStringLiteral("best-film");
    cue.nominees = {{QStringLiteral("F-001"), {}, {QStringLiteral("A"), QStringLiteral("甲")}, {}},
                    {QStringLiteral("F-003"), QStringLiteral("燼舟渡"), {}, QStringLiteral("films/F-003.webm")}};
    cue.winner = cue.nominees.at(1);
    s.cue = cue;
    Cue announced = cue;
    announced.nominees.clear();
    s.announced = {announced};
    s.executeAtUs = 1796452201123456;
    s.expiresAtUs = s.executeAtUs + 2000000;
    s.sentAtUs = s.executeAtUs - 300000;
    return s;
}

QJsonObject bodyOf(const CeremonyState &s)
{
    return QJsonDocument::fromJson(s.encode()).object();
}

} // namespace

void tst_CeremonyState::roundTrip()
{
    const CeremonyState s = revealState();
    DecodeError error;
    const std::optional<CeremonyState> decoded = CeremonyState::decode(s.encode(), &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(*decoded, s);
    QCOMPARE(decoded->cue->clipMedia(), QStringLiteral("films/F-003.webm"));
}

void tst_CeremonyState::refused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mentions");

    const auto edited = [](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject o = bodyOf(revealState());
        edit(o);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    const auto editCue = [&](const std::function<void(QJsonObject &)> &edit) {
        return edited([&](QJsonObject &o) {
            QJsonObject cue = o.value(QStringLiteral("cue")).toObject();
            edit(cue);
            o.insert(QStringLiteral("cue"), cue);
        });
    };
    const int malformed = int(DecodeError::Kind::Malformed);
    const int invalid = int(DecodeError::Kind::InvalidField);
    QTest::newRow("empty") << QByteArray() << malformed << QString();
    QTest::newRow("not json") << QByteArray("{\"type\":") << malformed << QString();
    QTest::newRow("oversized") << edited([](QJsonObject &o) { o.insert(QStringLiteral("pad"), QString(70000, QLatin1Char('x'))); })
                               << malformed << QString();
    QTest::newRow("deeply nested") << QByteArray("{\"type\":\"ceremony\",\"v\":1,\"x\":" + QByteArray(40, '[') + QByteArray(40, ']') + "}")
                                   << malformed << QString();
    QTest::newRow("wrong type") << edited([](QJsonObject &o) { o.insert(QStringLiteral("type"), QStringLiteral("status")); })
                                << int(DecodeError::Kind::WrongType) << QString();
    QTest::newRow("wrong version") << edited([](QJsonObject &o) { o.insert(QStringLiteral("v"), 2); })
                                   << int(DecodeError::Kind::WrongVersion) << QString();
    QTest::newRow("seq missing") << edited([](QJsonObject &o) { o.remove(QStringLiteral("seq")); }) << invalid << QStringLiteral("seq");
    QTest::newRow("seq zero") << edited([](QJsonObject &o) { o.insert(QStringLiteral("seq"), 0); }) << invalid << QStringLiteral("seq");
    QTest::newRow("seq a string") << edited([](QJsonObject &o) { o.insert(QStringLiteral("seq"), QStringLiteral("12")); }) << invalid << QStringLiteral("seq");
    QTest::newRow("seq beyond 2^53") << edited([](QJsonObject &o) { o.insert(QStringLiteral("seq"), 1e17); }) << invalid << QStringLiteral("seq");
    QTest::newRow("cueSeq ahead of seq") << edited([](QJsonObject &o) { o.insert(QStringLiteral("cueSeq"), 13); }) << invalid << QStringLiteral("cueSeq");
    QTest::newRow("expires before executing") << edited([](QJsonObject &o) { o.insert(QStringLiteral("expiresAtUs"), 5); })
                                              << invalid << QStringLiteral("expiresAtUs");
    QTest::newRow("active without cue") << edited([](QJsonObject &o) { o.remove(QStringLiteral("cue")); }) << invalid << QStringLiteral("index");
    QTest::newRow("index past the list") << edited([](QJsonObject &o) { o.insert(QStringLiteral("index"), 42); }) << invalid << QStringLiteral("index");
    QTest::newRow("unknown field") << edited([](QJsonObject &o) { o.insert(QStringLiteral("winners"), QJsonArray{}); }) << invalid << QStringLiteral("winners");
    QTest::newRow("unknown cue type") << editCue([](QJsonObject &c) { c.insert(QStringLiteral("type"), QStringLiteral("fireworks")); })
                                      << invalid << QStringLiteral("type");
    QTest::newRow("winner on a title cue") << editCue([](QJsonObject &c) { c.insert(QStringLiteral("type"), QStringLiteral("title")); })
                                           << invalid << QStringLiteral("winner");
    QTest::newRow("reveal without category") << editCue([](QJsonObject &c) { c.remove(QStringLiteral("category")); })
                                             << invalid << QStringLiteral("category");
    QTest::newRow("media escaping the folder") << editCue([](QJsonObject &c) { c.insert(QStringLiteral("media"), QStringLiteral("../../etc/passwd")); })
                                               << invalid << QStringLiteral("media");
    QTest::newRow("absolute media") << editCue([](QJsonObject &c) { c.insert(QStringLiteral("media"), QStringLiteral("/etc/passwd")); })
                                    << invalid << QStringLiteral("media");
    const auto editAnnounced = [&](const std::function<void(QJsonArray &)> &edit) {
        return edited([&](QJsonObject &o) {
            QJsonArray list = o.value(QStringLiteral("announced")).toArray();
            edit(list);
            o.insert(QStringLiteral("announced"), list);
        });
    };
    QTest::newRow("announced award without winner") << editAnnounced([](QJsonArray &a) {
        QJsonObject award = a.at(0).toObject();
        award.remove(QStringLiteral("winner"));
        a.replace(0, award);
    }) << invalid << QStringLiteral("announced");
    QTest::newRow("announced title card") << editAnnounced([](QJsonArray &a) {
        QJsonObject award = a.at(0).toObject();
        award.insert(QStringLiteral("type"), QStringLiteral("title"));
        award.remove(QStringLiteral("winner"));
        a.replace(0, award);
    }) << invalid << QStringLiteral("a reveal with its winner");
    QTest::newRow("award announced twice") << editAnnounced([](QJsonArray &a) { a.append(a.at(0)); })
                                           << invalid << QStringLiteral("announced twice");
    QTest::newRow("too many awards") << editAnnounced([](QJsonArray &a) {
        for (int i = 0; i < CeremonyState::maxAnnounced; ++i) {
            QJsonObject award = a.at(0).toObject();
            award.insert(QStringLiteral("category"), QStringLiteral("award-%1").arg(i));
            a.append(award);
        }
    }) << invalid << QStringLiteral("announced");
    QTest::newRow("film id with a wildcard") << editCue([](QJsonObject &c) {
        QJsonObject w = c.value(QStringLiteral("winner")).toObject();
        w.insert(QStringLiteral("id"), QStringLiteral("F-#"));
        c.insert(QStringLiteral("winner"), w);
    }) << invalid << QStringLiteral("id");
}

void tst_CeremonyState::refused()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    DecodeError error;
    QVERIFY(!CeremonyState::decode(payload, &error));
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(tst_CeremonyState)
#include "tst_ceremonystate.moc"
