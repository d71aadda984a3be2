#include "stats/BusinessTime.h"

#include <QDateTime>

#include <algorithm>

namespace gd {

BusinessTime::BusinessTime(const BusinessHours &hours)
    : m_hours(hours)
{}

BusinessTime::Window BusinessTime::windowOf(qint64 julianDay)
{
    const auto it = m_days.constFind(julianDay);
    if (it != m_days.cend())
        return *it;
    const QDate day = QDate::fromJulianDay(julianDay);
    Window w;
    if (m_hours.days().contains(day.dayOfWeek()) && !m_hours.holidays().contains(day)) {
        w.openMs = QDateTime(day, m_hours.openTime()).toMSecsSinceEpoch();
        // A closing time at or before the opening one means "until midnight"
        // (as BusinessHours has it).
        w.closeMs = m_hours.closeTime() <= m_hours.openTime()
            ? QDateTime(day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch()
            : QDateTime(day, m_hours.closeTime()).toMSecsSinceEpoch();
    } else {
        w.openMs = w.closeMs = QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
    }
    m_days.insert(julianDay, w);
    return w;
}

qint64 BusinessTime::between(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return 0;
    if (m_hours.isAlwaysOpen())
        return toMs - fromMs;
    const qint64 first = QDateTime::fromMSecsSinceEpoch(fromMs).date().toJulianDay();
    const qint64 last = QDateTime::fromMSecsSinceEpoch(toMs).date().toJulianDay();
    qint64 total = 0;
    // A wait of years is cut at about three years of days (bounded work).
    for (qint64 day = first; day <= last && day - first < 1100; ++day) {
        const Window w = windowOf(day);
        const qint64 a = std::max(fromMs, w.openMs);
        const qint64 b = std::min(toMs, w.closeMs);
        if (b > a)
            total += b - a;
    }
    return total;
}

} // namespace gd
