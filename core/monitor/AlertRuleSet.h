#pragma once
// The enabled rules, compiled for matching every message: the keywords and
// regular expressions of all text rules go into one RE2::Set (one linear-time
// pass over the text whatever the number of keywords; RE2 never backtracks
// and its memory is bounded), complaint rules read the classifier's verdict,
// and response-time and offline rules are looked up by scope. A rule that
// does not compile is left out with its reason (brokenReason); the others
// keep working.

#include "monitor/AlertRule.h"
#include "monitor/MessageSignals.h"

#include <QSet>
#include <QVector>

#include <memory>

namespace gd {

class AlertRuleSet
{
public:
    AlertRuleSet();
    ~AlertRuleSet();
    AlertRuleSet(AlertRuleSet &&) noexcept;
    AlertRuleSet &operator=(AlertRuleSet &&) noexcept;

    // Compiles the rules; broken ones get brokenReason and are skipped.
    void setRules(const QVector<AlertRule> &rules);
    // Every rule given, with brokenReason as found by the last setRules().
    const QVector<AlertRule> &rules() const { return m_rules; }

    // Why the rule cannot be used (a regex that does not compile, no
    // keywords, no minutes, bad settings), in the user's language; empty if
    // it is fine. The editor refuses to save a rule with a reason.
    static QString problemOf(const AlertRule &rule);

    struct Hit
    {
        int ruleIndex = -1; // into rules()
        AlertKind kind = AlertKind::Keyword;
        QStringList matched; // the keywords or the matched text
    };
    // The text rules (keywords, regex, complaint) that fire on a customer
    // message in a room with these tags, most severe first.
    QVector<Hit> match(const QString &accountId, const QString &roomId,
                       const QSet<QString> &roomTags, const QString &text,
                       const MessageSignals &textSignals) const;

    // The response-time rule that applies to a conversation: the most
    // specific enabled one (group over tag over global); null if none.
    const AlertRule *responseRuleFor(const QString &accountId, const QString &roomId,
                                     const QSet<QString> &roomTags) const;
    // The offline rule for an account (the one with the shortest time); null if none.
    const AlertRule *offlineRuleFor(const QString &accountId) const;
    // The tags that rules are scoped to (the monitor keeps only those).
    QSet<QString> scopedTags() const;

private:
    struct Compiled;
    QVector<AlertRule> m_rules;
    std::unique_ptr<Compiled> m_compiled;
};

} // namespace gd
