#include "store/StoreReader.h"

#include "store/AccountRepository.h"
#include "store/DirectoryRepository.h"
#include "store/SearchIndex.h"
#include "store/SearchTokenizer.h"
#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/TagRepository.h"
#include "util/Log.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace gd {
namespace {

const QString kMessageColumns = QStringLiteral(
    "m.id, m.account_id, m.msg_id, m.room_id, m.talker_id, m.talker_name, m.listener_id,"
    " m.kind, m.text, m.filename, m.ts_ms, m.from_self, m.mention_ids, m.outbox_id,"
    " m.system_event");
// Columns a query adds after kMessageColumns start at this index.
constexpr int kMessageColumnCount = 15;

Message messageFromQuery(const QSqlQuery &q)
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

bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    return SqlQueries::run(q, sql, binds);
}

// A term SQLite's ASCII-only lower() folds the same way Qt does.
bool foldsLikeSqlite(const QString &term)
{
    for (QChar c : term) {
        if (c.unicode() >= 0x80 && (c.toLower() != c || c.toUpper() != c))
            return false;
    }
    return true;
}

} // namespace

StoreReader::StoreReader(const QString &path, const QString &connectionName)
    : m_connectionName(connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(SqlDialect::driver(), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(SqlDialect::connectOptions());
    if (!db.open()) {
        qCWarning(lcStore) << "reader cannot open" << path << db.lastError().text();
        return;
    }
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::readerSetup())
        q.exec(statement);
    m_open = true;
}

StoreReader::~StoreReader()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool StoreReader::isOpen() const
{
    return m_open;
}

QSqlDatabase StoreReader::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int StoreReader::schemaVersion()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(SqlDialect::schemaVersionQuery()) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QVector<QPair<QString, qint64>> StoreReader::journaledMessageIds(const QString &accountId)
{
    QVector<QPair<QString, qint64>> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!run(q,
             QStringLiteral("SELECT msg_id, seen_ms FROM message_journal"
                            " WHERE account_id = ? AND given_up_ms = 0 ORDER BY seen_ms"),
             {accountId}))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong()});
    return out;
}

