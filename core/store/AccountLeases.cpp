#include "store/AccountLeases.h"

#include "model/Types.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/Store.h"
#include "store/SqlWorker.h"
#include "store/StoreWriter.h"
#include "util/Log.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>

namespace gd {

namespace {
// done(args...) posted to context's thread, if it still exists.
template<typename... Args>
std::function<void(Args...)> postedTo(QObject *contextObject, std::function<void(Args...)> done)
{
    const QPointer<QObject> context(contextObject);
    return [context, done](Args... args) {
        if (!context || !done)
            return;
        QMetaObject::invokeMethod(
            context.data(),
            [context, done, args...] {
                if (context)
                    done(args...);
            },
            Qt::QueuedConnection);
    };
}

std::atomic<int> g_leaseConnections{0};

// The lease statements' own transaction on the lease connection: begun,
// committed, rolled back when a statement failed.
bool inTransaction(QSqlDatabase &db, const std::function<bool()> &statements)
{
    if (!db.transaction()) {
        qCWarning(lcStore) << "account lease: cannot begin:" << db.lastError().text();
        return false;
    }
    if (!statements()) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        qCWarning(lcStore) << "account lease: commit failed:" << db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace

// The lease connection: one thread, its jobs in order. A job that failed
// (the server went away, a statement timed out) has the connection opened
// again before the next one.
class AccountLeases::LeaseThread
{
public:
    using Job = std::function<bool(QSqlDatabase &)>;

    explicit LeaseThread(const QString &location)
        : m_location(location)
        , m_connectionName(QStringLiteral("gd-leases-%1").arg(++g_leaseConnections))
    {
        m_worker.start([this] { loop(); });
    }
    ~LeaseThread() { m_worker.stopAndJoin(); } // runs what was posted first
    void post(Job job) { m_worker.post(std::move(job)); }

private:
    void loop()
    {
        {
            QSqlDatabase db = DatabaseAddress::addConnection(m_location, m_connectionName);
            bool usable = open(db);
            while (true) {
                Job job;
                {
                    auto lock = m_worker.lock();
                    if (!m_worker.waitForWork(lock))
                        break;
                    job = m_worker.takeOne(lock);
                }
                if (!usable) {
                    db.close();
                    usable = open(db);
                }
                // A job on a connection that did not open fails by itself
                // (and answers "not confirmed").
                if (!job(db))
                    usable = false;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    bool open(QSqlDatabase &db)
    {
        if (!db.open()) {
            qCWarning(lcStore) << "account lease connection cannot open:" << db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        // Named, so an operator sees it in pg_stat_activity. A lease
        // statement that waits (a lock another program holds, a server that
        // stopped answering) gives up long before a lease could lapse: the
        // keeper asks again or stops the account.
        return q.exec(QStringLiteral("SET client_min_messages = warning"))
            && q.exec(QStringLiteral("SET application_name = 'gd-leases'"))
            && q.exec(QStringLiteral("SET statement_timeout = %1")
                          .arg(AccountLeases::kStatementTimeoutMs));
    }

    QString m_location;
    QString m_connectionName;
    SqlWorker<Job> m_worker;
};

AccountLeases::AccountLeases(Store *store)
    : m_store(store)
{
    if (store && store->isOpen() && DatabaseAddress::parse(store->path()).isServer())
        m_thread = std::make_unique<LeaseThread>(store->path());
}

AccountLeases::~AccountLeases() = default;
AccountLeases::AccountLeases(AccountLeases &&) noexcept = default;

bool AccountLeases::acquireNow(QSqlDatabase &db, const QString &accountId, const QString &engineId,
                               qint64 ttlMs, QString *error)
{
    const QString now = SqlDialect::of(db).nowMs();
    // Inserted, or updated only for the holder or over a lapsed lease: the
    // row comes back (RETURNING) exactly when this engine holds it now.
    const QString sql
        = QStringLiteral(
              "INSERT INTO account_leases (account_id, engine_id, acquired_ms, expires_ms)"
              " VALUES (?, ?, %1, %1 + ?)"
              " ON CONFLICT (account_id) DO UPDATE SET"
              " acquired_ms = CASE WHEN account_leases.engine_id = excluded.engine_id"
              "  THEN account_leases.acquired_ms ELSE excluded.acquired_ms END,"
              " engine_id = excluded.engine_id, expires_ms = excluded.expires_ms"
              " WHERE account_leases.engine_id = excluded.engine_id"
              "  OR account_leases.expires_ms <= excluded.acquired_ms"
              " RETURNING engine_id")
              .arg(now);
    QSqlQuery q(db);
    if (!SqlQueries::exec(q, sql, {SqlQueries::text(accountId), SqlQueries::text(engineId), ttlMs},
                          error))
        return false;
    return q.next() && q.value(0).toString() == engineId;
}

void AccountLeases::acquire(const QString &accountId, const QString &engineId, qint64 ttlMs,
                            QObject *contextObject, std::function<void(bool)> done)
{
    const auto answer = postedTo<bool>(contextObject, std::move(done));
    if (m_thread) {
        m_thread->post([=](QSqlDatabase &db) {
            QString error;
            const bool held = acquireNow(db, accountId, engineId, ttlMs, &error);
            if (!error.isEmpty())
                qCWarning(lcStore) << "account lease failed:" << error;
            answer(held);
            return error.isEmpty();
        });
        return;
    }
    const bool queued = m_store && m_store->submitWrite([=](StoreWriter::Batch &b) {
        QString error;
        const bool held = acquireNow(b.db(), accountId, engineId, ttlMs, &error);
        if (!error.isEmpty())
            qCWarning(lcStore) << "account lease failed:" << error;
        b.afterCommit([answer, held] { answer(held); });
    });
    if (!queued)
        answer(false);
}

namespace {
// Sending rows of the account become Unknown (in the take's transaction);
// -1 when the statement failed.
int settleInterruptedSends(QSqlDatabase &db, const QString &accountId, const QString &unknownReason,
                           QSqlQuery &q)
{
    QString error;
    if (!SqlQueries::exec(q,
                          QStringLiteral("UPDATE outbox SET state = %1, error = ?,"
                                         " updated_ms = %2 WHERE account_id = ?"
                                         " AND state = %3")
                              .arg(int(OutboxState::Unknown))
                              .arg(SqlDialect::of(db).nowMs())
                              .arg(int(OutboxState::Sending)),
                          {SqlQueries::text(unknownReason), SqlQueries::text(accountId)}, &error))
        return -1;
    return q.numRowsAffected();
}
} // namespace

void AccountLeases::take(const QString &accountId, const QString &engineId, qint64 ttlMs,
                         const QString &unknownReason, QObject *context,
                         std::function<void(bool, int)> done)
{
    const auto answer = postedTo<bool, int>(context, std::move(done));
    if (m_thread) {
        m_thread->post([=](QSqlDatabase &db) {
            bool held = false;
            int interrupted = 0;
            const bool committed = inTransaction(db, [&] {
                QString error;
                held = acquireNow(db, accountId, engineId, ttlMs, &error);
                if (!error.isEmpty()) {
                    qCWarning(lcStore) << "account lease failed:" << error;
                    return false;
                }
                if (!held)
                    return true;
                QSqlQuery q(db);
                interrupted = settleInterruptedSends(db, accountId, unknownReason, q);
                return interrupted >= 0;
            });
            // Not committed: not taken (a later look tries again).
            answer(committed && held, committed ? interrupted : 0);
            return committed;
        });
        return;
    }
    const bool queued = m_store && m_store->submitWrite([=](StoreWriter::Batch &b) {
        QString error;
        const bool held = acquireNow(b.db(), accountId, engineId, ttlMs, &error);
        if (!error.isEmpty())
            qCWarning(lcStore) << "account lease failed:" << error;
        int interrupted = 0;
        if (held) {
            QSqlQuery q(b.db());
            interrupted = settleInterruptedSends(b.db(), accountId, unknownReason, q);
            if (interrupted < 0) {
                b.fail(QStringLiteral("mark interrupted sends"), q);
                return;
            }
        }
        b.afterCommit([answer, held, interrupted] { answer(held, interrupted); });
    });
    if (!queued)
        answer(false, 0);
}

namespace {
// Extends the lease if this engine holds it and it has not lapsed. false
// when the statement failed; *held says whether a row was extended.
bool renewNow(QSqlDatabase &db, QSqlQuery &q, const QString &accountId, const QString &engineId,
              qint64 ttlMs, bool *held)
{
    const QString now = SqlDialect::of(db).nowMs();
    QString error;
    if (!SqlQueries::exec(q,
                          QStringLiteral("UPDATE account_leases SET expires_ms = %1 + ?"
                                         " WHERE account_id = ? AND engine_id = ?"
                                         " AND expires_ms > %1")
                              .arg(now),
                          {ttlMs, SqlQueries::text(accountId), SqlQueries::text(engineId)},
                          &error)) {
        *held = false;
        return false;
    }
    *held = q.numRowsAffected() == 1;
    return true;
}
} // namespace

void AccountLeases::renew(const QString &accountId, const QString &engineId, qint64 ttlMs,
                          QObject *context, std::function<void(LeaseRenewal)> done)
{
    const auto answer = postedTo<LeaseRenewal>(context, std::move(done));
    if (m_thread) {
        m_thread->post([=](QSqlDatabase &db) {
            QSqlQuery q(db);
            bool held = false;
            if (!renewNow(db, q, accountId, engineId, ttlMs, &held)) {
                answer(LeaseRenewal::Unconfirmed);
                return false;
            }
            answer(held ? LeaseRenewal::Renewed : LeaseRenewal::Lost);
            return true;
        });
        return;
    }
    const bool queued = m_store && m_store->submitWrite([=](StoreWriter::Batch &b) {
        QSqlQuery q(b.db());
        bool held = false;
        if (!renewNow(b.db(), q, accountId, engineId, ttlMs, &held)) {
            b.fail(QStringLiteral("renew account lease"), q);
            if (b.storageFailed())
                return;
        }
        b.afterCommit(
            [answer, held] { answer(held ? LeaseRenewal::Renewed : LeaseRenewal::Lost); });
    });
    if (!queued)
        answer(LeaseRenewal::Lost);
}

void AccountLeases::release(const QString &accountId, const QString &engineId, int waitForWritesMs)
{
    if (!m_store)
        return;
    const auto deleteLease = [accountId, engineId](QSqlDatabase &db) {
        QSqlQuery q(db);
        return SqlQueries::run(q,
                               QStringLiteral("DELETE FROM account_leases"
                                              " WHERE account_id = ? AND engine_id = ?"),
                               {SqlQueries::text(accountId), SqlQueries::text(engineId)});
    };
    if (!m_thread) {
        m_store->submitWrite([deleteLease](StoreWriter::Batch &b) { deleteLease(b.db()); });
        return;
    }
    // After what the stopped session queued in the writer (its last
    // messages, journal rows and outbox updates): the next holder must find
    // them, not write the same rows at the same time. Waited for a bounded
    // time only: the database may be gone.
    struct Committed
    {
        std::promise<void> promise;
        std::once_flag once;
    };
    auto committed = std::make_shared<Committed>();
    std::shared_future<void> writesDone = committed->promise.get_future().share();
    if (!m_store->submitWrite([committed](StoreWriter::Batch &b) {
            b.afterCommit([committed] {
                std::call_once(committed->once, [&] { committed->promise.set_value(); });
            });
        }))
        std::call_once(committed->once, [&] { committed->promise.set_value(); });
    m_thread->post([deleteLease, writesDone, waitForWritesMs](QSqlDatabase &db) {
        writesDone.wait_for(std::chrono::milliseconds(waitForWritesMs));
        return deleteLease(db);
    });
}

QStringList AccountLeases::unheld(const QSqlDatabase &db)
{
    return SqlQueries::strings(
        db,
        QStringLiteral("SELECT a.id FROM accounts a LEFT JOIN account_leases l"
                       " ON l.account_id = a.id WHERE l.account_id IS NULL"
                       " OR l.expires_ms <= %1 ORDER BY a.id")
            .arg(SqlDialect::of(db).nowMs()),
        {});
}

QVector<AccountLease> AccountLeases::all(const QSqlDatabase &db)
{
    QVector<AccountLease> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlQueries::run(q,
                         QStringLiteral("SELECT account_id, engine_id, acquired_ms, expires_ms"
                                        " FROM account_leases ORDER BY account_id"),
                         {}))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                    q.value(3).toLongLong()});
    return out;
}

} // namespace gd
