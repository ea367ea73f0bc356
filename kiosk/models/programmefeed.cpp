#include "programmefeed.h"

#include "jsonguard.h"
#include "jsonreader.h"
#include "programmejson.h"
#include "votingstatus.h"

#include <QFile>

namespace fest {

ProgrammeFeed::ProgrammeFeed(QObject *parent)
    : QObject(parent)
{
}

bool ProgrammeFeed::applyMessage(const QByteArray &payload, QString *error)
{
    return decode(payload, false, error);
}

bool ProgrammeFeed::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Unreadable, QStringLiteral("cannot read the programme file %1: %2").arg(path, file.errorString()), error);
    const QByteArray bytes = file.read(JsonLimits::programme().maxBytes + 1);
    QString why;
    if (!decode(bytes, true, &why))
        return fail(m_error, QStringLiteral("%1: %2").arg(path, why), error);
    return true;
}

bool ProgrammeFeed::decode(const QByteArray &bytes, bool allowBare, QString *error)
{
    QString why;
    const auto object = JsonGuard::parseObject(bytes, JsonLimits::programme(), &why);
    if (!object)
        return fail(Error::Malformed, why, error);
    QList<ProgrammeError> problems;
    const auto firstProblem = [&problems] { return problems.constFirst().toString(); };
    if (allowBare && !object->contains(QStringLiteral("programme"))) {
        const auto programme = ProgrammeJson::fromJson(*object, &problems);
        if (!programme)
            return fail(Error::Malformed, firstProblem(), error);
        apply(*programme, 0, ProgrammeJson::contentHash(*programme));
        return true;
    }
    JsonReader r(*object, QStringLiteral("message"));
    const QString type = r.requiredString(QStringLiteral("type"));
    r.requiredInteger(QStringLiteral("v"), {.min = 1, .max = 1});
    const qint64 version = r.requiredInteger(QStringLiteral("version"), {.min = 0});
    const QString hash = r.optionalString(QStringLiteral("hash"), {.maxLength = 128});
    const QJsonObject body = object->value(QStringLiteral("programme")).toObject();
    if (!r.ok())
        return fail(Error::Malformed, r.errors().constFirst().toString(), error);
    if (type != u"programme")
        return fail(Error::WrongType, QStringLiteral("a \"%1\" message is not a programme").arg(type), error);
    if (version == m_version && hash == m_hash)
        return true;  // the same retained message again after a reconnect
    const auto programme = ProgrammeJson::fromJson(body, &problems);
    if (!programme)
        return fail(Error::Malformed, firstProblem(), error);
    apply(*programme, version, hash);
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
