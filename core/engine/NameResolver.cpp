#include "engine/NameResolver.h"

namespace gd {

void NameResolver::setContact(const Contact &contact)
{
    if (contact.id.isEmpty())
        return;
    m_contacts.insert(contact.id, ContactNames{contact.alias, contact.name});
}

void NameResolver::setContacts(const QVector<Contact> &contacts)
{
    for (const Contact &c : contacts)
        setContact(c);
}

void NameResolver::setRoom(const Room &room)
{
    if (!room.id.isEmpty())
        m_roomTopics.insert(room.id, room.topic);
}

void NameResolver::setRoomMembers(const QString &roomId, const QVector<RoomMember> &members)
{
    QHash<QString, MemberNames> names;
    names.reserve(members.size());
    for (const RoomMember &m : members)
        names.insert(m.contactId, MemberNames{m.roomAlias, m.name});
    m_members.insert(roomId, names);
}

void NameResolver::setRoomMember(const RoomMember &member)
{
    m_members[member.roomId].insert(member.contactId, MemberNames{member.roomAlias, member.name});
}

void NameResolver::removeRoomMember(const QString &roomId, const QString &contactId)
{
    auto it = m_members.find(roomId);
    if (it != m_members.end())
        it->remove(contactId);
}

void NameResolver::clear()
{
    m_contacts.clear();
    m_members.clear();
    m_roomTopics.clear();
}

bool NameResolver::hasRoomMember(const QString &roomId, const QString &contactId) const
{
    const auto it = m_members.constFind(roomId);
    return it != m_members.constEnd() && it->contains(contactId);
}

RoomMember NameResolver::knownRoomMember(const QString &roomId, const QString &contactId) const
{
    RoomMember member;
    member.roomId = roomId;
    member.contactId = contactId;
    const auto room = m_members.constFind(roomId);
    if (room != m_members.constEnd()) {
        const auto it = room->constFind(contactId);
        if (it != room->constEnd()) {
            member.roomAlias = it->roomAlias;
            member.name = it->name;
        }
    }
    return member;
}

QString NameResolver::resolve(const QString &roomId, const QString &contactId) const
{
    const MemberNames *member = nullptr;
    if (!roomId.isEmpty()) {
        const auto room = m_members.constFind(roomId);
        if (room != m_members.constEnd()) {
            const auto it = room->constFind(contactId);
            if (it != room->constEnd())
                member = &it.value();
        }
    }
    if (member && !member->roomAlias.isEmpty())
        return member->roomAlias;

    const auto contact = m_contacts.constFind(contactId);
    if (contact != m_contacts.constEnd()) {
        if (!contact->alias.isEmpty())
            return contact->alias;
        if (!contact->name.isEmpty())
            return contact->name;
    }
    if (member && !member->name.isEmpty())
        return member->name;
    return contactId;
}

QString NameResolver::roomTopic(const QString &roomId) const
{
    return m_roomTopics.value(roomId);
}

} // namespace gd
