#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace fest {

// One response of the console, written by hand through a QHttpServerResponder so that
// every answer (files, API, errors, late login replies) carries the same security
// headers: a strict Content-Security-Policy, no sniffing, no framing, no referrer.
struct HttpResponse
{
    using Status = QHttpServerResponder::StatusCode;

    Status status = Status::Ok;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;   // extra headers (Set-Cookie, ...)

    static HttpResponse json(const QJsonObject &object, Status status = Status::Ok);
    // {"error": code, "message": message}: message tells the user what to do.
    static HttpResponse error(Status status, const QByteArray &code, const QString &message);

    // tls adds Strict-Transport-Security.
    void send(QHttpServerResponder &responder, bool tls) const;
};

} // namespace fest
