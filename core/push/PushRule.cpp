#include "push/PushRule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gd {
namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &v)
{
    QStringList out;
    for (const auto &e : v.toArray())
        out << e.toString();
    return out;
}

} // namespace

QString PushRule::targetsJson() const
{
    const QJsonObject o{{QStringLiteral("rooms"), toArray(targets.roomIds)},
                        {QStringLiteral("tags"), toArray(targets.tags)},
                        {QStringLiteral("excluded"), toArray(targets.excludedRoomIds)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void PushRule::setTargetsJson(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    targets.roomIds = toList(o.value(QLatin1String("rooms")));
    targets.tags = toList(o.value(QLatin1String("tags")));
    targets.excludedRoomIds = toList(o.value(QLatin1String("excluded")));
}

QString PushRule::capsJson() const
{
    const QJsonObject o{{QStringLiteral("rule"), caps.perRuleDay},
                        {QStringLiteral("group"), caps.perGroupDay},
                        {QStringLiteral("account"), caps.perAccountDay}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void PushRule::setCapsJson(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    caps.perRuleDay = o.value(QLatin1String("rule")).toInt();
    caps.perGroupDay = o.value(QLatin1String("group")).toInt();
    caps.perAccountDay = o.value(QLatin1String("account")).toInt();
}

} // namespace gd
