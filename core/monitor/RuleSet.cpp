#include "monitor/RuleSet.h"

#include <QLoggingCategory>
#include <QSet>

#include <map>

Q_LOGGING_CATEGORY(lcRules, "gd.monitor.rules")

namespace gd {

bool RuleScope::appliesTo(const MessageContext &context) const
{
    if (isGlobal())
        return true;
    if (!context.groupId.isEmpty() && groups.contains(context.groupId))
        return true;
    for (const QString &tag : context.tags)
        if (tags.contains(tag))
            return true;
    return false;
}

RuleSet::RuleSet(QList<KeywordRule> rules, const KeywordMatcherLimits &limits)
    : m_rules(std::move(rules))
    , m_active(m_rules.size(), false)
{
    QList<KeywordPattern> patterns;
    QSet<QString> seenIds;
    for (int r = 0; r < m_rules.size(); ++r) {
        const KeywordRule &rule = m_rules.at(r);
        if (rule.id.trimmed().isEmpty()) {
            m_errors.append({rule.id, {}, tr("A rule has no id.")});
            continue;
        }
        if (seenIds.contains(rule.id)) {
            m_errors.append(
                {rule.id, {}, tr("Another rule already has the id \"%1\".").arg(rule.id)});
            continue;
        }
        seenIds.insert(rule.id);
        if (!rule.enabled)
            continue;
        if (rule.keywords.isEmpty() && rule.regexes.isEmpty()) {
            m_errors.append(
                {rule.id, {}, tr("The rule has no keyword and no regular expression.")});
            continue;
        }
        // A rule with one unusable pattern is disabled as a whole: half a rule
        // would raise alerts its author did not write.
        QStringList problems;
        for (const QString &word : rule.keywords) {
            const QString reason = KeywordMatcher::literalError(word, limits);
            if (!reason.isEmpty())
                problems.append(tr("keyword \"%1\": %2").arg(word.left(40), reason));
        }
        for (const QString &regex : rule.regexes) {
            const QString reason = KeywordMatcher::regexError(regex, limits);
            if (!reason.isEmpty())
                problems.append(tr("regular expression \"%1\": %2").arg(regex.left(40), reason));
        }
        if (!problems.isEmpty()) {
            for (const QString &problem : problems)
                m_errors.append({rule.id, {}, problem});
            continue;
        }
        m_active[r] = true;
        ++m_activeRules;
        for (const QString &word : rule.keywords)
            patterns.append({word, KeywordPattern::Kind::Literal, rule.severity, r});
        for (const QString &regex : rule.regexes)
            patterns.append({regex, KeywordPattern::Kind::Regex, rule.severity, r});
    }
    m_matcher = std::make_unique<KeywordMatcher>(std::move(patterns), limits);
    // Checked one by one above; what can still fail here is the shared budget.
    for (const PatternError &error : m_matcher->errors()) {
        const int r = m_matcher->patterns().at(error.pattern).tag;
        if (m_active[r]) {
            m_active[r] = false;
            --m_activeRules;
        }
        m_errors.append({m_rules.at(r).id, {}, error.reason});
    }
    for (const RuleError &error : std::as_const(m_errors))
        qCWarning(lcRules).noquote() << "rule" << error.ruleId << "disabled:" << error.message;
}

bool RuleSet::isActive(const QString &ruleId) const
{
    for (int r = 0; r < m_rules.size(); ++r)
        if (m_rules.at(r).id == ruleId)
            return m_active.at(r);
    return false;
}

QList<RuleMatch> RuleSet::evaluate(QStringView text, const MessageContext &context) const
{
    QList<RuleMatch> matches;
    if (m_activeRules == 0)
        return matches;
    const QList<KeywordHit> hits = m_matcher->match(text);
    if (hits.isEmpty())
        return matches;
    // Hits come by position; group them by rule, rules in their order.
    std::map<int, RuleMatch> byRule;
    for (const KeywordHit &hit : hits) {
        const KeywordPattern &pattern = m_matcher->patterns().at(hit.pattern);
        const int r = pattern.tag;
        if (!m_active.at(r) || !m_rules.at(r).scope.appliesTo(context))
            continue;
        RuleMatch &match = byRule[r];
        if (match.ruleId.isEmpty()) {
            const KeywordRule &rule = m_rules.at(r);
            match.ruleId = rule.id;
            match.ruleName = rule.name;
            match.severity = rule.severity;
        }
        match.hits.append({text.mid(hit.start, hit.length).toString(), hit.start, hit.length,
                           pattern.kind == KeywordPattern::Kind::Regex});
    }
    matches.reserve(qsizetype(byRule.size()));
    for (auto &[r, match] : byRule)
        matches.append(std::move(match));
    return matches;
}

} // namespace gd
