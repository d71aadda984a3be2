#pragma once
// Response timers as help desks keep them, per customer and conversation: a
// customer's question or complaint starts a timer (unless one already runs
// for that customer there: the wait counts from the first unanswered
// message); a reply from staff or the bot stops it. The first wait of a
// customer in a conversation is a first response, later ones (after a staff
// reply) are next responses. The due time counts only business hours.
// Pure logic on explicit times, so tests and the dry run drive it with their
// own clock. Used from one thread.

#include "model/Types.h"
#include "monitor/Alert.h"
#include "monitor/AlertRule.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace gd {

class ResponseTimers
{
public:
    struct Timer
    {
        QString accountId;
        QString roomId;
        QString customerId;
        QString customerName;
        AlertKind kind = AlertKind::FirstResponse;
        Message message; // the first message waiting for an answer
        qint64 startMs = 0;
        qint64 dueMs = 0;
        qint64 ruleId = 0;
        QString ruleName;
        AlertSeverity severity = AlertSeverity::Warning;
        int minutes = 0;
        bool breached = false; // an alert was raised for it
        qint64 alertId = 0; // that alert, once stored
    };

    // A customer's question or complaint at `startMs` under `rule` (a
    // ResponseTime rule). Returns whether a new timer started.
    bool customerWaits(const Message &message, const AlertRule &rule, qint64 startMs);
    // A reply from staff or the bot in a conversation. If it mentions
    // customers who wait, only their timers stop; otherwise all of the
    // conversation's do. Returns the stopped timers (breached ones carry the
    // alert to resolve).
    QVector<Timer> staffReplied(const Message &reply);
    // Timers due at `nowMs` that were not breached yet; they are marked
    // breached and keep running until a reply stops them.
    QVector<Timer> takeDue(qint64 nowMs);
    void setAlertId(const QString &accountId, const QString &roomId, const QString &customerId,
                    qint64 alertId);
    // After a restart: the timer replayed from history already raised
    // `alertId` (still open). false if no timer runs for that customer
    // (someone answered while the program was not running).
    bool adoptAlert(const QString &accountId, const QString &roomId, const QString &customerId,
                    qint64 alertId);
    // Stops the timers whose alert was resolved by hand (staff dealt with it).
    void forgetAlert(qint64 alertId);

    int runningCount() const { return m_running; }
    // Running timers of a conversation (the room list's "waiting since").
    qint64 oldestWaitingSince(const QString &accountId, const QString &roomId) const;

private:
    // Customer -> timer.
    using Conversation = QHash<QString, Timer>;

    static QString conversationKey(const QString &accountId, const QString &roomId);
    static QString key(const QString &accountId, const QString &roomId, const QString &customerId);

    // By conversation (account, room), then customer: a reply touches only
    // its conversation's timers (a scan of all of them per reply was most of
    // the monitor's time in a backlog across hundreds of groups).
    QHash<QString, Conversation> m_timers;
    int m_running = 0;
    QSet<QString> m_answered; // keys of customers who got a staff reply before
};

} // namespace gd
