// Reading aloud (Speaker): with the speech engine there, English and 繁體中文 really come out
// as sound and stop() stops it; without it, the kiosk says so, to staff in words that
// say what to install and to the visitor who taps 🔊 in the real kiosk.
//
// The test starts what it needs: its own speech-dispatcher (started by Qt's speechd engine
// as on the kiosk, with its socket, configuration and logs in a temporary folder) whose
// audio goes through ALSA's file plugin into a file, since the test machine has no sound
// card: the bytes in that file are the speech.
#include "kiosk.h"
#include "speaker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextToSpeech>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <csignal>

Q_IMPORT_QML_PLUGIN(Festival_KioskPlugin)

using namespace fest;

namespace {
// 22,050 Hz, 16 bit, mono (espeak-ng): half a second of speech.
constexpr qint64 halfSecondOfSpeech = 22050;

const QString english = QStringLiteral("Welcome to the festival. Four films play in the main hall today.");
const QString chinese = QStringLiteral("歡迎光臨電影節。今日大堂放映四部電影。");
} // namespace

class tst_Speaker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        for (const char *program : {"speech-dispatcher"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(program)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: apt-get install speech-dispatcher").arg(QLatin1String(program))));
        QVERIFY2(QFile::exists(QStringLiteral("/usr/lib/speech-dispatcher-modules/sd_espeak-ng")),
                 "speech-dispatcher's espeak-ng module is missing: apt-get install speech-dispatcher-espeak-ng");
        QVERIFY2(QTextToSpeechEngines().contains(QStringLiteral("speechd")),
                 "Qt TextToSpeech's speechd engine is missing: apt-get install qt6-speech-speechd-plugin");
        // speech-dispatcher as Qt starts it for this process: socket in XDG_RUNTIME_DIR,
        // configuration in XDG_CONFIG_HOME, logs in XDG_CACHE_HOME; ALSA reads ~/.asoundrc.
        const QString dir = m_dir.path();
        for (const char *sub : {"run", "config/speech-dispatcher", "cache", "home"})
            QVERIFY(QDir().mkpath(dir + u'/' + QLatin1String(sub)));
        QFile::setPermissions(dir + QStringLiteral("/run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // The settings the kiosk package installs (PulseAudio, else ALSA): there is no
        // sound server here, so this also proves that they fall back to ALSA.
        QFile shipped(QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + QStringLiteral("/packaging/etc/kiosk-speechd.conf"));
        QVERIFY2(shipped.open(QIODevice::ReadOnly), qPrintable(shipped.fileName()));
        write(dir + QStringLiteral("/config/speech-dispatcher/speechd.conf"), shipped.readAll());
        m_audio = dir + QStringLiteral("/speech.raw");
        write(dir + QStringLiteral("/home/.asoundrc"),
              QStringLiteral("pcm.!default { type file; slave.pcm \"null\"; file \"%1\"; format \"raw\" }\n").arg(m_audio).toUtf8());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir + QStringLiteral("/run")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir + QStringLiteral("/config")));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(dir + QStringLiteral("/cache")));
        qputenv("HOME", QFile::encodeName(dir + QStringLiteral("/home")));
        qunsetenv("SPEECHD_ADDRESS");
    }
    void cleanupTestCase()
    {
        m_speaker.reset();
        // The speech-dispatcher this test started (its pid file is in our runtime folder).
        QFile pidFile(m_dir.filePath(QStringLiteral("run/speech-dispatcher/pid/speech-dispatcher.pid")));
        QVERIFY2(pidFile.open(QIODevice::ReadOnly), "no speech-dispatcher pid file: which one spoke?");
        const pid_t pid = pidFile.readAll().trimmed().toInt();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGTERM), 0);
    }

    void readsAloud_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("chinese");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("voice");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("cantonese") << english << QStringLiteral("English");
        QTest::newRow("繁中 in Cantonese") << QStringLiteral("zh_HK") << QStringLiteral("cantonese") << chinese << QStringLiteral("Cantonese");
        QTest::newRow("繁中 in Mandarin") << QStringLiteral("zh_HK") << QStringLiteral("mandarin") << chinese << QStringLiteral("Mandarin");
    }
    void readsAloud()
    {
        QFETCH(QString, language);
        QFETCH(QString, chinese);
        QFETCH(QString, text);
        QFETCH(QString, voice);
        SpeechSettings settings;
        settings.chinese = chinese == QLatin1String("mandarin") ? SpeechSettings::Chinese::Mandarin : SpeechSettings::Chinese::Cantonese;
        m_speaker = std::make_unique<Speaker>(settings);
        m_speaker->prepare();
        // On the engine's thread: the caller does not wait for speech-dispatcher.
        QVERIFY(!m_speaker->isPrepared());
        QTRY_VERIFY_WITH_TIMEOUT(m_speaker->isPrepared(), 20000);
        QVERIFY2(m_speaker->isAvailable(), qPrintable(m_speaker->problem()));
        QVERIFY2(m_speaker->voiceName(language).contains(voice), qPrintable(m_speaker->voiceName(language)));
        const qint64 before = audioBytes();
        QSignalSpy speaking(m_speaker.get(), &Speaker::speakingChanged);
        QVERIFY(m_speaker->speak(text, language));
        QVERIFY(m_speaker->isSpeaking());
        // Speaking, then ready again once the sentence is out.
        QTRY_VERIFY_WITH_TIMEOUT(!m_speaker->isSpeaking(), 30000);
        QVERIFY2(m_speaker->isAvailable(), qPrintable(m_speaker->problem()));
        QVERIFY(speaking.count() >= 2);
        const qint64 spoken = audioBytes() - before;
        QVERIFY2(spoken > 2 * halfSecondOfSpeech, qPrintable(QStringLiteral("%1 bytes of sound").arg(spoken)));
    }

    // A second tap stops the reading. espeak-ng makes a text's sound before it plays it,
    // and the file output takes it at once: a stopped text leaves no sound at all, where
    // the whole text would have come out in about ten times one sentence's time.
    void stopStopsIt()
    {
        m_speaker = std::make_unique<Speaker>(SpeechSettings{});
        QElapsedTimer clock;
        qint64 before = audioBytes();
        clock.start();
        QVERIFY(m_speaker->speak(english, QStringLiteral("en")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_speaker->isSpeaking(), 30000);
        const qint64 oneSentenceMs = clock.elapsed();
        const qint64 oneSentence = audioBytes() - before;
        QVERIFY(oneSentence > halfSecondOfSpeech);

        QString tenSentences;
        for (int i = 0; i < 10; ++i)
            tenSentences += english + u' ';
        before = audioBytes();
        QVERIFY(m_speaker->speak(tenSentences, QStringLiteral("en")));
        QVERIFY(m_speaker->isSpeaking());
        m_speaker->stop();
        QVERIFY(!m_speaker->isSpeaking());
        QTest::qWait(int(10 * oneSentenceMs + 2000));   // the time the whole text would take
        QVERIFY2(audioBytes() - before < oneSentence,
                 qPrintable(QStringLiteral("%1 bytes after stop (one sentence: %2)").arg(audioBytes() - before).arg(oneSentence)));
        QVERIFY(!m_speaker->isSpeaking());

        // And it reads again after a stop.
        before = audioBytes();
        QVERIFY(m_speaker->speak(english, QStringLiteral("en")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_speaker->isSpeaking(), 30000);
        QVERIFY(audioBytes() > before + halfSecondOfSpeech);
    }

    // No such engine (as on a kiosk without the speechd plugin): not available, staff are
    // told what to install, and nothing is attempted.
    void withoutTheEngine_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no such engine") << QStringLiteral("festival-no-such-engine") << true << int(Speaker::Error::NoEngine)
                                        << QStringLiteral("install qt6-speech-speechd-plugin, speech-dispatcher and speech-dispatcher-espeak-ng");
        QTest::newRow("turned off") << QStringLiteral("speechd") << false << int(Speaker::Error::Disabled)
                                    << QStringLiteral("[speech] enabled=false");
    }
    void withoutTheEngine()
    {
        QFETCH(QString, engine);
        QFETCH(bool, enabled);
        QFETCH(int, error);
        QFETCH(QString, problem);
        SpeechSettings settings;
        settings.engine = engine;
        settings.enabled = enabled;
        Speaker speaker(settings);
        QVERIFY(!speaker.isAvailable());
        speaker.prepare();
        QVERIFY(!speaker.isAvailable());
        QCOMPARE(int(speaker.error()), error);
        QVERIFY2(speaker.problem().contains(problem), qPrintable(speaker.problem()));
        QVERIFY(!speaker.speak(english, QStringLiteral("en")));
        QVERIFY(!speaker.isSpeaking());
    }

    // The real kiosk without a speech engine: 🔊 tells the visitor; the staff panel has
    // the problem.
    void theButtonSaysItIsNotAvailable()
    {
        QTemporaryDir dir;
        KioskConfig config;
        config.kioskId = QStringLiteral("kiosk-speech");
        config.programmeFile = QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + QStringLiteral("/config/programme.sample.json");
        config.outboxPath = dir.filePath(QStringLiteral("outbox.db"));
        config.fakeNow = QDateTime::fromString(QStringLiteral("2026-12-06T11:30:00+08:00"), Qt::ISODate);
        config.speech.engine = QStringLiteral("festival-no-such-engine");
        Kiosk kiosk(config);
        QString error;
        QVERIFY2(kiosk.start(&error), qPrintable(error));
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        kiosk.setEngine(&engine);
        engine.load(QUrl(QStringLiteral("qrc:/Festival/Kiosk/Main.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *button = window->findChild<QQuickItem *>(QStringLiteral("speechButton"));
        QVERIFY(button);
        QVERIFY(button->height() >= 88 && button->width() >= 88);
        auto *message = window->findChild<QObject *>(QStringLiteral("speechUnavailable"));
        QVERIFY(message);
        QVERIFY(!message->property("visible").toBool());
        QTest::mouseClick(window, Qt::LeftButton, {}, button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QTRY_VERIFY(message->property("visible").toBool());
        auto *text = window->findChild<QObject *>(QStringLiteral("speechUnavailableText"));
        QVERIFY(text);
        QCOMPARE(text->property("text").toString(), QStringLiteral("Reading aloud is not available on this kiosk"));
        QVERIFY(!kiosk.speech()->isSpeaking());
        QVERIFY(kiosk.speech()->problem().contains(QStringLiteral("speech-dispatcher-espeak-ng")));
    }

private:
    static QStringList QTextToSpeechEngines();
    static void write(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    qint64 audioBytes() const { return QFileInfo(m_audio).size(); }

    QTemporaryDir m_dir;
    QString m_audio;
    std::unique_ptr<Speaker> m_speaker;
};

QStringList tst_Speaker::QTextToSpeechEngines()
{
    return QTextToSpeech::availableEngines();
}

QTEST_MAIN(tst_Speaker)
#include "tst_speaker.moc"
