#include "store/Store.h"

#include "stats/StatsCounters.h"
#include "store/AccountRepository.h"
#include "store/BatchStatement.h"
#include "store/ChangeListener.h"
#include "store/LiveUpdates.h"
#include "store/DatabaseAddress.h"
#include "store/DirectoryRepository.h"
#include "store/MessageRepository.h"
#include "store/SqlQueries.h"
#include "store/SqlWorker.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/TagRepository.h"
#include "util/FileCheck.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <atomic>
#include <mutex>

namespace gd {
namespace {

std::atomic<int> g_readerCounter{0};

// Null QStrings bind as SQL NULL; the schema wants ''.
constexpr auto str = &SqlQueries::text;

void registerMetaTypes()
{
    static std::once_flag once;
    std::call_once(once, [] {
        qRegisterMetaType<gd::AccountInfo>();
        qRegisterMetaType<gd::Contact>();
        qRegisterMetaType<gd::Room>();
        qRegisterMetaType<gd::RoomMember>();
        qRegisterMetaType<gd::Message>();
        qRegisterMetaType<gd::OutboxEntry>();
        qRegisterMetaType<gd::RoomSummary>();
        qRegisterMetaType<QVector<gd::Message>>();
        qRegisterMetaType<QVector<gd::OutboxEntry>>();
        qRegisterMetaType<QVector<gd::RoomSummary>>();
        qRegisterMetaType<gd::StoreWriteState>();
    });
}

// The thread behind Store::read(): one connection, jobs in order.
class ReadThread
{
public:
    ReadThread(const QString &path, const QString &connectionName)
    {
        m_worker.start([this, path, connectionName] {
            StoreReader reader(path, connectionName);
            while (true) {
                std::function<void(StoreReader &)> job;
                {
                    auto lock = m_worker.lock();
                    if (!m_worker.waitForWork(lock))
                        break;
                    job = m_worker.takeOne(lock);
                }
                reader.keepConnected(); // a server that restarted
                job(reader);
            }
        });
    }
    ~ReadThread() { m_worker.stopAndJoin(); } // runs what was posted first
    void post(std::function<void(StoreReader &)> job) { m_worker.post(std::move(job)); }

private:
    SqlWorker<std::function<void(StoreReader &)>> m_worker;
};

} // namespace

struct Store::Private
{
    QString path;
    std::unique_ptr<StoreWriter> writer;
    std::unique_ptr<ReadThread> reader;
    qint64 congestionLimit = 20000;
    // An SQLite file has one writer: what it committed to stats_waits can be
    // remembered across batches (null on a server, where engines share it).
    std::shared_ptr<StatsCounters::WaitMemory> waits;
    // A server archive: other programs' changes (ChangeListener, own thread).
    std::unique_ptr<QThread> listenerThread;
    ChangeListener *listener = nullptr;

