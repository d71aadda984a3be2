#pragma once
// The database: one SQLite file (WAL) with a versioned schema. Writes go to a
// single writer thread that batches them into transactions; reads run on a
// reader thread with its own connection and answer to the caller's thread.
// Every public method is safe to call from any thread and never blocks on disk
// (except open(), close() and flush(), which are meant for start-up, shutdown
// and tests).

#include "model/Types.h"
#include "store/ChangeSource.h"
#include "store/StoreWriteState.h"
#include "store/StoreWriter.h"
#include "store/TagTarget.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace gd {

class StoreReader;
class StoreWriter;

class Store : public QObject
{
    Q_OBJECT
public:
    // 1: vertical slice; 2: full-text search index; 3: tags; 4: duplicate marks;
    // 5: member history; 6: file sends in the outbox; 7: alert rules and alerts;
    // 8: the message journal; 9: mention ids of queued texts; 10: product pushes;
    // 11: the HTTP API's apps, sends and webhook queue; 12: outbox due times,
    // campaigns, origins and idempotency keys; system events as data;
    // 13: statistics counters; 14: API nonces; 15: rollups of the statistics
    // counters and indexes by conversation; 16: account leases (team mode);
    // 18: change numbers and origins for live updates, presence; 19: the
    // search index on PostgreSQL as posting lists (none on SQLite); 20: the
    // per-conversation statistics counters keyed by conversation.
    static constexpr int kSchemaVersion = 20;

    explicit Store(QObject *parent = nullptr);
    ~Store() override; // commits pending writes, stops the threads

    // Creates or migrates the database at `path`. A database from a newer
    // schema version is refused (returns false, *error says why) and left
    // untouched. Outbox rows left in Sending by a crash become Unknown.
    bool open(const QString &path, QString *error);
    void close(); // commits pending writes, stops the threads
    // Renames a database that cannot be used (and its -wal/-shm files) to
    // "<name>.damaged-<yyyyMMdd-HHmmss>" in the same folder, so a new archive
    // can start in its place. The file is kept, never deleted.
    static bool moveAside(const QString &path, QString *movedTo, QString *error);
    bool isOpen() const;
    QString path() const;

    // --- writes (asynchronous, batched) ---
    void upsertAccount(const AccountInfo &account);
    void removeAccount(const QString &accountId);
    void upsertContacts(const QVector<Contact> &contacts);
    void upsertRooms(const QVector<Room> &rooms);
    // The current member list of one room (a fresh sync). Members not in it
    // any more are marked left (their rows stay, for the history); new ones
    // are marked joined now, except on the room's first sync (joined unknown).
    void replaceRoomMembers(const QString &accountId, const QString &roomId,
                            const QVector<RoomMember> &members);
    // ROOM_JOIN / ROOM_LEAVE: records when (atMs 0: now). A leave older than
    // the recorded join (a replayed event) changes nothing, and vice versa.
    void recordMembersJoined(const QString &accountId, const QString &roomId,
                             const QStringList &contactIds, qint64 atMs);
    void recordMembersLeft(const QString &accountId, const QString &roomId,
                           const QStringList &contactIds, qint64 atMs);
    // Stores each message once per (accountId, id); repeats are ignored, except
    // that a repeat carrying an outboxId links the stored row to that entry.
    // Emits messagesStored with the rows that were new, after commit.
    void insertMessages(const QVector<Message> &messages);
    // The message journal: ids of MESSAGE events, written before their
    // payloads are fetched; insertMessages removes a stored message's id in
    // the same transaction. `committed` runs in `context`'s thread once the
    // ids are durable (dropped if context is gone).
    void journalMessageIds(const QString &accountId, const QStringList &ids, QObject *context,
                           std::function<void()> committed);
    // A message whose payload could not be fetched for too long: its journal
    // row stays, marked given up with the reason (a visible record).
    void giveUpMessage(const QString &accountId, const QString &messageId, const QString &reason);
    // Unread count to 0; emits conversationRead after commit.
    void markConversationRead(const QString &accountId, const QString &conversationId);

    // --- tags ---
    // Attaches tag `name` (created on first use) to a room or contact.
    void addTag(TagTarget target, const QString &accountId, const QString &targetId,
                const QString &name);
    void removeTag(TagTarget target, const QString &accountId, const QString &targetId,
                   const QString &name);
    // Removes a tag from everything it is attached to.
    void deleteTag(const QString &name);

