#include "TimeText.h"

#include <QDateTime>
#include <QLocale>

namespace gd {

QString TimeText::clock(qint64 ms)
{
    const QLocale locale;
    return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).time(),
                           locale.timeFormat(QLocale::ShortFormat));
}

QString TimeText::dateTime(qint64 ms)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = QDate::currentDate();
    if (when.date() == today)
        return clock(ms);
    if (when.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(clock(ms));
    return tr("%1 %2", "short date, then the time")
        .arg(QLocale().toString(when.date(), QLocale::ShortFormat), clock(ms));
}

} // namespace gd
