#pragma once
// When a push rule runs: at fixed times of day, or every N minutes within a
// daily window; on chosen days of the week. Times are wall-clock times in a
// time zone (the system's in the app, a fixed one in tests), so "09:30"
// stays 09:30 across days and daylight-saving changes.

#include <QJsonObject>
#include <QTimeZone>
#include <QVector>

namespace gd {

struct PushSchedule
{
    enum class Kind : int { TimesOfDay = 0, Every = 1 };
    Kind kind = Kind::TimesOfDay;
    QVector<int> minutesOfDay; // TimesOfDay: e.g. 9*60+30 for 09:30, sorted
    int everyMinutes = 60; // Every: the period (>= 5)
    int windowStartMinute = 9 * 60; // Every: first run of the day
    int windowEndMinute = 21 * 60; // Every: no run after this minute
    quint8 days = 0x7f; // bit 0 Monday ... bit 6 Sunday

    bool runsOn(int dayOfWeek) const { return days & (1 << (dayOfWeek - 1)); } // 1 = Monday
    // Run times with afterMs < t <= untilMs, ascending; at most `limit`.
    QVector<qint64> runsBetween(qint64 afterMs, qint64 untilMs, const QTimeZone &zone,
                                int limit = 2000) const;
    // Empty when usable, otherwise why not (translated).
    QString problem() const;

    QJsonObject toJson() const;
    static PushSchedule fromJson(const QJsonObject &o);
    bool operator==(const PushSchedule &) const = default;
};

} // namespace gd
