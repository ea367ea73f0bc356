// bench_kiosk_visitor: a first-time visitor votes at the real kiosk (the Kiosk singleton
// and qml/kiosk/Main.qml, offscreen, software renderer, the sample programme, an outbox
// on disk), by touch events on the items a finger would hit:
//   by touch:  Vote, the screening, the 16 symbols of the ticket code, a star, Send;
//   by scan:   the ticket's QR image shown to the camera path (TicketCamera, GStreamer's
//              zbar, the image `festctl tickets issue` prints), then the screening, a star,
//              Send.
// It counts the taps, measures how long the kiosk takes to answer each one, and estimates
// a visitor's time with the keystroke-level model (Card, Moran & Newell): a mental step M
// for each new screen and each group of four symbols read off the ticket, and for each
// tap Fitts' law over the real distance and size of the target on screen. The model's
// constants are printed and written with the figures: the estimate is a model, not a
// user study. Prints the figures and writes JSON.
#include "kiosk.h"
#include "ticketissuer.h"
#include "ticketqr.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>
#include <cstdio>
#include <functional>

Q_IMPORT_QML_PLUGIN(Festival_KioskPlugin)

using namespace fest;

namespace {

// The model's constants (seconds).
constexpr double MentalS = 1.35;     // KLM "M": read a new screen, or the next group of the code
constexpr double FittsAS = 0.10;     // Fitts' law for a finger on a large touch screen:
constexpr double FittsBS = 0.15;     //   a + b * log2(D / W + 1)

struct Step
{
    QString what;
    double kioskMs = 0;     // from the tap to the screen's answer
    double modelS = 0;      // the visitor's own time before the tap (M + pointing)
};

class Visitor
{
public:
    Visitor(QQuickWindow *window)
        : m_window(window)
        , m_touch(QTest::createTouchDevice())
    {
        m_finger = QPointF(window->width() / 2.0, window->height() / 2.0);
    }

    QQuickItem *find(const QString &name, const std::function<bool(QQuickItem *)> &also = {}) const
    {
        return find(m_window->contentItem(), name, also);
    }

    // Taps the item (centre), after `mental` new things to read; waits until `done`.
    bool tap(QQuickItem *item, const QString &what, int mental, const std::function<bool()> &done)
    {
        settle();
        if (!item || !item->isVisible() || !item->isEnabled()) {
            std::fprintf(stderr, "bench_kiosk_visitor: nothing to tap for \"%s\"\n", qPrintable(what));
            return false;
        }
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        const double width = std::max(1.0, std::min(item->width(), item->height()));
        const double distance = std::hypot(centre.x() - m_finger.x(), centre.y() - m_finger.y());
        Step step;
        step.what = what;
        step.modelS = mental * MentalS + FittsAS + FittsBS * std::log2(distance / width + 1);
        m_finger = centre;
        QElapsedTimer answer;
        answer.start();
        QTest::touchEvent(m_window, m_touch).press(0, centre.toPoint(), m_window);
        QTest::touchEvent(m_window, m_touch).release(0, centre.toPoint(), m_window);
        if (!waitFor(done, 10000)) {
            std::fprintf(stderr, "bench_kiosk_visitor: the kiosk did not answer \"%s\"\n", qPrintable(what));
            return false;
        }
        step.kioskMs = double(answer.nsecsElapsed()) / 1e6;
        m_steps << step;
        return true;
    }

    // What the visitor sees is what was last drawn: let a frame come out before aiming.
    void settle()
    {
        bool drawn = false;
        const QMetaObject::Connection c = QObject::connect(m_window, &QQuickWindow::frameSwapped, [&] { drawn = true; });
        m_window->update();
        waitFor([&] { return drawn; }, 1000);
        QObject::disconnect(c);
    }

    static bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > timeoutMs)
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        return true;
    }

    const QList<Step> &steps() const { return m_steps; }
    void addStep(const Step &step) { m_steps << step; }

private:
    static QQuickItem *find(QQuickItem *root, const QString &name, const std::function<bool(QQuickItem *)> &also)
    {
        for (QQuickItem *child : root->childItems()) {
            if (child->objectName() == name && child->isVisible() && (!also || also(child)))
                return child;
            if (QQuickItem *found = find(child, name, also))
                return found;
        }
        return nullptr;
    }

    QQuickWindow *m_window;
    QPointingDevice *m_touch;
    QPointF m_finger;
    QList<Step> m_steps;
};

