#include "stillmessage.h"

#include "envelope.h"
#include "jsonreader.h"
#include "messagetype.h"
#include "topics.h"

#include <QCryptographicHash>

namespace fest {

JsonLimits StillMessage::limits()
{
    // base64 makes 4 characters of every 3 bytes; the envelope adds a few hundred more.
    JsonLimits limits;
    limits.maxStringLength = (maxJpegBytes + 2) / 3 * 4;
    limits.maxBytes = limits.maxStringLength + 1024;
    return limits;
}

QString StillMessage::sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray StillMessage::encode() const
{
    return Envelope::encode(MessageType::still(),
                            {{QStringLiteral("sha256"), sha256}, {QStringLiteral("data"), QString::fromLatin1(jpeg.toBase64())}});
}

std::optional<StillMessage> StillMessage::decode(const QByteArray &data, QString *error)
{
    const std::optional<QJsonObject> body = Envelope::decode(data, MessageType::still(), limits(), error);
    if (!body)
        return std::nullopt;
    JsonReader reader(*body);
    const QString sha256 = reader.requiredString(QStringLiteral("sha256"));
    const QString base64 = reader.requiredString(QStringLiteral("data"));
    reader.rejectUnknownFields();
    if (!reader.ok()) {
        *error = reader.errors().constFirst().toString();
        return std::nullopt;
    }
    if (!Topics::isSha256(sha256)) {
        *error = QStringLiteral("sha256: expected 64 lower-case hex digits");
        return std::nullopt;
    }
    QByteArray::FromBase64Result jpeg = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!jpeg) {
        *error = QStringLiteral("data: not base64");
        return std::nullopt;
    }
    if (sha256Of(*jpeg) != sha256) {
        *error = QStringLiteral("data: its sha256 is %1, not %2 as the message says").arg(sha256Of(*jpeg), sha256);
        return std::nullopt;
    }
    return StillMessage{sha256, std::move(*jpeg)};
}

} // namespace fest
