#pragma once

#include <QImage>
#include <QString>

namespace fest {

// The QR code printed on a ticket: the ticket code itself, as a black-on-white image
// with 8 px modules and the standard 4-module quiet zone (ISO/IEC 18004), error
// correction M. Kiosks read it back with a camera (TicketCamera) or a USB scanner.
class TicketQr
{
public:
    // A null image when the text cannot be encoded.
    static QImage image(const QString &text, int modulePixels = 8);
};

} // namespace fest
