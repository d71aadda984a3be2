#include "store/StoreReader.h"

#include "store/AccountRepository.h"
#include "store/DatabaseAddress.h"
#include "store/DirectoryRepository.h"
#include "store/MessageRepository.h"
#include "store/SearchIndex.h"
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

bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    return SqlQueries::run(q, sql, binds);
}

} // namespace

StoreReader::StoreReader(const QString &path, const QString &connectionName)
    : m_connectionName(connectionName)
{
    QSqlDatabase db = DatabaseAddress::addConnection(path, connectionName);
    if (!db.open()) {
        qCWarning(lcStore) << "reader cannot open" << path << db.lastError().text();
        return;
    }
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(db).readerSetup())
        q.exec(statement);
    m_open = true;
    m_server = SqlDialect::of(db).isPostgreSql();
    m_sinceCheck.start();
}

void StoreReader::keepConnected()
{
    if (!m_server || m_sinceCheck.elapsed() < 1000)
        return;
    m_sinceCheck.restart();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    {
        QSqlQuery probe(db);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return;
        qCWarning(lcStore) << "reader lost the database server:" << probe.lastError().text();
    }
    db.close();
    if (!db.open()) {
        qCWarning(lcStore) << "reader cannot reconnect yet:" << db.lastError().text();
        return; // looked at again with a later read
    }
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(db).readerSetup())
        q.exec(statement);
    qCWarning(lcStore) << "reader reconnected to the database server";
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
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(SqlDialect::of(db).schemaVersionQuery()) || !q.next())
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
    return MessageRepository::ofTalker(database(), accountId, talkerId, limit);
}

QVector<Message> StoreReader::messagesBefore(const QString &accountId,
                                             const QString &conversationId, FeedCursor before,
                                             int limit)
{
    return MessageRepository::before(database(), accountId, conversationId, before, limit);
}

QVector<Message> StoreReader::messagesAfter(const QString &accountId, const QString &conversationId,
                                            FeedCursor after, int limit)
{
    return MessageRepository::after(database(), accountId, conversationId, after, limit);
}

Message StoreReader::messageByRowId(qint64 rowId)
{
    return MessageRepository::byRowId(database(), rowId);
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
    return MessageRepository::count(database(), accountId, false);
}

qint64 StoreReader::incomingMessageCount(const QString &accountId)
{
    return MessageRepository::count(database(), accountId, true);
}

QVector<Message> StoreReader::messagesAfterRow(const QString &accountId, qint64 afterRowId,
                                               qint64 fromMs, qint64 toMs, int limit)
{
    return MessageRepository::afterRow(database(), accountId, afterRowId, fromMs, toMs, limit);
}

qint64 StoreReader::countInRange(const QString &accountId, const QString &conversationId,
                                 qint64 fromMs, qint64 toMs)
{
    return MessageRepository::countInRange(database(), accountId, conversationId, fromMs, toMs);
}

bool StoreReader::conversationSizeAtMost(const QString &accountId, const QString &conversationId,
                                         int limit)
{
    return MessageRepository::conversationSizeAtMost(database(), accountId, conversationId, limit);
}

bool StoreReader::searchUsesIndex(const QString &text)
{
    // Both databases' indexes answer the same queries (SearchTokenizer's
    // plan; PgBigramIndex only drops tokens of over 1000 bytes).
    return SearchIndex::fts5().answers(text);
}

QVector<SearchHit> StoreReader::search(const SearchQuery &query)
{
    return MessageRepository::search(database(), query);
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
    return MessageRepository::awaitingReplySince(database(), accountId, conversationId, scanLimit);
}

} // namespace gd
