#include "httpresponse.h"

#include <QJsonDocument>

namespace fest {

HttpResponse HttpResponse::json(const QJsonObject &object, Status status)
{
    HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // Session state must never be served from a cache.
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

HttpResponse HttpResponse::error(Status status, const QByteArray &code, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}}, status);
}

void HttpResponse::send(QHttpServerResponder &responder, bool tls) const
{
    responder.writeStatusLine(status);
    if (!contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    // The app needs nothing from elsewhere: scripts, styles, images and the WebSocket
    // all come from this origin.
    responder.writeHeader(QByteArrayLiteral("Content-Security-Policy"),
                          QByteArrayLiteral("default-src 'self'; connect-src 'self'; img-src 'self' data:; "
                                            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    responder.writeHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    responder.writeHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    responder.writeHeader(QByteArrayLiteral("Cross-Origin-Opener-Policy"), QByteArrayLiteral("same-origin"));
    responder.writeHeader(QByteArrayLiteral("Cross-Origin-Resource-Policy"), QByteArrayLiteral("same-origin"));
    if (tls)
        responder.writeHeader(QByteArrayLiteral("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000"));
    for (const auto &[name, value] : headers)
        responder.writeHeader(name, value);
    responder.writeBody(body);
}

} // namespace fest
