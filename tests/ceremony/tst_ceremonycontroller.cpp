// End to end: a real broker, the real festival-controller, festctl, and two
// festival-cue-follower processes on the controller's show clock.
#include "envelope.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "projectbinaries.h"
#include "topics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_CeremonyController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void festctlRunsACeremonyOnEveryNodeTogether();

private:
    struct Run {
        int exitCode;
        QString out;
    };
    Run festctl(const QStringList &args);
    QList<QStringList> events(QProcess *p, const QString &kind) const;

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    std::unique_ptr<QProcess> m_controller;
    std::vector<std::unique_ptr<QProcess>> m_followers;
    int m_clockPort = 0;
};

void tst_CeremonyController::initTestCase()
{
    for (const char *name : {"festival-controller", "festctl", "festival-cue-follower"})
        QVERIFY2(!projectBinary(QLatin1String(name)).isEmpty(), name);
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    const QString ini = m_dir.filePath(QStringLiteral("controller.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[broker]\nurl=%1\n[database]\npath=%2\n[clock]\nport=0\n[programme]\nseed=%3\n[roles]\norganiser=org\n")
                .arg(m_broker.url(), m_dir.filePath(QStringLiteral("controller.db")),
                     qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json")).toUtf8());
    f.close();
    m_controller = std::make_unique<QProcess>();
    m_controller->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_controller->start(projectBinary(QStringLiteral("festival-controller")), {QStringLiteral("--config"), ini});
    QVERIFY(m_controller->waitForStarted());

    MqttOptions o;
    o.host = m_broker.host();
    o.port = m_broker.port();
    o.username = QStringLiteral("observer");
    MqttClient observer(o);
    observer.subscribe(Topics::nodeStatus(QStringLiteral("controller")));
    connect(&observer, &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        const std::optional<QJsonObject> status = Envelope::decode(m.payload, QStringLiteral("status"));
        if (status && status->value(QStringLiteral("state")).toString() != QLatin1String("offline"))
            m_clockPort = status->value(QStringLiteral("clockPort")).toInt();
    });
    observer.open();
    QTRY_VERIFY_WITH_TIMEOUT(m_clockPort > 0, 30000);

    for (int i = 0; i < 2; ++i) {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fest.mqtt.debug=false"));
        p->setProcessEnvironment(env);
        QProcess *raw = p.get();
        connect(raw, &QProcess::readyReadStandardOutput, raw, [raw] { raw->setProperty("out", raw->property("out").toByteArray() + raw->readAllStandardOutput()); });
        p->start(projectBinary(QStringLiteral("festival-cue-follower")),
                 {QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--clock"), QStringLiteral("127.0.0.1:%1").arg(m_clockPort),
                  QStringLiteral("--account"), QStringLiteral("kiosk-%1").arg(i)});
        m_followers.push_back(std::move(p));
        QTRY_VERIFY_WITH_TIMEOUT(!events(raw, QStringLiteral("ready")).isEmpty(), 30000);
    }
}

void tst_CeremonyController::cleanupTestCase()
{
    for (auto &p : m_followers) {
        p->kill();
        p->waitForFinished(5000);
    }
    if (m_controller) {
        m_controller->terminate();
        if (!m_controller->waitForFinished(5000))
            m_controller->kill();
        m_controller->waitForFinished(5000);
    }
}

tst_CeremonyController::Run tst_CeremonyController::festctl(const QStringList &args)
{
    QProcess p;
    p.start(projectBinary(QStringLiteral("festctl")),
            QStringList{QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--user"), QStringLiteral("org")} + args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000))
        return {-1, QStringLiteral("festctl did not finish")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

QList<QStringList> tst_CeremonyController::events(QProcess *p, const QString &kind) const
{
    QList<QStringList> list;
    for (const QString &line : QString::fromUtf8(p->property("out").toByteArray()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (line.startsWith(kind + QLatin1Char(' ')) || line == kind)
            list << line.split(QLatin1Char(' '));
    return list;
}

void tst_CeremonyController::festctlRunsACeremonyOnEveryNodeTogether()
{
    const QJsonObject cues{{"formatVersion", 1},
                           {"cues", QJsonArray{QJsonObject{{"type", "intro"}, {"heading", QJsonObject{{"en", "Award Ceremony"}, {"zh", "頒獎典禮"}}}},
                                               QJsonObject{{"type", "title"}, {"category", "best-film"}},
                                               QJsonObject{{"type", "nominee"}, {"category", "best-film"}, {"film", "F-001"}},
                                               QJsonObject{{"type", "reveal"}, {"category", "best-film"}},
                                               QJsonObject{{"type", "outro"}}}}};
    const QString file = m_dir.filePath(QStringLiteral("cues.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(cues).toJson());
    f.close();
    Run run = festctl({QStringLiteral("ceremony"), QStringLiteral("load"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    run = festctl({QStringLiteral("ceremony"), QStringLiteral("set-winner"), QStringLiteral("best-film"), QStringLiteral("F-003")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("F-003")));

    for (int cue = 1; cue <= 5; ++cue) {
        run = festctl({QStringLiteral("ceremony"), QStringLiteral("go")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("current: %1.").arg(cue)), qPrintable(run.out));
        for (auto &p : m_followers)
            QTRY_COMPARE_WITH_TIMEOUT(events(p.get(), QStringLiteral("fired")).size(), cue, 10000);
        // The award is announced with its reveal (cue 4), not before.
        for (auto &p : m_followers)
            QCOMPARE(events(p.get(), QStringLiteral("announced")).size(), cue < 4 ? 0 : 1);
        const QStringList a = events(m_followers.at(0).get(), QStringLiteral("fired")).last();
        const QStringList b = events(m_followers.at(1).get(), QStringLiteral("fired")).last();
        QCOMPARE(a.at(1), b.at(1));   // same seq
        QCOMPARE(a.at(2), b.at(2));   // same executeAtUs
        for (const QStringList &e : {a, b}) {
            const qint64 late = e.at(3).toLongLong() - e.at(2).toLongLong();
            QVERIFY2(late >= 0 && late < 25000, qPrintable(QString::number(late)));   // correctness bound; bench/ measures
        }
    }
    // Both nodes report the seq they applied; status lists them as following.
    QTRY_VERIFY_WITH_TIMEOUT(festctl({QStringLiteral("ceremony"), QStringLiteral("status")}).out.count(QStringLiteral(" yes")) == 2, 15000);
    run = festctl({QStringLiteral("ceremony"), QStringLiteral("end")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    // After the end the nodes keep the awards as announced (the lobby shows the winners).
    for (auto &p : m_followers) {
        const QList<QStringList> announced = events(p.get(), QStringLiteral("announced"));
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().value(1), QStringLiteral("best-film=F-003"));
    }
    // A new cue list starts a new ceremony: nothing announced yet.
    run = festctl({QStringLiteral("ceremony"), QStringLiteral("load"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    for (auto &p : m_followers)
        QTRY_COMPARE_WITH_TIMEOUT(events(p.get(), QStringLiteral("announced")).size(), 2, 10000);
    QCOMPARE(events(m_followers.at(0).get(), QStringLiteral("announced")).last().value(1), QString());
}

QTEST_GUILESS_MAIN(tst_CeremonyController)
#include "tst_ceremonycontroller.moc"
