#include "stillimageprovider.h"

#include "stillcache.h"

#include <QPainter>
#include <QPainterPath>

namespace fest {

StillImageProvider::StillImageProvider(const StillCache *stills)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_stills(stills)
{
}

QImage StillImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QImage picture = m_stills->image(id.section(QLatin1Char('/'), 0, 0));
    const int radius = id.section(QLatin1Char('/'), 1, 1).toInt();
    if (picture.isNull())
        return {};
    const QSize wanted = requestedSize.width() > 0 && requestedSize.height() > 0 ? requestedSize : picture.size();
    const QImage out = framed(picture, wanted, radius);
    if (size)
        *size = out.size();
    return out;
}

QImage StillImageProvider::framed(const QImage &picture, const QSize &size, int radius)
{
    const QImage filled = picture.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    QImage out(size, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath corners;
    corners.addRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)), radius, radius);
    painter.setClipPath(corners);
    painter.drawImage(QPoint((size.width() - filled.width()) / 2, (size.height() - filled.height()) / 2), filled);
    return out;
}

} // namespace fest
