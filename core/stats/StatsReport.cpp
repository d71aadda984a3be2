#include "stats/StatsReport.h"

#include "stats/StatsChartPainter.h"
#include "stats/StatsCsv.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace gd {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StatsReport", text);
}

QString durationText(qint64 ms)
{
    if (ms < 0)
        return tr("–");
    if (ms < 60'000)
        return tr("%1 s").arg(ms / 1000);
    if (ms < 3'600'000)
        return tr("%1 min").arg(QLocale().toString(double(ms) / 60'000.0, 'f', 1));
    return tr("%1 h %2 min").arg(ms / 3'600'000).arg((ms % 3'600'000) / 60'000);
}

void appendBase64(QByteArray &m, const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        m += encoded.mid(i, 76) + "\r\n";
}

} // namespace

ReportSettings ReportSettings::load(QSettings &settings)
{
    ReportSettings r;
    settings.beginGroup(QStringLiteral("reports"));
    r.enabled = settings.value(QStringLiteral("enabled"), false).toBool();
    r.frequency = settings.value(QStringLiteral("frequency")).toString() == QLatin1String("weekly")
        ? Frequency::Weekly
        : Frequency::Daily;
    r.hour = std::clamp(settings.value(QStringLiteral("hour"), 8).toInt(), 0, 23);
    r.topWords = std::clamp(settings.value(QStringLiteral("topWords"), 20).toInt(), 0, 200);
    settings.endGroup();
    return r;
}

void ReportSettings::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("reports"));
    settings.setValue(QStringLiteral("enabled"), enabled);
    settings.setValue(QStringLiteral("frequency"),
                      frequency == Frequency::Weekly ? QStringLiteral("weekly")
                                                     : QStringLiteral("daily"));
    settings.setValue(QStringLiteral("hour"), hour);
    settings.setValue(QStringLiteral("topWords"), topWords);
    settings.endGroup();
}

StatsRequest StatsReport::requestFor(const ReportSettings &settings, const QDateTime &now)
{
    StatsRequest r;
    const QDate today = now.date();
    if (settings.frequency == ReportSettings::Frequency::Weekly) {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        r.from = monday.addDays(-7);
        r.to = monday.addDays(-1);
    } else {
        r.from = r.to = today.addDays(-1);
    }
    r.nowMs = now.toMSecsSinceEpoch();
    return r;
}

bool StatsReport::isDue(const ReportSettings &settings, QDate lastSent, const QDateTime &now)
{
    if (!settings.enabled || now.time().hour() < settings.hour)
        return false;
    const QDate today = now.date();
    if (settings.frequency == ReportSettings::Frequency::Weekly) {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        // From Monday's hour on, until this week's report went out (a
        // machine that was off on Monday sends it later in the week).
        return !lastSent.isValid() || lastSent < monday;
    }
    return !lastSent.isValid() || lastSent < today;
}

QString StatsReport::subject(const StatsFigures &f)
{
    const QLocale locale;
    if (f.request.from == f.request.to)
        return tr("GroupDesk statistics for %1")
            .arg(locale.toString(f.request.from, QLocale::ShortFormat));
    return tr("GroupDesk statistics for %1 to %2")
        .arg(locale.toString(f.request.from, QLocale::ShortFormat),
             locale.toString(f.request.to, QLocale::ShortFormat));
}

QString StatsReport::html(const StatsFigures &f, const QList<WordCount> &words,
                          const QStringList &imageIds)
{
    const QLocale locale;
    const PeriodFigures &c = f.current, &p = f.previous;
    auto row = [](const QString &name, const QString &now, const QString &before) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td>"
                              "<td align=\"right\" style=\"color:#777\">%3</td></tr>")
            .arg(name.toHtmlEscaped(), now.toHtmlEscaped(), before.toHtmlEscaped());
    };
    auto n = [&locale](qint64 v) { return locale.toString(v); };
    qint64 alerts = 0, prevAlerts = 0;
    for (qint64 v : c.alertsByKind)
        alerts += v;
    for (qint64 v : p.alertsByKind)
        prevAlerts += v;
    QString h = QStringLiteral("<html><head><meta charset=\"utf-8\"></head>"
                               "<body style=\"font-family:sans-serif\">");
    h += QStringLiteral("<h2>%1</h2>").arg(subject(f).toHtmlEscaped());
    h += QStringLiteral("<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
    h += QStringLiteral("<tr><th></th><th>%1</th><th>%2</th></tr>")
             .arg(tr("This period").toHtmlEscaped(), tr("Previous period").toHtmlEscaped());
    h += row(tr("Customer messages"), n(c.customerMessages), n(p.customerMessages));
    h += row(tr("Staff messages"), n(c.staffMessages), n(p.staffMessages));
    h += row(tr("Active customers"), n(c.activeCustomers), n(p.activeCustomers));
    h += row(tr("Joins"), n(c.joins), n(p.joins));
    h += row(tr("Leaves"), n(c.leaves), n(p.leaves));
    h += row(tr("Median first response"), durationText(c.medianResponseMs),
             durationText(p.medianResponseMs));
    h += row(tr("90% answered within"), durationText(c.p90ResponseMs),
             durationText(p.p90ResponseMs));
    h += row(tr("Answered in time"), n(c.targetMet), n(p.targetMet));
    h += row(tr("Answered late or waiting too long"), n(c.targetMissed), n(p.targetMissed));
    h += row(tr("Still waiting"), n(c.unanswered), n(p.unanswered));
    h += row(tr("Alerts"), n(alerts), n(prevAlerts));
    h += QStringLiteral("</table>");
    for (const QString &id : imageIds)
        h += QStringLiteral("<p><img src=\"cid:%1\" alt=\"\"></p>").arg(id.toHtmlEscaped());
    if (!f.quietestGroups.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ol>").arg(tr("Quietest groups").toHtmlEscaped());
        for (const GroupActivity &g : f.quietestGroups.mid(0, 5))
            h += QStringLiteral("<li>%1 (%2)</li>")
                     .arg((g.topic.isEmpty() ? g.roomId : g.topic).toHtmlEscaped(), n(g.messages));
        h += QStringLiteral("</ol>");
    }
    if (!f.topCustomers.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ol>").arg(tr("Most active customers").toHtmlEscaped());
        for (const CustomerActivity &a : f.topCustomers.mid(0, 5))
            h += QStringLiteral("<li>%1 (%2)</li>")
                     .arg((a.name.isEmpty() ? a.customerId : a.name).toHtmlEscaped(),
                          n(a.messages));
        h += QStringLiteral("</ol>");
    }
    if (!words.isEmpty()) {
        QStringList items;
        for (const WordCount &w : words)
            items.append(QStringLiteral("%1 (%2)").arg(w.word.toHtmlEscaped(), n(w.count)));
        h += QStringLiteral("<h3>%1</h3><p>%2</p>")
                 .arg(tr("What customers wrote about").toHtmlEscaped(),
                      items.join(QStringLiteral(" · ")));
    }
    h += QStringLiteral("<p style=\"color:#777\">%1</p></body></html>")
             .arg(tr("Every figure is in the attached CSV file.").toHtmlEscaped());
    return h;
}

