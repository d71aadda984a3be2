#pragma once
// Read queries on one connection. Use it from one thread only.

#include "model/Types.h"
#include "store/SearchTypes.h"
#include "store/TalkerMessage.h"
#include "store/TagTarget.h"

#include <QStringList>

#include <QElapsedTimer>
#include <QString>
#include <QVector>

class QSqlDatabase;

namespace gd {

class StoreReader
{
public:
    StoreReader(const QString &path, const QString &connectionName);
    ~StoreReader();
    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    bool isOpen() const;
    // On a server: checks the connection (at most once a second) and opens
    // it again when it broke (the server restarted). Cheap; the read thread
    // calls it before each job. Nothing on SQLite.
    void keepConnected();
    int schemaVersion();
    // This reader's connection, for the queries of modules that keep their
    // own tables (core/outbox, core/monitor). Same thread only.
    QSqlDatabase database() const;

    QVector<AccountInfo> accounts();
    // Accounts that were removed but whose archive stays (they have
    // conversations and no account row), by id.
    QStringList removedAccountIds();
    // The message journal of an account: ids seen in MESSAGE events and not
    // stored yet (given-up ones left out), with when each was first seen,
    // oldest first.
    QVector<QPair<QString, qint64>> journaledMessageIds(const QString &accountId);
    // Journal rows given up after retrying for too long.
    qint64 givenUpMessageCount(const QString &accountId);
    // Most recently active first.
    QVector<RoomSummary> roomSummaries(const QString &accountId);
    QVector<Room> rooms(const QString &accountId);
    QVector<Contact> contacts(const QString &accountId);
    // The current members of a room (not those who left).
    QVector<RoomMember> roomMembers(const QString &accountId, const QString &roomId);
    // Everyone who has been a member since the room was first synced: the
    // current members, then those who left (most recent first).
    QVector<RoomMember> memberHistory(const QString &accountId, const QString &roomId);
    // The rooms `contactId` is a current member of, by topic.
    QVector<Room> roomsOfContact(const QString &accountId, const QString &contactId);
    // What `talkerId` wrote lately in any conversation, newest first.
    QVector<TalkerMessage> recentMessagesOfTalker(const QString &accountId, const QString &talkerId,
                                                  int limit = 50);

    // Up to `limit` messages of a conversation strictly older than `before`
    // (a null cursor means "from the newest"), returned oldest first.
    // Keyset pagination on (timestamp, rowid): never OFFSET.
    QVector<Message> messagesBefore(const QString &accountId, const QString &conversationId,
                                    FeedCursor before, int limit);
    // Strictly newer than `after`, oldest first.
    QVector<Message> messagesAfter(const QString &accountId, const QString &conversationId,
                                   FeedCursor after, int limit);
    qint64 messageCount(const QString &accountId = {});
    qint64 incomingMessageCount(const QString &accountId = {});

    // The message stored in row `rowId`; rowId stays 0 when there is none.
    Message messageByRowId(qint64 rowId);
    // A message with up to `before` older and `after` newer messages of its
    // conversation around it, oldest first (for jumping to a search hit).
    QVector<Message> messagesAround(const QString &accountId, const QString &conversationId,
                                    qint64 rowId, int before, int after);

    // Archive search (see SearchQuery): newest stored first. Never fails on
    // odd input: an empty query or one without any usable character gives
    // an empty result.
    QVector<SearchHit> search(const SearchQuery &query);
    // Whether `text` is answered from the index; if not, search() scans only
    // SearchQuery::scanWindow messages (the UI says so).
    static bool searchUsesIndex(const QString &text);

    // Tags, sorted by name.
    QStringList allTags();
    QStringList tagsOf(TagTarget target, const QString &accountId, const QString &targetId);
    // Ids of the rooms / contacts of an account carrying `tag`.
    QStringList roomsWithTag(const QString &accountId, const QString &tag);
    QStringList contactsWithTag(const QString &accountId, const QString &tag);

    // Export pages: messages of an account (every conversation) stored
    // after row `afterRowId` with fromMs <= time <= toMs (0: open), by row id.
    QVector<Message> messagesAfterRow(const QString &accountId, qint64 afterRowId, qint64 fromMs,
                                      qint64 toMs, int limit);
    // How many messages an export of that range (one conversation when
    // conversationId is set) will write, for its progress bar.
    qint64 countInRange(const QString &accountId, const QString &conversationId, qint64 fromMs,
                        qint64 toMs);

    // Whether a conversation holds at most `limit` messages (cheap for any size).
    bool conversationSizeAtMost(const QString &accountId, const QString &conversationId, int limit);

    // Since when a conversation waits for an answer: the time of the oldest
    // customer message after the bot's last own message (group events do not
    // count); 0 when the newest message is the bot's or there is none. Looks
    // at the newest `scanLimit` messages only (an older wait counts from the
    // oldest of them), so it costs the same for any size.
    qint64 awaitingReplySince(const QString &accountId, const QString &conversationId,
                              int scanLimit = 200);

private:
    QString m_connectionName;
    bool m_open = false;
    bool m_server = false;
    QElapsedTimer m_sinceCheck; // keepConnected()'s last look
};

} // namespace gd
