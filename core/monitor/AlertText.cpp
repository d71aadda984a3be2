#include "monitor/AlertText.h"

#include <QDateTime>
#include <QLocale>

namespace gd {

QString AlertText::kindText(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Keyword:
        return tr("Keyword");
    case AlertKind::Pattern:
        return tr("Pattern");
    case AlertKind::Complaint:
        return tr("Complaint");
    case AlertKind::FirstResponse:
        return tr("No first response");
    case AlertKind::NextResponse:
        return tr("No reply");
    case AlertKind::BotOffline:
        return tr("Bot offline");
    case AlertKind::BotBack:
        return tr("Bot back online");
    }
    return tr("Alert");
}

QString AlertText::severityText(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Info:
        return tr("Info");
    case AlertSeverity::Warning:
        return tr("Warning");
    case AlertSeverity::High:
        return tr("High");
    case AlertSeverity::Critical:
        return tr("Critical");
    }
    return {};
}

QColor AlertText::severityColor(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Info:
        return QColor(0x5b, 0x8d, 0xd6);
    case AlertSeverity::Warning:
        return QColor(0xe0, 0xa1, 0x1b);
    case AlertSeverity::High:
        return QColor(0xe5, 0x6b, 0x2c);
    case AlertSeverity::Critical:
        return QColor(0xd9, 0x3b, 0x3b);
    }
    return Qt::gray;
}

QString AlertText::stateText(const Alert &a)
{
    switch (a.state) {
    case AlertState::Open:
        return tr("Open");
    case AlertState::Acknowledged:
        return a.assignedTo.isEmpty() ? tr("Acknowledged") : tr("Assigned to %1").arg(a.assignedTo);
    case AlertState::Snoozed:
        return tr("Snoozed until %1")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.snoozedUntilMs).time(),
                                    QLocale::ShortFormat));
    case AlertState::Resolved:
        return tr("Resolved");
    }
    return {};
}

QString AlertText::ruleKindText(RuleKind kind)
{
    switch (kind) {
    case RuleKind::Keywords:
        return tr("Keywords");
    case RuleKind::Regex:
        return tr("Regular expression");
    case RuleKind::Complaint:
        return tr("Complaint tone");
    case RuleKind::ResponseTime:
        return tr("Response time");
    case RuleKind::BotOffline:
        return tr("Bot offline");
    }
    return {};
}

QString AlertText::ageText(qint64 sinceMs, qint64 nowMs)
{
    const qint64 minutes = qMax<qint64>(0, nowMs - sinceMs) / 60000;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 24 * 60) {
        const int h = int(minutes / 60);
        const int m = int(minutes % 60);
        return m == 0 ? tr("%n h", nullptr, h) : tr("%1 h %2 min").arg(h).arg(m);
    }
    return tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
}

QString AlertText::historyText(const AlertHistoryEntry &e)
{
    QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat);
    const QString who = e.actor.isEmpty() ? tr("GroupDesk") : e.actor;
    switch (e.action) {
    case AlertAction::Raised:
        return tr("%1 raised").arg(when);
    case AlertAction::Acknowledged:
        return tr("%1 acknowledged by %2").arg(when, who);
    case AlertAction::Assigned:
        return tr("%1 assigned to %2 by %3").arg(when, e.detail, who);
    case AlertAction::Snoozed:
        return tr("%1 snoozed by %2 until %3")
            .arg(when, who,
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.detail.toLongLong()),
                                    QLocale::ShortFormat));
    case AlertAction::SnoozeEnded:
        return tr("%1 back from snooze").arg(when);
    case AlertAction::Resolved:
        return tr("%1 resolved by %2").arg(when, who);
    case AlertAction::AutoResolved:
        if (e.detail == QLatin1String("back"))
            return tr("%1 resolved: the bot is back").arg(when);
        return e.actor.isEmpty() ? tr("%1 resolved: staff replied").arg(when)
                                 : tr("%1 resolved: %2 replied").arg(when, e.actor);
    case AlertAction::Reopened:
        return tr("%1 reopened by %2").arg(when, who);
    }
    return when;
}

QString AlertText::summary(const Alert &a)
{
    switch (a.kind) {
    case AlertKind::BotOffline:
        return tr("%1 has been offline for %n min", nullptr, a.matched.toInt()).arg(a.roomName);
    case AlertKind::BotBack:
        return tr("%1 is back online").arg(a.roomName);
    case AlertKind::FirstResponse:
    case AlertKind::NextResponse:
        return tr("%1 in %2 waited %n min: %3", nullptr, a.matched.toInt())
            .arg(a.customerName, a.roomName, a.excerpt);
    default:
        return tr("%1 in %2: %3").arg(a.customerName, a.roomName, a.excerpt);
    }
}

} // namespace gd
