#pragma once
// Many keyword rules compiled into one KeywordMatcher, evaluated against a
// message and its context (group, tags). A rule with a bad pattern is
// disabled with the reason (errors()), never the whole set. Immutable once
// built: share it as std::shared_ptr<const RuleSet> and evaluate from any thread.

#include "monitor/KeywordMatcher.h"
#include "monitor/KeywordRule.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace gd {

// A problem with one rule (or one field of it), for the editor and the log.
struct RuleError
{
    QString ruleId; // empty when the rule has no usable id
    QString where; // e.g. "rules[3].regexes[0]"; empty if not from a file
    QString message; // translated, says what to fix
};

// A rule that matched a message: which words matched where.
struct RuleMatch
{
    QString ruleId;
    QString ruleName;
    Severity severity = Severity::Medium;
    struct Hit
    {
        QString text; // the matched text as it appears in the message
        qsizetype start = 0; // UTF-16 code units
        qsizetype length = 0;
        bool regex = false;
    };
    QList<Hit> hits; // ordered by position
};

class RuleSet
{
    Q_DECLARE_TR_FUNCTIONS(RuleSet)

public:
    // Compiles the enabled rules. Rules with an empty or duplicate id, or with
    // a keyword or regex that cannot be used, are disabled and listed in errors().
    explicit RuleSet(QList<KeywordRule> rules = {}, const KeywordMatcherLimits &limits = {});

    const QList<KeywordRule> &rules() const { return m_rules; }
    const QList<RuleError> &errors() const { return m_errors; }
    // Rules given minus disabled and broken ones.
    int activeRuleCount() const { return m_activeRules; }
    bool isActive(const QString &ruleId) const;

    // Rules in scope for `context` that match `text`, in rule order.
    QList<RuleMatch> evaluate(QStringView text, const MessageContext &context = {}) const;

private:
    QList<KeywordRule> m_rules;
    QList<RuleError> m_errors;
    QList<bool> m_active; // per rule
    int m_activeRules = 0;
    std::unique_ptr<KeywordMatcher> m_matcher; // KeywordPattern::tag = rule index
};

} // namespace gd
