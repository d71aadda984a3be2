#pragma once
// A monitoring rule as staff write it in the rule editor and the database
// keeps it: what it looks for (keywords, a regular expression, complaint
// tone, a response time, an offline bot), where (every group, one group, the
// groups with a tag; one account or all), and how bad a hit is. The kind-
// specific settings travel as JSON in `params`.

#include "monitor/Alert.h"
#include "monitor/BusinessHours.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace gd {

enum class RuleKind : int {
    Keywords = 0, // pattern: one word or phrase per line
    Regex = 1, // pattern: one RE2 regular expression
    Complaint = 2, // the classifier says complaint
    ResponseTime = 3, // a customer question or complaint waits `minutes` of business time
    BotOffline = 4, // an account is not ready for `minutes`
};

enum class AlertRuleScope : int {
    Global = 0,
    Group = 1, // scopeValue: the room id
    Tag = 2, // scopeValue: the tag name
};

struct AlertRule
{
    qint64 id = 0;
    QString name;
    RuleKind kind = RuleKind::Keywords;
    bool enabled = true;
    AlertSeverity severity = AlertSeverity::Warning;
    QString accountId; // empty: every account
    AlertRuleScope scope = AlertRuleScope::Global;
    QString scopeValue;
    QString pattern;
    // params
    int minutes = 0; // ResponseTime, BotOffline
    bool firstResponse = true; // ResponseTime: time the first reply
    bool nextResponse = true; // ResponseTime: time the replies after that
    BusinessHours hours; // ResponseTime
    // Why the rule is not applied (it does not compile, its params are bad);
    // empty when it works. Kept in the database and shown in the editor.
    QString brokenReason;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    QStringList keywords() const; // Keywords: the trimmed non-empty lines
    QString paramsJson() const;
    // Fills the params fields from JSON; false (and *error) when it is bad.
    bool setParamsJson(const QString &json, QString *error);

    // Whether the rule watches this conversation. roomTags: the tags the
    // room carries. How specific the match is (for response times, the most
    // specific rule wins): 0 none, 1 global, 2 tag, 3 group.
    int specificity(const QString &accountId, const QString &roomId,
                    const QSet<QString> &roomTags) const;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::AlertRule)
