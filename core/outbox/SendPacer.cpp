#include "outbox/SendPacer.h"

#include <algorithm>
#include <cmath>

namespace gd {

SendPacer::SendPacer(double ratePerSecond, int burst, int jitterMs)
    : m_rate(std::max(0.001, ratePerSecond))
    , m_burst(std::max(1, burst))
    , m_jitterMs(std::max(0, jitterMs))
    , m_tokens(m_burst)
    , m_random(QRandomGenerator::global()->generate())
{}

void SendPacer::setRate(double ratePerSecond)
{
    m_rate = std::max(0.001, ratePerSecond);
}

void SendPacer::setBurst(int burst)
{
    m_burst = std::max(1, burst);
    m_tokens = std::min<double>(m_tokens, m_burst);
}

void SendPacer::setJitterMs(int jitterMs)
{
    m_jitterMs = std::max(0, jitterMs);
}

void SendPacer::refill(qint64 nowMs)
{
    if (m_lastMs < 0 || nowMs < m_lastMs) { // first use, or the clock went back
        m_lastMs = nowMs;
        return;
    }
    m_tokens = std::min<double>(m_burst, m_tokens + (nowMs - m_lastMs) * m_rate / 1000.0);
    m_lastMs = nowMs;
}

double SendPacer::tokens(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

bool SendPacer::tryAcquire(qint64 nowMs)
{
    refill(nowMs);
    // A tiny epsilon so floating-point refill never leaves 0.9999999 forever.
    if (m_tokens + 1e-9 < 1.0)
        return false;
    m_tokens = std::max(0.0, m_tokens - 1.0);
    return true;
}

qint64 SendPacer::delayMs(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens + 1e-9 >= 1.0)
        return 0;
    const qint64 wait = static_cast<qint64>(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
    const qint64 jitter = m_jitterMs > 0 ? m_random.bounded(m_jitterMs + 1) : 0;
    return std::max<qint64>(1, wait + jitter);
}

} // namespace gd