qint64 StoreReader::givenUpMessageCount(const QString &accountId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!run(q,
             QStringLiteral("SELECT count(*) FROM message_journal"
                            " WHERE account_id = ? AND given_up_ms > 0"),
             {accountId})
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

QVector<AccountInfo> StoreReader::accounts()
{
    return AccountRepository::all(QSqlDatabase::database(m_connectionName, false));
}

QStringList StoreReader::removedAccountIds()
{
    return AccountRepository::removedIds(QSqlDatabase::database(m_connectionName, false));
}

QVector<RoomSummary> StoreReader::roomSummaries(const QString &accountId)
{
    QVector<RoomSummary> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    // Rooms (with or without messages), then one-to-one conversations that
    // have messages. Everything comes from the summary table: no message scan.
    const QString sql = QStringLiteral(
        "SELECT r.id, r.topic, COALESCE(c.last_ms, 0) AS last_ms, COALESCE(c.last_sender, ''),"
        " COALESCE(c.last_preview, ''), COALESCE(c.last_kind, 0), COALESCE(c.unread, 0),"
        " (SELECT COUNT(*) FROM room_members rm WHERE rm.account_id = r.account_id AND rm.room_id "
        "= r.id"
        "  AND rm.left_ms = 0),"
        " r.member_ids, 1 AS is_room"
        " FROM rooms r LEFT JOIN conversations c"
        "  ON c.account_id = r.account_id AND c.conversation_id = r.id"
        " WHERE r.account_id = ?"
        " UNION ALL"
        " SELECT c.conversation_id, COALESCE(NULLIF(ct.alias, ''), NULLIF(ct.name, ''), ''),"
        " c.last_ms, c.last_sender, c.last_preview, c.last_kind, c.unread, 0, '', 0"
        " FROM conversations c LEFT JOIN contacts ct"
        "  ON ct.account_id = c.account_id AND ct.id = c.conversation_id"
        " WHERE c.account_id = ? AND NOT EXISTS (SELECT 1 FROM rooms r2"
        "  WHERE r2.account_id = c.account_id AND r2.id = c.conversation_id)"
        " ORDER BY 3 DESC, 2");
    if (!run(q, sql, {accountId, accountId}))
        return out;
    QVector<int> untitled;
    while (q.next()) {
        RoomSummary s;
        s.accountId = accountId;
        s.roomId = q.value(0).toString();
        s.topic = q.value(1).toString();
        s.lastMessageMs = q.value(2).toLongLong();
        s.lastSender = q.value(3).toString();
        s.lastText = q.value(4).toString();
        s.lastKind = MessageKind(q.value(5).toInt());
        s.unread = q.value(6).toInt();
        s.memberCount = q.value(7).toInt();
        if (s.memberCount == 0 && q.value(9).toInt() == 1)
            s.memberCount
                = int(q.value(8).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
        if (s.topic.isEmpty())
            untitled.append(int(out.size()));
        out.append(s);
    }
    q.finish();
    // A group without a topic is called after its first members, as WeChat does.
    for (int i : std::as_const(untitled)) {
        RoomSummary &s = out[i];
        QStringList names;
        if (run(q,
                QStringLiteral(
                    "SELECT COALESCE(NULLIF(rm.room_alias, ''), NULLIF(ct.alias, ''),"
                    " NULLIF(rm.name, ''), NULLIF(ct.name, ''), rm.contact_id)"
                    " FROM room_members rm LEFT JOIN contacts ct"
                    "  ON ct.account_id = rm.account_id AND ct.id = rm.contact_id"
                    " WHERE rm.account_id = ? AND rm.room_id = ? AND rm.left_ms = 0 LIMIT 3"),
                {accountId, s.roomId})) {
            while (q.next())
                names.append(q.value(0).toString());
        }
        s.topic = names.isEmpty() ? s.roomId : names.join(QStringLiteral("、"));
    }
    return out;
}

QVector<Room> StoreReader::rooms(const QString &accountId)
{
    return DirectoryRepository::rooms(QSqlDatabase::database(m_connectionName, false), accountId);
}

QVector<Contact> StoreReader::contacts(const QString &accountId)
{
    return DirectoryRepository::contacts(QSqlDatabase::database(m_connectionName, false),
                                         accountId);
}

QVector<RoomMember> StoreReader::roomMembers(const QString &accountId, const QString &roomId)
{
    return DirectoryRepository::members(QSqlDatabase::database(m_connectionName, false), accountId,
                                        roomId, false);
}

QVector<RoomMember> StoreReader::memberHistory(const QString &accountId, const QString &roomId)
{
    return DirectoryRepository::members(QSqlDatabase::database(m_connectionName, false), accountId,
                                        roomId, true);
}

QVector<Room> StoreReader::roomsOfContact(const QString &accountId, const QString &contactId)
{
    return DirectoryRepository::roomsOfContact(QSqlDatabase::database(m_connectionName, false),
                                               accountId, contactId);
}

QVector<TalkerMessage> StoreReader::recentMessagesOfTalker(const QString &accountId,
                                                           const QString &talkerId, int limit)
{
    QVector<TalkerMessage> out;
    if (limit <= 0 || talkerId.isEmpty())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    // messages_by_talker gives the newest rows of one sender without a sort.
    if (!run(q,
             QStringLiteral("SELECT %1, COALESCE(r.topic, '') FROM messages m"
                            " LEFT JOIN rooms r ON r.account_id = m.account_id AND r.id = m.room_id"
                            " WHERE m.account_id = ? AND m.talker_id = ? AND m.duplicate_of = ''"
                            " ORDER BY m.ts_ms DESC, m.id DESC LIMIT ?")
                 .arg(kMessageColumns),
             {accountId, talkerId, limit}))
        return out;
    while (q.next()) {
        TalkerMessage t;
        t.message = messageFromQuery(q);
        t.roomTopic = q.value(kMessageColumnCount).toString();
        out.append(t);
    }
    return out;
}

QVector<Message> StoreReader::selectMessages(const QString &sql, const QVariantList &binds)
{
    QVector<Message> out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!run(q, sql, binds))
        return out;
    while (q.next())
        out.append(messageFromQuery(q));
    return out;
}

QVector<Message> StoreReader::messagesBefore(const QString &accountId,
                                             const QString &conversationId, FeedCursor before,
                                             int limit)
{
    if (limit <= 0)
        return {};
    QVector<Message> out;
    if (before.isNull()) {
        out = selectMessages(QStringLiteral("SELECT %1 FROM messages m"
                                            " WHERE m.account_id = ? AND m.conversation_id = ?"
                                            " AND m.duplicate_of = ''"
                                            " ORDER BY m.ts_ms DESC, m.id DESC LIMIT ?")
                                 .arg(kMessageColumns),
                             {accountId, conversationId, limit});
    } else {
        out = selectMessages(QStringLiteral("SELECT %1 FROM messages m"
                                            " WHERE m.account_id = ? AND m.conversation_id = ?"
                                            " AND (m.ts_ms, m.id) < (?, ?) AND m.duplicate_of = ''"
                                            " ORDER BY m.ts_ms DESC, m.id DESC LIMIT ?")
                                 .arg(kMessageColumns),
                             {accountId, conversationId, before.timestampMs, before.rowId, limit});
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QVector<Message> StoreReader::messagesAfter(const QString &accountId, const QString &conversationId,
                                            FeedCursor after, int limit)
{
    if (limit <= 0)
        return {};
    return selectMessages(QStringLiteral("SELECT %1 FROM messages m"
                                         " WHERE m.account_id = ? AND m.conversation_id = ?"
                                         " AND (m.ts_ms, m.id) > (?, ?) AND m.duplicate_of = ''"
                                         " ORDER BY m.ts_ms, m.id LIMIT ?")
                              .arg(kMessageColumns),
                          {accountId, conversationId, after.timestampMs, after.rowId, limit});
}

Message StoreReader::messageByRowId(qint64 rowId)
{
    const QVector<Message> found = selectMessages(
        QStringLiteral("SELECT %1 FROM messages m WHERE m.id = ?").arg(kMessageColumns), {rowId});
    return found.isEmpty() ? Message() : found.first();
}

QVector<Message> StoreReader::messagesAround(const QString &accountId,
                                             const QString &conversationId, qint64 rowId,
                                             int before, int after)
{
    const Message center = messageByRowId(rowId);
    if (center.rowId == 0 || center.accountId != accountId
        || center.conversationId() != conversationId)
        return {};
    const FeedCursor at{center.timestampMs, center.rowId};
    QVector<Message> out = messagesBefore(accountId, conversationId, at, before);
    out.append(center);
    out.append(messagesAfter(accountId, conversationId, at, after));
    return out;
}

qint64 StoreReader::messageCount(const QString &accountId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    const bool ok = accountId.isEmpty()
        ? run(q, QStringLiteral("SELECT COUNT(*) FROM messages"), {})
        : run(q, QStringLiteral("SELECT COUNT(*) FROM messages WHERE account_id = ?"), {accountId});
    return ok && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 StoreReader::incomingMessageCount(const QString &accountId)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    const bool ok = accountId.isEmpty()
        ? run(q, QStringLiteral("SELECT COUNT(*) FROM messages WHERE from_self = 0"), {})
        : run(q,
              QStringLiteral("SELECT COUNT(*) FROM messages"
                             " WHERE account_id = ? AND from_self = 0"),
              {accountId});
    return ok && q.next() ? q.value(0).toLongLong() : 0;
}

QVector<Message> StoreReader::messagesAfterRow(const QString &accountId, qint64 afterRowId,
                                               qint64 fromMs, qint64 toMs, int limit)
{
    if (limit <= 0)
        return {};
    return selectMessages(
        QStringLiteral("SELECT %1 FROM messages m WHERE m.id > ? AND m.account_id = ?"
                       " AND m.ts_ms >= ? AND m.ts_ms <= ? AND m.duplicate_of = ''"
                       " ORDER BY m.id LIMIT ?")
            .arg(kMessageColumns),
        {afterRowId, accountId, fromMs, toMs > 0 ? toMs : std::numeric_limits<qint64>::max(),
         limit});
}

qint64 StoreReader::countInRange(const QString &accountId, const QString &conversationId,
                                 qint64 fromMs, qint64 toMs)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    const qint64 to = toMs > 0 ? toMs : std::numeric_limits<qint64>::max();
    const bool ok = conversationId.isEmpty()
        ? run(q,
              QStringLiteral("SELECT COUNT(*) FROM messages"
                             " WHERE account_id = ? AND ts_ms >= ? AND ts_ms <= ?"),
              {accountId, fromMs, to})
        : run(q,
              QStringLiteral(
                  "SELECT COUNT(*) FROM messages"
                  " WHERE account_id = ? AND conversation_id = ? AND ts_ms >= ? AND ts_ms <= ?"),
              {accountId, conversationId, fromMs, to});
    return ok && q.next() ? q.value(0).toLongLong() : 0;
}

bool StoreReader::conversationSizeAtMost(const QString &accountId, const QString &conversationId,
                                         int limit)
{
    if (limit <= 0)
        return false;
    // Counting stops at limit + 1 rows, so a huge room costs no more than a small one.
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!run(q,
             QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM messages"
                            " WHERE account_id = ? AND conversation_id = ? LIMIT ?)"),
             {accountId, conversationId, limit + 1})
        || !q.next())
        return false;
    return q.value(0).toLongLong() <= limit;
}