QByteArray StatsReport::compose(const SmtpSettings &smtp, const StatsFigures &f,
                                const QList<WordCount> &words, qint64 nowMs)
{
    const QByteArray mixed = "gd-mixed-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    const QByteArray related
        = "gd-related-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    QList<QPair<QString, QByteArray>> images;
    const QByteArray volume = StatsChartPainter::volumePng(f);
    if (!volume.isEmpty())
        images.append({QStringLiteral("volume@groupdesk"), volume});
    const QByteArray responses = StatsChartPainter::responsesPng(f);
    if (!responses.isEmpty())
        images.append({QStringLiteral("responses@groupdesk"), responses});
    QStringList ids;
    for (const auto &image : images)
        ids.append(image.first);

    QByteArray m = SmtpMailer::composeHeaders(smtp, subject(f), nowMs);
    m += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
    m += "--" + mixed + "\r\n";
    m += "Content-Type: multipart/related; boundary=\"" + related + "\"\r\n\r\n";
    m += "--" + related + "\r\n";
    m += "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    appendBase64(m, html(f, words, ids).toUtf8());
    for (const auto &[id, png] : images) {
        m += "--" + related + "\r\n";
        m += "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n";
        m += "Content-ID: <" + id.toLatin1() + ">\r\n";
        m += "Content-Disposition: inline\r\n\r\n";
        appendBase64(m, png);
    }
    m += "--" + related + "--\r\n";
    m += "--" + mixed + "\r\n";
    const QByteArray name
        = "groupdesk-statistics-" + f.request.from.toString(Qt::ISODate).toLatin1() + ".csv";
    m += "Content-Type: text/csv; charset=UTF-8; name=\"" + name + "\"\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n";
    QByteArray csv = StatsCsv::all(f);
    if (!words.isEmpty())
        csv += StatsCsv::field(tr("Most frequent words")).toUtf8() + "\r\n"
            + StatsCsv::words(words);
    appendBase64(m, csv);
    m += "--" + mixed + "--\r\n";
    return m;
}

} // namespace gd
