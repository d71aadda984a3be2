#pragma once
// When a help desk is staffed: working weekdays, opening and closing time of
// day (local time) and a list of holidays. Response timers count only time
// inside these hours, as help desks do. An empty (default) value means
// "always open". Serialised to and from JSON for the rule's params.

#include <QDate>
#include <QJsonObject>
#include <QSet>
#include <QTime>

namespace gd {

class BusinessHours
{
public:
    BusinessHours() = default; // always open

    static BusinessHours weekdays(QTime open, QTime close); // Mon-Fri
    bool isAlwaysOpen() const { return m_alwaysOpen; }

    void setDays(const QSet<int> &isoWeekdays); // 1 = Monday .. 7 = Sunday
    void setHours(QTime open, QTime close); // close <= open: until midnight
    void setHolidays(const QSet<QDate> &holidays);
    QSet<int> days() const { return m_days; }
    QTime openTime() const { return m_open; }
    QTime closeTime() const { return m_close; }
    QSet<QDate> holidays() const { return m_holidays; }

    bool isOpenAt(qint64 ms) const;
    // The moment `workMs` of business time has passed after `startMs`.
    // Time outside business hours does not count. Bounded: gives up (returns
    // startMs + a year) if the hours never open (no days at all).
    qint64 addBusinessTime(qint64 startMs, qint64 workMs) const;

    QJsonObject toJson() const;
    // Unknown or bad fields fall back to "always open"; *error says why.
    static BusinessHours fromJson(const QJsonObject &json, QString *error = nullptr);

private:
    bool m_alwaysOpen = true;
    QSet<int> m_days;
    QTime m_open{0, 0};
    QTime m_close{0, 0};
    QSet<QDate> m_holidays;
};

} // namespace gd
