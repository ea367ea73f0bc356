#include "staticfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace fest {

StaticFiles::StaticFiles(const QString &root)
    : m_root(QFileInfo(root).canonicalFilePath())
{
}

QString StaticFiles::resolve(const QString &decodedPath) const
{
    if (m_root.isEmpty() || !decodedPath.startsWith(QLatin1Char('/')))
        return {};
    QString path = decodedPath;
    if (path.endsWith(QLatin1Char('/')))
        path += QStringLiteral("index.html");
    const QStringList levels = path.mid(1).split(QLatin1Char('/'));
    for (const QString &level : levels) {
        if (level.isEmpty() || level.startsWith(QLatin1Char('.')) || level.contains(QLatin1Char('\\'))
            || level.contains(QChar(0)))
            return {};
    }
    const QFileInfo file(m_root + QLatin1Char('/') + levels.join(QLatin1Char('/')));
    const QString canonical = file.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(m_root + QLatin1Char('/')))
        return {};
    const QFileInfo resolved(canonical);
    if (!resolved.isFile() || !resolved.isReadable())
        return {};
    return canonical;
}

QByteArray StaticFiles::contentType(const QString &fileName)
{
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("html"), QByteArrayLiteral("text/html; charset=utf-8")},
        {QStringLiteral("js"), QByteArrayLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral("mjs"), QByteArrayLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral("css"), QByteArrayLiteral("text/css; charset=utf-8")},
        {QStringLiteral("json"), QByteArrayLiteral("application/json")},
        {QStringLiteral("map"), QByteArrayLiteral("application/json")},
        {QStringLiteral("txt"), QByteArrayLiteral("text/plain; charset=utf-8")},
        {QStringLiteral("svg"), QByteArrayLiteral("image/svg+xml")},
        {QStringLiteral("png"), QByteArrayLiteral("image/png")},
        {QStringLiteral("jpg"), QByteArrayLiteral("image/jpeg")},
        {QStringLiteral("jpeg"), QByteArrayLiteral("image/jpeg")},
        {QStringLiteral("webp"), QByteArrayLiteral("image/webp")},
        {QStringLiteral("ico"), QByteArrayLiteral("image/x-icon")},
        {QStringLiteral("woff2"), QByteArrayLiteral("font/woff2")},
        {QStringLiteral("woff"), QByteArrayLiteral("font/woff")},
        {QStringLiteral("webmanifest"), QByteArrayLiteral("application/manifest+json")},
    };
    return types.value(QFileInfo(fileName).suffix().toLower(), QByteArrayLiteral("application/octet-stream"));
}

HttpResponse StaticFiles::get(const QString &decodedPath) const
{
    const QString file = resolve(decodedPath);
    QFile f(file);
    if (file.isEmpty() || f.size() > maxFileBytes || !f.open(QIODevice::ReadOnly))
        return HttpResponse::error(HttpResponse::Status::NotFound, "not_found", QStringLiteral("There is no such page; start from /."));
    HttpResponse r;
    r.contentType = contentType(file);
    r.body = f.readAll();
    // index.html names the other files; it must be fetched fresh after an upgrade.
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
    return r;
}

} // namespace fest
