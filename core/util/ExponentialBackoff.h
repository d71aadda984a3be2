#pragma once
// Delays between reconnect attempts: starts near `initial`, doubles on every
// failure up to `max`, with random jitter so many clients do not retry in step.
// A connection that worked (delivered events) before it dropped makes the
// next attempt start from the first step again, so a gateway restarted every
// few seconds is reached again within about `initial` each time, and its
// messages are not missed while we wait. A gateway that keeps dropping
// working connections (more than `flapLimit` within `flapWindow`) is
// flapping: then the delays keep growing, so it is not hammered. A connection
// that stayed healthy for `healthyPeriod` resets everything, flap count too.

#include <QRandomGenerator>
#include <QtGlobal>

#include <deque>

namespace gd {

class ExponentialBackoff
{
public:
    explicit ExponentialBackoff(int initialMs = 1000, int maxMs = 60000, double jitter = 0.2,
                                qint64 healthyPeriodMs = 30000, int flapLimit = 12,
                                qint64 flapWindowMs = 120000);

    // The delay to wait before the next attempt; the one after will be longer.
    // `nowMs` lets a healthy period since connectionEstablished(), or a
    // connection that worked, restart from the first step.
    int nextDelayMs(qint64 nowMs);
    // Records that a connection works from `nowMs` on.
    void connectionEstablished(qint64 nowMs);
    // Records that the current connection delivered something (events).
    void connectionWorked();
    void reset();

    int failures() const { return m_failures; }
    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }
    // Whether the last nextDelayMs() kept growing although the connection
    // had worked (too many drops within the flap window).
    bool flapping() const { return m_flapping; }
    void setSeed(quint32 seed) { m_random.seed(seed); }

private:
    int m_initialMs;
    int m_maxMs;
    double m_jitter;
    qint64 m_healthyPeriodMs;
    int m_flapLimit;
    qint64 m_flapWindowMs;
    int m_failures = 0;
    qint64 m_establishedMs = -1;
    bool m_worked = false;
    bool m_flapping = false;
    std::deque<qint64> m_restarts; // when a worked connection restarted the delays
    QRandomGenerator m_random;
};

} // namespace gd