    void stopListener()
    {
        if (!listener)
            return;
        QMetaObject::invokeMethod(
            listener, [l = listener] { l->shutDown(); }, Qt::BlockingQueuedConnection);
        listenerThread->quit();
        listenerThread->wait();
        delete listener; // its thread has ended
        listener = nullptr;
        listenerThread.reset();
    }
};

Store::Store(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    registerMetaTypes();
}

Store::~Store()
{
    close();
}

bool Store::open(const QString &path, QString *error)
{
    close();
    auto writer = std::make_unique<StoreWriter>(this);
    writer->setCongestionLimit(d->congestionLimit);
    QString why;
    if (!writer->start(path, &why)) {
        qCWarning(lcStore) << "cannot open database:" << why;
        if (error)
            *error = why;
        return false;
    }
    d->path = path;
    d->waits = DatabaseAddress::parse(path).isServer()
        ? nullptr
        : std::make_shared<StatsCounters::WaitMemory>();
    d->writer = std::move(writer);
    d->reader = std::make_unique<ReadThread>(
        path, QStringLiteral("gd-store-reader-%1").arg(++g_readerCounter));
    if (DatabaseAddress::parse(path).isServer())
        startListening();
    qCInfo(lcStore) << "opened" << path;
    return true;
}

void Store::startListening()
{
    d->listenerThread = std::make_unique<QThread>();
    d->listenerThread->setObjectName(QStringLiteral("gd-store-listener"));
    d->listener
        = new ChangeListener(d->path, DatabaseAddress::changeOrigin(d->writer->connectionName()));
    d->listener->moveToThread(d->listenerThread.get());
    connect(d->listener, &ChangeListener::connectedChanged, this, &Store::liveUpdatesChanged,
            Qt::DirectConnection);
    d->listenerThread->start();

    // New messages other programs stored, as messagesStored (duplicates
    // are not announced, like the writer's); not in a headless engine
    // (LiveUpdates), which shows none.
    ChangeSource messages;
    messages.kind = QStringLiteral("messages");
    messages.table = QStringLiteral("messages m");
    messages.number = QStringLiteral("m.id");
    messages.origin = QStringLiteral("m.change_origin");
    messages.columns = MessageRepository::columns();
    messages.columnCount = MessageRepository::columnCount();
    messages.filter = QStringLiteral("m.duplicate_of = ''");
    auto taken = std::make_shared<QVector<Message>>();
    messages.take
        = [taken](const QSqlQuery &row) { taken->append(MessageRepository::fromRow(row)); };
    messages.deliver = [this, taken] { emit messagesStored(std::exchange(*taken, {})); };
    ChangeListener *listener = d->listener;
    const bool followMessages = LiveUpdates::followsOtherProgramsMessages();
    QMetaObject::invokeMethod(
        listener,
        [listener, messages, followMessages] {
            listener->start();
            if (followMessages)
                listener->addSource(messages);
        },
        Qt::BlockingQueuedConnection);
}

void Store::watchChanges(const ChangeSource &source)
{
    if (!d->listener)
        return;
    ChangeListener *listener = d->listener;
    QMetaObject::invokeMethod(
        listener, [listener, source] { listener->addSource(source); },
        Qt::BlockingQueuedConnection);
}

bool Store::isShared() const
{
    return d->listener != nullptr;
}

void Store::close()
{
    if (!d->writer)
        return;
    d->stopListener();
    d->reader.reset(); // runs what was posted, then stops
    d->writer->stop(); // commits what was submitted
    d->writer.reset();
    d->path.clear();
}

bool Store::moveAside(const QString &path, QString *movedTo, QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.damaged-%2-%3").arg(path, stamp).arg(n);
    // The -wal file holds committed pages: it moves with its database, and
    // must never stay behind for a new database at the same path.
    QStringList moved;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        QFile file(path + suffix);
        if (!file.rename(target + suffix)) {
            if (error)
                *error = QCoreApplication::translate("Store", "Cannot rename %1 to %2: %3")
                             .arg(QDir::toNativeSeparators(path + suffix),
                                  QDir::toNativeSeparators(target + suffix), file.errorString());
            for (const QString &done : std::as_const(moved))
                QFile::rename(target + done, path + done); // put back what moved
            return false;
        }
        moved << suffix;
    }
    qCWarning(lcStore) << "moved" << path << "aside to" << target;
    if (movedTo)
        *movedTo = target;
    return true;
}

bool Store::isOpen() const
{
    return d->writer != nullptr;
}

QString Store::path() const
{
    return d->path;
}

void Store::flush()
{
    if (d->writer)
        d->writer->flush();
}

StoreWriteState Store::writeState() const
{
    return d->writer ? d->writer->state() : StoreWriteState{};
}

bool Store::isCongested() const
{
    return d->writer && d->writer->congested();
}

void Store::setCongestionLimit(qint64 rows)
{
    d->congestionLimit = rows;
    if (d->writer)
        d->writer->setCongestionLimit(rows);
}

void Store::setPageLimit(qint64 pages)
{
    if (d->writer)
        d->writer->setPageLimit(pages);
}

std::unique_ptr<StoreReader> Store::createReader() const
{
    return std::make_unique<StoreReader>(d->path,
                                         QStringLiteral("gd-reader-%1").arg(++g_readerCounter));
}

bool Store::submitWrite(StoreWriter::Job job, int weight, StoreWriter::Commit commit)
{
    if (!d->writer) {
        qCWarning(lcStore) << "write on a closed store dropped";
        return false;
    }
    d->writer->submit(std::move(job), weight, 0, commit);
    return true;
}

void Store::postRead(std::function<void(StoreReader &)> job)
{
    if (!d->reader) {
        qCWarning(lcStore) << "read on a closed store dropped";
        return;
    }
    d->reader->post(std::move(job));
}

// --- writes ---

void Store::upsertAccount(const AccountInfo &a)
{
    if (!d->writer)
        return;
    d->writer->submit([this, a](StoreWriter::Batch &b) {
        if (AccountRepository::upsert(b, a))
            b.afterCommit([this] { emit accountsChanged(); });
    });
}

