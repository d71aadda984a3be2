#pragma once
// An alert as staff see it in the inbox: what raised it (kind, rule), where
// (account, group, customer, message), how bad (severity) and what staff did
// with it (state, assignee, snooze). Plain values, copied across threads.
// Kinds, states and history actions are stored as numbers and worded by the
// UI, never stored as display text.

#include <QMetaType>
#include <QString>
#include <QVector>

namespace gd {

enum class AlertKind : int {
    Keyword = 0, // a keyword or sensitive-word rule matched
    Pattern = 1, // a regular-expression rule matched
    Complaint = 2, // the complaint-tone rule judged the message unhappy
    FirstResponse = 3, // a customer's first question or complaint waited too long
    NextResponse = 4, // a customer who wrote again after a reply waited too long
    BotOffline = 5, // an account was not ready for too long
    BotBack = 6, // that account is ready again
};

enum class AlertSeverity : int {
    Info = 0,
    Warning = 1,
    High = 2,
    Critical = 3,
};

enum class AlertState : int {
    Open = 0,
    Acknowledged = 1,
    Snoozed = 2, // back to Open at snoozedUntilMs
    Resolved = 3,
};

// What happened to an alert, one row of its history.
enum class AlertAction : int {
    Raised = 0,
    Acknowledged = 1,
    Assigned = 2, // detail: the person
    Snoozed = 3, // detail: until (ms since epoch)
    SnoozeEnded = 4,
    Resolved = 5,
    AutoResolved = 6, // detail "reply": staff answered the customer; "back": the bot is back
    Reopened = 7,
};

struct AlertHistoryEntry
{
    qint64 atMs = 0;
    AlertAction action = AlertAction::Raised;
    QString actor; // who did it: a person at this desk, or the staff member who replied
    QString detail;
};

struct Alert
{
    qint64 id = 0; // 0 until stored
    AlertKind kind = AlertKind::Keyword;
    AlertSeverity severity = AlertSeverity::Warning;
    qint64 ruleId = 0;
    QString ruleName;
    QString accountId;
    QString roomId; // the conversation: a group, or a customer's one-to-one chat
    QString roomName;
    QString customerId;
    QString customerName;
    QString messageId; // gateway id of the message that raised it
    qint64 messageRowId = 0; // its row in the archive (to open the feed there)
    QString excerpt; // the message text, shortened
    QString matched; // what matched: keywords, or minutes waited
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    AlertState state = AlertState::Open;
    QString assignedTo;
    qint64 snoozedUntilMs = 0;
    QVector<AlertHistoryEntry> history; // filled when asked for (oldest first)

    bool isActive() const { return state != AlertState::Resolved; }
};

// Stable identifiers for logs, e-mail and the API.
QString alertKindName(AlertKind kind);
QString alertSeverityName(AlertSeverity severity);
QString alertStateName(AlertState state);

// The excerpt kept with an alert: whitespace folded, at most `max` characters.
QString alertExcerpt(const QString &text, int max = 200);

} // namespace gd

Q_DECLARE_METATYPE(gd::Alert)
