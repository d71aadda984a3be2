#include "outbox/OutboxRepository.h"

#include "outbox/OutboxRowMapper.h"
#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "util/FileCheck.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <memory>
#include <mutex>

namespace gd {
namespace {

// Null QStrings bind as SQL NULL; the schema wants ''.
constexpr auto str = &SqlQueries::text;

// The key a submit gets when its caller gave none (see submit()).
const QString kOwnKeyPrefix = QStringLiteral("own:");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A row may be claimed (and loaded for sending) only while it is Queued and
// its campaign, if any, active.
const QString kSendableCondition
    = QStringLiteral("state = %1 AND (campaign_id = 0 OR campaign_id IN"
                     " (SELECT id FROM campaigns WHERE state = %2))")
          .arg(int(OutboxState::Queued))
          .arg(int(CampaignState::Active));

const QString kCampaignColumns = QStringLiteral("id, title, origin, state, created_ms, updated_ms");

Campaign campaignFromQuery(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.origin = q.value(2).toString();
    c.state = CampaignState(q.value(3).toInt());
    c.createdMs = q.value(4).toLongLong();
    c.updatedMs = q.value(5).toLongLong();
    return c;
}

template<typename T> void fulfil(const std::shared_ptr<QPromise<T>> &promise, const T &value)
{
    promise->addResult(value);
    promise->finish();
}

template<typename T> QFuture<T> readyFuture(const T &value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(value);
    promise.finish();
    return promise.future();
}

// Runs done(ok) in context's thread, unless context is gone by then.
void answerIn(const QPointer<QObject> &guard, const std::function<void(bool)> &done, bool ok)
{
    if (!guard)
        return;
    QMetaObject::invokeMethod(
        guard.data(),
        [guard, done, ok] {
            if (guard)
                done(ok);
        },
        Qt::QueuedConnection);
}

QVector<OutboxEntry> selectRows(StoreReader &reader, const QString &where,
                                const QVariantList &binds, const QString &order)
{
    QVector<OutboxEntry> out;
    QSqlQuery q(reader.database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE %2 ORDER BY %3")
                       .arg(OutboxRowMapper::columns(), where, order))) {
        qCWarning(lcStore) << "outbox query failed to prepare:" << where;
        return out;
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec()) {
        qCWarning(lcStore) << "outbox query failed:" << where;
        return out;
    }
    while (q.next())
        out.append(OutboxRowMapper::fromQuery(q));
    return out;
}

} // namespace

OutboxRepository::OutboxRepository(Store *store)
    : QObject(store)
    , m_store(store)
{
    setObjectName(QStringLiteral("gd-outbox-repository"));
    qRegisterMetaType<gd::OutboxEntry>();
    qRegisterMetaType<gd::Campaign>();
    // A shared server archive: rows other programs queue or change (the
    // consoles' sends, the engines' states) come as the store's
    // outboxChanged too, for its change feed, and as changedElsewhere (not
    // as entryChanged).
    ChangeSource others;
    others.kind = QStringLiteral("outbox");
    others.table = QStringLiteral("outbox");
    others.number = QStringLiteral("change_seq");
    others.origin = QStringLiteral("change_origin");
    others.columns = OutboxRowMapper::columns();
    others.columnCount = int(others.columns.count(QLatin1Char(','))) + 1;
    auto taken = std::make_shared<QVector<OutboxEntry>>();
    others.take = [taken](const QSqlQuery &row) { taken->append(OutboxRowMapper::fromQuery(row)); };
    others.deliver = [this, store, taken] {
        for (const OutboxEntry &entry : std::exchange(*taken, {})) {
            emit store->outboxChanged(entry);
            emit changedElsewhere(entry);
        }
    };
    store->watchChanges(others);
}

void OutboxRepository::announce(const OutboxEntry &entry)
{
    emit entryChanged(entry);
    emit m_store->outboxChanged(entry); // for the store's change feed
}