QQuickItem *screeningRow(const Visitor &v, const QString &screening)
{
    const QQuickItem *list = v.find(QStringLiteral("votableList"));
    if (!list)
        return nullptr;
    std::function<QQuickItem *(const QQuickItem *)> walk = [&](const QQuickItem *item) -> QQuickItem * {
        for (QQuickItem *child : item->childItems()) {
            if (child->property("screeningId").toString() == screening)
                return child;
            if (QQuickItem *found = walk(child))
                return found;
        }
        return nullptr;
    };
    return walk(list);
}

struct Run
{
    bool ok = false;
    int taps = 0;
    double kioskMs = 0;
    double modelS = 0;
    double scanMs = 0;
    QJsonArray steps;
};

Run summarise(const Visitor &v, bool ok)
{
    Run r;
    r.ok = ok;
    for (const Step &s : v.steps()) {
        if (s.what != QLatin1String("scan"))
            ++r.taps;
        else
            r.scanMs = s.kioskMs;
        r.kioskMs += s.kioskMs;
        r.modelS += s.modelS + s.kioskMs / 1000.0;
        r.steps.append(QJsonObject{{"step", s.what}, {"kiosk_ms", s.kioskMs}, {"visitor_s", s.modelS}});
    }
    return r;
}

// Vote, the screening, the code symbol by symbol, a star, Send: the touch-only visitor.
Run byTouch(QQuickWindow *window, Kiosk &kiosk, const QString &code)
{
    Visitor v(window);
    VoteSession *vote = kiosk.vote();
    bool ok = v.tap(v.find(QStringLiteral("navVote")), QStringLiteral("Vote"), 1,
                    [&] { return screeningRow(v, QStringLiteral("S-0202")) != nullptr; });
    ok = ok && v.tap(screeningRow(v, QStringLiteral("S-0202")), QStringLiteral("screening"), 1,
                     [&] { return vote->step() == VoteSession::Step::Code && v.find(QStringLiteral("codePad")); });
    const QString symbols = QString(code).remove(u'-');
    for (int i = 0; ok && i < symbols.size(); ++i) {
        const QString typed = symbols.left(i + 1);
        const bool last = i + 1 == symbols.size();
        ok = v.tap(v.find(QStringLiteral("key") + symbols.at(i)), QStringLiteral("symbol %1").arg(i + 1), i % 4 == 0 ? 1 : 0,
                   [&] { return last ? vote->step() == VoteSession::Step::Rate : vote->code() == typed; });
    }
    ok = ok && v.tap(v.find(QStringLiteral("star5")), QStringLiteral("star"), 1,
                     [&] { return vote->step() == VoteSession::Step::Confirm; });
    ok = ok && v.tap(v.find(QStringLiteral("confirmVote")), QStringLiteral("Send"), 0,
                     [&] { return vote->step() == VoteSession::Step::Thanks; });
    return summarise(v, ok);
}

// The ticket's QR code to the camera from the home screen, then the screening, a star, Send.
Run byScan(QQuickWindow *window, Kiosk &kiosk, const QString &qrPng)
{
    Visitor v(window);
    VoteSession *vote = kiosk.vote();
    QElapsedTimer scan;
    scan.start();
    kiosk.camera()->start(QStringLiteral("filesrc location=\"%1\" ! pngdec ! imagefreeze").arg(qrPng));
    bool ok = Visitor::waitFor([&] { return vote->codeState() == VoteSession::CodeState::Ok
                                            && screeningRow(v, QStringLiteral("S-0202")) != nullptr; }, 20000);
    // Holding the ticket up is the visitor's first act: one mental step, no tap.
    v.addStep({QStringLiteral("scan"), double(scan.nsecsElapsed()) / 1e6, MentalS});
    kiosk.camera()->stop();
    ok = ok && v.tap(screeningRow(v, QStringLiteral("S-0202")), QStringLiteral("screening"), 1,
                     [&] { return vote->step() == VoteSession::Step::Rate; });
    ok = ok && v.tap(v.find(QStringLiteral("star5")), QStringLiteral("star"), 1,
                     [&] { return vote->step() == VoteSession::Step::Confirm; });
    ok = ok && v.tap(v.find(QStringLiteral("confirmVote")), QStringLiteral("Send"), 0,
                     [&] { return vote->step() == VoteSession::Step::Thanks; });
    return summarise(v, ok);
}

