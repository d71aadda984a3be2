#pragma once
// Words and colours for alerts (kind, severity, state, history, age), shared
// by the alert inbox, the rule editor, notifications and e-mail so they agree.
// The database keeps codes; this is where they become the reader's language.

#include "monitor/Alert.h"
#include "monitor/AlertRule.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace gd {

class AlertText
{
    Q_DECLARE_TR_FUNCTIONS(AlertText)
public:
    static QString kindText(AlertKind kind);
    static QString severityText(AlertSeverity severity);
    static QColor severityColor(AlertSeverity severity);
    static QString stateText(const Alert &alert); // "Snoozed until 14:30", "Assigned to 小王"
    static QString ruleKindText(RuleKind kind);
    // "just now", "5 min", "2 h 10 min", "3 days"
    static QString ageText(qint64 sinceMs, qint64 nowMs);
    // One line of an alert's history, e.g. "14:05 阿珍 acknowledged".
    static QString historyText(const AlertHistoryEntry &entry);
    // A one-line summary for notifications and e-mail subjects.
    static QString summary(const Alert &alert);
};

} // namespace gd
