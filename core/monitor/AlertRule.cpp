#include "monitor/AlertRule.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace gd {

QStringList AlertRule::keywords() const
{
    QStringList out;
    const QStringList lines = pattern.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString word = line.trimmed();
        if (!word.isEmpty())
            out.append(word);
    }
    return out;
}

QString AlertRule::paramsJson() const
{
    QJsonObject o;
    if (kind == RuleKind::ResponseTime || kind == RuleKind::BotOffline)
        o.insert(QStringLiteral("minutes"), minutes);
    if (kind == RuleKind::ResponseTime) {
        o.insert(QStringLiteral("first"), firstResponse);
        o.insert(QStringLiteral("next"), nextResponse);
        if (!hours.isAlwaysOpen())
            o.insert(QStringLiteral("hours"), hours.toJson());
    }
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool AlertRule::setParamsJson(const QString &json, QString *error)
{
    minutes = 0;
    firstResponse = true;
    nextResponse = true;
    hours = BusinessHours();
    if (json.trimmed().isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("AlertRule",
                                             "The rule's settings are not valid "
                                             "JSON: %1")
                     .arg(parseError.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    minutes = o.value(QStringLiteral("minutes")).toInt(0);
    firstResponse = o.value(QStringLiteral("first")).toBool(true);
    nextResponse = o.value(QStringLiteral("next")).toBool(true);
    QString hoursError;
    hours = BusinessHours::fromJson(o.value(QStringLiteral("hours")).toObject(), &hoursError);
    if (!hoursError.isEmpty()) {
        *error = hoursError;
        return false;
    }
    return true;
}

int AlertRule::specificity(const QString &account, const QString &roomId,
                           const QSet<QString> &roomTags) const
{
    if (!accountId.isEmpty() && accountId != account)
        return 0;
    switch (scope) {
    case AlertRuleScope::Global:
        return 1;
    case AlertRuleScope::Tag:
        return roomTags.contains(scopeValue) ? 2 : 0;
    case AlertRuleScope::Group:
        return scopeValue == roomId ? 3 : 0;
    }
    return 0;
}

} // namespace gd