template<typename T>
double worst(const QList<Run> &runs, T Run::*field)
{
    double w = 0;
    for (const Run &r : runs)
        w = std::max(w, double(r.*field));
    return w;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_BACKEND", "software");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {"runs", "Visitors of each kind.", "n", "5"},
        {"json", "Where to write the figures.", "file", QStringLiteral(FEST_BENCH_OUTPUT_DIR "/bench_kiosk_visitor.json")},
        {"width", "Window width.", "px", "1920"},
        {"height", "Window height.", "px", "1080"},
    });
    parser.process(app);
    QTemporaryDir dir;

    KioskConfig config;
    config.kioskId = QStringLiteral("kiosk-bench");
    config.venueId = QStringLiteral("V-CINE");
    config.programmeFile = QStringLiteral(FEST_SOURCE_DIR "/config/programme.sample.json");
    config.outboxPath = dir.filePath(QStringLiteral("outbox.db"));
    config.fakeNow = QDateTime::fromString(QStringLiteral("2026-12-06T11:30:00+08:00"), Qt::ISODate);
    Kiosk kiosk(config);
    QString error;
    if (!kiosk.start(&error)) {
        std::fprintf(stderr, "bench_kiosk_visitor: the kiosk did not start: %s\n", qPrintable(error));
        return 1;
    }
    kiosk.votingWindows()->setWindows({{QStringLiteral("S-0202"), {VotingStatus::State::Open, {}}}});
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    kiosk.setEngine(&engine);
    engine.load(QUrl(QStringLiteral("qrc:/Festival/Kiosk/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return 1;
    window->resize(parser.value("width").toInt(), parser.value("height").toInt());
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return 1;

    const TicketIssuer issuer(0, QByteArray(32, 'b'));
    QList<Run> touch, scan;
    for (int i = 0; i < parser.value("runs").toInt(); ++i) {
        kiosk.resetToHome();
        Visitor::waitFor([] { return false; }, 300);   // the home screen settles
        touch << byTouch(window, kiosk, issuer.issueOne());

        const QString code = issuer.issueOne();
        const QImage qr = TicketQr::image(code, 6);
        QImage card(640, 480, QImage::Format_RGB32);
        card.fill(QColor(120, 120, 120));
        QPainter(&card).drawImage((card.width() - qr.width()) / 2, (card.height() - qr.height()) / 2, qr);
        const QString png = dir.filePath(QStringLiteral("ticket-%1.png").arg(i));
        card.save(png);
        kiosk.resetToHome();
        Visitor::waitFor([] { return false; }, 300);
        scan << byScan(window, kiosk, png);
    }

    auto describe = [](const char *name, const QList<Run> &runs, int tapGoal, double secondsGoal) {
        QJsonArray each;
        bool ok = true;
        for (const Run &r : runs) {
            ok = ok && r.ok;
            each.append(QJsonObject{{"ok", r.ok}, {"taps", r.taps}, {"kiosk_ms", r.kioskMs}, {"visitor_s", r.modelS},
                                    {"scan_ms", r.scanMs}, {"steps", r.steps}});
        }
        std::printf("%-9s taps %2.0f (goal <= %d); visitor (model) worst %5.1f s (goal <= %.0f s); kiosk's own answer time, "
                    "all taps, worst run %6.1f ms%s\n",
                    name, worst(runs, &Run::taps) , tapGoal, worst(runs, &Run::modelS), secondsGoal, worst(runs, &Run::kioskMs),
                    ok ? "" : "  (A RUN FAILED)");
        return QJsonObject{{"ok", ok}, {"taps_worst", worst(runs, &Run::taps)}, {"taps_goal", tapGoal},
                           {"visitor_s_worst", worst(runs, &Run::modelS)}, {"visitor_s_goal", secondsGoal},
                           {"kiosk_ms_worst", worst(runs, &Run::kioskMs)}, {"runs", each}};
    };
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QString load = loadavg.open(QIODevice::ReadOnly) ? QString::fromLatin1(loadavg.readAll()).section(u' ', 0, 2) : QString();
    std::printf("a first-time visitor votes at the kiosk (%dx%d, %d runs each; load average %s)\n", window->width(),
                window->height(), int(touch.size()), qPrintable(load));
    const QJsonObject touchJson = describe("by touch", touch, 22, 20);
    const QJsonObject scanJson = describe("by scan", scan, 6, 20);
    std::printf("scan: from the camera's start to the code in, worst %.0f ms\n", worst(scan, &Run::scanMs));
    std::printf("model: M %.2f s per new screen and per group of four symbols; tap a + b log2(D/W + 1), a %.2f s, b %.2f s/bit\n",
                MentalS, FittsAS, FittsBS);
    const QJsonObject json{{"touch", touchJson}, {"scan", scanJson},
                           {"model", QJsonObject{{"mental_s", MentalS}, {"fitts_a_s", FittsAS}, {"fitts_b_s_per_bit", FittsBS}}},
                           {"window", QStringLiteral("%1x%2").arg(window->width()).arg(window->height())},
                           {"load_average", load}};
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0)
        return 1;
    std::printf("figures written to %s\n", qPrintable(file.fileName()));
    return touchJson.value("ok").toBool() && scanJson.value("ok").toBool() ? 0 : 1;
}
