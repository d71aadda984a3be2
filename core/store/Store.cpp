#include "store/Store.h"

#include "stats/StatsCounters.h"
#include "store/AccountRepository.h"
#include "store/DirectoryRepository.h"
#include "store/SearchIndex.h"
#include "store/SqlDialect.h"
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
#include <QVariant>

#include <atomic>
#include <mutex>

namespace gd {
namespace {

std::atomic<int> g_readerCounter{0};

// Null QStrings bind as SQL NULL; the schema wants ''.
QVariant str(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QString previewOf(const Message &m)
{
    QString text = m.text.isEmpty() ? m.filename : m.text;
    if (text.size() > 160)
        text.truncate(160);
    return text.simplified();
}

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
    d->writer = std::move(writer);
    d->reader = std::make_unique<ReadThread>(
        path, QStringLiteral("gd-store-reader-%1").arg(++g_readerCounter));
    qCInfo(lcStore) << "opened" << path;
    return true;
}

void Store::close()
{
    if (!d->writer)
        return;
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

bool Store::submitWrite(StoreWriter::Job job, int weight)
{
    if (!d->writer) {
        qCWarning(lcStore) << "write on a closed store dropped";
        return false;
    }
    d->writer->submit(std::move(job), weight);
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

void Store::recordMembersJoined(const QString &accountId, const QString &roomId,
                                const QStringList &contactIds, qint64 atMs)
{
    if (!d->writer || contactIds.isEmpty())
        return;
    const qint64 at = atMs > 0 ? atMs : QDateTime::currentMSecsSinceEpoch();
    d->writer->submit(
        [this, accountId, roomId, contactIds, at](StoreWriter::Batch &b) {
            if (QSqlQuery *bad = StatsCounters::recordMembership(
                    [&b](const QString &sql) -> QSqlQuery & { return b.prepared(sql); }, accountId,
                    roomId, contactIds, at, true)) {
                b.fail(QStringLiteral("count joins"), *bad);
                if (b.storageFailed())
                    return;
            }
            // Names follow with the room's next sync.
            QSqlQuery &q = b.prepared(QStringLiteral(
                "INSERT INTO room_members (account_id, room_id, contact_id, joined_ms, left_ms)"
                " VALUES (?, ?, ?, ?, 0)"
                " ON CONFLICT (account_id, room_id, contact_id) DO UPDATE SET"
                " joined_ms = excluded.joined_ms, left_ms = 0"
                " WHERE room_members.left_ms <= excluded.joined_ms"));
            for (const QString &id : contactIds) {
                q.bindValue(0, str(accountId));
                q.bindValue(1, str(roomId));
                q.bindValue(2, str(id));
                q.bindValue(3, at);
                if (!q.exec()) {
                    b.fail(QStringLiteral("record member joined"), q);
                    if (b.storageFailed())
                        return;
                }
            }
            b.afterCommit(
                [this, accountId, roomId] { emit roomMembersChanged(accountId, roomId); });
        },
        int(contactIds.size()));
}

void Store::recordMembersLeft(const QString &accountId, const QString &roomId,
                              const QStringList &contactIds, qint64 atMs)
{
    if (!d->writer || contactIds.isEmpty())
        return;
    const qint64 at = atMs > 0 ? atMs : QDateTime::currentMSecsSinceEpoch();
    d->writer->submit(
        [this, accountId, roomId, contactIds, at](StoreWriter::Batch &b) {
            if (QSqlQuery *bad = StatsCounters::recordMembership(
                    [&b](const QString &sql) -> QSqlQuery & { return b.prepared(sql); }, accountId,
                    roomId, contactIds, at, false)) {
                b.fail(QStringLiteral("count leaves"), *bad);
                if (b.storageFailed())
                    return;
            }
            QSqlQuery &q = b.prepared(QStringLiteral(
                "INSERT INTO room_members (account_id, room_id, contact_id, joined_ms, left_ms)"
                " VALUES (?, ?, ?, 0, ?)"
                " ON CONFLICT (account_id, room_id, contact_id) DO UPDATE SET left_ms = "
                "excluded.left_ms"
                " WHERE room_members.left_ms = 0 AND room_members.joined_ms <= excluded.left_ms"));
            for (const QString &id : contactIds) {
                q.bindValue(0, str(accountId));
                q.bindValue(1, str(roomId));
                q.bindValue(2, str(id));
                q.bindValue(3, at);
                if (!q.exec()) {
                    b.fail(QStringLiteral("record member left"), q);
                    if (b.storageFailed())
                        return;
                }
            }
            b.afterCommit(
                [this, accountId, roomId] { emit roomMembersChanged(accountId, roomId); });
        },
        int(contactIds.size()));
}

void Store::insertMessages(const QVector<Message> &messages)
{
    if (!d->writer || messages.isEmpty())
        return;
    d->writer->submit(
        [this, messages](StoreWriter::Batch &b) {
            QSqlQuery &insert = b.prepared(QStringLiteral(
                "INSERT INTO messages (account_id, msg_id, conversation_id, room_id, talker_id,"
                " talker_name, listener_id, kind, text, filename, ts_ms, from_self, mention_ids, "
                "outbox_id,"
                " duplicate_of, system_event)"
                // Named placeholders: Qt's positional bindValue(int) formats a
                // ":N" name per call, a third of the writer's time under a flood.
                " VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9, :p10, :p11, :p12, "
                ":p13, :p14, :p15)"
                // Only the message id conflict is ignored: any other constraint
                // failure must be an error, not a silently dropped message.
                " ON CONFLICT (account_id, msg_id) DO NOTHING"));
            static const QString p[]
                = {QStringLiteral(":p0"),  QStringLiteral(":p1"),  QStringLiteral(":p2"),
                   QStringLiteral(":p3"),  QStringLiteral(":p4"),  QStringLiteral(":p5"),
                   QStringLiteral(":p6"),  QStringLiteral(":p7"),  QStringLiteral(":p8"),
                   QStringLiteral(":p9"),  QStringLiteral(":p10"), QStringLiteral(":p11"),
                   QStringLiteral(":p12"), QStringLiteral(":p13"), QStringLiteral(":p14"),
                   QStringLiteral(":p15")};
            QSqlQuery &index = b.prepared(SearchIndex::standard().addStatement());
            QSqlQuery &link
                = b.prepared(QStringLiteral("UPDATE messages SET outbox_id = ? WHERE account_id = "
                                            "? AND msg_id = ? AND outbox_id <> ?"));
            // Stored (or stored before): out of the journal, in this transaction.
            QSqlQuery &unjournal = b.prepared(QStringLiteral(
                "DELETE FROM message_journal WHERE account_id = :p0 AND msg_id = :p1"));

            struct Latest
            {
                const Message *message = nullptr;
                qint64 rowId = 0;
                int unread = 0;
            };
            QHash<QPair<QString, QString>, Latest> latest;
            QVector<Message> stored;
            stored.reserve(messages.size());

            for (const Message &m : messages) {
                const QString conversationId = m.conversationId();
                insert.bindValue(p[0], str(m.accountId));
                insert.bindValue(p[1], str(m.id));
                insert.bindValue(p[2], str(conversationId));
                insert.bindValue(p[3], str(m.roomId));
                insert.bindValue(p[4], str(m.talkerId));
                insert.bindValue(p[5], str(m.talkerName));
                insert.bindValue(p[6], str(m.listenerId));
                insert.bindValue(p[7], int(m.kind));
                insert.bindValue(p[8], str(m.text));
                insert.bindValue(p[9], str(m.filename));
                insert.bindValue(p[10], m.timestampMs);
                insert.bindValue(p[11], int(m.fromSelf));
                insert.bindValue(p[12], str(m.mentionIds.join(QLatin1Char(' '))));
                insert.bindValue(p[13], m.outboxId);
                insert.bindValue(p[14], str(m.duplicateOf));
                insert.bindValue(p[15], str(m.systemEvent));
                if (!insert.exec()) {
                    b.fail(QStringLiteral("insert message"), insert);
                    if (b.storageFailed())
                        return;
                    continue;
                }
                // Read before the next statement: both are the connection's.
                const bool isNew = insert.numRowsAffected() == 1;
                const qint64 rowId = isNew ? SqlDialect::insertedId(insert) : 0;
                unjournal.bindValue(p[0], str(m.accountId));
                unjournal.bindValue(p[1], str(m.id));
                if (!unjournal.exec()) {
                    b.fail(QStringLiteral("remove message from the journal"), unjournal);
                    if (b.storageFailed())
                        return;
                }
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
                                return;
                        }
                    }
                    continue;
                }
                if (!m.duplicateOf.isEmpty())
                    continue; // kept, but out of the index, the feed signal and the counts
                if (!m.text.isEmpty()) {
                    index.bindValue(p[0], rowId);
                    index.bindValue(p[1], SearchIndex::standard().indexedText(m.text));
                    if (!index.exec()) {
                        b.fail(QStringLiteral("index message"), index);
                        if (b.storageFailed())
                            return;
                    }
                }
                stored.append(m);
                stored.last().rowId = rowId;

                Latest &l = latest[{m.accountId, conversationId}];
                if (!l.message || m.timestampMs >= l.message->timestampMs) {
                    l.message = &m;
                    l.rowId = rowId;
                }
                if (!m.fromSelf)
                    ++l.unread;
            }

            QSqlQuery &summary = b.prepared(QStringLiteral(
                "INSERT INTO conversations (account_id, conversation_id, last_ms, last_rowid,"
                " last_preview, last_sender, last_kind, unread) VALUES (:p0, :p1, :p2, :p3, :p4, "
                ":p5, :p6, :p7)"
                " ON CONFLICT (account_id, conversation_id) DO UPDATE SET"
                " unread = unread + excluded.unread,"
                " last_preview = CASE WHEN (excluded.last_ms, excluded.last_rowid) > (last_ms, "
                "last_rowid)"
                "   THEN excluded.last_preview ELSE last_preview END,"
                " last_sender = CASE WHEN (excluded.last_ms, excluded.last_rowid) > (last_ms, "
                "last_rowid)"
                "   THEN excluded.last_sender ELSE last_sender END,"
                " last_kind = CASE WHEN (excluded.last_ms, excluded.last_rowid) > (last_ms, "
                "last_rowid)"
                "   THEN excluded.last_kind ELSE last_kind END,"
                " last_rowid = CASE WHEN (excluded.last_ms, excluded.last_rowid) > (last_ms, "
                "last_rowid)"
                "   THEN excluded.last_rowid ELSE last_rowid END,"
                " last_ms = MAX(last_ms, excluded.last_ms)"));
            for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
                const Message &m = *it->message;
                summary.bindValue(p[0], str(it.key().first));
                summary.bindValue(p[1], str(it.key().second));
                summary.bindValue(p[2], m.timestampMs);
                summary.bindValue(p[3], it->rowId);
                summary.bindValue(p[4], str(previewOf(m)));
                summary.bindValue(p[5], str(m.talkerName.isEmpty() ? m.talkerId : m.talkerName));
                summary.bindValue(p[6], int(m.kind));
                summary.bindValue(p[7], it->unread);
                if (!summary.exec()) {
                    b.fail(QStringLiteral("update conversation summary"), summary);
                    if (b.storageFailed())
                        return;
                }
            }
            // The statistics counters, in the same transaction.
            if (QSqlQuery *bad = StatsCounters::recordMessages(
                    [&b](const QString &sql) -> QSqlQuery & { return b.prepared(sql); }, stored)) {
                b.fail(QStringLiteral("update statistics"), *bad);
                if (b.storageFailed())
                    return;
            }
            if (!stored.isEmpty())
                b.afterCommit([this, stored] { emit messagesStored(stored); });
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
            QSqlQuery &q = b.prepared(QStringLiteral(
                "INSERT INTO message_journal (account_id, msg_id, seen_ms)"
                " VALUES (:p0, :p1, :p2) ON CONFLICT (account_id, msg_id) DO NOTHING"));
            static const QString p0 = QStringLiteral(":p0"), p1 = QStringLiteral(":p1"),
                                 p2 = QStringLiteral(":p2");
            for (const QString &id : ids) {
                q.bindValue(p0, str(accountId));
                q.bindValue(p1, str(id));
                q.bindValue(p2, now);
                if (!q.exec()) {
                    b.fail(QStringLiteral("journal message id"), q);
                    if (b.storageFailed())
                        return;
                }
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
