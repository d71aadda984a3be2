#pragma once
// The simulator's scripted world: the bot itself, its contacts (customers,
// dealers, staff) and the customer-service groups with their members.
// Generated deterministically from a seed; changed only by room events
// (joins, leaves, topic changes) so every list and payload stays consistent.
// Not thread-safe: its owner (SimGateway) guards it with its own mutex.

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <random>

namespace gd::sim {

struct SimContact
{
    QString id;
    QString name;
    QString alias; // the bot's remark for this contact; empty if none
    int gender = 0; // 0 unknown, 1 male, 2 female (Wechaty numbering)
    QString province;
    QString city;
    QString signature;
    bool staff = false; // answers customers instead of asking
};

struct SimRoomMember
{
    QString contactId;
    QString roomAlias; // the member's nickname in this group; empty if none
    QString inviterId;
};

struct SimRoom
{
    QString id;
    QString topic;
    QString ownerId;
    QStringList adminIds;
    QVector<SimRoomMember> members;
};

class SimWorld
{
public:
    // rooms/membersPerRoom 0: the default world (10 groups of 8-25 members).
    static SimWorld generate(quint32 seed, int rooms = 0, int membersPerRoom = 0);

    const SimContact &self() const { return m_contacts.first(); }
    const QVector<SimContact> &contacts() const { return m_contacts; } // self first
    const QVector<SimRoom> &rooms() const { return m_rooms; }

    const SimContact *contact(const QString &id) const;
    const SimRoom *room(const QString &id) const;
    int roomIndex(const QString &id) const;
    const SimRoomMember *member(const SimRoom &room, const QString &contactId) const;

    // Mutations made by room events. They keep owner, admins and members consistent.
    bool addMember(int roomIndex, const QString &contactId, const QString &inviterId);
    bool removeMember(int roomIndex, const QString &contactId);
    void setTopic(int roomIndex, const QString &topic);
    // The bot left the group: it is no longer in the bot's world (lists,
    // payloads, traffic). false if there is no such group.
    bool removeRoom(const QString &roomId);

private:
    QVector<SimContact> m_contacts;
    QHash<QString, int> m_contactIndex; // id -> index: traffic looks contacts up per message
    QVector<SimRoom> m_rooms;
    QHash<QString, int> m_roomIndex; // id -> index: big worlds have a thousand groups
};

} // namespace gd::sim
