#include "ticketissuer.h"

#include "ticketcode.h"

#include <QRandomGenerator>
#include <QSet>

namespace fest {

TicketIssuer::TicketIssuer(int keyId, const QByteArray &secret)
    : m_keyId(keyId >= 0 && keyId < TicketCode::KeyCount ? keyId : -1)
    , m_secret(secret)
{
}

TicketIssuer::TicketIssuer(const TicketKeyring &ring)
    : TicketIssuer(ring.currentKeyId(), ring.secret(ring.currentKeyId()))
{
}

QString TicketIssuer::issueOne() const
{
    Q_ASSERT(isValid());
    QByteArray random(8, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 2);
    QString code = QString(TicketCode::symbol(m_keyId)) + TicketCode::symbolsFromBits(random, TicketCode::RandomSymbols);
    code += TicketCode::macSymbols(m_secret, code);
    code += TicketCode::checkSymbol(code);
    return TicketCode::display(code);
}

QStringList TicketIssuer::issue(int count) const
{
    QStringList codes;
    if (!isValid() || count <= 0)
        return codes;
    QSet<QString> seen;
    seen.reserve(count);
    codes.reserve(count);
    while (codes.size() < count) {
        QString code = issueOne();
        if (!seen.contains(code)) {
            seen.insert(code);
            codes.append(std::move(code));
        }
    }
    return codes;
}

} // namespace fest
