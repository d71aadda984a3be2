#include "model/SystemEvent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gd {
namespace {

const char *kindName(SystemEvent::Kind kind)
{
    switch (kind) {
    case SystemEvent::Kind::Join:
        return "join";
    case SystemEvent::Kind::Leave:
        return "leave";
    case SystemEvent::Kind::TopicChange:
        return "topic";
    case SystemEvent::Kind::None:
        break;
    }
    return "";
}

} // namespace

QString SystemEvent::toJson() const
{
    if (isNull())
        return {};
    QJsonObject o;
    o.insert(QStringLiteral("kind"), QLatin1String(kindName(kind)));
    o.insert(QStringLiteral("actor"), actorId);
    o.insert(QStringLiteral("actorName"), actorName);
    o.insert(QStringLiteral("targets"), QJsonArray::fromStringList(targetIds));
    o.insert(QStringLiteral("targetNames"), QJsonArray::fromStringList(targetNames));
    if (kind == Kind::TopicChange)
        o.insert(QStringLiteral("topic"), topic);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SystemEvent SystemEvent::fromJson(const QString &json)
{
    SystemEvent e;
    if (json.isEmpty())
        return e;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    for (Kind k : {Kind::Join, Kind::Leave, Kind::TopicChange}) {
        if (kind == QLatin1String(kindName(k)))
            e.kind = k;
    }
    if (e.isNull())
        return e;
    auto strings = [&o](const char *key) {
        QStringList out;
        for (const auto &v : o.value(QLatin1String(key)).toArray())
            out << v.toString();
        return out;
    };
    e.actorId = o.value(QStringLiteral("actor")).toString();
    e.actorName = o.value(QStringLiteral("actorName")).toString();
    e.targetIds = strings("targets");
    e.targetNames = strings("targetNames");
    e.topic = o.value(QStringLiteral("topic")).toString();
    return e;
}

// The strings keep the context they had when the session built them, so
// their translations carry over.
QString SystemEvent::describe() const
{
    QStringList names;
    for (int i = 0; i < targetIds.size(); ++i)
        names << (targetNames.value(i).isEmpty() ? targetIds.at(i) : targetNames.at(i));
    const QString who = names.join(QCoreApplication::translate("AccountSession", ", "));
    const QString actor = actorName.isEmpty() ? actorId : actorName;
    switch (kind) {
    case Kind::Join:
        return actorId.isEmpty() || targetIds.contains(actorId)
            ? QCoreApplication::translate("AccountSession", "%1 joined the group").arg(who)
            : QCoreApplication::translate("AccountSession", "%1 invited %2 to the group")
                  .arg(actor, who);
    case Kind::Leave:
        return actorId.isEmpty() || targetIds.contains(actorId)
            ? QCoreApplication::translate("AccountSession", "%1 left the group").arg(who)
            : QCoreApplication::translate("AccountSession", "%1 removed %2 from the group")
                  .arg(actor, who);
    case Kind::TopicChange:
        return actorId.isEmpty()
            ? QCoreApplication::translate("AccountSession", "The group name was changed to \"%1\"")
                  .arg(topic)
            : QCoreApplication::translate("AccountSession", "%1 changed the group name to \"%2\"")
                  .arg(actor, topic);
    case Kind::None:
        break;
    }
    return {};
}

} // namespace gd
