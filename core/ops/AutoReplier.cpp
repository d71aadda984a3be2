#include "ops/AutoReplier.h"

#include "monitor/Clock.h"
#include "ops/ReplyTemplate.h"

namespace gd {
namespace {
constexpr qint64 kHourMs = 3600LL * 1000;

QString key(const QString &a, const QString &b)
{
    return a + QLatin1Char('\x1f') + b;
}
} // namespace

AutoReplier::AutoReplier(const Clock *clock)
    : m_clock(clock)
    , m_keywords(std::make_unique<RuleSet>())
{}

AutoReplier::~AutoReplier() = default;

void AutoReplier::setRules(const QVector<AutoReplyRule> &rules)
{
    m_rules.clear();
    QList<KeywordRule> keywordRules;
    for (const AutoReplyRule &r : rules) {
        if (!r.enabled || !r.problem().isEmpty())
            continue;
        if (r.kind == AutoReplyRule::Kind::Keyword) {
            KeywordRule k;
            k.id = QString::number(m_rules.size());
            k.name = r.name;
            k.scope = r.scope;
            k.keywords = r.keywords;
            k.regexes = r.regexes;
            keywordRules.append(k);
        }
        m_rules.append(r);
    }
    m_keywords = std::make_unique<RuleSet>(keywordRules);
}

bool AutoReplier::limitsAllow(const AutoReplyRule &rule, const QString &roomKey,
                              const QString &customerKey, QString *reason)
{
    const qint64 now = m_clock->nowMs();
    QVector<qint64> &sent = m_sent[rule.id];
    sent.removeIf([now](qint64 t) { return t <= now - kHourMs; });
    if (sent.size() >= rule.maxPerHour) {
        *reason = tr("Held back: the rule already answered %n time(s) in the last hour (its cap).",
                     nullptr, rule.maxPerHour);
        return false;
    }
    const qint64 lastRoom = m_lastInRoom.value(rule.id).value(roomKey, -1);
    if (lastRoom >= 0 && now - lastRoom < qint64(rule.groupCooldownS) * 1000) {
        *reason = tr("Held back: the rule answered in this group %1 s ago (cooldown %2 s).")
                      .arg((now - lastRoom) / 1000)
                      .arg(rule.groupCooldownS);
        return false;
    }
    const qint64 lastCustomer = m_lastToCustomer.value(rule.id).value(customerKey, -1);
    if (lastCustomer >= 0 && now - lastCustomer < qint64(rule.customerCooldownS) * 1000) {
        *reason = tr("Held back: the rule answered this customer %1 s ago (cooldown %2 s).")
                      .arg((now - lastCustomer) / 1000)
                      .arg(rule.customerCooldownS);
        return false;
    }
    return true;
}

void AutoReplier::record(const AutoReplyRule &rule, const QString &roomKey,
                         const QString &customerKey)
{
    const qint64 now = m_clock->nowMs();
    m_sent[rule.id].append(now);
    m_lastInRoom[rule.id].insert(roomKey, now);
    m_lastToCustomer[rule.id].insert(customerKey, now);
}

AutoReplyDecision AutoReplier::decide(const AutoReplyRule &rule, const Message &message,
                                      const AutoReplyContext &context)
{
    AutoReplyDecision d;
    d.ruleId = rule.id;
    d.accountId = message.accountId;
    d.conversationId = message.conversationId();
    d.customerId = message.talkerId;
    d.triggerId = message.id;
    const QString roomKey = key(message.accountId, d.conversationId);
    const QString customerKey = key(message.accountId, message.talkerId);
    QString reason;
    if (!limitsAllow(rule, roomKey, customerKey, &reason)) {
        d.held = true;
        d.heldReason = reason;
        return d;
    }
    QString error;
    d.text = ReplyTemplate::fill(
        rule.reply,
        {{QStringLiteral("customer"),
          message.talkerName.isEmpty() ? message.talkerId : message.talkerName},
         {QStringLiteral("group"), context.topic}},
        &error);
    if (!error.isEmpty()) {
        d.held = true;
        d.heldReason = error;
        return d;
    }
    record(rule, roomKey, customerKey);
    return d;
}

QVector<AutoReplyDecision> AutoReplier::onMessage(const Message &message,
                                                  const AutoReplyContext &context)
{
    QVector<AutoReplyDecision> out;
    const QString conversation = message.conversationId();
    const QString waitKey = key(key(message.accountId, conversation), message.talkerId);
    // The bot and staff are never answered; their message answers the
    // customers waiting in that conversation.
    if (message.fromSelf || context.fromStaff) {
        const QString prefix = key(message.accountId, conversation) + QLatin1Char('\x1f');
        for (auto it = m_waiting.begin(); it != m_waiting.end();) {
            if (it.key().startsWith(prefix))
                it = m_waiting.erase(it);
            else
                ++it;
        }
        return out;
    }
    if (message.kind == MessageKind::System || !message.duplicateOf.isEmpty()
        || message.talkerId.isEmpty())
        return out;

    const MessageContext scope{message.roomId, context.roomTags};
    // Keyword rules first (in rule order), then the busy reply.
    for (const RuleMatch &match : m_keywords->evaluate(message.text, scope)) {
        const AutoReplyRule &rule = m_rules.at(match.ruleId.toInt());
        out.append(decide(rule, message, context));
        if (!out.last().held)
            return out;
    }
    const qint64 now = m_clock->nowMs();
    for (const AutoReplyRule &rule : std::as_const(m_rules)) {
        if (rule.kind != AutoReplyRule::Kind::Busy || !rule.scope.appliesTo(scope))
            continue;
        if (!rule.hours.isAlwaysOpen() && !rule.hours.isOpenAt(now)) {
            out.append(decide(rule, message, context));
            if (!out.last().held)
                return out;
        } else if (rule.unansweredMinutes > 0 && !m_waiting.contains(waitKey)) {
            m_waiting.insert(waitKey, {message, context});
        }
    }
    return out;
}

QVector<AutoReplyDecision> AutoReplier::tick()
{
    QVector<AutoReplyDecision> out;
    const qint64 now = m_clock->nowMs();
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const Waiting &w = it.value();
        bool done = false;
        const MessageContext scope{w.message.roomId, w.context.roomTags};
        for (const AutoReplyRule &rule : std::as_const(m_rules)) {
            if (rule.kind != AutoReplyRule::Kind::Busy || rule.unansweredMinutes <= 0
                || !rule.scope.appliesTo(scope))
                continue;
            if (now - w.message.timestampMs < qint64(rule.unansweredMinutes) * 60 * 1000)
                continue;
            out.append(decide(rule, w.message, w.context));
            done = true;
            if (!out.last().held)
                break;
        }
        if (done)
            it = m_waiting.erase(it);
        else
            ++it;
    }
    return out;
}

} // namespace gd
