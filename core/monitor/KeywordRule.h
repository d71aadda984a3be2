#pragma once
// One keyword rule as a rule author writes it: words and regular expressions,
// a severity, and where it applies (everywhere, some groups, groups with some
// tags). Plain value, copied across threads; RuleFile reads and writes it as
// JSON, RuleSet compiles many of them into one matcher.

#include "monitor/Severity.h"

#include <QString>
#include <QStringList>

namespace gd {

// The message being classified: which group it is in and that group's tags.
struct MessageContext
{
    QString groupId; // room id; empty for a direct message
    QStringList tags; // the group's tags
};

// Where a rule applies. Global when both lists are empty; otherwise in the
// listed groups and in every group carrying one of the listed tags.
struct RuleScope
{
    QStringList groups;
    QStringList tags;

    bool isGlobal() const { return groups.isEmpty() && tags.isEmpty(); }
    bool appliesTo(const MessageContext &context) const;
    bool operator==(const RuleScope &other) const = default;
};

struct KeywordRule
{
    QString id; // unique within a rule set; reported with every match
    QString name; // shown to staff; may be empty
    Severity severity = Severity::Medium;
    RuleScope scope;
    QStringList keywords; // literal words (case-insensitive)
    QStringList regexes; // RE2 syntax (case-insensitive)
    bool enabled = true;

    bool operator==(const KeywordRule &other) const = default;
};

} // namespace gd
