// A client that connects with a Will and then waits to be killed: the test's stand-in
// for a node that crashes or loses power. Usage: mqttwillclient <url> <will-topic> <will-payload>
#include "mqttclient.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: mqttwillclient <url> <will-topic> <will-payload>\n");
        return 2;
    }
    QString error;
    auto options = fest::MqttOptions::fromUrl(args.at(1), &error);
    if (!options) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    options->will = fest::MqttMessage{args.at(2), args.at(3).toUtf8(), 1, false};
    fest::MqttClient client(*options);
    QObject::connect(&client, &fest::MqttClient::connected, [] {
        std::printf("connected\n");
        std::fflush(stdout);
    });
    client.open();
    return app.exec();
}
