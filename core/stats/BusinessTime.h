#pragma once
// BusinessTime: how much of the time between two moments lies inside a
// help desk's business hours (monitoring's BusinessHours), for response-time
// figures over many waits: each day's opening window is worked out once and
// cached. Use from one thread.

#include "monitor/BusinessHours.h"

#include <QHash>

namespace gd {

class BusinessTime
{
public:
    explicit BusinessTime(const BusinessHours &hours);
    // Milliseconds of business time in [fromMs, toMs); 0 when toMs <= fromMs.
    qint64 between(qint64 fromMs, qint64 toMs);

private:
    struct Window
    {
        qint64 openMs = 0;
        qint64 closeMs = 0; // == openMs: closed all day
    };
    Window windowOf(qint64 julianDay);

    BusinessHours m_hours;
    QHash<qint64, Window> m_days;
};

} // namespace gd
