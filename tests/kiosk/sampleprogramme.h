#pragma once

#include "programme.h"
#include "programmejson.h"

#include <QFile>
#include <QTest>

namespace fest {

// The festival's sample programme (config/programme.sample.json): 4 venues, 6 screens,
// 40 films, 18 screenings over two days in Asia/Hong_Kong.
class SampleProgramme
{
public:
    static QString path()
    {
        const QByteArray dir = qgetenv("FEST_SOURCE_DIR");
        return QString::fromLocal8Bit(dir.isEmpty() ? QByteArray(FEST_SOURCE_DIR_FALLBACK) : dir)
            + QStringLiteral("/config/programme.sample.json");
    }
    static QByteArray bytes()
    {
        QFile f(path());
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path()));
        return f.readAll();
    }
    static Programme load()
    {
        QList<ProgrammeError> errors;
        const auto p = ProgrammeJson::decode(bytes(), &errors);
        if (!p)
            qFatal("sample programme unreadable: %s", qPrintable(errors.value(0).toString()));
        return *p;
    }
    static QDateTime hk(const QString &isoLocal)
    {
        return QDateTime::fromString(isoLocal + QStringLiteral("+08:00"), Qt::ISODate);
    }
};

} // namespace fest
