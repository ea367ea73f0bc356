#include "stillservice.h"

#include "mqttclient.h"
#include "programmerepository.h"
#include "programmeservice.h"
#include "stillmessage.h"
#include "topics.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QLoggingCategory>

#include "controllerlog.h"

namespace fest {

namespace {
const QString kOp = QStringLiteral("film.still");

Reply badArgument(const QString &field, const QString &message)
{
    return Reply::failure(ErrorCode::InvalidArgs, QStringLiteral("%1: %2").arg(field, message));
}
} // namespace

StillService::Limits StillService::defaultLimits()
{
    return Limits{StillMessage::maxJpegBytes};
}

StillService::StillService(ProgrammeRepository &repository, ProgrammeService &programme, MqttClient *client, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_programme(programme)
    , m_client(client)
    , m_limits(defaultLimits())
{
}

void StillService::registerOperations(CommandRouter &router)
{
    router.add(kOp, {QStringLiteral("organiser")}, [this](const CommandContext &who, const QJsonObject &args) {
        return setStill(who, args);
    });
}

QString StillService::pictureProblem(const QByteArray &jpeg, const Limits &limits)
{
    if (jpeg.size() > limits.maxBytes)
        return QStringLiteral("the picture is %1 KB; a still may be at most %2 KB: make it smaller or lower its JPEG quality")
            .arg((jpeg.size() + 1023) / 1024).arg(limits.maxBytes / 1024);
    QBuffer buffer;
    buffer.setData(jpeg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    reader.setDecideFormatFromContent(false);
    if (!jpeg.startsWith("\xff\xd8\xff") || !reader.canRead())
        return QStringLiteral("not a JPEG picture; festctl film still turns a picture or a video file into one");
    const QSize size = reader.size();
    if (!size.isValid())
        return QStringLiteral("the JPEG cannot be decoded (%1); export it again").arg(reader.errorString());
    if (size.width() > limits.maxWidth || size.height() > limits.maxHeight)
        return QStringLiteral("the picture is %1x%2 pixels; a still may be at most %3x%4")
            .arg(size.width()).arg(size.height()).arg(limits.maxWidth).arg(limits.maxHeight);
    if (reader.read().isNull())
        return QStringLiteral("the JPEG cannot be decoded (%1); export it again").arg(reader.errorString());
    return {};
}

Reply StillService::setStill(const CommandContext &who, const QJsonObject &args)
{
    const QString filmId = args.value(QStringLiteral("id")).toString();
    if (filmId.isEmpty())
        return badArgument(QStringLiteral("id"), QStringLiteral("expected the film's id"));
    const bool clear = args.value(QStringLiteral("clear")).toBool(false);
    if (clear == args.contains(QStringLiteral("jpeg")))
        return badArgument(QStringLiteral("jpeg"), QStringLiteral("give either the picture (base64 JPEG) or \"clear\": true"));
    for (auto it = args.begin(); it != args.end(); ++it)
        if (it.key() != QLatin1String("id") && it.key() != QLatin1String("jpeg") && it.key() != QLatin1String("clear"))
            return badArgument(it.key(), QStringLiteral("unknown argument; film.still takes id, and jpeg or clear"));
    if (clear)
        return m_programme.setFilmStill(who, filmId, {}, kOp, {{"id", filmId}, {"clear", true}});
    if (!m_programme.programme().film(filmId))   // unknown_film (or no_programme), before any work on the picture
        return m_programme.setFilmStill(who, filmId, {}, kOp, {});
    const QByteArray::FromBase64Result jpeg = QByteArray::fromBase64Encoding(args.value(QStringLiteral("jpeg")).toString().toLatin1(),
                                                                             QByteArray::AbortOnBase64DecodingErrors);
    if (!jpeg)
        return badArgument(QStringLiteral("jpeg"), QStringLiteral("not base64"));
    if (const QString problem = pictureProblem(*jpeg, m_limits); !problem.isEmpty())
        return badArgument(QStringLiteral("jpeg"), problem);
    const QString sha256 = StillMessage::sha256Of(*jpeg);
    QString error;
    if (!m_repository.storeStill(sha256, *jpeg, &error)) {
        qCCritical(lcController).noquote() << "the still of" << filmId << "could not be stored:" << error;
        return Reply::failure(ErrorCode::StorageFailed,
                              QStringLiteral("the still could not be stored (%1); nothing was changed. "
                                             "Check the controller's disk and its log.").arg(error));
    }
    Reply reply = m_programme.setFilmStill(who, filmId, sha256, kOp, {{"id", filmId}, {"still", sha256}, {"bytes", qint64(jpeg.decoded.size())}});
    if (reply.ok)
        reply.result.insert(QStringLiteral("still"), sha256);
    return reply;
}

QSet<QString> StillService::named() const
{
    QSet<QString> named;
    for (const Film &film : m_programme.programme().films)
        if (!film.still.isEmpty())
            named.insert(film.still);
    return named;
}

void StillService::republish()
{
    m_published.clear();
    const QSet<QString> wanted = named();
    for (const QString &sha256 : m_repository.stillHashes())
        if (!wanted.contains(sha256))
            publish(sha256, {});   // a retained still of a programme this controller no longer runs
    sync();
}

void StillService::sync()
{
    const QSet<QString> wanted = named();
    for (const QString &sha256 : wanted) {
        if (m_published.contains(sha256))
            continue;
        const std::optional<QByteArray> jpeg = m_repository.still(sha256);
        if (!jpeg) {
            qCWarning(lcController).noquote() << "the programme names still" << sha256 << "which this controller does not hold; "
                                              << "its film shows none until festctl film still sets it again";
            continue;
        }
        publish(sha256, StillMessage{sha256, *jpeg}.encode());
        m_published.insert(sha256);
    }
    const QSet<QString> stale = m_published - wanted;
    for (const QString &sha256 : stale) {
        publish(sha256, {});
        m_published.remove(sha256);
    }
}

void StillService::publish(const QString &sha256, const QByteArray &payload)
{
    MqttMessage m;
    m.topic = Topics::still(sha256);
    m.payload = payload;   // empty: clears the retained still
    m.qos = 1;
    m.retain = true;
    m_client->publish(m);
}

} // namespace fest
