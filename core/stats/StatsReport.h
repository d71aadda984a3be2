#pragma once
// StatsReport: the scheduled statistics e-mail. Which period a daily or
// weekly report covers and when it is due, and the message itself: an HTML
// summary of the key figures (compared with the period before), the chart
// images inline, the most frequent words, and every figure as a CSV
// attachment. Sent through monitoring's SMTP settings (SmtpMailer).

#include "monitor/SmtpMailer.h"
#include "stats/StatsFigures.h"
#include "stats/WordFrequency.h"

#include <QDate>
#include <QDateTime>

class QSettings;

namespace gd {

struct ReportSettings
{
    enum class Frequency : int { Daily = 0, Weekly = 1 };
    bool enabled = false;
    Frequency frequency = Frequency::Daily;
    int hour = 8; // local hour from which the report goes out (weekly: on Mondays)
    int topWords = 20; // 0: no word list (no segmenter load)

    // Keys under "reports/": enabled, frequency (daily|weekly), hour,
    // topWords, lastSent (the local date a report last went out).
    static ReportSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

class StatsReport
{
public:
    // The period a report sent at `now` covers: daily, yesterday; weekly,
    // last Monday to Sunday.
    static StatsRequest requestFor(const ReportSettings &settings, const QDateTime &now);
    // Whether one is due at `now` when the last went out on `lastSent`
    // (invalid: never): from `hour` on the day (weekly: Monday), once.
    static bool isDue(const ReportSettings &settings, QDate lastSent, const QDateTime &now);

    static QString subject(const StatsFigures &f);
    // imageIds: content ids of the chart images to show (may be empty).
    static QString html(const StatsFigures &f, const QList<WordCount> &words,
                        const QStringList &imageIds);
    // The whole message: multipart/mixed of (multipart/related: HTML and the
    // PNG charts) and the CSV attachment.
    static QByteArray compose(const SmtpSettings &smtp, const StatsFigures &f,
                              const QList<WordCount> &words, qint64 nowMs);
};

} // namespace gd
