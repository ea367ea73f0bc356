#pragma once

#include "mqttoptions.h"
#include "speaker.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fest {

class Config;

// Everything a kiosk is told at start: from its INI file (kiosk/app/kiosk.sample.ini
// documents every key) with command-line flags on top. Problems are collected with the
// file and key that caused them, so a bad file is reported whole.
struct KioskConfig
{
    QString kioskId = QStringLiteral("kiosk");  // also its broker account
    QString venueId;                            // votes default to screenings here
    std::optional<MqttOptions> broker;          // [broker] (BrokerSettings); none: only with programmeFile
    QString outboxPath;
    QString programmeFile;                      // run from a file, without a broker
    QString clockAddress;                       // show clock (controller) host:port, for the ceremony
    QString screenshotDir;                      // render every screen to PNGs and exit
    QDateTime fakeNow;                          // demo and screenshots: pretend it is then
    QString cameraSource;                       // [scanner] camera: V4L2 device or source; empty: none
    bool usbScanner = false;                    // [scanner] usb: a scanner is attached (the UI invites scans)
    int idleSeconds = 90;
    int idleWarningSeconds = 15;                // "still there?" this long before the idle reset
    int replyWaitMs = 4000;                     // how long the thank-you waits for the controller
    QString language = QStringLiteral("en");
    QString staffPinHash;                       // StaffAccess::hashPin() form
    QString filmLink;                           // [kiosk] film_link: a film's web page, "{film}" for its id
    SpeechSettings speech;                      // [speech]: reading aloud
    QStringList errors;

    bool ok() const { return errors.isEmpty(); }

    static void addOptions(QCommandLineParser &parser);
    static KioskConfig fromParser(const QCommandLineParser &parser);
    static KioskConfig fromConfig(const Config &config);
    // An http(s) address with a host and "{film}" where the film's id goes.
    static bool filmLinkUsable(const QString &pattern);
};

} // namespace fest
