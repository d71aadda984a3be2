#include "ops/WelcomeGatherer.h"

#include "monitor/Clock.h"
#include "ops/ReplyTemplate.h"

namespace gd {
namespace {
constexpr qint64 kHourMs = 3600LL * 1000;
}

WelcomeGatherer::WelcomeGatherer(const Clock *clock)
    : m_clock(clock)
{}

void WelcomeGatherer::setRules(const QVector<WelcomeRule> &rules)
{
    m_rules.clear();
    for (const WelcomeRule &r : rules) {
        if (r.enabled && r.problem().isEmpty())
            m_rules.append(r);
    }
}

void WelcomeGatherer::joined(const QString &accountId, const QString &roomId, const QString &topic,
                             const QStringList &roomTags, const QVector<Member> &members)
{
    if (members.isEmpty())
        return;
    const QString key = accountId + QLatin1Char('\x1f') + roomId;
    auto it = m_pending.find(key);
    if (it == m_pending.end()) {
        const MessageContext context{roomId, roomTags};
        const WelcomeRule *rule = nullptr;
        for (const WelcomeRule &r : std::as_const(m_rules)) {
            if (r.scope.appliesTo(context)) {
                rule = &r;
                break;
            }
        }
        if (!rule)
            return;
        Pending p;
        p.rule = *rule;
        p.accountId = accountId;
        p.roomId = roomId;
        p.firstJoinMs = m_clock->nowMs();
        it = m_pending.insert(key, p);
    }
    it->topic = topic;
    for (const Member &m : members) {
        const bool known = std::any_of(it->members.cbegin(), it->members.cend(),
                                       [&m](const Member &x) { return x.id == m.id; });
        if (!known)
            it->members.append(m);
    }
}

void WelcomeGatherer::updateNames(const QString &accountId, const QString &roomId,
                                  const QVector<Member> &members)
{
    const auto it = m_pending.find(accountId + QLatin1Char('\x1f') + roomId);
    if (it == m_pending.end())
        return;
    for (Member &pending : it->members) {
        if (!pending.name.isEmpty())
            continue;
        for (const Member &m : members)
            if (m.id == pending.id && !m.name.isEmpty())
                pending.name = m.name;
    }
}

qint64 WelcomeGatherer::nextDueMs() const
{
    qint64 next = 0;
    for (const Pending &p : m_pending) {
        const qint64 due = p.firstJoinMs + qint64(p.rule.delayS) * 1000;
        if (next == 0 || due < next)
            next = due;
    }
    return next;
}

QVector<WelcomeDecision> WelcomeGatherer::due()
{
    QVector<WelcomeDecision> out;
    const qint64 now = m_clock->nowMs();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const Pending &p = it.value();
        if (now < p.firstJoinMs + qint64(p.rule.delayS) * 1000) {
            ++it;
            continue;
        }
        WelcomeDecision d;
        d.ruleId = p.rule.id;
        d.accountId = p.accountId;
        d.roomId = p.roomId;
        QStringList names;
        for (const Member &m : p.members) {
            d.contactIds << m.id;
            names << (m.name.isEmpty() ? m.id : m.name);
        }
        QVector<qint64> &sent = m_sent[it.key()];
        sent.removeIf([now](qint64 t) { return t <= now - kHourMs; });
        if (sent.size() >= p.rule.maxPerHour) {
            d.held = true;
            d.heldReason = tr("Held back: this group already got %n welcome(s) in the last hour "
                              "(the rule's cap).",
                              nullptr, p.rule.maxPerHour);
        } else {
            QString error;
            // WeChat shows mentions as "@name"; the names are listed as
            // Chinese lists are, with 、 between them.
            QStringList at;
            for (const QString &n : std::as_const(names))
                at << QLatin1Char('@') + n;
            d.text = ReplyTemplate::fill(p.rule.text,
                                         {{QStringLiteral("names"), at.join(QChar(0x3001))},
                                          {QStringLiteral("group"), p.topic}},
                                         &error);
            if (!error.isEmpty()) {
                d.held = true;
                d.heldReason = error;
            } else {
                sent.append(now);
            }
        }
        out.append(d);
        it = m_pending.erase(it);
    }
    return out;
}

} // namespace gd
