#pragma once
// What a group event was (a join, a leave, a topic change), kept as data with
// its system message (Message::systemEvent, JSON), so each reader sees the
// line in their own language, and exports and the API can tell what
// happened. The names are those known when the event came.

#include <QString>
#include <QStringList>

namespace gd {

struct SystemEvent
{
    enum class Kind : int {
        None = 0,
        Join = 1, // targets joined; actor invited them (or is one of them)
        Leave = 2, // targets left; actor removed them (or is one of them)
        TopicChange = 3, // actor renamed the group to topic
    };

    Kind kind = Kind::None;
    QString actorId;
    QString actorName;
    QStringList targetIds;
    QStringList targetNames;
    QString topic;

    bool isNull() const { return kind == Kind::None; }
    QString toJson() const;
    // Null for empty or unreadable text (an old row, a newer kind).
    static SystemEvent fromJson(const QString &json);
    // The line a reader sees, in the language installed now.
    QString describe() const;
};

} // namespace gd