    // A write job of a module that keeps its own tables (monitor: alerts):
    // runs on the writer thread inside its next batch, so the database keeps
    // one writing connection. Work that must wait for the commit goes to
    // Batch::afterCommit. Returns false (and drops the job) when the store is
    // closed. Like every job it may run again: a batch that hits a storage
    // fault is rolled back and retried (stop at Batch::storageFailed()).
    bool submitWrite(StoreWriter::Job job, int weight = 1,
                     StoreWriter::Commit commit = StoreWriter::Commit::Batched);

    // Blocks until everything submitted before this call is committed (while
    // the storage fails: until it works again).
    void flush();

    // --- write health ---
    // Whether commits succeed, and what waits in memory if not (any thread).
    StoreWriteState writeState() const;
    // Too many rows wait for the writer (a failing or slow disk): sessions
    // stop fetching payloads and keep only message ids until this clears
    // (writeStateChanged says when). Any thread.
    bool isCongested() const;
    void setCongestionLimit(qint64 rows); // default 20000 rows
    // Caps the file at this many pages (0: no cap), like a disk that fills
    // up: writes past it fail with SQLITE_FULL. For fault tests and as a guard.
    void setPageLimit(qint64 pages);

    // --- live updates (a shared server archive) ---
    // Follows the rows of `source` that other programs change from now on
    // (ChangeListener); its rows are delivered on the listener's thread.
    // Nothing happens on an SQLite file (this program is its only writer).
    // Waits for the listener to note where the rows stand: call it at
    // start-up, like open().
    void watchChanges(const ChangeSource &source);
    // Whether changes by other programs are followed (a server archive).
    bool isShared() const;

    // --- reads ---
    // Runs `query` on the reader thread, then `done` in `context`'s thread
    // (dropped if context is gone).
    template<typename R>
    void read(QObject *context, std::function<R(StoreReader &)> query, std::function<void(R)> done);

    // A new reader connection for the calling thread (tests, benchmarks,
    // worker threads that read a lot). The caller owns it.
    std::unique_ptr<StoreReader> createReader() const;

    // Every signal below except writeStateChanged is emitted on the writer's
    // thread right after the commit that made it true (StoreWriter's
    // afterCommit): receivers in other threads get it queued (Qt's default
    // AutoConnection does that), and may read the change at once. On a
    // shared server archive, messagesStored and outboxChanged also come from
    // the listener's thread with what other programs committed.
signals:
    // New messages: this program's and, on a shared archive, other
    // programs' (what the views show).
    void messagesStored(const QVector<gd::Message> &messages);
    // Only the messages this program stored (its engines'): what acts on a
    // message once per team (alert rules, auto-replies, webhooks) takes
    // these, or every program on a shared archive would act on each.
    void messagesStoredHere(const QVector<gd::Message> &messages);
    // An outbox row was queued or changed (emitted by core/outbox's
    // OutboxRepository after the commit, on the writer thread).
    void outboxChanged(const gd::OutboxEntry &entry);
    void accountsChanged();
    void contactsChanged(const QString &accountId);
    void roomsChanged(const QString &accountId);
    void roomMembersChanged(const QString &accountId, const QString &roomId);
    void tagsChanged(); // any tag added, removed or deleted
    void conversationRead(const QString &accountId, const QString &conversationId);
    void writeFailed(const QString &error); // technical text, for the log
    // Commits began failing (kept and retried), the waiting count changed,
    // congestion began or ended, or commits succeed again. Emitted on the
    // writer's thread (or a submitting one): connect queued.
    void writeStateChanged(const gd::StoreWriteState &state);
    // The live updates' connection to the server is up or down (a shared
    // archive only; from the listener's thread).
    void liveUpdatesChanged(bool connected);

private:
    void postRead(std::function<void(StoreReader &)> job);
    void startListening();

    struct Private;
    std::unique_ptr<Private> d;
};

template<typename R>
void Store::read(QObject *context, std::function<R(StoreReader &)> query,
                 std::function<void(R)> done)
{
    QPointer<QObject> guard(context);
    postRead([guard, query = std::move(query), done = std::move(done)](StoreReader &reader) {
        R result = query(reader);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, result = std::move(result)]() {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace gd