OutboxRepository *OutboxRepository::of(Store *store)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    auto *repo = store->findChild<OutboxRepository *>(QStringLiteral("gd-outbox-repository"),
                                                      Qt::FindDirectChildrenOnly);
    if (!repo)
        repo = new OutboxRepository(store);
    return repo;
}

// Re-reads a changed row in the batch and announces it after the commit.
static void announceRow(OutboxRepository *repo, StoreWriter::Batch &b, qint64 id)
{
    QSqlQuery &q = b.prepared(
        QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(OutboxRowMapper::columns()));
    q.bindValue(0, id);
    if (!q.exec()) {
        b.fail(QStringLiteral("read outbox entry"), q);
        return;
    }
    if (!q.next())
        return;
    const OutboxEntry e = OutboxRowMapper::fromQuery(q);
    q.finish();
    b.afterCommit([repo, e] { repo->announce(e); });
}

QFuture<SubmitResult> OutboxRepository::submit(const SendRequest &request)
{
    auto refuse = [](const QString &why) {
        SubmitResult r;
        r.error = why;
        return readyFuture(r);
    };
    SendRequest req = request;
    if (req.origin.isEmpty())
        req.origin = QStringLiteral("composer");
    if (req.text.trimmed().isEmpty())
        req.text.clear();
    // Every submit carries a key: on a server the writer re-runs a batch
    // whose COMMIT lost its connection, and the key makes that re-run find
    // the rows the lost COMMIT stored instead of queueing the send twice.
    const bool keyFromCaller = !req.idempotencyKey.isEmpty();
    if (!keyFromCaller)
        req.idempotencyKey = kOwnKeyPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (req.accountId.isEmpty())
        return refuse(tr("No account was chosen to send from."));
    if (req.conversationId.isEmpty())
        return refuse(tr("No group or contact was chosen to send to."));
    if (req.text.isEmpty() && req.filePath.isEmpty())
        return refuse(tr("There is nothing to send."));
    if (!m_store->isOpen())
        return refuse(tr("The archive is not open: nothing was queued."));

    auto promise = std::make_shared<QPromise<SubmitResult>>();
    promise->start();
    QFuture<SubmitResult> future = promise->future();
    const qint64 created = nowMs();
    const QString dir
        = QFileInfo(m_store->path()).absoluteDir().filePath(QStringLiteral("outbox-files"));
    // A send due now, on its own, goes out as soon as its row commits: no
    // pause for the batch to fill. A broadcast's many rows are batched.
    const bool sendsNow = req.campaignId == 0 && req.dueMs <= created;
    const bool queued = m_store->submitWrite(
        [this, req, keyFromCaller, created, dir, promise](StoreWriter::Batch &b) {
            auto refused = [&b, promise](const QString &why) {
                SubmitResult r;
                r.error = why;
                b.afterCommit([promise, r] { fulfil(promise, r); });
            };
            // Asked before (or this very batch committed before its connection
            // was lost): answer with what was queued then, queue nothing.
            {
                QSqlQuery &known = b.prepared(
                    QStringLiteral("SELECT id FROM outbox WHERE origin = ? AND idempotency_key = ?"
                                   " AND idempotency_key <> '' ORDER BY request_part"));
                known.bindValue(0, req.origin);
                known.bindValue(1, req.idempotencyKey);
                if (!known.exec()) {
                    b.fail(QStringLiteral("look up idempotency key"), known);
                    if (!b.storageFailed())
                        refused(tr("The send could not be queued (database error)."));
                    return;
                }
                SubmitResult r;
                while (known.next())
                    r.ids.append(known.value(0).toLongLong());
                known.finish();
                if (!r.ids.isEmpty()) {
                    r.id = r.ids.first();
                    r.existing = keyFromCaller;
                    b.afterCommit([promise, r] { fulfil(promise, r); });
                    return;
                }
            }
            if (req.campaignId != 0) {
                QSqlQuery &c
                    = b.prepared(QStringLiteral("SELECT state FROM campaigns WHERE id = ?"));
                c.bindValue(0, req.campaignId);
                if (!c.exec()) {
                    b.fail(QStringLiteral("look up campaign"), c);
                    if (!b.storageFailed())
                        refused(tr("The send could not be queued (database error)."));
                    return;
                }
                const bool found = c.next();
                const auto state
                    = found ? CampaignState(c.value(0).toInt()) : CampaignState::Active;
                c.finish();
                if (!found) {
                    refused(tr("The broadcast this send belongs to does not exist."));
                    return;
                }
                if (state == CampaignState::Cancelled) {
                    refused(tr("The broadcast was cancelled: nothing was queued."));
                    return;
                }
            }

            QSqlQuery &insert = b.prepared(QStringLiteral(
                "INSERT INTO outbox (account_id, conversation_id, text, state, error, message_id,"
                " created_ms, updated_ms, attempts, kind, file_path, file_name, file_size, mime,"
                " mention_ids, due_ms, campaign_id, origin, idempotency_key, request_part)"
                " VALUES (?, ?, ?, ?, '', '', ?, ?, 0, ?, '', ?, 0, '', ?, ?, ?, ?, ?, ?)"
                " RETURNING id"));
            auto insertRow = [&b, &insert](OutboxEntry &e, int part) {
                insert.bindValue(0, str(e.accountId));
                insert.bindValue(1, str(e.conversationId));
                insert.bindValue(2, str(e.text));
                insert.bindValue(3, int(e.state));
                insert.bindValue(4, e.createdMs);
                insert.bindValue(5, e.updatedMs);
                insert.bindValue(6, int(e.kind));
                insert.bindValue(7, str(e.fileName));
                insert.bindValue(8, str(e.mentionIds.join(QLatin1Char(' '))));
                insert.bindValue(9, e.dueMs);
                insert.bindValue(10, e.campaignId);
                insert.bindValue(11, str(e.origin));
                insert.bindValue(12, str(e.idempotencyKey));
                insert.bindValue(13, part);
                if (!insert.exec() || !insert.next()) {
                    b.fail(QStringLiteral("enqueue outbox entry"), insert);
                    return false;
                }
                e.id = insert.value(0).toLongLong();
                insert.finish();
                return e.id > 0;
            };

            OutboxEntry base;
            base.accountId = req.accountId;
            base.conversationId = req.conversationId;
            base.state = OutboxState::Queued;
            base.createdMs = created;
            base.updatedMs = created;
            base.dueMs = req.dueMs > 0 ? req.dueMs : created;
            base.campaignId = req.campaignId;
            base.origin = req.origin;
            base.idempotencyKey = req.idempotencyKey;

            QVector<OutboxEntry> rows;
            if (!req.filePath.isEmpty()) {
                OutboxEntry e = base;
                e.kind = OutboxKind::File;
                e.fileName
                    = req.fileName.isEmpty() ? QFileInfo(req.filePath).fileName() : req.fileName;
                e.text = e.fileName; // what lists and the echo matcher show for the entry
                if (!insertRow(e, int(rows.size()))) {
                    if (!b.storageFailed())
                        refused(tr("The send could not be queued (database error)."));
                    return;
                }
                // The copy runs here, on the writer thread, never on the GUI
                // thread; named <id>-<name> with path separators taken out.
                QString safeName = e.fileName;
                safeName.replace(QLatin1Char('/'), QLatin1Char('_'))
                    .replace(QLatin1Char('\\'), QLatin1Char('_'));
                e.filePath = QDir(dir).filePath(QStringLiteral("%1-%2").arg(e.id).arg(safeName));
                QFile::remove(e.filePath); // a leftover of a batch that was rolled back
                if (!QDir().mkpath(dir) || !QFile::copy(req.filePath, e.filePath)) {
                    qCWarning(lcStore) << "cannot copy" << req.filePath << "into the outbox";
                    e.state = OutboxState::Failed;
                    e.error = QCoreApplication::translate(
                        "Store", "The file could not be read or copied for sending.");
                    e.fileSize = 0;
                } else {
                    e.fileSize = QFileInfo(e.filePath).size();
                    QFile copy(e.filePath);
                    if (copy.open(QIODevice::ReadOnly)) {
                        e.mime = FileCheck::mimeFromContent(copy.read(4096));
                        if (FileCheck::isImageMime(e.mime))
                            e.kind = OutboxKind::Image;
                    }
                }
                QSqlQuery &file = b.prepared(QStringLiteral(
                    "UPDATE outbox SET kind = ?, file_path = ?, file_size = ?, mime = ?, state = ?,"
                    " error = ? WHERE id = ?"));
                file.bindValue(0, int(e.kind));
                file.bindValue(1, str(e.filePath));
                file.bindValue(2, e.fileSize);
                file.bindValue(3, str(e.mime));
                file.bindValue(4, int(e.state));
                file.bindValue(5, str(e.error));
                file.bindValue(6, e.id);
                if (!file.exec()) {
                    b.fail(QStringLiteral("enqueue outbox file"), file);
                    if (!b.storageFailed())
                        refused(tr("The send could not be queued (database error)."));
                    return;
                }
                rows.append(e);
            }
            if (!req.text.isEmpty()) {
                OutboxEntry e = base;
                e.kind = OutboxKind::Text;
                e.text = req.text;
                e.mentionIds = req.mentionIds;
                if (!insertRow(e, int(rows.size()))) {
                    if (!b.storageFailed())
                        refused(tr("The send could not be queued (database error)."));
                    return;
                }
                rows.append(e);
            }
            SubmitResult r;
            for (const OutboxEntry &e : std::as_const(rows))
                r.ids.append(e.id);
            r.id = r.ids.value(0);
            b.afterCommit([this, promise, r, rows] {
                for (const OutboxEntry &e : rows)
                    announce(e);
                fulfil(promise, r);
            });
        },
        1, sendsNow ? StoreWriter::Commit::Promptly : StoreWriter::Commit::Batched);
    if (!queued)
        return refuse(tr("The archive is not open: nothing was queued."));
    return future;
}

