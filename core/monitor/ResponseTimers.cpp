#include "monitor/ResponseTimers.h"

namespace gd {

QString ResponseTimers::key(const QString &accountId, const QString &roomId,
                            const QString &customerId)
{
    return accountId + QChar(0x1f) + roomId + QChar(0x1f) + customerId;
}

bool ResponseTimers::customerWaits(const Message &message, const AlertRule &rule, qint64 startMs)
{
    const QString roomId = message.conversationId();
    const QString k = key(message.accountId, roomId, message.talkerId);
    if (m_timers.contains(k))
        return false; // already waiting: the wait counts from the first message
    const AlertKind kind
        = m_answered.contains(k) ? AlertKind::NextResponse : AlertKind::FirstResponse;
    if ((kind == AlertKind::FirstResponse && !rule.firstResponse)
        || (kind == AlertKind::NextResponse && !rule.nextResponse))
        return false;
    Timer t;
    t.accountId = message.accountId;
    t.roomId = roomId;
    t.customerId = message.talkerId;
    t.customerName = message.talkerName;
    t.kind = kind;
    t.message = message;
    t.startMs = startMs;
    t.dueMs = rule.hours.addBusinessTime(startMs, qint64(rule.minutes) * 60 * 1000);
    t.ruleId = rule.id;
    t.ruleName = rule.name;
    t.severity = rule.severity;
    t.minutes = rule.minutes;
    m_timers.insert(k, t);
    return true;
}

QVector<ResponseTimers::Timer> ResponseTimers::staffReplied(const Message &reply)
{
    const QString roomId = reply.conversationId();
    const QString prefix = reply.accountId + QChar(0x1f) + roomId + QChar(0x1f);
    // Customers of this conversation who wait, and which of them the reply mentions.
    QStringList waiting;
    QStringList mentioned;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        waiting.append(it.key());
        if (reply.mentionIds.contains(it->customerId))
            mentioned.append(it.key());
    }
    const QStringList stop = mentioned.isEmpty() ? waiting : mentioned;
    QVector<Timer> stopped;
    for (const QString &k : stop) {
        stopped.append(m_timers.take(k));
        m_answered.insert(k);
    }
    // Customers who did not wait still got a reply in the conversation: their
    // next question is a next response.
    if (mentioned.isEmpty()) {
        for (const QString &id : reply.mentionIds)
            m_answered.insert(prefix + id);
    }
    return stopped;
}

QVector<ResponseTimers::Timer> ResponseTimers::takeDue(qint64 nowMs)
{
    QVector<Timer> due;
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        if (!it->breached && it->dueMs <= nowMs) {
            it->breached = true;
            due.append(*it);
        }
    }
    std::sort(due.begin(), due.end(),
              [](const Timer &a, const Timer &b) { return a.dueMs < b.dueMs; });
    return due;
}

void ResponseTimers::setAlertId(const QString &accountId, const QString &roomId,
                                const QString &customerId, qint64 alertId)
{
    auto it = m_timers.find(key(accountId, roomId, customerId));
    if (it != m_timers.end())
        it->alertId = alertId;
}

bool ResponseTimers::adoptAlert(const QString &accountId, const QString &roomId,
                                const QString &customerId, qint64 alertId)
{
    auto it = m_timers.find(key(accountId, roomId, customerId));
    if (it == m_timers.end())
        return false;
    it->breached = true;
    it->alertId = alertId;
    return true;
}

void ResponseTimers::forgetAlert(qint64 alertId)
{
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (alertId != 0 && it->alertId == alertId) {
            m_answered.insert(it.key());
            it = m_timers.erase(it);
        } else {
            ++it;
        }
    }
}

qint64 ResponseTimers::oldestWaitingSince(const QString &accountId, const QString &roomId) const
{
    const QString prefix = accountId + QChar(0x1f) + roomId + QChar(0x1f);
    qint64 oldest = 0;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it.key().startsWith(prefix) && (oldest == 0 || it->startMs < oldest))
            oldest = it->startMs;
    }
    return oldest;
}

} // namespace gd
