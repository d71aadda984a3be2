#include "stats/StatsCsv.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace gd {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StatsCsv", text);
}

QString num(qint64 v)
{
    return QString::number(v);
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString StatsCsv::field(const QString &value)
{
    // A leading =, +, - or @ would be a formula in a spreadsheet: text from
    // outside (names, topics, words) is quoted and kept as text.
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"'))
        || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')) || v != value) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

QByteArray StatsCsv::table(const QStringList &header, const QList<QStringList> &rows)
{
    QString out;
    auto line = [&out](const QStringList &cells) {
        QStringList quoted;
        for (const QString &c : cells)
            quoted.append(field(c));
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(header);
    for (const QStringList &r : rows)
        line(r);
    return out.toUtf8();
}

QString StatsCsv::bucketName(int bucket)
{
    switch (bucket) {
    case 0:
        return tr("under 1 min");
    case 1:
        return tr("1-5 min");
    case 2:
        return tr("5-15 min");
    case 3:
        return tr("15-60 min");
    default:
        return tr("over 1 h");
    }
}

QString StatsCsv::alertKindName(int kind)
{
    switch (kind) {
    case 0:
        return tr("Keyword");
    case 1:
        return tr("Pattern");
    case 2:
        return tr("Complaint");
    case 3:
        return tr("First response late");
    case 4:
        return tr("Next response late");
    case 5:
        return tr("Bot offline");
    case 6:
        return tr("Bot back");
    default:
        return tr("Other (%1)").arg(kind);
    }
}

QByteArray StatsCsv::summary(const StatsFigures &f)
{
    auto row = [](const QString &name, qint64 current, qint64 previous) {
        return QStringList{name, num(current), num(previous)};
    };
    const PeriodFigures &c = f.current, &p = f.previous;
    QList<QStringList> rows = {
        row(tr("Customer messages"), c.customerMessages, p.customerMessages),
        row(tr("Staff messages"), c.staffMessages, p.staffMessages),
        row(tr("Active customers"), c.activeCustomers, p.activeCustomers),
        row(tr("Joins"), c.joins, p.joins),
        row(tr("Leaves"), c.leaves, p.leaves),
        row(tr("Answered waits"), c.responses, p.responses),
        row(tr("Unanswered waits"), c.unanswered, p.unanswered),
        row(tr("Median first response (ms)"), c.medianResponseMs, p.medianResponseMs),
        row(tr("90th percentile first response (ms)"), c.p90ResponseMs, p.p90ResponseMs),
        row(tr("Response target met"), c.targetMet, p.targetMet),
        row(tr("Response target missed"), c.targetMissed, p.targetMissed),
    };
    return table(
        {tr("Figure"),
         tr("Period %1 to %2")
             .arg(f.request.from.toString(Qt::ISODate), f.request.to.toString(Qt::ISODate)),
         tr("Previous period")},
        rows);
}

QByteArray StatsCsv::volume(const StatsFigures &f, VolumeGranularity granularity)
{
    QList<QStringList> rows;
    for (const VolumeBin &b : binVolume(f.hourly, granularity))
        rows.append({timeText(b.startMs), num(b.customer), num(b.staff)});
    return table({tr("From"), tr("Customer messages"), tr("Staff messages")}, rows);
}

QByteArray StatsCsv::heatmap(const StatsFigures &f)
{
    QStringList header{tr("Weekday")};
    for (int h = 0; h < 24; ++h)
        header.append(QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')));
    QList<QStringList> rows;
    for (int d = 0; d < 7; ++d) {
        QStringList r{QLocale().dayName(d + 1, QLocale::LongFormat)};
        for (int h = 0; h < 24; ++h)
            r.append(num(f.heatmap[d][h]));
        rows.append(r);
    }
    return table(header, rows);
}

QByteArray StatsCsv::responses(const StatsFigures &f)
{
    QList<QStringList> rows;
    for (int b = 0; b < kResponseBuckets; ++b)
        rows.append(
            {bucketName(b), num(f.current.responseBuckets[b]), num(f.previous.responseBuckets[b])});
    return table({tr("First response"), tr("This period"), tr("Previous period")}, rows);
}

QByteArray StatsCsv::customers(const StatsFigures &f)
{
    QList<QStringList> rows;
    for (const CustomerActivity &c : f.topCustomers)
        rows.append({c.name, c.customerId, c.accountId, num(c.messages)});
    return table({tr("Customer"), tr("Customer id"), tr("Account"), tr("Messages")}, rows);
}

QByteArray StatsCsv::groups(const StatsFigures &f)
{
    QList<QStringList> rows;
    for (const GroupActivity &g : f.quietestGroups)
        rows.append({g.topic, g.roomId, g.accountId, num(g.messages)});
    return table({tr("Group"), tr("Group id"), tr("Account"), tr("Messages")}, rows);
}

QByteArray StatsCsv::alerts(const StatsFigures &f)
{
    QList<int> kinds = f.current.alertsByKind.keys();
    for (int k : f.previous.alertsByKind.keys()) {
        if (!kinds.contains(k))
            kinds.append(k);
    }
    std::sort(kinds.begin(), kinds.end());
    QList<QStringList> rows;
    for (int k : kinds)
        rows.append({alertKindName(k), num(f.current.alertsByKind.value(k)),
                     num(f.previous.alertsByKind.value(k))});
    return table({tr("Alert kind"), tr("This period"), tr("Previous period")}, rows);
}

QByteArray StatsCsv::words(const QList<WordCount> &words)
{
    QList<QStringList> rows;
    int rank = 0;
    for (const WordCount &w : words)
        rows.append({num(++rank), w.word, num(w.count)});
    return table({tr("Rank"), tr("Word"), tr("Count")}, rows);
}

QByteArray StatsCsv::all(const StatsFigures &f)
{
    QByteArray out = "\xEF\xBB\xBF";
    auto section = [&out](const QString &title, const QByteArray &body) {
        out += field(title).toUtf8() + "\r\n" + body + "\r\n";
    };
    section(tr("Summary"), summary(f));
    section(tr("Messages per day"), volume(f, VolumeGranularity::Day));
    section(tr("First-response times"), responses(f));
    section(tr("Alerts by kind"), alerts(f));
    section(tr("Weekday and hour"), heatmap(f));
    section(tr("Most active customers"), customers(f));
    section(tr("Quietest groups"), groups(f));
    return out;
}

} // namespace gd