void OutboxRepository::claim(qint64 outboxId, QObject *contextObject,
                             std::function<void(bool claimed)> done, const QString &leaseHolder)
{
    const qint64 now = nowMs();
    const QPointer<QObject> context(contextObject);
    const bool queued = m_store->submitWrite(
        [this, outboxId, now, context, done, leaseHolder](StoreWriter::Batch &b) {
            // With a lease holder: only while that engine's lease on the row's
            // account has not lapsed (by the database's clock), so an engine
            // whose lease was lost or taken over never claims another row.
            const QString fence = leaseHolder.isEmpty()
                ? QString()
                : QStringLiteral(" AND EXISTS (SELECT 1 FROM account_leases l"
                                 " WHERE l.account_id = outbox.account_id AND l.engine_id = ?"
                                 " AND l.expires_ms > %1)")
                      .arg(SqlDialect::of(b.db()).nowMs());
            QSqlQuery &q = b.prepared(QStringLiteral("UPDATE outbox SET state = %1,"
                                                     " updated_ms = ?, attempts = attempts + 1"
                                                     " WHERE id = ? AND %2%3")
                                          .arg(int(OutboxState::Sending))
                                          .arg(kSendableCondition, fence));
            q.bindValue(0, now);
            q.bindValue(1, outboxId);
            if (!leaseHolder.isEmpty())
                q.bindValue(2, str(leaseHolder));
            if (!q.exec()) {
                b.fail(QStringLiteral("claim outbox entry"), q);
                if (!b.storageFailed())
                    b.afterCommit([context, done] { answerIn(context, done, false); });
                return;
            }
            const bool claimed = q.numRowsAffected() > 0;
            if (claimed)
                announceRow(this, b, outboxId);
            b.afterCommit([context, done, claimed] { answerIn(context, done, claimed); });
        },
        1, StoreWriter::Commit::Promptly); // the send waits for it
    if (!queued)
        answerIn(context, done, false);
}

