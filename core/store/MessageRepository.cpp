#include "store/MessageRepository.h"

#include "store/BatchStatement.h"
#include "store/PgBigramIndex.h"
#include "store/SearchIndex.h"
#include "store/SearchTokenizer.h"
#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/SqliteStatement.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <limits>

namespace gd {
namespace {

// Null QStrings bind as SQL NULL; the schema wants ''.
constexpr auto str = &SqlQueries::text;

const QString kColumns = QStringLiteral(
    "m.id, m.account_id, m.msg_id, m.room_id, m.talker_id, m.talker_name, m.listener_id,"
    " m.kind, m.text, m.filename, m.ts_ms, m.from_self, m.mention_ids, m.outbox_id,"
    " m.system_event");
constexpr int kColumnCount = 15;

bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    return SqlQueries::run(q, sql, binds);
}

// The line a conversation's summary shows for its newest message.
QString previewOf(const Message &m)
{
    QString text = m.text.isEmpty() ? m.filename : m.text;
    if (text.size() > 160)
        text.truncate(160);
    return text.simplified();
}

QVector<Message> select(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QVector<Message> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!run(q, sql, binds))
        return out;
    while (q.next())
        out.append(MessageRepository::fromRow(q));
    return out;
}

qint64 countOf(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    return run(q, sql, binds) && q.next() ? q.value(0).toLongLong() : 0;
}

// The columns a new message row is written with, in the order of the
// values each message binds (messageValue).
const QString kInsertColumns = QStringLiteral(
    "account_id, msg_id, conversation_id, room_id, talker_id, talker_name, listener_id, kind,"
    " text, filename, ts_ms, from_self, mention_ids, outbox_id, duplicate_of, system_event");
constexpr int kInsertColumnCount = 16;

QVariant messageValue(const Message &m, const QString &conversationId, int column)
{
    switch (column) {
    case 0:
        return str(m.accountId);
    case 1:
        return str(m.id);
    case 2:
        return str(conversationId);
    case 3:
        return str(m.roomId);
    case 4:
        return str(m.talkerId);
    case 5:
        return str(m.talkerName);
    case 6:
        return str(m.listenerId);
    case 7:
        return int(m.kind);
    case 8:
        return str(m.text);
    case 9:
        return str(m.filename);
    case 10:
        return m.timestampMs;
    case 11:
        return int(m.fromSelf);
    case 12:
        return str(m.mentionIds.join(QLatin1Char(' ')));
    case 13:
        return m.outboxId;
    case 14:
        return str(m.duplicateOf);
    default:
        return str(m.systemEvent);
    }
}

// On a server each statement is a round trip and fires the change trigger
// (one notification per statement): rows go in many at a time. A chunk
// holds a power of two of rows, up to this, so that a handful of prepared
// statements serve every batch; the places past the last message repeat it
// (a repeat conflicts and is skipped, or adds nothing to the index).
constexpr qsizetype kServerChunk = 128;

qsizetype chunkSize(qsizetype rows)
{
    qsizetype n = 1;
    while (n < rows && n < kServerChunk)
        n *= 2;
    return n;
}

// ":r<row>c<column>" names, made once.
const QString &placeholder(qsizetype row, int column)
{
    static const QVector<QString> names = [] {
        QVector<QString> out;
        out.reserve(kServerChunk * kInsertColumnCount);
        for (qsizetype r = 0; r < kServerChunk; ++r) {
            for (int c = 0; c < kInsertColumnCount; ++c)
                out.append(QStringLiteral(":r%1c%2").arg(r).arg(c));
        }
        return out;
    }();
    return names.at(row * kInsertColumnCount + column);
}

// INSERT of `rows` messages at once, answering the new rows' ids with their
// account and message id (a message stored before answers nothing).
QString buildServerInsertSql(qsizetype rows)
{
    QString sql = QStringLiteral("INSERT INTO messages (%1) VALUES ").arg(kInsertColumns);
    for (qsizetype r = 0; r < rows; ++r) {
        sql += r == 0 ? QStringLiteral("(") : QStringLiteral(", (");
        for (int c = 0; c < kInsertColumnCount; ++c) {
            if (c > 0)
                sql += QStringLiteral(", ");
            sql += placeholder(r, c);
        }
        sql += QLatin1Char(')');
    }
    return sql
        + QStringLiteral(" ON CONFLICT (account_id, msg_id) DO NOTHING"
                         " RETURNING id, account_id, msg_id");
}

