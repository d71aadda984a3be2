#pragma once
// Who is speaking, in words: the name shown for a talker in a room.
// Precedence: the member's alias in that room, then the bot's remark (alias)
// for the contact, then the contact's own name, then the member's nickname as
// the room lists it, then the id. Fed by the contact/room/member sync and by
// DIRTY / ROOM_* refreshes. Lives in one thread (the session's).

#include "model/Types.h"

#include <QHash>
#include <QString>

namespace gd {

class NameResolver
{
public:
    void setContact(const Contact &contact);
    void setContacts(const QVector<Contact> &contacts);
    void setRoom(const Room &room);
    // Replaces what is known about the members of one room.
    void setRoomMembers(const QString &roomId, const QVector<RoomMember> &members);
    void setRoomMember(const RoomMember &member);
    void removeRoomMember(const QString &roomId, const QString &contactId);
    void clear();

    QString resolve(const QString &roomId, const QString &contactId) const;
    QString roomTopic(const QString &roomId) const; // empty if unknown
    bool hasContact(const QString &contactId) const { return m_contacts.contains(contactId); }
    bool hasRoomMember(const QString &roomId, const QString &contactId) const;
    // The member as last known (names only), or just the ids if never seen:
    // what to keep when a fresh payload for a listed member cannot be fetched.
    RoomMember knownRoomMember(const QString &roomId, const QString &contactId) const;
    int contactCount() const { return int(m_contacts.size()); }

private:
    struct MemberNames
    {
        QString roomAlias;
        QString name;
    };
    struct ContactNames
    {
        QString alias;
        QString name;
    };

    QHash<QString, ContactNames> m_contacts;
    QHash<QString, QHash<QString, MemberNames>> m_members; // roomId -> contactId -> names
    QHash<QString, QString> m_roomTopics;
};

} // namespace gd
