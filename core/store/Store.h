#pragma once
// The database: one SQLite file (WAL) with a versioned schema. Writes go to a
// single writer thread that batches them into transactions; reads run on a
// reader thread with its own connection and answer to the caller's thread.
// Every public method is safe to call from any thread and never blocks on disk
// (except open(), close() and flush(), which are meant for start-up, shutdown
// and tests).

#include "model/Types.h"
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
    // 5: member history; 6: file sends in the outbox; 7: alert rules and alerts.
    static constexpr int kSchemaVersion = 7;

    explicit Store(QObject *parent = nullptr);
    ~Store() override; // commits pending writes, stops the threads

    // Creates or migrates the database at `path`. A database from a newer
    // schema version is refused (returns false, *error says why) and left
    // untouched. Outbox rows left in Sending by a crash become Unknown.
    bool open(const QString &path, QString *error);
    void close(); // commits pending writes, stops the threads
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
    // Unread count to 0; emits conversationRead after commit.
    void markConversationRead(const QString &accountId, const QString &conversationId);

    // --- outbox ---
    // Persists a send as Queued; emits outboxChanged after commit. Returns the
    // entry's id at once (ids are handed out here, not by the database).
    qint64 enqueueText(const QString &accountId, const QString &conversationId,
                       const QString &text);
    // Persists a file send as Queued. The file is first copied (on the
    // writer thread) to <database dir>/outbox-files/<id>-<name>, so a crash or
    // the user deleting the original loses nothing; if the copy fails the
    // entry is stored Failed with the reason. The MIME type and image kind
    // come from the copy's content (FileCheck), never from the name.
    // fileName empty: the source's own name.
    qint64 enqueueFile(const QString &accountId, const QString &conversationId,
                       const QString &sourcePath, const QString &fileName = {});
    void updateOutbox(qint64 outboxId, OutboxState state, const QString &error = {},
                      const QString &messageId = {});
    // Failed or Unknown -> Queued (the user asked for it).
    void retryOutbox(qint64 outboxId);

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
    // closed.
    bool submitWrite(StoreWriter::Job job, int weight = 1);

    // Blocks until everything submitted before this call is committed.
    void flush();

    // --- reads ---
    // Runs `query` on the reader thread, then `done` in `context`'s thread
    // (dropped if context is gone).
    template<typename R>
    void read(QObject *context, std::function<R(StoreReader &)> query, std::function<void(R)> done);

    // A new reader connection for the calling thread (tests, benchmarks,
    // worker threads that read a lot). The caller owns it.
    std::unique_ptr<StoreReader> createReader() const;

signals:
    void messagesStored(const QVector<gd::Message> &messages);
    void outboxChanged(const gd::OutboxEntry &entry);
    void accountsChanged();
    void contactsChanged(const QString &accountId);
    void roomsChanged(const QString &accountId);
    void roomMembersChanged(const QString &accountId, const QString &roomId);
    void tagsChanged(); // any tag added, removed or deleted
    void conversationRead(const QString &accountId, const QString &conversationId);
    void writeFailed(const QString &error); // technical text, for the log

private:
    void postRead(std::function<void(StoreReader &)> job);

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