void OutboxRepository::claimDue(const QString &accountId, int limit, QObject *contextObject,
                                std::function<void(QVector<qint64>)> done)
{
    const qint64 now = nowMs();
    const QPointer<QObject> context(contextObject);
    auto answer = [context, done](const QVector<qint64> &ids) {
        if (!context || !done)
            return;
        QMetaObject::invokeMethod(
            context.data(),
            [context, done, ids] {
                if (context)
                    done(ids);
            },
            Qt::QueuedConnection);
    };
    const bool queued = m_store->submitWrite([this, accountId, limit, now,
                                              answer](StoreWriter::Batch &b) {
        // The pick is materialized: PostgreSQL could otherwise run a LIMIT
        // subquery more than once, and with SKIP LOCKED each run picks other
        // rows. The condition is checked again on the locked row: a row
        // claimed since the pick saw it is left alone.
        QSqlQuery &q = b.prepared(
            QStringLiteral("WITH picked AS MATERIALIZED (SELECT id FROM outbox"
                           " WHERE account_id = ? AND due_ms <= ? AND %2"
                           " ORDER BY due_ms, id LIMIT ?%3)"
                           " UPDATE outbox SET state = %1, updated_ms = ?, attempts = attempts + 1"
                           " WHERE id IN (SELECT id FROM picked) AND %2 RETURNING id")
                .arg(int(OutboxState::Sending))
                .arg(kSendableCondition, SqlDialect::of(b.db()).skipLocked()));
        q.bindValue(0, str(accountId));
        q.bindValue(1, now);
        q.bindValue(2, limit);
        q.bindValue(3, now);
        QVector<qint64> ids;
        if (!q.exec()) {
            b.fail(QStringLiteral("claim due outbox entries"), q);
            if (!b.storageFailed())
                b.afterCommit([answer] { answer({}); });
            return;
        }
        while (q.next())
            ids.append(q.value(0).toLongLong());
        q.finish();
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids))
            announceRow(this, b, id);
        b.afterCommit([answer, ids] { answer(ids); });
    });
    if (!queued)
        answer({});
}

