#include "util/ExponentialBackoff.h"

#include <algorithm>
#include <cmath>

namespace gd {

ExponentialBackoff::ExponentialBackoff(int initialMs, int maxMs, double jitter,
                                       qint64 healthyPeriodMs)
    : m_initialMs(std::max(1, initialMs))
    , m_maxMs(std::max(m_initialMs, maxMs))
    , m_jitter(std::clamp(jitter, 0.0, 0.9))
    , m_healthyPeriodMs(healthyPeriodMs)
    , m_random(QRandomGenerator::global()->generate())
{}

int ExponentialBackoff::nextDelayMs(qint64 nowMs)
{
    if (m_establishedMs >= 0 && nowMs - m_establishedMs >= m_healthyPeriodMs)
        m_failures = 0;
    m_establishedMs = -1;

    // Doubling without overflow: stop growing once the cap is reached.
    double base = m_initialMs;
    for (int i = 0; i < m_failures && base < m_maxMs; ++i)
        base *= 2;
    base = std::min<double>(base, m_maxMs);
    ++m_failures;

    const double spread = base * m_jitter;
    const double jittered = base - spread + m_random.generateDouble() * 2 * spread;
    return std::clamp(static_cast<int>(std::lround(jittered)), 1, m_maxMs);
}

void ExponentialBackoff::connectionEstablished(qint64 nowMs)
{
    m_establishedMs = nowMs;
}

void ExponentialBackoff::reset()
{
    m_failures = 0;
    m_establishedMs = -1;
}

} // namespace gd
