#pragma once
// One way to write times across the console (feed, group list, search,
// contacts): the locale's short formats, so Chinese reads 21:54 and English
// 9:54 PM everywhere instead of a mix of both.

#include <QCoreApplication>
#include <QString>

namespace gd {

class TimeText
{
    Q_DECLARE_TR_FUNCTIONS(TimeText)
public:
    // The time of day ("21:54").
    static QString clock(qint64 ms);
    // Time only for today, "Yesterday 21:54", else the short date and time.
    static QString dateTime(qint64 ms);
};

} // namespace gd