void OutboxRepository::release(qint64 outboxId)
{
    const qint64 now = nowMs();
    m_store->submitWrite([this, outboxId, now](StoreWriter::Batch &b) {
        QSqlQuery &q = b.prepared(
            QStringLiteral(
                "UPDATE outbox SET state = %1, updated_ms = ? WHERE id = ? AND state = %2")
                .arg(int(OutboxState::Queued))
                .arg(int(OutboxState::Sending)));
        q.bindValue(0, now);
        q.bindValue(1, outboxId);
        if (!q.exec()) {
            b.fail(QStringLiteral("release outbox entry"), q);
            return;
        }
        if (q.numRowsAffected() > 0)
            announceRow(this, b, outboxId);
    });
}

void OutboxRepository::update(qint64 outboxId, OutboxState state, const QString &error,
                              const QString &messageId)
{
    const qint64 now = nowMs();
    m_store->submitWrite([this, outboxId, state, error, messageId, now](StoreWriter::Batch &b) {
        QSqlQuery &q
            = b.prepared(QStringLiteral("UPDATE outbox SET state = ?, error = ?,"
                                        " message_id = CASE WHEN ? = '' THEN message_id ELSE ? END,"
                                        " updated_ms = ?, attempts = attempts + ? WHERE id = ?"));
        q.bindValue(0, int(state));
        q.bindValue(1, str(error));
        q.bindValue(2, str(messageId));
        q.bindValue(3, str(messageId));
        q.bindValue(4, now);
        q.bindValue(5, state == OutboxState::Sending ? 1 : 0);
        q.bindValue(6, outboxId);
        if (!q.exec()) {
            b.fail(QStringLiteral("update outbox entry"), q);
            return;
        }
        if (q.numRowsAffected() > 0)
            announceRow(this, b, outboxId);
    });
}

