#include "store/DirectoryRepository.h"

#include "store/SqlQueries.h"

#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

// Null QStrings bind as SQL NULL; the schema wants ''.
constexpr auto str = &SqlQueries::text;

} // namespace

QString DirectoryRepository::roomColumns(const QString &alias)
{
    const QString p = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return QStringLiteral("%1account_id, %1id, %1topic, %1owner_id, %1avatar, %1admin_ids,"
                          " %1member_ids")
        .arg(p);
}

Room DirectoryRepository::roomFromRow(const QSqlQuery &q)
{
    Room r;
    r.accountId = q.value(0).toString();
    r.id = q.value(1).toString();
    r.topic = q.value(2).toString();
    r.ownerId = q.value(3).toString();
    r.avatar = q.value(4).toString();
    r.adminIds = q.value(5).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    r.memberIds = q.value(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return r;
}

QString DirectoryRepository::contactColumns()
{
    return QStringLiteral("account_id, id, name, alias, avatar, gender, type, is_friend, weixin");
}

Contact DirectoryRepository::contactFromRow(const QSqlQuery &q)
{
    Contact c;
    c.accountId = q.value(0).toString();
    c.id = q.value(1).toString();
    c.name = q.value(2).toString();
    c.alias = q.value(3).toString();
    c.avatar = q.value(4).toString();
    c.gender = q.value(5).toInt();
    c.type = q.value(6).toInt();
    c.isFriend = q.value(7).toInt() != 0;
    c.weixin = q.value(8).toString();
    return c;
}

RoomMember DirectoryRepository::memberFromRow(const QSqlQuery &q)
{
    RoomMember m;
    m.accountId = q.value(0).toString();
    m.roomId = q.value(1).toString();
    m.contactId = q.value(2).toString();
    m.roomAlias = q.value(3).toString();
    m.name = q.value(4).toString();
    m.inviterId = q.value(5).toString();
    m.avatar = q.value(6).toString();
    m.joinedMs = q.value(7).toLongLong();
    m.leftMs = q.value(8).toLongLong();
    return m;
}

bool DirectoryRepository::upsertContacts(StoreWriter::Batch &b, const QVector<Contact> &contacts)
{
    static const QString sql
        = QStringLiteral("INSERT INTO contacts (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         " ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name,"
                         " alias = excluded.alias, avatar = excluded.avatar,"
                         " gender = excluded.gender, type = excluded.type,"
                         " is_friend = excluded.is_friend, weixin = excluded.weixin")
              .arg(contactColumns());
    QSqlQuery &q = b.prepared(sql);
    for (const Contact &c : contacts) {
        q.bindValue(0, str(c.accountId));
        q.bindValue(1, str(c.id));
        q.bindValue(2, str(c.name));
        q.bindValue(3, str(c.alias));
        q.bindValue(4, str(c.avatar));
        q.bindValue(5, c.gender);
        q.bindValue(6, c.type);
        q.bindValue(7, int(c.isFriend));
        q.bindValue(8, str(c.weixin));
        if (!q.exec()) {
            b.fail(QStringLiteral("upsert contact"), q);
            if (b.storageFailed())
                return false;
        }
    }
    return true;
}

bool DirectoryRepository::upsertRooms(StoreWriter::Batch &b, const QVector<Room> &rooms)
{
    static const QString sql
        = QStringLiteral("INSERT INTO rooms (%1) VALUES (?, ?, ?, ?, ?, ?, ?)"
                         " ON CONFLICT (account_id, id) DO UPDATE SET topic = excluded.topic,"
                         " owner_id = excluded.owner_id, avatar = excluded.avatar,"
                         " admin_ids = excluded.admin_ids, member_ids = excluded.member_ids")
              .arg(roomColumns({}));
    QSqlQuery &q = b.prepared(sql);
    for (const Room &r : rooms) {
        q.bindValue(0, str(r.accountId));
        q.bindValue(1, str(r.id));
        q.bindValue(2, str(r.topic));
        q.bindValue(3, str(r.ownerId));
        q.bindValue(4, str(r.avatar));
        q.bindValue(5, str(r.adminIds.join(QLatin1Char(' '))));
        q.bindValue(6, str(r.memberIds.join(QLatin1Char(' '))));
        if (!q.exec()) {
            b.fail(QStringLiteral("upsert room"), q);
            if (b.storageFailed())
                return false;
        }
    }
    return true;
}

QVector<Room> DirectoryRepository::rooms(const QSqlDatabase &db, const QString &accountId)
{
    QVector<Room> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlQueries::run(q,
                         QStringLiteral("SELECT %1 FROM rooms WHERE account_id = ?"
                                        " ORDER BY topic, id")
                             .arg(roomColumns({})),
                         {accountId}))
        return out;
    while (q.next())
        out.append(roomFromRow(q));
    return out;
}

QVector<Contact> DirectoryRepository::contacts(const QSqlDatabase &db, const QString &accountId)
{
    QVector<Contact> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlQueries::run(q,
                         QStringLiteral("SELECT %1 FROM contacts WHERE account_id = ?"
                                        " ORDER BY COALESCE(NULLIF(alias, ''), NULLIF(name, ''),"
                                        " id)")
                             .arg(contactColumns()),
                         {accountId}))
        return out;
    while (q.next())
        out.append(contactFromRow(q));
    return out;
}

QVector<RoomMember> DirectoryRepository::members(const QSqlDatabase &db, const QString &accountId,
                                                 const QString &roomId, bool former)
{
    QVector<RoomMember> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // A member's nickname falls back to what the contact list knows.
    if (!SqlQueries::run(
            q,
            QStringLiteral(
                "SELECT rm.account_id, rm.room_id, rm.contact_id, rm.room_alias,"
                " COALESCE(NULLIF(rm.name, ''), ct.name, ''), rm.inviter_id,"
                " COALESCE(NULLIF(rm.avatar, ''), ct.avatar, ''), rm.joined_ms, rm.left_ms"
                " FROM room_members rm LEFT JOIN contacts ct"
                "  ON ct.account_id = rm.account_id AND ct.id = rm.contact_id"
                " WHERE rm.account_id = ? AND rm.room_id = ?%1"
                " ORDER BY rm.left_ms > 0, rm.left_ms DESC,"
                " COALESCE(NULLIF(rm.room_alias, ''), NULLIF(rm.name, ''), rm.contact_id)")
                .arg(former ? QString() : QStringLiteral(" AND rm.left_ms = 0")),
            {accountId, roomId}))
        return out;
    while (q.next())
        out.append(memberFromRow(q));
    return out;
}

QVector<Room> DirectoryRepository::roomsOfContact(const QSqlDatabase &db, const QString &accountId,
                                                  const QString &contactId)
{
    QVector<Room> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlQueries::run(
            q,
            QStringLiteral("SELECT %1 FROM room_members rm JOIN rooms r"
                           "  ON r.account_id = rm.account_id AND r.id = rm.room_id"
                           " WHERE rm.account_id = ? AND rm.contact_id = ? AND rm.left_ms = 0"
                           " ORDER BY r.topic, r.id")
                .arg(roomColumns(QStringLiteral("r"))),
            {accountId, contactId}))
        return out;
    while (q.next())
        out.append(roomFromRow(q));
    return out;
}

} // namespace gd
