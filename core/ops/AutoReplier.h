#pragma once
// Decides which customer messages get an automatic answer: keyword rules
// (compiled into one monitoring RuleSet) and the busy reply (outside
// business hours, or a customer nobody answered for N minutes). Never
// answers the bot itself or staff. Each rule keeps its cooldown per group
// and per customer and its cap per hour; a reply a limit stops is "held
// back" with the reason (for the log), never sent. One rule answers a
// message at most. Not thread-safe: used from one thread.

#include "model/Types.h"
#include "monitor/RuleSet.h"
#include "ops/AutoReplyRule.h"

#include <QCoreApplication>
#include <QHash>
#include <QVector>

#include <memory>

namespace gd {

class Clock;

// What the caller knows about a message besides the message.
struct AutoReplyContext
{
    QString topic; // the group's name (for {group})
    QStringList roomTags;
    bool fromStaff = false; // a contact tagged as staff (the bot itself: Message::fromSelf)
};

struct AutoReplyDecision
{
    qint64 ruleId = 0;
    QString accountId;
    QString conversationId;
    QString customerId;
    QString triggerId; // the message answered
    QString text; // the reply, filled in
    bool held = false; // a limit stopped it: not sent
    QString heldReason;
};

class AutoReplier
{
    Q_DECLARE_TR_FUNCTIONS(AutoReplier)

public:
    explicit AutoReplier(const Clock *clock);
    ~AutoReplier();

    // Enabled rules without problems are used; the others are skipped.
    void setRules(const QVector<AutoReplyRule> &rules);

    // A stored message: a reply (or a held-back one) per rule that fires;
    // empty when none does.
    QVector<AutoReplyDecision> onMessage(const Message &message, const AutoReplyContext &context);
    // Busy rules with unansweredMinutes: the customers who waited that long
    // since their message and got no staff reply. Call every few seconds.
    QVector<AutoReplyDecision> tick();

private:
    struct Waiting
    {
        Message message;
        AutoReplyContext context;
    };
    bool limitsAllow(const AutoReplyRule &rule, const QString &roomKey, const QString &customerKey,
                     QString *reason);
    void record(const AutoReplyRule &rule, const QString &roomKey, const QString &customerKey);
    AutoReplyDecision decide(const AutoReplyRule &rule, const Message &message,
                             const AutoReplyContext &context);

    const Clock *m_clock;
    QVector<AutoReplyRule> m_rules;
    std::unique_ptr<RuleSet> m_keywords; // KeywordRule id = index into m_rules
    QHash<qint64, QHash<QString, qint64>> m_lastInRoom; // rule -> account/room -> ms
    QHash<qint64, QHash<QString, qint64>> m_lastToCustomer; // rule -> account/customer -> ms
    QHash<qint64, QVector<qint64>> m_sent; // rule -> reply times within the last hour
    QHash<QString, Waiting> m_waiting; // account/conversation/customer -> unanswered
};

} // namespace gd

Q_DECLARE_METATYPE(gd::AutoReplyDecision)