bool StoreReader::searchUsesIndex(const QString &text)
{
    return SearchIndex::standard().answers(text);
}

QVector<SearchHit> StoreReader::search(const SearchQuery &query)
{
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

    // Case-insensitive substring tests SQLite can run itself; terms its
    // ASCII-only lower() cannot fold are verified on the candidates below.
    QString terms;
    QVariantList termBinds;
    for (const QString &t : plan.terms) {
        if (foldsLikeSqlite(t)) {
            terms += QStringLiteral(" AND instr(lower(m.text), lower(?)) > 0");
            termBinds << t;
        }
    }

    QString sql;
    QVariantList binds;
    const bool oneConversation = !query.accountId.isEmpty() && !query.conversationId.isEmpty();
    const bool indexed = SearchIndex::standard().answers(query.text);
    if (talkerOnly) {
        // One person's messages, through their own index.
        sql = QStringLiteral(
                  "SELECT %1 FROM messages m%2 WHERE m.id < ?%3 ORDER BY m.id DESC LIMIT ?")
                  .arg(kMessageColumns, SqlDialect::indexHint(QStringLiteral("messages_by_talker")),
                       filters);
    } else if (indexed && oneConversation
               && conversationSizeAtMost(query.accountId, query.conversationId,
                                         query.roomScanThreshold)) {
        // A small conversation: scan its rows through its own index. Its hits
        // sort by row id (the order of every other path) after the filter.
        sql = QStringLiteral("SELECT %1 FROM messages m%2 WHERE m.id < ?%3%4"
                             " ORDER BY m.id DESC LIMIT ?")
                  .arg(kMessageColumns,
                       SqlDialect::indexHint(QStringLiteral("messages_by_conversation")), filters,
                       terms);
        filterBinds += termBinds;
    } else if (indexed) {
        // From the index, newest row first.
        sql = SearchIndex::standard().candidatesQuery(kMessageColumns, filters);
        binds << SearchIndex::standard().matchArgument(query.text);
    } else if (!query.conversationId.isEmpty()) {
        // Bounded scan of the conversation's newest messages.
        sql = QStringLiteral("SELECT %1 FROM (SELECT * FROM messages w"
                             "  WHERE w.account_id = ? AND w.conversation_id = ?"
                             "  ORDER BY w.ts_ms DESC, w.id DESC LIMIT %2) m"
                             " WHERE m.id < ?%3%4 ORDER BY m.id DESC LIMIT ?")
                  .arg(kMessageColumns)
                  .arg(qMax(0, query.scanWindow))
                  .arg(filters, terms);
        binds << query.accountId << query.conversationId;
        filterBinds = termBinds.isEmpty() ? filterBinds : filterBinds + termBinds;
    } else {
        // Bounded scan of the newest messages overall.
        sql = QStringLiteral("SELECT %1 FROM messages m"
                             " WHERE m.id > (SELECT COALESCE(MAX(id), 0) FROM messages) - %2"
                             " AND m.id < ?%3%4 ORDER BY m.id DESC LIMIT ?")
                  .arg(kMessageColumns)
                  .arg(qMax(0, query.scanWindow))
                  .arg(filters, terms);
        filterBinds += termBinds;
    }

    // Candidates come in chunks; each is verified against the real text
    // (the index may over-approximate: punctuation, latin word prefixes).
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
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
            Message m = messageFromQuery(q);
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

QStringList StoreReader::allTags()
{
    return TagRepository::all(QSqlDatabase::database(m_connectionName, false));
}

QStringList StoreReader::tagsOf(TagTarget target, const QString &accountId, const QString &targetId)
{
    return TagRepository::of(QSqlDatabase::database(m_connectionName, false), target, accountId,
                             targetId);
}

QStringList StoreReader::roomsWithTag(const QString &accountId, const QString &tag)
{
    return TagRepository::carriers(QSqlDatabase::database(m_connectionName, false), TagTarget::Room,
                                   accountId, tag);
}

QStringList StoreReader::contactsWithTag(const QString &accountId, const QString &tag)
{
    return TagRepository::carriers(QSqlDatabase::database(m_connectionName, false),
                                   TagTarget::Contact, accountId, tag);
}

qint64 StoreReader::awaitingReplySince(const QString &accountId, const QString &conversationId,
                                       int scanLimit)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
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

} // namespace gd
