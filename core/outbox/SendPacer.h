#pragma once
// Paces the bot's sends so the account looks human and is not rate-limited by
// WeChat: a token bucket (sustained rate, small burst) plus a random jitter on
// every wait. Pure logic on a caller-supplied clock so it can be tested.

#include <QRandomGenerator>
#include <QtGlobal>

namespace gd {

class SendPacer
{
public:
    explicit SendPacer(double ratePerSecond = 1.0, int burst = 3, int jitterMs = 300);

    void setRate(double ratePerSecond);
    void setBurst(int burst);
    void setJitterMs(int jitterMs);
    void setSeed(quint32 seed) { m_random.seed(seed); }
    double rate() const { return m_rate; }
    int burst() const { return m_burst; }
    int jitterMs() const { return m_jitterMs; }

    // Takes one token if one is available at `nowMs`.
    bool tryAcquire(qint64 nowMs);
    // How long to wait from `nowMs` before tryAcquire() can succeed: 0 if it
    // can now, else the time until the next token plus a random jitter.
    qint64 delayMs(qint64 nowMs);
    double tokens(qint64 nowMs);

private:
    void refill(qint64 nowMs);

    double m_rate;
    int m_burst;
    int m_jitterMs;
    double m_tokens;
    qint64 m_lastMs = -1;
    QRandomGenerator m_random;
};

} // namespace gd