// The search index's rows for `rows` messages at once (:r<row>c0 the row
// id, :r<row>c1 the indexed text).
QString buildServerIndexSql(qsizetype rows)
{
    QString source = QStringLiteral("(VALUES ");
    for (qsizetype r = 0; r < rows; ++r) {
        source += QStringLiteral("%1(CAST(%2 AS BIGINT), CAST(%3 AS TEXT))")
                      .arg(r == 0 ? QString() : QStringLiteral(", "), placeholder(r, 0),
                           placeholder(r, 1));
    }
    return PgBigramIndex::addFromStatement(source + QStringLiteral(") AS s (id, tokens)"));
}

// A statement for each chunk size (the powers of two up to kServerChunk),
// built once.
QHash<qsizetype, QString> forEachChunkSize(QString (*build)(qsizetype))
{
    QHash<qsizetype, QString> out;
    for (qsizetype n = 1; n <= kServerChunk; n *= 2)
        out.insert(n, build(n));
    return out;
}

const QString &serverInsertSql(qsizetype rows)
{
    static const QHash<qsizetype, QString> built = forEachChunkSize(&buildServerInsertSql);
    return *built.find(rows);
}

const QString &serverIndexSql(qsizetype rows)
{
    static const QHash<qsizetype, QString> built = forEachChunkSize(&buildServerIndexSql);
    return *built.find(rows);
}

// Stores `messages` on a server, kServerChunk rows a statement: (*rowIds)[i]
// is message i's new row id, 0 when it was stored before (or repeats an
// earlier message of the batch). False when a statement failed (reported
// through the batch).
bool insertOnServer(StoreWriter::Batch &b, const QVector<Message> &messages,
                    const QVector<QString> &conversationIds, QVector<qint64> *rowIds)
{
    rowIds->fill(0, messages.size());
    for (qsizetype from = 0; from < messages.size(); from += kServerChunk) {
        const qsizetype count = std::min(kServerChunk, messages.size() - from);
        const qsizetype rows = chunkSize(count);
        QSqlQuery &insert = b.prepared(serverInsertSql(rows));
        for (qsizetype r = 0; r < rows; ++r) {
            const qsizetype i = from + std::min(r, count - 1);
            for (int c = 0; c < kInsertColumnCount; ++c)
                insert.bindValue(placeholder(r, c),
                                 messageValue(messages[i], conversationIds[i], c));
        }
        if (!insert.exec()) {
            b.fail(QStringLiteral("insert messages"), insert);
            return false;
        }
        QHash<QPair<QString, QString>, qint64> added;
        while (insert.next())
            added.insert({insert.value(1).toString(), insert.value(2).toString()},
                         insert.value(0).toLongLong());
        insert.finish();
        for (qsizetype i = from; i < from + count; ++i)
            (*rowIds)[i] = added.take({messages[i].accountId, messages[i].id});
    }
    return true;
}

// Adds index rows (row id, indexed text) on a server, many a statement.
bool indexOnServer(StoreWriter::Batch &b, const QVector<QPair<qint64, QString>> &entries)
{
    for (qsizetype from = 0; from < entries.size(); from += kServerChunk) {
        const qsizetype count = std::min(kServerChunk, entries.size() - from);
        const qsizetype rows = chunkSize(count);
        QSqlQuery &index = b.prepared(serverIndexSql(rows));
        for (qsizetype r = 0; r < rows; ++r) {
            const auto &[rowId, text] = entries[from + std::min(r, count - 1)];
            index.bindValue(placeholder(r, 0), rowId);
            index.bindValue(placeholder(r, 1), str(text));
        }
        if (!index.exec()) {
            b.fail(QStringLiteral("index messages"), index);
            return false;
        }
    }
    return true;
}

} // namespace

QString MessageRepository::columns()
{
    return kColumns;
}

int MessageRepository::columnCount()
{
    return kColumnCount;
}

