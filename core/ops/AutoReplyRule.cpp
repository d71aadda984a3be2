#include "ops/AutoReplyRule.h"

#include "monitor/KeywordMatcher.h"
#include "ops/ReplyTemplate.h"

#include <QJsonArray>

namespace gd {
namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList out;
    for (const auto &v : value.toArray())
        if (v.isString())
            out << v.toString();
    return out;
}

QJsonObject scopeJson(const RuleScope &scope)
{
    return {{QStringLiteral("groups"), toArray(scope.groups)},
            {QStringLiteral("tags"), toArray(scope.tags)}};
}

RuleScope scopeFrom(const QJsonObject &json)
{
    return {toList(json.value(QStringLiteral("groups"))),
            toList(json.value(QStringLiteral("tags")))};
}

} // namespace

QJsonObject AutoReplyRule::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("scope"), scopeJson(scope)},
                  {QStringLiteral("keywords"), toArray(keywords)},
                  {QStringLiteral("regexes"), toArray(regexes)},
                  {QStringLiteral("reply"), reply},
                  {QStringLiteral("groupCooldownS"), groupCooldownS},
                  {QStringLiteral("customerCooldownS"), customerCooldownS},
                  {QStringLiteral("maxPerHour"), maxPerHour},
                  {QStringLiteral("unansweredMinutes"), unansweredMinutes}};
    if (!hours.isAlwaysOpen())
        o.insert(QStringLiteral("hours"), hours.toJson());
    return o;
}

AutoReplyRule AutoReplyRule::fromJson(const QJsonObject &json)
{
    AutoReplyRule r;
    r.name = json.value(QStringLiteral("name")).toString();
    r.scope = scopeFrom(json.value(QStringLiteral("scope")).toObject());
    r.keywords = toList(json.value(QStringLiteral("keywords")));
    r.regexes = toList(json.value(QStringLiteral("regexes")));
    r.reply = json.value(QStringLiteral("reply")).toString();
    r.groupCooldownS = json.value(QStringLiteral("groupCooldownS")).toInt(r.groupCooldownS);
    r.customerCooldownS
        = json.value(QStringLiteral("customerCooldownS")).toInt(r.customerCooldownS);
    r.maxPerHour = json.value(QStringLiteral("maxPerHour")).toInt(r.maxPerHour);
    r.unansweredMinutes = json.value(QStringLiteral("unansweredMinutes")).toInt(0);
    if (json.contains(QStringLiteral("hours")))
        r.hours = BusinessHours::fromJson(json.value(QStringLiteral("hours")).toObject());
    return r;
}

QString AutoReplyRule::problem() const
{
    if (reply.trimmed().isEmpty())
        return tr("The rule has no reply text.");
    if (QString e
        = ReplyTemplate::check(reply, {QStringLiteral("customer"), QStringLiteral("group")});
        !e.isEmpty())
        return e;
    if (groupCooldownS < 0 || customerCooldownS < 0)
        return tr("A cooldown cannot be negative.");
    if (maxPerHour < 1)
        return tr("Allow at least one reply per hour (or disable the rule).");
    if (kind == Kind::Keyword) {
        if (keywords.isEmpty() && regexes.isEmpty())
            return tr("A keyword rule needs at least one word or expression.");
        for (const QString &w : keywords)
            if (QString e = KeywordMatcher::literalError(w); !e.isEmpty())
                return e;
        for (const QString &x : regexes)
            if (QString e = KeywordMatcher::regexError(x); !e.isEmpty())
                return e;
    } else if (hours.isAlwaysOpen() && unansweredMinutes <= 0) {
        return tr("A busy reply needs business hours or a number of minutes without an answer.");
    }
    return {};
}

QJsonObject WelcomeRule::toJson() const
{
    return {{QStringLiteral("scope"), scopeJson(scope)},
            {QStringLiteral("text"), text},
            {QStringLiteral("delayS"), delayS},
            {QStringLiteral("maxPerHour"), maxPerHour}};
}

WelcomeRule WelcomeRule::fromJson(const QJsonObject &json)
{
    WelcomeRule r;
    r.scope = scopeFrom(json.value(QStringLiteral("scope")).toObject());
    r.text = json.value(QStringLiteral("text")).toString(r.text);
    r.delayS = json.value(QStringLiteral("delayS")).toInt(r.delayS);
    r.maxPerHour = json.value(QStringLiteral("maxPerHour")).toInt(r.maxPerHour);
    return r;
}

QString WelcomeRule::problem() const
{
    if (text.trimmed().isEmpty())
        return tr("The welcome has no text.");
    if (QString e = ReplyTemplate::check(text, {QStringLiteral("names"), QStringLiteral("group")});
        !e.isEmpty())
        return e;
    if (delayS < 0 || delayS > 3600)
        return tr("The delay must be between 0 and 3600 seconds.");
    if (maxPerHour < 1)
        return tr("Allow at least one welcome per hour (or disable the rule).");
    return {};
}

} // namespace gd
