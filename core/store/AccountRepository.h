#pragma once
// The SQL of the accounts aggregate: the accounts table (connection settings
// of each bot account) and what removing an account removes. One row mapper
// (columns, bind, fromRow) serves every read and write. Writes run in the
// writer's batch (Store submits them and emits the signals); reads take any
// connection of the calling thread. Stateless.

#include "model/Types.h"
#include "store/StoreWriter.h"

#include <QStringList>
#include <QVector>

class QSqlDatabase;
class QSqlQuery;

namespace gd {

class AccountRepository
{
public:
    // --- writes (false: failed, already reported through the batch) ---
    static bool upsert(StoreWriter::Batch &b, const AccountInfo &account);
    // Removes the account and what made it live (its unsent outbox rows, its
    // pending payload fetches, its current member lists); its archive stays
    // (messages, search entries, conversations, rooms, contacts, tags).
    static bool remove(StoreWriter::Batch &b, const QString &accountId);

    // --- reads ---
    static QVector<AccountInfo> all(const QSqlDatabase &db); // in the order added
    // Removed accounts whose archive stays (conversations, no account row).
    static QStringList removedIds(const QSqlDatabase &db);

    // --- the row mapper ---
    static QString columns(); // in fromRow's order
    static AccountInfo fromRow(const QSqlQuery &q);
    static void bind(QSqlQuery &q, const AccountInfo &account); // positional, columns()' order
};

} // namespace gd
