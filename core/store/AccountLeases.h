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
    // Gives the account up at once (a clean stop), if this engine holds it.
    void release(const QString &accountId, const QString &engineId);

    // On the writer's connection (inside a job): the same as acquire().
    static bool acquireNow(QSqlDatabase &db, const QString &accountId, const QString &engineId,
                           qint64 ttlMs, QString *error);
    // Every lease row (any connection).
    static QVector<AccountLease> all(const QSqlDatabase &db);

private:
    QPointer<Store> m_store;
};

} // namespace gd