Message MessageRepository::fromRow(const QSqlQuery &q)
{
    Message m;
    m.rowId = q.value(0).toLongLong();
    m.accountId = q.value(1).toString();
    m.id = q.value(2).toString();
    m.roomId = q.value(3).toString();
    m.talkerId = q.value(4).toString();
    m.talkerName = q.value(5).toString();
    m.listenerId = q.value(6).toString();
    m.kind = MessageKind(q.value(7).toInt());
    m.text = q.value(8).toString();
    m.filename = q.value(9).toString();
    m.timestampMs = q.value(10).toLongLong();
    m.fromSelf = q.value(11).toInt() != 0;
    const QString mentions = q.value(12).toString();
    if (!mentions.isEmpty())
        m.mentionIds = mentions.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m.outboxId = q.value(13).toLongLong();
    m.systemEvent = q.value(14).toString();
    return m;
}

bool MessageRepository::insert(StoreWriter::Batch &b, const QVector<Message> &messages,
                               QVector<Message> *stored)
{
    const SqlDialect &dialect = SqlDialect::of(b.db());
    // SQLite: a prepared statement a row (in process, cheap). A server: many
    // rows a statement (insertOnServer).
    const bool onServer = dialect.isPostgreSql();
    // SQLite: straight on its handle (SqliteStatement), a row a statement.
    SqliteStatement *insert = nullptr;
    SqliteStatement *index = nullptr;
    if (!onServer) {
        insert = &b.native(
            QStringLiteral("INSERT INTO messages (%1)"
                           " VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9, :p10,"
                           " :p11, :p12, :p13, :p14, :p15)"
                           // Only the message id conflict is ignored: any other
                           // constraint failure must be an error, not a silently
                           // dropped message.
                           " ON CONFLICT (account_id, msg_id) DO NOTHING")
                .arg(kInsertColumns));
        index = &b.native(dialect.searchIndex().addStatement());
    }
    QSqlQuery &link
        = b.prepared(QStringLiteral("UPDATE messages SET outbox_id = ? WHERE account_id = "
                                    "? AND msg_id = ? AND outbox_id <> ?"));
    // Stored (or stored before): out of the journal, in this transaction,
    // kUnjournalChunk ids a statement (one per message was a tenth of the
    // writer's work in a burst); unused places repeat the last id.
    constexpr int kUnjournalChunk = 32;
    static const QString unjournalSql = [] {
        QString sql = QStringLiteral(
            "DELETE FROM message_journal WHERE account_id = :p0 AND msg_id IN (:p1");
        for (int i = 2; i <= kUnjournalChunk; ++i)
            sql += QStringLiteral(", :p%1").arg(i);
        return sql + QLatin1Char(')');
    }();
    QHash<QString, QStringList> journaled; // account -> ids stored or seen before

    struct Latest
    {
        const Message *message = nullptr;
        qint64 rowId = 0;
        int unread = 0;
    };
    QHash<QPair<QString, QString>, Latest> latest;
    stored->reserve(stored->size() + messages.size());

    QVector<QString> conversationIds;
    conversationIds.reserve(messages.size());
    for (const Message &m : messages)
        conversationIds.append(m.conversationId());
    QVector<qint64> serverRowIds;
    if (onServer && !insertOnServer(b, messages, conversationIds, &serverRowIds))
        return false;
    QVector<QPair<qint64, QString>> serverIndex; // row id, indexed text

    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Message &m = messages[i];
        const QString &conversationId = conversationIds[i];
        qint64 rowId = 0;
        if (onServer) {
            rowId = serverRowIds[i];
        } else {
            // Held until the statement ran: text is bound without a copy.
            std::array<QVariant, kInsertColumnCount> values;
            for (int c = 0; c < kInsertColumnCount; ++c) {
                values[c] = messageValue(m, conversationId, c);
                insert->bind(c, values[c]);
            }
            if (!insert->exec()) {
                b.fail(QStringLiteral("insert message"), *insert);
                if (b.storageFailed())
                    return false;
                continue;
            }
            // Read before the next statement: both are the connection's.
            if (insert->changes() == 1)
                rowId = insert->lastInsertRowId();
        }
        const bool isNew = rowId != 0;
        journaled[m.accountId].append(m.id);
        if (!isNew) {
            // Seen before. Our own echo may arrive before the send result:
            // remember which outbox entry it came from.
            if (m.outboxId != 0) {
                link.bindValue(0, m.outboxId);
                link.bindValue(1, str(m.accountId));
                link.bindValue(2, str(m.id));
                link.bindValue(3, m.outboxId);
                if (!link.exec()) {
                    b.fail(QStringLiteral("link message to outbox"), link);
                    if (b.storageFailed())
                        return false;
                }
            }
            continue;
        }
        if (!m.duplicateOf.isEmpty())
            continue; // kept, but out of the index, the feed signal and the counts
        if (!m.text.isEmpty()) {
            const QString indexed = dialect.searchIndex().indexedText(m.text);
            if (onServer) {
                serverIndex.append({rowId, indexed});
            } else {
                index->bind(0, rowId);
                index->bind(1, indexed);
                if (!index->exec()) {
                    b.fail(QStringLiteral("index message"), *index);
                    if (b.storageFailed())
                        return false;
                }
            }
        }
        stored->append(m);
        stored->last().rowId = rowId;

        Latest &l = latest[{m.accountId, conversationId}];
        if (!l.message || m.timestampMs >= l.message->timestampMs) {
            l.message = &m;
            l.rowId = rowId;
        }
        if (!m.fromSelf)
            ++l.unread;
    }
    if (onServer && !indexOnServer(b, serverIndex))
        return false;

    BatchStatement unjournal(b, unjournalSql);
    for (auto it = journaled.cbegin(); it != journaled.cend(); ++it) {
        const QStringList &ids = it.value();
        for (qsizetype from = 0; from < ids.size(); from += kUnjournalChunk) {
            unjournal.bind(0, it.key());
            for (int i = 0; i < kUnjournalChunk; ++i)
                unjournal.bind(1 + i, ids.at(std::min(from + i, ids.size() - 1)));
            if (!unjournal.exec(QStringLiteral("remove messages from the journal"))
                && b.storageFailed())
                return false;
        }
    }

    // The stored row's columns are named with their table: PostgreSQL
    // finds a bare name ambiguous next to excluded's.
    BatchStatement summary(
        b,
        QStringLiteral(
            "INSERT INTO conversations (account_id, conversation_id, last_ms, last_rowid,"
            " last_preview, last_sender, last_kind, unread) VALUES (:p0, :p1, :p2, :p3, :p4, "
            ":p5, :p6, :p7)"
            " ON CONFLICT (account_id, conversation_id) DO UPDATE SET"
            " unread = conversations.unread + excluded.unread,"
            " last_preview = CASE WHEN (excluded.last_ms, excluded.last_rowid) > "
            "(conversations.last_ms, "
            "conversations.last_rowid)"
            "   THEN excluded.last_preview ELSE conversations.last_preview END,"
            " last_sender = CASE WHEN (excluded.last_ms, excluded.last_rowid) > "
            "(conversations.last_ms, "
            "conversations.last_rowid)"
            "   THEN excluded.last_sender ELSE conversations.last_sender END,"
            " last_kind = CASE WHEN (excluded.last_ms, excluded.last_rowid) > "
            "(conversations.last_ms, "
            "conversations.last_rowid)"
            "   THEN excluded.last_kind ELSE conversations.last_kind END,"
            " last_rowid = CASE WHEN (excluded.last_ms, excluded.last_rowid) > "
            "(conversations.last_ms, "
            "conversations.last_rowid)"
            "   THEN excluded.last_rowid ELSE conversations.last_rowid END,"
            " last_ms = ")
            + dialect.greatest(QStringLiteral("conversations.last_ms"),
                               QStringLiteral("excluded.last_ms")));
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        const Message &m = *it->message;
        const QString preview = previewOf(m);
        summary.bind(0, it.key().first);
        summary.bind(1, it.key().second);
        summary.bind(2, m.timestampMs);
        summary.bind(3, it->rowId);
        summary.bind(4, preview);
        summary.bind(5, m.talkerName.isEmpty() ? m.talkerId : m.talkerName);
        summary.bind(6, qint64(m.kind));
        summary.bind(7, qint64(it->unread));
        if (!summary.exec(QStringLiteral("update conversation summary")) && b.storageFailed())
            return false;
    }
    return true;
}

