#include "util/ExponentialBackoff.h"

#include <algorithm>
#include <cmath>

namespace gd {

ExponentialBackoff::ExponentialBackoff(int initialMs, int maxMs, double jitter,
                                       qint64 healthyPeriodMs, int flapLimit, qint64 flapWindowMs)
    : m_initialMs(std::max(1, initialMs))
    , m_maxMs(std::max(m_initialMs, maxMs))
    , m_jitter(std::clamp(jitter, 0.0, 0.9))
    , m_healthyPeriodMs(healthyPeriodMs)
    , m_flapLimit(std::max(0, flapLimit))
    , m_flapWindowMs(flapWindowMs)
    , m_random(QRandomGenerator::global()->generate())
{}

int ExponentialBackoff::nextDelayMs(qint64 nowMs)
{
    m_flapping = false;
    if (m_establishedMs >= 0 && nowMs - m_establishedMs >= m_healthyPeriodMs) {
        m_failures = 0;
        m_restarts.clear();
    } else if (m_worked) {
        while (!m_restarts.empty() && nowMs - m_restarts.front() >= m_flapWindowMs)
            m_restarts.pop_front();
        if (int(m_restarts.size()) < m_flapLimit) {
            m_restarts.push_back(nowMs);
            m_failures = 0;
        } else {
            m_flapping = true;
        }
    }
    m_establishedMs = -1;
    m_worked = false;

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

void ExponentialBackoff::connectionWorked()
{
    m_worked = true;
}

void ExponentialBackoff::reset()
{
    m_failures = 0;
    m_establishedMs = -1;
    m_worked = false;
    m_flapping = false;
    m_restarts.clear();
}

} // namespace gd
