#pragma once
// The SQL of the message aggregate: storing a batch of messages (each once
// per account and id, its text in the search index, the conversation
// summaries, the journal rows removed), the history pages of a conversation,
// what one person wrote, counts, and the search, with one row mapper for
// every read. Writes run in the writer's batch (Store submits them and emits
// messagesStored); reads take any connection of the calling thread.
// Stateless. What is SQLite's own is asked of SqlDialect and SearchIndex.

#include "model/Types.h"
#include "store/SearchTypes.h"
#include "store/StoreWriter.h"
#include "store/TalkerMessage.h"

#include <QVector>

class QSqlDatabase;
class QSqlQuery;

namespace gd {

class MessageRepository
{
public:
    // --- writes ---
    // Stores `messages` in the batch's transaction. `stored` gets the rows
    // that are new and not repeats (with their row ids), for the feed. A
    // message id seen before only links its outbox row. false only when the
    // storage failed (a row's own error is reported and the others stored).
    static bool insert(StoreWriter::Batch &b, const QVector<Message> &messages,
                       QVector<Message> *stored);

    // --- reads (repeats marked as duplicates are left out of every page) ---
    // Up to `limit` messages strictly older than `before` (null: from the
    // newest), oldest first; keyset pagination on (time, row id).
    static QVector<Message> before(const QSqlDatabase &db, const QString &accountId,
                                   const QString &conversationId, FeedCursor before, int limit);
    // Strictly newer than `after`, oldest first.
    static QVector<Message> after(const QSqlDatabase &db, const QString &accountId,
                                  const QString &conversationId, FeedCursor after, int limit);
    static Message byRowId(const QSqlDatabase &db, qint64 rowId); // rowId 0: none
    // An account's messages after row `afterRowId` in [fromMs, toMs] (toMs 0: open), by row id.
    static QVector<Message> afterRow(const QSqlDatabase &db, const QString &accountId,
                                     qint64 afterRowId, qint64 fromMs, qint64 toMs, int limit);
    // What `talkerId` wrote lately, newest first, with the room's topic.
    static QVector<TalkerMessage> ofTalker(const QSqlDatabase &db, const QString &accountId,
                                           const QString &talkerId, int limit);
    static qint64 count(const QSqlDatabase &db, const QString &accountId, bool incomingOnly);
    static qint64 countInRange(const QSqlDatabase &db, const QString &accountId,
                               const QString &conversationId, qint64 fromMs, qint64 toMs);
    static bool conversationSizeAtMost(const QSqlDatabase &db, const QString &accountId,
                                       const QString &conversationId, int limit);
    // See StoreReader::awaitingReplySince.
    static qint64 awaitingReplySince(const QSqlDatabase &db, const QString &accountId,
                                     const QString &conversationId, int scanLimit);
    // See StoreReader::search.
    static QVector<SearchHit> search(const QSqlDatabase &db, const SearchQuery &query);

    // --- the row mapper: columns (table alias m) in fromRow's order; a query
    // adds its own columns after them, from index columnCount() ---
    static QString columns();
    static int columnCount();
    static Message fromRow(const QSqlQuery &q);
};

} // namespace gd
