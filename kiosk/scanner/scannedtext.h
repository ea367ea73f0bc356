#pragma once

#include <QString>
#include <QStringView>

namespace fest {

// What a scanner read, turned into a ticket code: the ticket's own QR code and barcode
// hold the bare code ("K7QF-4M9X-R2DA-BC3P"); a QR code that links to a voting page
// ends with it ("https://…/vote/K7QF4M9XR2DABC3P"). Returns the code in its printed
// form, or an empty string when the text holds no code that passes the check symbol.
class ScannedText
{
public:
    static QString ticketCode(QStringView text);
};

} // namespace fest
