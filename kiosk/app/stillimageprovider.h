#pragma once

#include <QQuickImageProvider>

namespace fest {

class StillCache;

// image://still/<sha256>/<corner radius>: a film's still from the StillCache, cut to the
// requested size (filled, centred) with rounded corners, so that it sits on the page like
// the other surfaces whichever scene graph backend draws it.
class StillImageProvider : public QQuickImageProvider
{
public:
    explicit StillImageProvider(const StillCache *stills);

    static QString name() { return QStringLiteral("still"); }
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

    // `picture` filling `size` (cropped to its aspect), corners rounded by `radius`.
    static QImage framed(const QImage &picture, const QSize &size, int radius);

private:
    const StillCache *m_stills;
};

} // namespace fest
