#include "store/AccountLeases.h"

#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/Store.h"
#include "store/StoreWriter.h"
#include "util/Log.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace gd {

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
    const QPointer<QObject> context(contextObject);
    auto answer = [context, done](bool held) {
        if (!context || !done)
            return;
        QMetaObject::invokeMethod(
            context.data(),
            [context, done, held] {
                if (context)
                    done(held);
            },
            Qt::QueuedConnection);
    };
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
