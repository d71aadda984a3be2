#include "push/PushSchedule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace gd {

QVector<qint64> PushSchedule::runsBetween(qint64 afterMs, qint64 untilMs, const QTimeZone &zone,
                                          int limit) const
{
    QVector<qint64> runs;
    if (untilMs <= afterMs || !problem().isEmpty())
        return runs;
    QVector<int> minutes;
    if (kind == Kind::TimesOfDay) {
        minutes = minutesOfDay;
    } else {
        for (int m = windowStartMinute; m <= windowEndMinute && m < 24 * 60; m += everyMinutes)
            minutes.append(m);
    }
    std::sort(minutes.begin(), minutes.end());
    minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
    QDate day = QDateTime::fromMSecsSinceEpoch(afterMs, zone).date();
    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(untilMs, zone).date();
    for (; day <= lastDay && runs.size() < limit; day = day.addDays(1)) {
        if (!runsOn(day.dayOfWeek()))
            continue;
        for (int m : minutes) {
            const QDateTime at(day, QTime(m / 60, m % 60), zone);
            if (!at.isValid())
                continue; // a time skipped by a daylight-saving change
            const qint64 ms = at.toMSecsSinceEpoch();
            if (ms > afterMs && ms <= untilMs) {
                runs.append(ms);
                if (runs.size() >= limit)
                    break;
            }
        }
    }
    return runs;
}

QString PushSchedule::problem() const
{
    if ((days & 0x7f) == 0)
        return QCoreApplication::translate("PushSchedule", "Choose at least one day of the week.");
    if (kind == Kind::TimesOfDay) {
        if (minutesOfDay.isEmpty())
            return QCoreApplication::translate("PushSchedule", "Add at least one time of day.");
        for (int m : minutesOfDay) {
            if (m < 0 || m >= 24 * 60)
                return QCoreApplication::translate("PushSchedule",
                                                   "A time of day is out of range.");
        }
        return QString();
    }
    if (everyMinutes < 5)
        return QCoreApplication::translate("PushSchedule", "Run at most every 5 minutes.");
    if (windowStartMinute < 0 || windowEndMinute >= 24 * 60 || windowEndMinute < windowStartMinute)
        return QCoreApplication::translate("PushSchedule", "The window must start before it ends.");
    return QString();
}

QJsonObject PushSchedule::toJson() const
{
    QJsonArray times;
    for (int m : minutesOfDay)
        times.append(m);
    return QJsonObject{
        {QStringLiteral("kind"), int(kind)},     {QStringLiteral("times"), times},
        {QStringLiteral("every"), everyMinutes}, {QStringLiteral("from"), windowStartMinute},
        {QStringLiteral("to"), windowEndMinute}, {QStringLiteral("days"), int(days)}};
}

PushSchedule PushSchedule::fromJson(const QJsonObject &o)
{
    PushSchedule s;
    s.kind = o.value(QLatin1String("kind")).toInt() == 1 ? Kind::Every : Kind::TimesOfDay;
    for (const auto &v : o.value(QLatin1String("times")).toArray())
        s.minutesOfDay.append(v.toInt());
    s.everyMinutes = o.value(QLatin1String("every")).toInt(60);
    s.windowStartMinute = o.value(QLatin1String("from")).toInt(9 * 60);
    s.windowEndMinute = o.value(QLatin1String("to")).toInt(21 * 60);
    s.days = quint8(o.value(QLatin1String("days")).toInt(0x7f) & 0x7f);
    return s;
}

} // namespace gd
