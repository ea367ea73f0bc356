#include "ballotclientprocess.h"

#include "database.h"
#include "projectbinaries.h"

#include <QRegularExpression>
#include <QTest>

namespace fest {

BallotClientProcess::BallotClientProcess(QString account, QString outbox, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_outbox(std::move(outbox))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, [this] { m_output += QString::fromUtf8(m_process.readAll()); });
}

BallotClientProcess::~BallotClientProcess()
{
    kill();
}

QString BallotClientProcess::binary()
{
    return projectBinary(QStringLiteral("festival-ballot-client"));
}

bool BallotClientProcess::run(const QStringList &args)
{
    m_output.clear();
    m_process.start(binary(), args);
    return m_process.waitForStarted();
}

bool BallotClientProcess::startBurst(const QString &brokerUrl, const QString &ticketsCsv, int count, double rate, int timeoutMs)
{
    return run({QStringLiteral("--broker"), brokerUrl, QStringLiteral("--user"), m_account, QStringLiteral("--outbox"), m_outbox,
                QStringLiteral("--timeout-ms"), QString::number(timeoutMs), QStringLiteral("burst"), QStringLiteral("--tickets"),
                ticketsCsv, QStringLiteral("--count"), QString::number(count), QStringLiteral("--rate"), QString::number(rate)});
}

bool BallotClientProcess::startDrain(const QString &brokerUrl, int timeoutMs)
{
    return run({QStringLiteral("--broker"), brokerUrl, QStringLiteral("--user"), m_account, QStringLiteral("--outbox"), m_outbox,
                QStringLiteral("--timeout-ms"), QString::number(timeoutMs), QStringLiteral("drain")});
}

bool BallotClientProcess::startCast(const QString &brokerUrl, const QString &ticket, const QString &screening,
                                    const QStringList &ratings, int timeoutMs)
{
    QStringList args{QStringLiteral("--broker"), brokerUrl, QStringLiteral("--user"), m_account, QStringLiteral("--outbox"), m_outbox,
                     QStringLiteral("--timeout-ms"), QString::number(timeoutMs), QStringLiteral("cast"), QStringLiteral("--ticket"),
                     ticket, QStringLiteral("--screening"), screening};
    for (const QString &rating : ratings)
        args << QStringLiteral("--rating") << rating;
    return run(args);
}

void BallotClientProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
    m_output += QString::fromUtf8(m_process.readAll());
}

bool BallotClientProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

bool BallotClientProcess::waitFinished(int timeoutMs)
{
    (void)QTest::qWaitFor([this] { return !isRunning(); }, timeoutMs);
    if (isRunning())
        return false;
    m_output += QString::fromUtf8(m_process.readAll());
    return true;
}

int BallotClientProcess::exitCode() const
{
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

BallotClientProcess::Summary BallotClientProcess::summary() const
{
    static const QRegularExpression line(QStringLiteral(R"(accepted (\d+), duplicate (\d+), rejected (\d+), still pending (\d+))"));
    Summary s;
    QRegularExpressionMatchIterator it = line.globalMatch(m_output);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        s = {m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt()};
    }
    return s;
}

int BallotClientProcess::pendingIn(const QString &outbox)
{
    QString error;
    std::optional<Database> db = Database::open(outbox, {Database::Sync::Normal, true, 5000}, &error);
    if (!db)
        return -1;
    Statement s = db->prepare(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    return s.step() == Statement::Step::Row ? int(s.columnInt(0)) : -1;
}

} // namespace fest