void Store::removeAccount(const QString &accountId)
{
    if (!d->writer)
        return;
    d->writer->submit([this, accountId](StoreWriter::Batch &b) {
        // The archive stays (see AccountRepository::remove).
        if (AccountRepository::remove(b, accountId))
            b.afterCommit([this] { emit accountsChanged(); });
    });
}

void Store::upsertContacts(const QVector<Contact> &contacts)
{
    if (!d->writer || contacts.isEmpty())
        return;
    d->writer->submit(
        [this, contacts](StoreWriter::Batch &b) {
            if (!DirectoryRepository::upsertContacts(b, contacts))
                return;
            QSet<QString> accounts;
            for (const Contact &c : contacts)
                accounts.insert(c.accountId);
            b.afterCommit([this, accounts] {
                for (const QString &a : accounts)
                    emit contactsChanged(a);
            });
        },
        int(contacts.size()));
}

void Store::upsertRooms(const QVector<Room> &rooms)
{
    if (!d->writer || rooms.isEmpty())
        return;
    d->writer->submit(
        [this, rooms](StoreWriter::Batch &b) {
            if (!DirectoryRepository::upsertRooms(b, rooms))
                return;
            QSet<QString> accounts;
            for (const Room &r : rooms)
                accounts.insert(r.accountId);
            b.afterCommit([this, accounts] {
                for (const QString &a : accounts)
                    emit roomsChanged(a);
            });
        },
        int(rooms.size()));
}

void Store::replaceRoomMembers(const QString &accountId, const QString &roomId,
                               const QVector<RoomMember> &members)
{
    if (!d->writer)
        return;
    d->writer->submit(
        [this, accountId, roomId, members](StoreWriter::Batch &b) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QSqlQuery &known
                = b.prepared(QStringLiteral("SELECT contact_id, left_ms FROM room_members WHERE "
                                            "account_id = ? AND room_id = ?"));
            known.bindValue(0, accountId);
            known.bindValue(1, roomId);
            if (!known.exec()) {
                b.fail(QStringLiteral("replace room members"), known);
                return;
            }
            bool firstSync = true;
            QSet<QString> current;
            while (known.next()) {
                firstSync = false;
                if (known.value(1).toLongLong() == 0)
                    current.insert(known.value(0).toString());
            }
            known.finish();
            int joins = 0; // for the statistics
            // Present: names refreshed; back from having left: joined again now.
            QSqlQuery &q = b.prepared(QStringLiteral(
                "INSERT INTO room_members (account_id, room_id, contact_id, room_alias, name,"
                " inviter_id, avatar, joined_ms, left_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"
                " ON CONFLICT (account_id, room_id, contact_id) DO UPDATE SET"
                " room_alias = excluded.room_alias, name = excluded.name,"
                " inviter_id = excluded.inviter_id, avatar = excluded.avatar,"
                " joined_ms = CASE WHEN room_members.left_ms > 0 THEN excluded.joined_ms"
                "  ELSE room_members.joined_ms END, left_ms = 0"));
            for (const RoomMember &m : members) {
                if (!current.remove(m.contactId) && !firstSync)
                    ++joins;
                q.bindValue(0, str(accountId));
                q.bindValue(1, str(roomId));
                q.bindValue(2, str(m.contactId));
                q.bindValue(3, str(m.roomAlias));
                q.bindValue(4, str(m.name));
                q.bindValue(5, str(m.inviterId));
                q.bindValue(6, str(m.avatar));
                q.bindValue(7, firstSync ? 0 : now);
                if (!q.exec()) {
                    b.fail(QStringLiteral("insert room member"), q);
                    if (b.storageFailed())
                        return;
                }
            }
            // Gone since the last sync: kept, marked left.
            QSqlQuery &left
                = b.prepared(QStringLiteral("UPDATE room_members SET left_ms = ? WHERE account_id "
                                            "= ? AND room_id = ? AND contact_id = ?"
                                            " AND left_ms = 0"));
            for (const QString &contactId : std::as_const(current)) {
                left.bindValue(0, now);
                left.bindValue(1, accountId);
                left.bindValue(2, roomId);
                left.bindValue(3, contactId);
                if (!left.exec()) {
                    b.fail(QStringLiteral("mark room member left"), left);
                    if (b.storageFailed())
                        return;
                }
            }
            if (QSqlQuery *bad = StatsCounters::addMembership(
                    [&b](const QString &sql) -> QSqlQuery & { return b.prepared(sql); }, accountId,
                    roomId, now, joins, int(current.size()))) {
                b.fail(QStringLiteral("count joins and leaves"), *bad);
                if (b.storageFailed())
                    return;
            }
            b.afterCommit(
                [this, accountId, roomId] { emit roomMembersChanged(accountId, roomId); });
        },
        int(members.size()) + 1);
}

