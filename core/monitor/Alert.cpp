#include "monitor/Alert.h"

namespace gd {

QString alertKindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Keyword:
        return QStringLiteral("keyword");
    case AlertKind::Pattern:
        return QStringLiteral("pattern");
    case AlertKind::Complaint:
        return QStringLiteral("complaint");
    case AlertKind::FirstResponse:
        return QStringLiteral("first-response");
    case AlertKind::NextResponse:
        return QStringLiteral("next-response");
    case AlertKind::BotOffline:
        return QStringLiteral("bot-offline");
    case AlertKind::BotBack:
        return QStringLiteral("bot-back");
    }
    return QStringLiteral("unknown");
}

QString alertSeverityName(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Info:
        return QStringLiteral("info");
    case AlertSeverity::Warning:
        return QStringLiteral("warning");
    case AlertSeverity::High:
        return QStringLiteral("high");
    case AlertSeverity::Critical:
        return QStringLiteral("critical");
    }
    return QStringLiteral("unknown");
}

QString alertStateName(AlertState state)
{
    switch (state) {
    case AlertState::Open:
        return QStringLiteral("open");
    case AlertState::Acknowledged:
        return QStringLiteral("acknowledged");
    case AlertState::Snoozed:
        return QStringLiteral("snoozed");
    case AlertState::Resolved:
        return QStringLiteral("resolved");
    }
    return QStringLiteral("unknown");
}

QString alertExcerpt(const QString &text, int max)
{
    QString s = text.left(max * 2).simplified();
    if (s.size() > max) {
        s.truncate(max - 1);
        s.append(QChar(0x2026));
    }
    return s;
}

} // namespace gd
