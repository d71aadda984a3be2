#include "monitor/ResponseTimers.h"

namespace gd {

QString ResponseTimers::conversationKey(const QString &accountId, const QString &roomId)
{
    return accountId + QChar(0x1f) + roomId;
}

QString ResponseTimers::key(const QString &accountId, const QString &roomId,
                            const QString &customerId)
{
    return conversationKey(accountId, roomId) + QChar(0x1f) + customerId;
}

bool ResponseTimers::customerWaits(const Message &message, const AlertRule &rule, qint64 startMs)
{
    const QString roomId = message.conversationId();
    const QString conversation = conversationKey(message.accountId, roomId);
    const auto running = m_timers.constFind(conversation);
    if (running != m_timers.cend() && running->contains(message.talkerId))
        return false; // already waiting: the wait counts from the first message
    const QString k = key(message.accountId, roomId, message.talkerId);
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
    m_timers[conversation].insert(message.talkerId, t);
    ++m_running;
    return true;
}

QVector<ResponseTimers::Timer> ResponseTimers::staffReplied(const Message &reply)
{
    const QString roomId = reply.conversationId();
    const QString conversation = conversationKey(reply.accountId, roomId);
    const QString prefix = conversation + QChar(0x1f);
    QVector<Timer> stopped;
    const auto it = m_timers.find(conversation);
    if (it != m_timers.end()) {
        // Customers of this conversation who wait, and which of them the reply mentions.
        QStringList mentioned;
        for (const QString &id : reply.mentionIds) {
            if (it->contains(id))
                mentioned.append(id);
        }
        const QStringList stop = mentioned.isEmpty() ? it->keys() : mentioned;
        for (const QString &customerId : stop) {
            stopped.append(it->take(customerId));
            m_answered.insert(prefix + customerId);
        }
        m_running -= int(stopped.size());
        if (it->isEmpty())
            m_timers.erase(it);
        if (!mentioned.isEmpty())
            return stopped;
    }
    // Customers who did not wait still got a reply in the conversation: their
    // next question is a next response.
    for (const QString &id : reply.mentionIds)
        m_answered.insert(prefix + id);
    return stopped;
}

QVector<ResponseTimers::Timer> ResponseTimers::takeDue(qint64 nowMs)
{
    QVector<Timer> due;
    for (Conversation &conversation : m_timers) {
        for (Timer &t : conversation) {
            if (!t.breached && t.dueMs <= nowMs) {
                t.breached = true;
                due.append(t);
            }
        }
    }
    std::sort(due.begin(), due.end(),
              [](const Timer &a, const Timer &b) { return a.dueMs < b.dueMs; });
    return due;
}

void ResponseTimers::setAlertId(const QString &accountId, const QString &roomId,
                                const QString &customerId, qint64 alertId)
{
    const auto conversation = m_timers.find(conversationKey(accountId, roomId));
    if (conversation == m_timers.end())
        return;
    const auto it = conversation->find(customerId);
    if (it != conversation->end())
        it->alertId = alertId;
}

bool ResponseTimers::adoptAlert(const QString &accountId, const QString &roomId,
                                const QString &customerId, qint64 alertId)
{
    const auto conversation = m_timers.find(conversationKey(accountId, roomId));
    if (conversation == m_timers.end())
        return false;
    const auto it = conversation->find(customerId);
    if (it == conversation->end())
        return false;
    it->breached = true;
    it->alertId = alertId;
    return true;
}

void ResponseTimers::forgetAlert(qint64 alertId)
{
    if (alertId == 0)
        return;
    for (auto conversation = m_timers.begin(); conversation != m_timers.end();) {
        for (auto it = conversation->begin(); it != conversation->end();) {
            if (it->alertId == alertId) {
                m_answered.insert(key(it->accountId, it->roomId, it->customerId));
                it = conversation->erase(it);
                --m_running;
            } else {
                ++it;
            }
        }
        if (conversation->isEmpty())
            conversation = m_timers.erase(conversation);
        else
            ++conversation;
    }
}

qint64 ResponseTimers::oldestWaitingSince(const QString &accountId, const QString &roomId) const
{
    qint64 oldest = 0;
    const auto conversation = m_timers.constFind(conversationKey(accountId, roomId));
    if (conversation == m_timers.cend())
        return 0;
    for (const Timer &t : *conversation) {
        if (oldest == 0 || t.startMs < oldest)
            oldest = t.startMs;
    }
    return oldest;
}

} // namespace gd
