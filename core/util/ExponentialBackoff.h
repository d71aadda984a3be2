#pragma once
// Delays between reconnect attempts: starts near `initial`, doubles on every
// failure up to `max`, with random jitter so many clients do not retry in step.
// A connection that stayed healthy for `healthyPeriod` resets it, so a gateway
// that drops once an hour is retried quickly, while one that is down for good
// is not hammered.

#include <QRandomGenerator>
#include <QtGlobal>

namespace gd {

class ExponentialBackoff
{
public:
    explicit ExponentialBackoff(int initialMs = 1000, int maxMs = 60000, double jitter = 0.2,
                                qint64 healthyPeriodMs = 30000);

    // The delay to wait before the next attempt; the one after will be longer.
    // `nowMs` lets a healthy period since connectionEstablished() reset it first.
    int nextDelayMs(qint64 nowMs);
    // Records that a connection works from `nowMs` on.
    void connectionEstablished(qint64 nowMs);
    void reset();

    int failures() const { return m_failures; }
    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }
    void setSeed(quint32 seed) { m_random.seed(seed); }

private:
    int m_initialMs;
    int m_maxMs;
    double m_jitter;
    qint64 m_healthyPeriodMs;
    int m_failures = 0;
    qint64 m_establishedMs = -1;
    QRandomGenerator m_random;
};

} // namespace gd
