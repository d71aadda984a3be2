#pragma once
// Where the monitor reads the time: the system clock in the app, a clock the
// test moves by hand (ManualClock) for response timers, business hours and
// snoozes. Read on the monitor thread; ManualClock may be moved from any thread.

#include <QtGlobal>

#include <atomic>

namespace gd {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // ms since the epoch
};

class SystemClock : public Clock
{
public:
    qint64 nowMs() const override;
};

class ManualClock : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0)
        : m_nowMs(startMs)
    {}
    qint64 nowMs() const override { return m_nowMs.load(); }
    void setNowMs(qint64 ms) { m_nowMs.store(ms); }
    void advanceMs(qint64 ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace gd
