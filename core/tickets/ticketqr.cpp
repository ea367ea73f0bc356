#include "ticketqr.h"

#include <qrencode.h>

#include <memory>

namespace fest {

namespace {
struct QrDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
} // namespace

QImage TicketQr::image(const QString &text, int modulePixels)
{
    const std::unique_ptr<QRcode, QrDeleter> qr(QRcode_encodeString(text.toLatin1().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!qr || modulePixels < 1)
        return {};
    constexpr int quiet = 4;
    const int side = (qr->width + 2 * quiet) * modulePixels;
    QImage image(side, side, QImage::Format_Mono);
    image.fill(1);
    for (int y = 0; y < qr->width; ++y) {
        for (int x = 0; x < qr->width; ++x) {
            if (!(qr->data[y * qr->width + x] & 1))
                continue;
            for (int dy = 0; dy < modulePixels; ++dy)
                for (int dx = 0; dx < modulePixels; ++dx)
                    image.setPixel((x + quiet) * modulePixels + dx, (y + quiet) * modulePixels + dy, 0);
        }
    }
    return image;
}

} // namespace fest
