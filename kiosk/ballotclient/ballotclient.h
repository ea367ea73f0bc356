#pragma once

#include "ballotreply.h"
#include "voteoutbox.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace fest {

class MqttClient;

// The behaviour of a kiosk without its screen, for tests, the benchmark and
// festival-ballot-client: casts through a VoteOutbox (so it re-sends like a kiosk), paces
// bursts, and counts the controller's verdicts until the outbox is drained.
class BallotClient : public QObject
{
    Q_OBJECT
public:
    struct TicketLine
    {
        QString code;
        QString screening;
        QString film;
    };
    struct Summary
    {
        int accepted = 0;
        int duplicate = 0;
        int rejected = 0;
        QMap<QString, int> reasons;   // reason code -> count
        int pending = 0;
        qint64 elapsedMs = 0;
    };

    // "code,screening[,film]" a line; a header line starting with "code" and blank lines
    // are skipped. Errors name the file and line.
    static std::optional<QList<TicketLine>> loadTickets(const QString &path, QString *error);

    BallotClient(VoteOutbox *outbox, QObject *parent = nullptr);

    // Casts count ballots from tickets (cycling through them) at rate per second (0: at
    // once), each with a random score, film from the line or fallbackFilm.
    bool burst(const QList<TicketLine> &tickets, int count, double rate, const QString &fallbackFilm, QString *error);
    // Runs the event loop until the outbox is empty or timeoutMs passed; true when empty.
    bool drain(int timeoutMs);

    const Summary &summary();
    QString lastRejection() const { return m_lastRejection; }

signals:
    void burstSent();

private:
    void castNext();
    void onSettled(const QString &voteId, const BallotReply &reply);

    VoteOutbox *m_outbox;
    Summary m_summary;
    QElapsedTimer m_elapsed;
    QTimer m_pace;
    QList<TicketLine> m_tickets;
    QString m_fallbackFilm;
    int m_toCast = 0;
    int m_cast = 0;
    double m_rate = 0;
    QString m_lastRejection;
};

} // namespace fest
