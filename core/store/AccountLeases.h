#pragma once
// Which engine runs which account when several engines share one database
// (team mode, issue 18). An engine holds an account through a lease row
// that expires `ttlMs` after its last renewal, judged by the database's
// clock (engines on several machines disagree about the time); it renews
// it with a heartbeat. Two engines never hold one account: taking a lease
// is one atomic upsert that succeeds only for the holder or when the lease
// has lapsed. An engine that died loses its accounts once its leases lapse.
//
// On a server archive the lease statements (take, renew) run on their own
// thread and connection, never in the writer's queue: a backlog of message
// batches must not delay a renewal past the lease's end (another engine
// would take an account this one still runs). A statement there that
// cannot finish quickly (a lock, a lost server) fails after
// kStatementTimeoutMs, and the connection is opened again for the next one.
// On an SQLite file (one program) they go through the writer as before.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

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

// What a renewal found: the lease extended, the lease gone (another engine
// holds it, or it lapsed: stop now), or no answer from the database (a lost
// connection, a timeout: try again; the deadline stops the account if it
// stays so).
enum class LeaseRenewal { Renewed, Lost, Unconfirmed };

class AccountLeases
{
public:
    static constexpr int kStatementTimeoutMs = 3000;

    explicit AccountLeases(Store *store);
    // Runs the lease statements still queued (a take, a renewal), then
    // closes the lease connection.
    ~AccountLeases();
    AccountLeases(AccountLeases &&) noexcept;
    AccountLeases(const AccountLeases &) = delete;
    AccountLeases &operator=(const AccountLeases &) = delete;

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
    // settles the sends it left). done() runs in context's thread; on an
    // SQLite file it does not run while the database cannot be written.
    void renew(const QString &accountId, const QString &engineId, qint64 ttlMs, QObject *context,
               std::function<void(LeaseRenewal)> done);
    // Gives the account up (a clean stop), if this engine holds it, once
    // the writes queued before it (the stopped session's) committed; on a
    // server they are waited for up to `waitForWritesMs` (the database may
    // be gone; the lease statements of other accounts wait meanwhile).
    void release(const QString &accountId, const QString &engineId,
                 int waitForWritesMs = kStatementTimeoutMs);

    // On a connection in use (a writer job, the lease thread): the same as
    // acquire().
    static bool acquireNow(QSqlDatabase &db, const QString &accountId, const QString &engineId,
                           qint64 ttlMs, QString *error);
    // Every lease row (any connection).
    static QVector<AccountLease> all(const QSqlDatabase &db);
    // The accounts nobody holds now: no lease, or one that lapsed by the
    // database's clock (any connection).
    static QStringList unheld(const QSqlDatabase &db);

private:
    class LeaseThread;

    QPointer<Store> m_store;
    std::unique_ptr<LeaseThread> m_thread; // a server archive only
};

} // namespace gd