namespace {
// One write for a burst of joins or leaves of one room: the day's counts and
// the members' rows.
void submitMembership(StoreWriter *writer, Store *store, const QString &accountId,
                      const QString &roomId, const QStringList &contactIds, qint64 atMs,
                      bool joined)
{
    if (!writer || contactIds.isEmpty())
        return;
    const qint64 at = atMs > 0 ? atMs : QDateTime::currentMSecsSinceEpoch();
    // A join or leave older than what the row knows changes nothing. Names
    // follow with the room's next sync.
    static const QString joinSql = QStringLiteral(
        "INSERT INTO room_members (account_id, room_id, contact_id, joined_ms, left_ms)"
        " VALUES (?, ?, ?, ?, 0)"
        " ON CONFLICT (account_id, room_id, contact_id) DO UPDATE SET"
        " joined_ms = excluded.joined_ms, left_ms = 0"
        " WHERE room_members.left_ms <= excluded.joined_ms");
    static const QString leaveSql = QStringLiteral(
        "INSERT INTO room_members (account_id, room_id, contact_id, joined_ms, left_ms)"
        " VALUES (?, ?, ?, 0, ?)"
        " ON CONFLICT (account_id, room_id, contact_id) DO UPDATE SET left_ms = excluded.left_ms"
        " WHERE room_members.left_ms = 0 AND room_members.joined_ms <= excluded.left_ms");
    writer->submit(
        [store, accountId, roomId, contactIds, at, joined](StoreWriter::Batch &b) {
            if (QSqlQuery *bad = StatsCounters::recordMembership(
                    [&b](const QString &sql) -> QSqlQuery & { return b.prepared(sql); }, accountId,
                    roomId, contactIds, at, joined)) {
                b.fail(joined ? QStringLiteral("count joins") : QStringLiteral("count leaves"),
                       *bad);
                if (b.storageFailed())
                    return;
            }
            QSqlQuery &q = b.prepared(joined ? joinSql : leaveSql);
            for (const QString &id : contactIds) {
                q.bindValue(0, str(accountId));
                q.bindValue(1, str(roomId));
                q.bindValue(2, str(id));
                q.bindValue(3, at);
                if (!q.exec()) {
                    b.fail(joined ? QStringLiteral("record member joined")
                                  : QStringLiteral("record member left"),
                           q);
                    if (b.storageFailed())
                        return;
                }
            }
            b.afterCommit(
                [store, accountId, roomId] { emit store->roomMembersChanged(accountId, roomId); });
        },
        int(contactIds.size()));
}
} // namespace

void Store::recordMembersJoined(const QString &accountId, const QString &roomId,
                                const QStringList &contactIds, qint64 atMs)
{
    submitMembership(d->writer.get(), this, accountId, roomId, contactIds, atMs, true);
}

void Store::recordMembersLeft(const QString &accountId, const QString &roomId,
                              const QStringList &contactIds, qint64 atMs)
{
    submitMembership(d->writer.get(), this, accountId, roomId, contactIds, atMs, false);
}

void Store::insertMessages(const QVector<Message> &messages)
{
    if (!d->writer || messages.isEmpty())
        return;
    d->writer->submit(
        [this, messages, waits = d->waits](StoreWriter::Batch &b) {
            QVector<Message> stored;
            if (!MessageRepository::insert(b, messages, &stored))
                return; // the storage failed: the batch is rolled back and run again
            // The statistics counters, in the same transaction: waits and
            // replies now, the counts summed over the writer's batch and
            // written once before its commit (a burst across many groups
            // made them several upserts per message).
            const StatsCounters::Prepare prepare
                = [&b](const QString &sql) -> QSqlQuery & { return b.prepared(sql); };
            StatsCounters::Tally &tally = b.perBatch<StatsCounters::Tally>(
                [waits](StoreWriter::Batch &batch, StatsCounters::Tally &counts) {
                    if (QSqlQuery *bad = StatsCounters::writeTally(
                            [&batch](const QString &sql) -> QSqlQuery & {
                                return batch.prepared(sql);
                            },
                            counts))
                        batch.fail(QStringLiteral("update statistics"), *bad);
                    if (waits)
                        batch.afterCommit(
                            [waits, change = StatsCounters::WaitMemory::changeOf(counts)] {
                                waits->learn(*change);
                            });
                });
            if (QSqlQuery *bad
                = StatsCounters::recordMessages(prepare, stored, tally, waits.get())) {
                b.fail(QStringLiteral("update statistics"), *bad);
                if (b.storageFailed())
                    return;
            }
            if (!stored.isEmpty())
                b.afterCommit([this, stored] {
                    emit messagesStored(stored);
                    emit messagesStoredHere(stored);
                });
        },
        int(messages.size()), int(messages.size()));
}