QVector<Message> MessageRepository::before(const QSqlDatabase &db, const QString &accountId,
                                           const QString &conversationId, FeedCursor before,
                                           int limit)
{
    if (limit <= 0)
        return {};
    QVector<Message> out;
    if (before.isNull()) {
        out = select(db,
                     QStringLiteral("SELECT %1 FROM messages m"
                                    " WHERE m.account_id = ? AND m.conversation_id = ?"
                                    " AND m.duplicate_of = ''"
                                    " ORDER BY m.ts_ms DESC, m.id DESC LIMIT ?")
                         .arg(kColumns),
                     {accountId, conversationId, limit});
    } else {
        out = select(db,
                     QStringLiteral("SELECT %1 FROM messages m"
                                    " WHERE m.account_id = ? AND m.conversation_id = ?"
                                    " AND (m.ts_ms, m.id) < (?, ?) AND m.duplicate_of = ''"
                                    " ORDER BY m.ts_ms DESC, m.id DESC LIMIT ?")
                         .arg(kColumns),
                     {accountId, conversationId, before.timestampMs, before.rowId, limit});
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QVector<Message> MessageRepository::after(const QSqlDatabase &db, const QString &accountId,
                                          const QString &conversationId, FeedCursor after,
                                          int limit)
{
    if (limit <= 0)
        return {};
    return select(db,
                  QStringLiteral("SELECT %1 FROM messages m"
                                 " WHERE m.account_id = ? AND m.conversation_id = ?"
                                 " AND (m.ts_ms, m.id) > (?, ?) AND m.duplicate_of = ''"
                                 " ORDER BY m.ts_ms, m.id LIMIT ?")
                      .arg(kColumns),
                  {accountId, conversationId, after.timestampMs, after.rowId, limit});
}

Message MessageRepository::byRowId(const QSqlDatabase &db, qint64 rowId)
{
    const QVector<Message> found = select(
        db, QStringLiteral("SELECT %1 FROM messages m WHERE m.id = ?").arg(kColumns), {rowId});
    return found.isEmpty() ? Message() : found.first();
}

QVector<Message> MessageRepository::afterRow(const QSqlDatabase &db, const QString &accountId,
                                             qint64 afterRowId, qint64 fromMs, qint64 toMs,
                                             int limit)
{
    if (limit <= 0)
        return {};
    return select(db,
                  QStringLiteral("SELECT %1 FROM messages m WHERE m.id > ? AND m.account_id = ?"
                                 " AND m.ts_ms >= ? AND m.ts_ms <= ? AND m.duplicate_of = ''"
                                 " ORDER BY m.id LIMIT ?")
                      .arg(kColumns),
                  {afterRowId, accountId, fromMs,
                   toMs > 0 ? toMs : std::numeric_limits<qint64>::max(), limit});
}

QVector<TalkerMessage> MessageRepository::ofTalker(const QSqlDatabase &db, const QString &accountId,
                                                   const QString &talkerId, int limit)
{
    QVector<TalkerMessage> out;
    if (limit <= 0 || talkerId.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // messages_by_talker gives the newest rows of one sender without a sort.
    if (!run(q,
             QStringLiteral("SELECT %1, COALESCE(r.topic, '') FROM messages m"
                            " LEFT JOIN rooms r ON r.account_id = m.account_id AND r.id = m.room_id"
                            " WHERE m.account_id = ? AND m.talker_id = ? AND m.duplicate_of = ''"
                            " ORDER BY m.ts_ms DESC, m.id DESC LIMIT ?")
                 .arg(kColumns),
             {accountId, talkerId, limit}))
        return out;
    while (q.next()) {
        TalkerMessage t;
        t.message = fromRow(q);
        t.roomTopic = q.value(kColumnCount).toString();
        out.append(t);
    }
    return out;
}

qint64 MessageRepository::count(const QSqlDatabase &db, const QString &accountId, bool incomingOnly)
{
    if (accountId.isEmpty())
        return incomingOnly
            ? countOf(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE from_self = 0"), {})
            : countOf(db, QStringLiteral("SELECT COUNT(*) FROM messages"), {});
    return incomingOnly ? countOf(db,
                                  QStringLiteral("SELECT COUNT(*) FROM messages"
                                                 " WHERE account_id = ? AND from_self = 0"),
                                  {accountId})
                        : countOf(db,
                                  QStringLiteral("SELECT COUNT(*) FROM messages"
                                                 " WHERE account_id = ?"),
                                  {accountId});
}

qint64 MessageRepository::countInRange(const QSqlDatabase &db, const QString &accountId,
                                       const QString &conversationId, qint64 fromMs, qint64 toMs)
{
    const qint64 to = toMs > 0 ? toMs : std::numeric_limits<qint64>::max();
    return conversationId.isEmpty()
        ? countOf(db,
                  QStringLiteral("SELECT COUNT(*) FROM messages"
                                 " WHERE account_id = ? AND ts_ms >= ? AND ts_ms <= ?"),
                  {accountId, fromMs, to})
        : countOf(db,
                  QStringLiteral("SELECT COUNT(*) FROM messages WHERE account_id = ?"
                                 " AND conversation_id = ? AND ts_ms >= ? AND ts_ms <= ?"),
                  {accountId, conversationId, fromMs, to});
}

bool MessageRepository::conversationSizeAtMost(const QSqlDatabase &db, const QString &accountId,
                                               const QString &conversationId, int limit)
{
    if (limit <= 0)
        return false;
    // Counting stops at limit + 1 rows, so a huge room costs no more than a small one.
    QSqlQuery q(db);
    if (!run(q,
             QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages"
                            " WHERE account_id = ? AND conversation_id = ? LIMIT ?) c"),
             {accountId, conversationId, limit + 1})
        || !q.next())
        return false;
    return q.value(0).toLongLong() <= limit;
}

qint64 MessageRepository::awaitingReplySince(const QSqlDatabase &db, const QString &accountId,
                                             const QString &conversationId, int scanLimit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Newest first along messages_by_conversation, stopping at the bot's own.
    if (!run(q,
             QStringLiteral("SELECT from_self, kind, ts_ms FROM messages"
                            " WHERE account_id = ? AND conversation_id = ?"
                            " ORDER BY ts_ms DESC, id DESC LIMIT ?"),
             {accountId, conversationId, scanLimit}))
        return 0;
    qint64 since = 0;
    while (q.next()) {
        if (q.value(0).toInt() != 0)
            break;
        if (MessageKind(q.value(1).toInt()) != MessageKind::System)
            since = q.value(2).toLongLong();
    }
    return since;
}

QVector<SearchHit> MessageRepository::search(const QSqlDatabase &db, const SearchQuery &query)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    QVector<SearchHit> hits;
    const SearchTokenizer::Plan plan = SearchTokenizer::plan(query.text);
    // Without text, only "everything this person wrote" is a search.
    const bool talkerOnly = plan.isEmpty() && !query.talkerId.isEmpty()
        && !query.accountId.isEmpty() && query.text.trimmed().isEmpty();
    if ((plan.isEmpty() && !talkerOnly) || query.limit <= 0)
        return hits;

    // Filters shared by both ways of finding candidates. Repeats marked as
    // duplicates are not indexed: the scans leave them out too, so every
    // path finds the same messages.
    QString filters = QStringLiteral(" AND m.duplicate_of = ''");
    QVariantList filterBinds;
    if (!query.accountId.isEmpty()) {
        filters += QStringLiteral(" AND m.account_id = ?");
        filterBinds << query.accountId;
    }
    if (!query.conversationId.isEmpty()) {
        filters += QStringLiteral(" AND m.conversation_id = ?");
        filterBinds << query.conversationId;
    }
    if (!query.talkerId.isEmpty()) {
        filters += QStringLiteral(" AND m.talker_id = ?");
        filterBinds << query.talkerId;
    }
    if (query.fromMs > 0) {
        filters += QStringLiteral(" AND m.ts_ms >= ?");
        filterBinds << query.fromMs;
    }
    if (query.toMs > 0) {
        filters += QStringLiteral(" AND m.ts_ms <= ?");
        filterBinds << query.toMs;
    }
    if (!query.kinds.isEmpty()) {
        QStringList kinds;
        for (MessageKind k : query.kinds)
            kinds.append(QString::number(int(k)));
        filters += QStringLiteral(" AND m.kind IN (%1)").arg(kinds.join(QLatin1Char(',')));
    }

    // Case-insensitive substring tests the database can run itself; terms
    // its lower() cannot fold are verified on the candidates below.
    QString terms;
    QVariantList termBinds;
    for (const QString &t : plan.terms) {
        if (dialect.foldsCase(t)) {
            terms += QStringLiteral(" AND ") + dialect.containsFolded(QStringLiteral("m.text"));
            termBinds << t;
        }
    }

    QString sql;
    QVariantList binds;
    const bool oneConversation = !query.accountId.isEmpty() && !query.conversationId.isEmpty();
    const bool indexed = dialect.searchIndex().answers(query.text);
    if (talkerOnly) {
        // One person's messages, through their own index.
        sql = QStringLiteral(
                  "SELECT %1 FROM messages m%2 WHERE m.id < ?%3 ORDER BY m.id DESC LIMIT ?")
                  .arg(kColumns, dialect.indexHint(QStringLiteral("messages_by_talker")), filters);
    } else if (indexed && oneConversation
               && conversationSizeAtMost(db, query.accountId, query.conversationId,
                                         query.roomScanThreshold)) {
        // A small conversation: scan its rows through its own index. Its hits
        // sort by row id (the order of every other path) after the filter.
        sql = QStringLiteral("SELECT %1 FROM messages m%2 WHERE m.id < ?%3%4"
                             " ORDER BY m.id DESC LIMIT ?")
                  .arg(kColumns, dialect.indexHint(QStringLiteral("messages_by_conversation")),
                       filters, terms);
        filterBinds += termBinds;
    } else if (indexed) {
        // From the index, newest row first.
        const SearchIndex::Candidates candidates
            = dialect.searchIndex().candidates(kColumns, filters, query);
        sql = candidates.sql;
        binds = candidates.binds;
    } else if (!query.conversationId.isEmpty()) {
        // Bounded scan of the conversation's newest messages.
        sql = QStringLiteral("SELECT %1 FROM (SELECT * FROM messages w"
                             "  WHERE w.account_id = ? AND w.conversation_id = ?"
                             "  ORDER BY w.ts_ms DESC, w.id DESC LIMIT %2) m"
                             " WHERE m.id < ?%3%4 ORDER BY m.id DESC LIMIT ?")
                  .arg(kColumns)
                  .arg(qMax(0, query.scanWindow))
                  .arg(filters, terms);
        binds << query.accountId << query.conversationId;
        filterBinds = termBinds.isEmpty() ? filterBinds : filterBinds + termBinds;
    } else {
        // Bounded scan of the newest messages overall.
        sql = QStringLiteral("SELECT %1 FROM messages m"
                             " WHERE m.id > (SELECT COALESCE(MAX(id), 0) FROM messages) - %2"
                             " AND m.id < ?%3%4 ORDER BY m.id DESC LIMIT ?")
                  .arg(kColumns)
                  .arg(qMax(0, query.scanWindow))
                  .arg(filters, terms);
        filterBinds += termBinds;
    }

    // Candidates come in chunks; each is verified against the real text
    // (the index may over-approximate: punctuation, latin word prefixes).
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const int chunk = qBound(64, query.limit * 2, 2000);
    qint64 cursor = query.beforeRowId > 0 ? query.beforeRowId : std::numeric_limits<qint64>::max();
    while (hits.size() < query.limit) {
        QVariantList all = binds;
        all << cursor;
        all += filterBinds;
        all << chunk;
        if (!run(q, sql, all))
            break;
        int rows = 0;
        while (q.next()) {
            ++rows;
            Message m = fromRow(q);
            cursor = m.rowId;
            if (hits.size() >= query.limit || !SearchTokenizer::containsAll(m.text, plan.terms))
                continue;
            SearchHit hit;
            hit.matches = SearchTokenizer::matchOffsets(m.text, plan.terms);
            hit.message = std::move(m);
            hits.append(std::move(hit));
        }
        q.finish();
        if (rows < chunk)
            break;
    }
    // Hits past the limit in the last chunk were skipped; the caller pages on
    // from the last hit returned.
    return hits;
}

} // namespace gd