void OutboxRepository::retry(qint64 outboxId)
{
    const qint64 now = nowMs();
    m_store->submitWrite([this, outboxId, now](StoreWriter::Batch &b) {
        QSqlQuery &q
            = b.prepared(QStringLiteral("UPDATE outbox SET state = ?, error = '', updated_ms = ? "
                                        "WHERE id = ? AND state IN (?, ?)"));
        q.bindValue(0, int(OutboxState::Queued));
        q.bindValue(1, now);
        q.bindValue(2, outboxId);
        q.bindValue(3, int(OutboxState::Failed));
        q.bindValue(4, int(OutboxState::Unknown));
        if (!q.exec()) {
            b.fail(QStringLiteral("retry outbox entry"), q);
            return;
        }
        if (q.numRowsAffected() > 0)
            announceRow(this, b, outboxId);
    });
}

void OutboxRepository::cancel(qint64 outboxId, QObject *contextObject,
                              std::function<void(bool cancelled)> done)
{
    const qint64 now = nowMs();
    const QPointer<QObject> context(contextObject);
    const bool queued
        = m_store->submitWrite([this, outboxId, now, context, done](StoreWriter::Batch &b) {
              QSqlQuery &q = b.prepared(
                  QStringLiteral(
                      "UPDATE outbox SET state = %1, updated_ms = ? WHERE id = ? AND state = %2")
                      .arg(int(OutboxState::Cancelled))
                      .arg(int(OutboxState::Queued)));
              q.bindValue(0, now);
              q.bindValue(1, outboxId);
              if (!q.exec()) {
                  b.fail(QStringLiteral("cancel outbox entry"), q);
                  if (done && !b.storageFailed())
                      b.afterCommit([context, done] { answerIn(context, done, false); });
                  return;
              }
              const bool cancelled = q.numRowsAffected() > 0;
              if (cancelled)
                  announceRow(this, b, outboxId);
              if (done)
                  b.afterCommit([context, done, cancelled] { answerIn(context, done, cancelled); });
          });
    if (!queued && done)
        answerIn(context, done, false);
}

QFuture<Campaign> OutboxRepository::createCampaign(const QString &title, const QString &origin)
{
    if (!m_store->isOpen())
        return readyFuture(Campaign{});
    auto promise = std::make_shared<QPromise<Campaign>>();
    promise->start();
    QFuture<Campaign> future = promise->future();
    Campaign c;
    c.title = title;
    c.origin = origin;
    c.createdMs = nowMs();
    c.updatedMs = c.createdMs;
    const bool queued = m_store->submitWrite([this, c, promise](StoreWriter::Batch &b) mutable {
        QSqlQuery &q = b.prepared(
            QStringLiteral("INSERT INTO campaigns (title, origin, state, created_ms, updated_ms)"
                           " VALUES (?, ?, ?, ?, ?) RETURNING id"));
        q.bindValue(0, str(c.title));
        q.bindValue(1, str(c.origin));
        q.bindValue(2, int(c.state));
        q.bindValue(3, c.createdMs);
        q.bindValue(4, c.updatedMs);
        if (!q.exec() || !q.next()) {
            b.fail(QStringLiteral("create campaign"), q);
            if (!b.storageFailed())
                b.afterCommit([promise] { fulfil(promise, Campaign{}); });
            return;
        }
        c.id = q.value(0).toLongLong();
        q.finish();
        b.afterCommit([this, promise, c] {
            emit campaignChanged(c);
            fulfil(promise, c);
        });
    });
    if (!queued)
        return readyFuture(Campaign{});
    return future;
}

