#pragma once
// The SQL of the directory aggregate: contacts, rooms and room members of
// each account, with one row mapper per row type (the same columns for every
// read). Writes run in the writer's batch (Store submits them and emits
// contactsChanged / roomsChanged); reads take any connection of the calling
// thread. Stateless. (The member writes, a sync diff, are still in Store.)

#include "model/Types.h"
#include "store/StoreWriter.h"

#include <QVector>

class QSqlDatabase;
class QSqlQuery;

namespace gd {

class DirectoryRepository
{
public:
    // --- writes: false only when the storage failed (a row's own error is
    // reported and the others are written) ---
    static bool upsertContacts(StoreWriter::Batch &b, const QVector<Contact> &contacts);
    static bool upsertRooms(StoreWriter::Batch &b, const QVector<Room> &rooms);

    // --- reads ---
    static QVector<Room> rooms(const QSqlDatabase &db, const QString &accountId); // by topic
    static QVector<Contact> contacts(const QSqlDatabase &db, const QString &accountId); // by name
    // Current members (former: also those who left, most recent first).
    static QVector<RoomMember> members(const QSqlDatabase &db, const QString &accountId,
                                       const QString &roomId, bool former);
    // The rooms a contact is a current member of, by topic.
    static QVector<Room> roomsOfContact(const QSqlDatabase &db, const QString &accountId,
                                        const QString &contactId);

    // --- row mappers: columns (with a table alias) in fromRow's order ---
    static QString roomColumns(const QString &alias);
    static Room roomFromRow(const QSqlQuery &q);
    static QString contactColumns();
    static Contact contactFromRow(const QSqlQuery &q);
    static RoomMember memberFromRow(const QSqlQuery &q);
};

} // namespace gd
