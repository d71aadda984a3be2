#pragma once
// A rule that answers customers by itself: keyword rules (words and regular
// expressions, matched by monitoring's KeywordMatcher) and the busy reply
// (outside business hours, or when nobody answered a customer for N
// minutes). Each has cooldowns per group and per customer and a cap per
// hour. Welcome rules greet new members of a group ({names}) after a delay
// that gathers a burst of joins into one message, with a cap per hour.
// Plain values, stored as JSON in ops_rules.params.

#include "monitor/BusinessHours.h"
#include "monitor/KeywordRule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace gd {

struct AutoReplyRule
{
    Q_DECLARE_TR_FUNCTIONS(AutoReplyRule)

public:
    enum class Kind : int { Keyword = 2, Busy = 3 }; // ops_rules.kind

    qint64 id = 0;
    Kind kind = Kind::Keyword;
    bool enabled = true;
    QString name;
    RuleScope scope; // groups and tags; global when both are empty
    QStringList keywords; // Keyword: literal words
    QStringList regexes; // Keyword: RE2 patterns
    QString reply; // the text sent; may use {customer} and {group}
    int groupCooldownS = 300; // no second reply of this rule in a group within this
    int customerCooldownS = 1800; // ... nor to the same customer
    int maxPerHour = 20; // replies of this rule in all groups together, per hour
    // Busy: outside these hours a customer message is answered; and (when
    // > 0) a customer nobody answered for this many minutes.
    BusinessHours hours;
    int unansweredMinutes = 0;

    QJsonObject toJson() const; // without id, kind, enabled (columns)
    static AutoReplyRule fromJson(const QJsonObject &json);
    // Why it cannot be used (no words, no reply, an unknown variable, bad
    // numbers), or an empty string.
    QString problem() const;
};

struct WelcomeRule
{
    Q_DECLARE_TR_FUNCTIONS(WelcomeRule)

public:
    qint64 id = 0;
    bool enabled = true;
    RuleScope scope; // groups and tags; global when both are empty
    QString text = QStringLiteral("欢迎 {names} 加入本群！");
    int delayS = 60; // joins within this time after the first go into one welcome
    int maxPerHour = 3; // welcomes per group per hour

    QJsonObject toJson() const;
    static WelcomeRule fromJson(const QJsonObject &json);
    QString problem() const;
};

} // namespace gd
