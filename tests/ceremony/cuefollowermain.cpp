// festival-cue-follower: a CueFollower in its own process, for tests and bench/ceremony.
// Prints one line per event on stdout:
//   ready
//   fired <seq> <executeAtUs> <firedAtUs>
//   joined <seq> <index>
//   announced <category>=<winning film>[,<category>=<film>...]   (the awards announced so far)
// and publishes its retained status with the "ceremony" field (docs/protocol.md).
#include "cuefollower.h"
#include "envelope.h"
#include "gstreamerinit.h"
#include "mqttclient.h"
#include "showclock.h"
#include "topics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace fest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("broker"), QStringLiteral("mqtt://host:port"), QStringLiteral("url")},
                       {QStringLiteral("clock"), QStringLiteral("show clock host:port"), QStringLiteral("address")},
                       {QStringLiteral("account"), QStringLiteral("broker account"), QStringLiteral("name")}});
    parser.process(app);
    QTextStream out(stdout);
    QString error;
    std::optional<MqttOptions> options = MqttOptions::fromUrl(parser.value(QStringLiteral("broker")), &error);
    const QStringList clock = parser.value(QStringLiteral("clock")).split(QLatin1Char(':'));
    if (!options || clock.size() != 2) {
        QTextStream(stderr) << "festival-cue-follower: give --broker URL and --clock HOST:PORT " << error << "\n";
        return 2;
    }
    GStreamerInit::ensure();
    const QString account = parser.value(QStringLiteral("account"));
    options->username = account;
    options->clientId = account;
    MqttClient client(*options);
    ShowClock showClock(clock.at(0), quint16(clock.at(1).toUInt()));
    if (!showClock.waitForSync(10000)) {
        QTextStream(stderr) << "festival-cue-follower: the show clock did not sync\n";
        return 3;
    }
    CueFollower follower(&client, &showClock);
    const auto publishStatus = [&] {
        client.publish({Topics::nodeStatus(account),
                        Envelope::encode(QStringLiteral("status"), {{"role", "kiosk"}, {"state", "online"}, {"ceremony", follower.statusJson()}}),
                        1, true});
    };
    QObject::connect(&follower, &CueFollower::cueFired, [&](qint64 seq, qint64 firedAtUs) {
        out << "fired " << seq << ' ' << follower.executeAtUs() << ' ' << firedAtUs << Qt::endl;
    });
    QObject::connect(&follower, &CueFollower::cueJoined, [&](qint64 seq) {
        out << "joined " << seq << ' ' << follower.cueIndex() << Qt::endl;
    });
    QObject::connect(&follower, &CueFollower::announcedChanged, [&] {
        QStringList awards;
        for (const QVariant &a : follower.announced()) {
            const QVariantMap award = a.toMap();
            awards << award.value(QStringLiteral("categoryId")).toString() + u'=' + award.value(QStringLiteral("winner")).toMap().value(QStringLiteral("id")).toString();
        }
        out << "announced " << awards.join(u',') << Qt::endl;
    });
    QObject::connect(&follower, &CueFollower::appliedChanged, publishStatus);
    QObject::connect(&client, &MqttClient::connected, [&] {
        publishStatus();
        out << "ready" << Qt::endl;
    });
    client.open();
    return app.exec();
}
