#include "monitor/BusinessHours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace gd {
namespace {

constexpr qint64 kYearMs = 366LL * 24 * 3600 * 1000;

} // namespace

BusinessHours BusinessHours::weekdays(QTime open, QTime close)
{
    BusinessHours h;
    h.setDays({1, 2, 3, 4, 5});
    h.setHours(open, close);
    return h;
}

void BusinessHours::setDays(const QSet<int> &isoWeekdays)
{
    m_alwaysOpen = false;
    m_days = isoWeekdays;
}

void BusinessHours::setHours(QTime open, QTime close)
{
    m_alwaysOpen = false;
    m_open = open.isValid() ? open : QTime(0, 0);
    m_close = close.isValid() ? close : QTime(0, 0);
}

void BusinessHours::setHolidays(const QSet<QDate> &holidays)
{
    m_alwaysOpen = false;
    m_holidays = holidays;
}

bool BusinessHours::isOpenAt(qint64 ms) const
{
    if (m_alwaysOpen)
        return true;
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate day = t.date();
    if (!m_days.contains(day.dayOfWeek()) || m_holidays.contains(day))
        return false;
    const QTime time = t.time();
    const bool untilMidnight = m_close <= m_open;
    return time >= m_open && (untilMidnight || time < m_close);
}

qint64 BusinessHours::addBusinessTime(qint64 startMs, qint64 workMs) const
{
    if (m_alwaysOpen)
        return startMs + workMs;
    qint64 remaining = workMs;
    QDateTime cursor = QDateTime::fromMSecsSinceEpoch(startMs);
    // One iteration per day: at most a year of days is walked.
    for (int i = 0; i < 400; ++i) {
        const QDate day = cursor.date();
        const QDateTime dayOpen(day, m_open);
        const QDateTime dayClose
            = m_close <= m_open ? QDateTime(day.addDays(1), QTime(0, 0)) : QDateTime(day, m_close);
        if (m_days.contains(day.dayOfWeek()) && !m_holidays.contains(day) && cursor < dayClose) {
            const QDateTime from = cursor < dayOpen ? dayOpen : cursor;
            const qint64 available = from.msecsTo(dayClose);
            if (remaining <= available)
                return from.toMSecsSinceEpoch() + remaining;
            remaining -= available;
        }
        cursor = QDateTime(day.addDays(1), QTime(0, 0));
    }
    return startMs + kYearMs;
}

QJsonObject BusinessHours::toJson() const
{
    if (m_alwaysOpen)
        return {};
    QJsonArray days;
    for (int d = 1; d <= 7; ++d) {
        if (m_days.contains(d))
            days.append(d);
    }
    QList<QDate> sorted(m_holidays.begin(), m_holidays.end());
    std::sort(sorted.begin(), sorted.end());
    QJsonArray holidays;
    for (const QDate &d : sorted)
        holidays.append(d.toString(Qt::ISODate));
    return QJsonObject{
        {QStringLiteral("days"), days},
        {QStringLiteral("open"), m_open.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("close"), m_close.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("holidays"), holidays},
    };
}

BusinessHours BusinessHours::fromJson(const QJsonObject &json, QString *error)
{
    BusinessHours h;
    if (json.isEmpty())
        return h;
    QSet<int> days;
    for (const auto &v : json.value(QStringLiteral("days")).toArray()) {
        const int d = v.toInt();
        if (d < 1 || d > 7) {
            if (error)
                *error = QCoreApplication::translate("BusinessHours",
                                                     "Weekday %1 is not between 1 and 7.")
                             .arg(v.toVariant().toString());
            return {};
        }
        days.insert(d);
    }
    const QTime open
        = QTime::fromString(json.value(QStringLiteral("open")).toString(), QStringLiteral("HH:mm"));
    const QTime close = QTime::fromString(json.value(QStringLiteral("close")).toString(),
                                          QStringLiteral("HH:mm"));
    if (!open.isValid() || !close.isValid()) {
        if (error)
            *error = QCoreApplication::translate("BusinessHours",
                                                 "Opening hours must be written as HH:mm.");
        return {};
    }
    QSet<QDate> holidays;
    for (const auto &v : json.value(QStringLiteral("holidays")).toArray()) {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        if (!d.isValid()) {
            if (error)
                *error = QCoreApplication::translate("BusinessHours",
                                                     "The holiday %1 is not a date (YYYY-MM-DD).")
                             .arg(v.toString());
            return {};
        }
        holidays.insert(d);
    }
    h.setDays(days);
    h.setHours(open, close);
    h.setHolidays(holidays);
    return h;
}

} // namespace gd
