#include "kioskconfig.h"

#include "brokersettings.h"
#include "config.h"
#include "displaylanguage.h"
#include "identifier.h"

#include <QFileInfo>
#include <QUrl>

namespace fest {

void KioskConfig::addOptions(QCommandLineParser &parser)
{
    Config::addOptions(parser, QStringLiteral("/etc/festival/kiosk.ini"));
    parser.addOption({QStringLiteral("programme"),
                      QStringLiteral("Show the programme in this file and run without a broker (demo, tests)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Render every screen in both languages and orientations to PNG files in this folder, then exit."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("now"),
                      QStringLiteral("Pretend the time is this ISO 8601 instant (demo, screenshots)."),
                      QStringLiteral("time")});
    parser.addOption({QStringLiteral("clock"),
                      QStringLiteral("Show clock (controller) as host:port, for the award ceremony ([clock] address)."),
                      QStringLiteral("host:port")});
}

KioskConfig KioskConfig::fromParser(const QCommandLineParser &parser)
{
    Config config = Config::fromParser(parser, QStringLiteral("/etc/festival/kiosk.ini"));
    if (parser.isSet(QStringLiteral("clock")))
        config.set(QStringLiteral("clock/address"), parser.value(QStringLiteral("clock")));
    if (parser.isSet(QStringLiteral("programme")))
        config.set(QStringLiteral("kiosk/programme"), QFileInfo(parser.value(QStringLiteral("programme"))).absoluteFilePath());
    KioskConfig k = fromConfig(config);
    k.screenshotDir = parser.value(QStringLiteral("screenshot"));
    if (parser.isSet(QStringLiteral("now"))) {
        k.fakeNow = QDateTime::fromString(parser.value(QStringLiteral("now")), Qt::ISODate);
        if (!k.fakeNow.isValid())
            k.errors << QStringLiteral("--now: expected an ISO 8601 time such as 2026-12-05T15:10:00+08:00");
    }
    return k;
}

bool KioskConfig::filmLinkUsable(const QString &pattern)
{
    const QUrl url(QString(pattern).replace(QStringLiteral("{film}"), QStringLiteral("F-001")), QUrl::StrictMode);
    return pattern.contains(QStringLiteral("{film}")) && url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QStringLiteral("https") || url.scheme() == QStringLiteral("http"));
}

KioskConfig KioskConfig::fromConfig(const Config &config)
{
    KioskConfig k;
    k.kioskId = config.string(QStringLiteral("kiosk/id"), k.kioskId).trimmed();
    if (!Identifier::isValid(k.kioskId))
        config.addError(QStringLiteral("kiosk/id"), QStringLiteral("\"%1\" is not a valid id (letters, digits, '-' and '_')").arg(k.kioskId));
    k.venueId = config.string(QStringLiteral("kiosk/venue")).trimmed();
    k.idleSeconds = config.integer(QStringLiteral("kiosk/idle_seconds"), k.idleSeconds, 10, 3600);
    k.idleWarningSeconds = config.integer(QStringLiteral("kiosk/idle_warning_seconds"), k.idleWarningSeconds, 0, 120);
    if (k.idleWarningSeconds >= k.idleSeconds)
        config.addError(QStringLiteral("kiosk/idle_warning_seconds"),
                        QStringLiteral("must be shorter than idle_seconds (%1)").arg(k.idleSeconds));
    k.cameraSource = config.string(QStringLiteral("scanner/camera")).trimmed();
    k.usbScanner = config.boolean(QStringLiteral("scanner/usb"), k.usbScanner);
    k.replyWaitMs = config.integer(QStringLiteral("kiosk/reply_wait_ms"), k.replyWaitMs, 0, 30000);
    k.language = config.string(QStringLiteral("kiosk/language"), k.language);
    bool known = false;
    k.language = DisplayLanguage::code(DisplayLanguage::fromCode(k.language, &known));
    if (!known)
        config.addError(QStringLiteral("kiosk/language"), QStringLiteral("expected en or zh_HK"));
    k.speech.enabled = config.boolean(QStringLiteral("speech/enabled"), k.speech.enabled);
    k.speech.engine = config.string(QStringLiteral("speech/engine"), k.speech.engine).trimmed();
    k.speech.rate = config.integer(QStringLiteral("speech/rate"), 0, -100, 100) / 100.0;
    const QString chinese = config.string(QStringLiteral("speech/chinese"), QStringLiteral("cantonese")).trimmed();
    if (chinese == QLatin1String("mandarin"))
        k.speech.chinese = SpeechSettings::Chinese::Mandarin;
    else if (chinese != QLatin1String("cantonese"))
        config.addError(QStringLiteral("speech/chinese"), QStringLiteral("expected cantonese or mandarin"));
    k.staffPinHash = config.string(QStringLiteral("kiosk/staff_pin_hash")).trimmed();
    k.filmLink = config.string(QStringLiteral("kiosk/film_link")).trimmed();
    if (!k.filmLink.isEmpty() && !filmLinkUsable(k.filmLink))
        config.addError(QStringLiteral("kiosk/film_link"),
                        QStringLiteral("expected an http:// or https:// address with {film} where the film's id goes, "
                                       "such as https://festival.example/films/{film}"));
    k.programmeFile = config.path(QStringLiteral("kiosk/programme"));
    k.outboxPath = config.path(QStringLiteral("kiosk/outbox"), QStringLiteral("/var/lib/festival-kiosk/outbox.db"));
    k.clockAddress = config.string(QStringLiteral("clock/address"), QStringLiteral("127.0.0.1:7010")).trimmed();
    if (!config.string(QStringLiteral("broker/url")).trimmed().isEmpty())
        k.broker = BrokerSettings::read(config, k.kioskId);
    else if (k.programmeFile.isEmpty())
        config.addError(QStringLiteral("broker/url"), QStringLiteral("missing; set the broker URL, or run from a file with --programme FILE"));
    k.errors = config.errors();
    return k;
}

} // namespace fest
