#pragma once
// Which engine runs which account when several engines share one database
// (team mode, issue 18). An engine holds an account through a lease row
// that expires `ttlMs` after its last renewal, judged by the database's
// clock (engines on several machines disagree about the time); it renews
// it with a heartbeat. Two engines never hold one account: taking a lease
// is one atomic upsert that succeeds only for the holder or when the lease
// has lapsed. An engine that died loses its accounts once its leases lapse.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>

#include <functional>

class QSqlDatabase;

namespace gd {

class Store;

struct AccountLease
{
    QString accountId;
    QString engineId;
    qint64 acquiredMs = 0;
    qint64 expiresMs = 0;
};

class AccountLeases
{
public:
    explicit AccountLeases(Store *store);

    // Takes or renews the lease (the heartbeat is the same call). done(held)
    // runs in context's thread after the commit: false when another engine
    // holds a lease that has not lapsed (or the write failed).
    void acquire(const QString &accountId, const QString &engineId, qint64 ttlMs, QObject *context,
                 std::function<void(bool held)> done);
    // Takes a lease this engine does not hold yet (a start, or an engine
    // that died), and in the same transaction turns the account's outbox
    // rows left Sending into Unknown with `unknownReason`: the engine that
    // sent them is gone (or stopped before its lease lapsed) and whether
    // they went out is not known, so they are never sent again by
    // themselves. done(held, interrupted rows) runs in context's thread.
    void take(const QString &accountId, const QString &engineId, qint64 ttlMs,
              const QString &unknownReason, QObject *context,
              std::function<void(bool held, int interrupted)> done);
    // Extends a lease this engine holds and that has not lapsed; never
    // takes one (a lapsed lease is taken again only with take(), which
    // settles the sends it left). done(held) runs in context's thread;
    // it does not run while the database cannot be written.
    void renew(const QString &accountId, const QString &engineId, qint64 ttlMs, QObject *context,
               std::function<void(bool held)> done);
    // Gives the account up at once (a clean stop), if this engine holds it.
    void release(const QString &accountId, const QString &engineId);

    // On the writer's connection (inside a job): the same as acquire().
    static bool acquireNow(QSqlDatabase &db, const QString &accountId, const QString &engineId,
                           qint64 ttlMs, QString *error);
    // Every lease row (any connection).
    static QVector<AccountLease> all(const QSqlDatabase &db);
    // The accounts nobody holds now: no lease, or one that lapsed by the
    // database's clock (any connection).
    static QStringList unheld(const QSqlDatabase &db);

private:
    QPointer<Store> m_store;
};

} // namespace gd
