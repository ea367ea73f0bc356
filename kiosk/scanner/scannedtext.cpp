#include "scannedtext.h"

#include "ticketcode.h"

namespace fest {

QString ScannedText::ticketCode(QStringView text)
{
    text = text.trimmed();
    if (text.size() > 512)
        return {};
    if (TicketCode::checkFormat(text) == TicketCode::Check::Ok)
        return TicketCode::display(text);
    // A link: the code is its last path segment (a query or fragment after it is ignored).
    qsizetype end = text.size();
    for (const QChar stop : {u'?', u'#'}) {
        const qsizetype at = text.indexOf(stop);
        if (at >= 0)
            end = std::min(end, at);
    }
    QStringView path = text.left(end);
    while (path.endsWith(u'/'))
        path.chop(1);
    const QStringView last = path.mid(path.lastIndexOf(u'/') + 1);
    if (last.size() < text.size() && TicketCode::checkFormat(last) == TicketCode::Check::Ok)
        return TicketCode::display(last);
    return {};
}

} // namespace fest
