#pragma once

#include "commandrouter.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

namespace fest {

class MqttClient;
class ProgrammeRepository;
class ProgrammeService;

// Films' stills (docs/protocol.md, `film.still` and `still`): checks that a picture sent
// by an organiser is a JPEG within the limits, stores it by its sha256, names it in the
// film through the programme's change path (new version, audit "film.still"), and keeps
// one retained message per still the programme names on fest/v1/still/<sha256>; the
// retained stills of films that no longer name them are cleared.
class StillService : public QObject
{
    Q_OBJECT

public:
    struct Limits {
        qsizetype maxBytes;
        int maxWidth = 1920;
        int maxHeight = 1080;
    };
    static Limits defaultLimits();

    StillService(ProgrammeRepository &repository, ProgrammeService &programme, MqttClient *client, QObject *parent = nullptr);

    void registerOperations(CommandRouter &router);
    // After a (re)connect: the broker may have lost its retained store, or hold stills of a
    // programme this controller no longer runs. Publishes every still the programme names
    // and clears every other stored one.
    void republish();
    // After a programme change: publishes the stills newly named, clears those no film names.
    void sync();

    // Why `jpeg` is not a still the kiosks can show (empty when it is one), in words an
    // organiser can act on.
    static QString pictureProblem(const QByteArray &jpeg, const Limits &limits);

private:
    Reply setStill(const CommandContext &who, const QJsonObject &args);
    QSet<QString> named() const;   // the stills the programme's films name and the store holds
    void publish(const QString &sha256, const QByteArray &payload);

    ProgrammeRepository &m_repository;
    ProgrammeService &m_programme;
    MqttClient *m_client;
    Limits m_limits;
    QSet<QString> m_published;   // retained on the broker since the last republish()
};

} // namespace fest
