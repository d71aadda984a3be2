#include "store/AccountLeases.h"

#include "model/Types.h"
#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/Store.h"
#include "store/StoreWriter.h"
#include "util/Log.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

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
} // namespace

AccountLeases::AccountLeases(Store *store)
    : m_store(store)
{}

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

void AccountLeases::take(const QString &accountId, const QString &engineId, qint64 ttlMs,
                         const QString &unknownReason, QObject *context,
                         std::function<void(bool, int)> done)
{
    const auto answer = postedTo<bool, int>(context, std::move(done));
    const bool queued = m_store && m_store->submitWrite([=](StoreWriter::Batch &b) {
        QString error;
        const bool held = acquireNow(b.db(), accountId, engineId, ttlMs, &error);
        if (!error.isEmpty())
            qCWarning(lcStore) << "account lease failed:" << error;
        int interrupted = 0;
        if (held) {
            QSqlQuery q(b.db());
            if (!SqlQueries::exec(q,
                                  QStringLiteral("UPDATE outbox SET state = %1, error = ?,"
                                                 " updated_ms = %2 WHERE account_id = ?"
                                                 " AND state = %3")
                                      .arg(int(OutboxState::Unknown))
                                      .arg(SqlDialect::of(b.db()).nowMs())
                                      .arg(int(OutboxState::Sending)),
                                  {SqlQueries::text(unknownReason), SqlQueries::text(accountId)},
                                  &error)) {
                b.fail(QStringLiteral("mark interrupted sends"), q);
                return;
            }
            interrupted = q.numRowsAffected();
        }
        b.afterCommit([answer, held, interrupted] { answer(held, interrupted); });
    });
    if (!queued)
        answer(false, 0);
}

void AccountLeases::renew(const QString &accountId, const QString &engineId, qint64 ttlMs,
                          QObject *context, std::function<void(bool)> done)
{
    const auto answer = postedTo<bool>(context, std::move(done));
    const bool queued = m_store && m_store->submitWrite([=](StoreWriter::Batch &b) {
        const QString now = SqlDialect::of(b.db()).nowMs();
        QSqlQuery q(b.db());
        QString error;
        if (!SqlQueries::exec(q,
                              QStringLiteral("UPDATE account_leases SET expires_ms = %1 + ?"
                                             " WHERE account_id = ? AND engine_id = ?"
                                             " AND expires_ms > %1")
                                  .arg(now),
                              {ttlMs, SqlQueries::text(accountId), SqlQueries::text(engineId)},
                              &error)) {
            b.fail(QStringLiteral("renew account lease"), q);
            if (b.storageFailed())
                return;
        }
        const bool held = error.isEmpty() && q.numRowsAffected() == 1;
        b.afterCommit([answer, held] { answer(held); });
    });
    if (!queued)
        answer(false);
}

void AccountLeases::release(const QString &accountId, const QString &engineId)
{
    if (!m_store)
        return;
    m_store->submitWrite([accountId, engineId](StoreWriter::Batch &b) {
        QSqlQuery q(b.db());
        SqlQueries::run(q,
                        QStringLiteral("DELETE FROM account_leases"
                                       " WHERE account_id = ? AND engine_id = ?"),
                        {SqlQueries::text(accountId), SqlQueries::text(engineId)});
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
