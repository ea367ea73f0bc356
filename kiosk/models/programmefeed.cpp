#include "programmefeed.h"

#include "envelope.h"
#include "jsonguard.h"
#include "jsonreader.h"
#include "messagetype.h"
#include "programmejson.h"
#include "votingstatus.h"

#include <QFile>
#include <QSaveFile>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace fest {

ProgrammeFeed::ProgrammeFeed(QObject *parent)
    : QObject(parent)
{
    m_worker.setMaxThreadCount(1);
}

bool ProgrammeFeed::applyMessage(const QByteArray &payload, QString *error)
{
    return take(decode(payload, Source::Message, m_version, m_hash), error);
}

bool ProgrammeFeed::loadFile(const QString &path, QString *error)
{
    return take(read(path, Source::File), error);
}

void ProgrammeFeed::applyMessageInBackground(const QByteArray &payload)
{
    inBackground([payload, version = m_version, hash = m_hash, cache = m_cacheFile] {
        Decoded d = decode(payload, Source::Message, version, hash);
        if (d.programme && !cache.isEmpty())
            keep(payload, cache);
        return d;
    });
}

void ProgrammeFeed::loadFileInBackground(const QString &path)
{
    inBackground([path] { return read(path, Source::File); });
}

bool ProgrammeFeed::loadCacheInBackground()
{
    if (m_cacheFile.isEmpty() || !QFile::exists(m_cacheFile))
        return false;
    inBackground([path = m_cacheFile] { return read(path, Source::Cache); });
    return true;
}

void ProgrammeFeed::inBackground(std::function<Decoded()> work)
{
    m_worker.start([this, work = std::move(work)] {
        Decoded decoded = work();
        QMetaObject::invokeMethod(this, [this, decoded = std::move(decoded)]() mutable {
            const Source source = decoded.source;
            QString why;
            if (!take(std::move(decoded), &why) && source == Source::File)
                emit fileFailed(why);
        }, Qt::QueuedConnection);
    });
}

ProgrammeFeed::Decoded ProgrammeFeed::read(const QString &path, Source source)
{
    Decoded d;
    d.source = source;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        d.error = Error::Unreadable;
        d.why = QStringLiteral("cannot read the programme file %1: %2").arg(path, file.errorString());
        return d;
    }
    d = decode(file.read(JsonLimits::programme().maxBytes + 1), source, -1, {});
    if (d.error != Error::NoError)
        d.why = QStringLiteral("%1: %2").arg(path, d.why);
    return d;
}

// Thread-safe: touches no member, so workers may run it.
ProgrammeFeed::Decoded ProgrammeFeed::decode(const QByteArray &bytes, Source source, qint64 currentVersion,
                                             const QString &currentHash)
{
    Decoded d;
    d.source = source;
    const auto failed = [&d](Error error, const QString &why) {
        d.error = error;
        d.why = why;
        return d;
    };
    const auto object = JsonGuard::parseObject(bytes, JsonLimits::programme(), &d.why);
    if (!object)
        return failed(Error::Malformed, d.why);
    QList<ProgrammeError> problems;
    if (source == Source::File && !object->contains(QStringLiteral("programme"))) {
        d.programme = ProgrammeJson::fromJson(*object, &problems);
        if (!d.programme)
            return failed(Error::Malformed, problems.constFirst().toString());
        d.hash = ProgrammeJson::contentHash(*d.programme);
        return d;
    }
    DecodeError envelope;
    const std::optional<QJsonObject> body = Envelope::open(*object, MessageType::programme(), envelope);
    if (!body)
        return failed(envelope.kind == DecodeError::Kind::WrongType ? Error::WrongType : Error::Malformed, envelope.message);
    JsonReader r(*body, MessageType::programme());
    d.version = r.requiredInteger(QStringLiteral("version"), {.min = 0});
    d.hash = r.optionalString(QStringLiteral("hash"), {.maxLength = 128});
    if (!r.ok())
        return failed(Error::Malformed, r.errors().constFirst().toString());
    if (d.version == currentVersion && d.hash == currentHash) {
        d.unchanged = true;   // the same retained message again after a reconnect
        return d;
    }
    d.programme = ProgrammeJson::fromJson(body->value(QStringLiteral("programme")).toObject(), &problems);
    if (!d.programme)
        return failed(Error::Malformed, problems.constFirst().toString());
    return d;
}

void ProgrammeFeed::keep(const QByteArray &message, const QString &cacheFile)
{
    // Written whole or not at all: a power cut leaves the previous cache.
    QSaveFile file(cacheFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size() || !file.commit())
        qCWarning(lcKiosk) << "cannot keep the programme in" << cacheFile << "-" << file.errorString();
}

bool ProgrammeFeed::take(Decoded decoded, QString *error)
{
    if (decoded.error != Error::NoError)
        return fail(decoded.error, decoded.why, error);
    if (decoded.unchanged || (decoded.version == m_version && decoded.hash == m_hash))
        return true;
    apply(*decoded.programme, decoded.version, decoded.hash);
#ifdef __GLIBC__
    // Decoding left megabytes free in the worker's malloc arena; glibc keeps them mapped
    // unless asked (about 8 MB of resident memory with 1,300 films).
    decoded = {};
    malloc_trim(0);
#endif
    return true;
}

void ProgrammeFeed::apply(const Programme &programme, qint64 version, const QString &hash)
{
    m_programme = programme;
    m_version = version;
    m_hash = hash;
    // NowNext points into the screening rows: reset it before they are replaced.
    m_nowNext.setProgramme(m_programme);
    m_venues.setProgramme(m_programme);
    m_films.setProgramme(m_programme);
    m_screenings.setProgramme(m_programme);
    if (m_error != Error::NoError) {
        m_error = Error::NoError;
        emit errorChanged();
    }
    emit programmeChanged();
}

void ProgrammeFeed::setLanguage(DisplayLanguage::Language language)
{
    m_venues.setLanguage(language);
    m_films.setLanguage(language);
    m_screenings.setLanguage(language);
    m_nowNext.setLanguage(language);
}

bool ProgrammeFeed::fail(Error error, const QString &why, QString *out)
{
    qCWarning(lcKiosk) << "programme not applied:" << why;
    if (out)
        *out = why;
    if (m_error != error) {
        m_error = error;
        emit errorChanged();
    }
    return false;
}

} // namespace fest
