// A USB scanner types the ticket code and Enter faster than a hand: TicketScanner takes
// that burst as a scan on any window, swallows its Enter, and leaves people's typing
// alone. The clock is the test's, so typing speed needs no sleeping.
#include "ticketissuer.h"
#include "ticketscanner.h"

#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace fest;

namespace {
// A window that counts the Enter presses that reach it.
class CountingWindow : public QWindow
{
public:
    int enters = 0;
    QString typed;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
            ++enters;
        else
            typed += event->text();
    }
};
} // namespace

class tst_TicketScanner : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_now = 0;
        m_window = std::make_unique<CountingWindow>();
        m_scanner = std::make_unique<TicketScanner>();
        m_scanner->setClock([this] { return m_now; });
    }
    void cleanup()
    {
        m_scanner.reset();
        m_window.reset();
    }

    void burstWithEnterIsAScan()
    {
        const QString code = TicketIssuer(1, QByteArray(32, 'q')).issueOne();
        QSignalSpy scanned(m_scanner.get(), &TicketScanner::scanned);
        type(code, 8);
        QTest::keyClick(m_window.get(), Qt::Key_Return);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), code);
        QCOMPARE(m_window->enters, 0);        // the scan's Enter does not reach the page
        QCOMPARE(m_window->typed, code);      // the symbols did, as typed
    }

    void personTypingIsNoScan()
    {
        const QString code = TicketIssuer(1, QByteArray(32, 'q')).issueOne();
        QSignalSpy scanned(m_scanner.get(), &TicketScanner::scanned);
        type(code, 180);                      // a fast typist: still far slower than a scanner
        QTest::keyClick(m_window.get(), Qt::Key_Return);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window->enters, 1);
    }

    void burstWithoutACodeIsNoScan()
    {
        QSignalSpy scanned(m_scanner.get(), &TicketScanner::scanned);
        type(QStringLiteral("9780306406157"), 8);   // a book's barcode
        QTest::keyClick(m_window.get(), Qt::Key_Return);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_window->enters, 1);
    }

    void pauseInsideTheBurstStartsAgain()
    {
        const QString code = TicketIssuer(2, QByteArray(32, 'r')).issueOne();
        QSignalSpy scanned(m_scanner.get(), &TicketScanner::scanned);
        type(QStringLiteral("XY"), 8);
        m_now += 2000;                        // someone typed, then walked away
        type(code, 8);
        QTest::keyClick(m_window.get(), Qt::Key_Return);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), code);
    }

private:
    void type(const QString &text, int gapMs)
    {
        for (const QChar c : text) {
            m_now += gapMs;
            QTest::keyClick(m_window.get(), c.toLatin1());
        }
        m_now += gapMs;
    }

    qint64 m_now = 0;
    std::unique_ptr<CountingWindow> m_window;
    std::unique_ptr<TicketScanner> m_scanner;
};

QTEST_MAIN(tst_TicketScanner)
#include "tst_ticketscanner.moc"
