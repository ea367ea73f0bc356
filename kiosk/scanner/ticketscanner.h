#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace fest {

// A USB or Bluetooth barcode scanner is a keyboard: it "types" what it read, faster than
// any hand, and presses Enter. TicketScanner watches every key press of the application
// and, when a burst of keys (each within burstGapMs of the previous) ending with Enter
// holds a ticket code (ScannedText), emits scanned() with it and swallows that Enter, on
// whatever page the kiosk shows. Keys typed by a person reach the focused control as
// before: nothing is swallowed but the scan's own Enter.
class TicketScanner : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultBurstGapMs = 60;

    explicit TicketScanner(QObject *parent = nullptr);
    ~TicketScanner() override;

    void setBurstGapMs(int ms) { m_burstGapMs = ms; }
    // Milliseconds from any fixed point; QElapsedTimer's by default (tests type with
    // their own clock instead of sleeping).
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

Q_SIGNALS:
    void scanned(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<qint64()> m_nowMs;
    QString m_burst;
    qint64 m_lastKeyMs = 0;
    int m_burstGapMs = DefaultBurstGapMs;
};

} // namespace fest