void Store::journalMessageIds(const QString &accountId, const QStringList &ids, QObject *context,
                              std::function<void()> committed)
{
    if (!d->writer || ids.isEmpty())
        return;
    QPointer<QObject> guard(context);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    d->writer->submit(
        [accountId, ids, now, guard, committed](StoreWriter::Batch &b) {
            BatchStatement q(
                b,
                QStringLiteral(
                    "INSERT INTO message_journal (account_id, msg_id, seen_ms)"
                    " VALUES (:p0, :p1, :p2) ON CONFLICT (account_id, msg_id) DO NOTHING"));
            for (const QString &id : ids) {
                q.bind(0, accountId);
                q.bind(1, id);
                q.bind(2, now);
                if (!q.exec(QStringLiteral("journal message id")) && b.storageFailed())
                    return;
            }
            b.afterCommit([guard, committed] {
                if (guard)
                    QMetaObject::invokeMethod(
                        guard.data(),
                        [guard, committed] {
                            if (guard)
                                committed();
                        },
                        Qt::QueuedConnection);
            });
        },
        int(ids.size()), int(ids.size())); // waiting messages too, as ids
}

void Store::giveUpMessage(const QString &accountId, const QString &messageId, const QString &reason)
{
    if (!d->writer)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    d->writer->submit([accountId, messageId, reason, now](StoreWriter::Batch &b) {
        QSqlQuery &q = b.prepared(QStringLiteral(
            "INSERT INTO message_journal (account_id, msg_id, seen_ms, given_up_ms, last_error)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, msg_id) DO UPDATE SET"
            " given_up_ms = excluded.given_up_ms, last_error = excluded.last_error"));
        q.bindValue(0, str(accountId));
        q.bindValue(1, str(messageId));
        q.bindValue(2, now);
        q.bindValue(3, now);
        q.bindValue(4, str(reason));
        if (!q.exec())
            b.fail(QStringLiteral("give up message"), q);
    });
}

void Store::markConversationRead(const QString &accountId, const QString &conversationId)
{
    if (!d->writer)
        return;
    d->writer->submit([this, accountId, conversationId](StoreWriter::Batch &b) {
        QSqlQuery &q = b.prepared(
            QStringLiteral("UPDATE conversations SET unread = 0, last_read_rowid = last_rowid"
                           " WHERE account_id = ? AND conversation_id = ?"));
        q.bindValue(0, accountId);
        q.bindValue(1, conversationId);
        if (!q.exec()) {
            b.fail(QStringLiteral("mark conversation read"), q);
            return;
        }
        b.afterCommit([this, accountId, conversationId] {
            emit conversationRead(accountId, conversationId);
        });
    });
}

// --- tags ---

void Store::addTag(TagTarget target, const QString &accountId, const QString &targetId,
                   const QString &name)
{
    const QString tag = name.trimmed();
    if (!d->writer || tag.isEmpty() || targetId.isEmpty())
        return;
    d->writer->submit([this, target, accountId, targetId, tag](StoreWriter::Batch &b) {
        if (TagRepository::add(b, target, accountId, targetId, tag))
            b.afterCommit([this] { emit tagsChanged(); });
    });
}

void Store::removeTag(TagTarget target, const QString &accountId, const QString &targetId,
                      const QString &name)
{
    const QString tag = name.trimmed();
    if (!d->writer || tag.isEmpty())
        return;
    d->writer->submit([this, target, accountId, targetId, tag](StoreWriter::Batch &b) {
        if (TagRepository::remove(b, target, accountId, targetId, tag))
            b.afterCommit([this] { emit tagsChanged(); });
    });
}

void Store::deleteTag(const QString &name)
{
    const QString tag = name.trimmed();
    if (!d->writer || tag.isEmpty())
        return;
    d->writer->submit([this, tag](StoreWriter::Batch &b) {
        if (TagRepository::erase(b, tag))
            b.afterCommit([this] { emit tagsChanged(); });
    });
}

} // namespace gd