void OutboxRepository::setCampaignState(qint64 campaignId, CampaignState state)
{
    const qint64 now = nowMs();
    m_store->submitWrite([this, campaignId, state, now](StoreWriter::Batch &b) {
        // Cancelled is final.
        QSqlQuery &q = b.prepared(QStringLiteral(
            "UPDATE campaigns SET state = ?, updated_ms = ? WHERE id = ? AND state <> ? AND "
            "state <> ?"));
        q.bindValue(0, int(state));
        q.bindValue(1, now);
        q.bindValue(2, campaignId);
        q.bindValue(3, int(CampaignState::Cancelled));
        q.bindValue(4, int(state));
        if (!q.exec()) {
            b.fail(QStringLiteral("change campaign state"), q);
            return;
        }
        if (q.numRowsAffected() == 0)
            return;
        if (state == CampaignState::Cancelled) {
            QSqlQuery &rows = b.prepared(
                QStringLiteral("SELECT id FROM outbox WHERE campaign_id = ? AND state = %1")
                    .arg(int(OutboxState::Queued)));
            rows.bindValue(0, campaignId);
            if (!rows.exec()) {
                b.fail(QStringLiteral("cancel campaign rows"), rows);
                return;
            }
            QVector<qint64> ids;
            while (rows.next())
                ids.append(rows.value(0).toLongLong());
            rows.finish();
            QSqlQuery &cancel
                = b.prepared(QStringLiteral("UPDATE outbox SET state = %1, updated_ms = ?"
                                            " WHERE campaign_id = ? AND state = %2")
                                 .arg(int(OutboxState::Cancelled))
                                 .arg(int(OutboxState::Queued)));
            cancel.bindValue(0, now);
            cancel.bindValue(1, campaignId);
            if (!cancel.exec()) {
                b.fail(QStringLiteral("cancel campaign rows"), cancel);
                return;
            }
            for (qint64 id : std::as_const(ids)) {
                announceRow(this, b, id);
                if (b.storageFailed())
                    return;
            }
        }
        QSqlQuery &read = b.prepared(
            QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(kCampaignColumns));
        read.bindValue(0, campaignId);
        if (!read.exec()) {
            b.fail(QStringLiteral("read campaign"), read);
            return;
        }
        if (read.next()) {
            const Campaign c = campaignFromQuery(read);
            b.afterCommit([this, c] { emit campaignChanged(c); });
        }
        read.finish();
    });
}

// --- reads ---

QVector<OutboxEntry> OutboxRepository::rows(StoreReader &reader, const QString &accountId,
                                            const QVector<OutboxState> &states)
{
    if (states.isEmpty())
        return {};
    QStringList numbers;
    for (OutboxState s : states)
        numbers.append(QString::number(int(s)));
    return selectRows(
        reader,
        QStringLiteral("account_id = ? AND state IN (%1)").arg(numbers.join(QLatin1Char(','))),
        {accountId}, QStringLiteral("id"));
}

QVector<OutboxEntry> OutboxRepository::rowsForConversation(StoreReader &reader,
                                                           const QString &accountId,
                                                           const QString &conversationId)
{
    return selectRows(reader, QStringLiteral("account_id = ? AND conversation_id = ?"),
                      {accountId, conversationId}, QStringLiteral("id"));
}

QVector<OutboxEntry> OutboxRepository::sendable(StoreReader &reader, const QString &accountId)
{
    return selectRows(reader, QStringLiteral("account_id = ? AND ") + kSendableCondition,
                      {accountId}, QStringLiteral("due_ms, id"));
}

OutboxEntry OutboxRepository::row(StoreReader &reader, qint64 outboxId)
{
    return selectRows(reader, QStringLiteral("id = ?"), {outboxId}, QStringLiteral("id")).value(0);
}

QVector<OutboxEntry> OutboxRepository::campaignRows(StoreReader &reader, qint64 campaignId)
{
    return selectRows(reader, QStringLiteral("campaign_id = ?"), {campaignId},
                      QStringLiteral("account_id, conversation_id, id"));
}

Campaign OutboxRepository::campaign(StoreReader &reader, qint64 campaignId)
{
    QSqlQuery q(reader.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(kCampaignColumns));
    q.bindValue(0, campaignId);
    if (q.exec() && q.next())
        return campaignFromQuery(q);
    return {};
}

QVector<Campaign> OutboxRepository::campaigns(StoreReader &reader)
{
    QVector<Campaign> out;
    QSqlQuery q(reader.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM campaigns ORDER BY id DESC").arg(kCampaignColumns)))
        return out;
    while (q.next())
        out.append(campaignFromQuery(q));
    return out;
}

} // namespace gd
