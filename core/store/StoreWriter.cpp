#include "store/StoreWriter.h"

#include "model/Types.h"
#include "store/DatabaseAddress.h"
#include "store/Schema.h"
#include "store/SqlDialect.h"
#include "store/SqliteStatement.h"
#include "store/StorageFault.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>

namespace gd {
namespace {
std::atomic<int> g_writerCounter{0};

QString newerVersionMessage(const QString &path, int version)
{
    return QCoreApplication::translate(
               "Store",
               "The database %1 was written by a newer version of GroupDesk (schema version "
               "%2; this version understands up to %3). It was not opened and not changed; "
               "please update GroupDesk.")
        .arg(path)
        .arg(version)
        .arg(Schema::latestVersion());
}
} // namespace

StoreWriter::Batch::Batch(StoreWriter &writer, const QSqlDatabase &db)
    : m_writer(writer)
    , m_db(db)
{}

QSqlDatabase &StoreWriter::Batch::db()
{
    return m_db;
}

QSqlQuery &StoreWriter::Batch::prepared(const QString &sql)
{
    QSqlQuery *&q = m_writer.m_prepared[sql];
    if (!q)
        q = new QSqlQuery(m_db);
    // Prepared once per connection; one that failed is tried again next
    // time (on PostgreSQL a prepare fails inside a transaction another
    // statement aborted, and must not stay broken for good).
    if (q->lastQuery() != sql || m_writer.m_unprepared.contains(sql)) {
        if (q->prepare(sql)) {
            m_writer.m_unprepared.remove(sql);
        } else {
            m_writer.m_unprepared.insert(sql);
            qCWarning(lcStore) << "cannot prepare" << sql.left(80) << q->lastError().text();
        }
    }
    return *q;
}

SqliteStatement &StoreWriter::Batch::native(const QString &sql)
{
    std::unique_ptr<SqliteStatement> &statement = m_writer.m_native[sql];
    if (!statement || !statement->isPrepared()) {
        statement = std::make_unique<SqliteStatement>(SqliteStatement::handleOf(m_db), sql);
        if (!statement->isPrepared())
            qCWarning(lcStore) << "cannot prepare" << sql.left(80) << statement->lastError().text();
    }
    return *statement;
}

void StoreWriter::Batch::afterCommit(std::function<void()> fn)
{
    m_afterCommit.push_back(std::move(fn));
}

void StoreWriter::Batch::fail(const QString &what, const QSqlQuery &query)
{
    fail(what, query.lastError());
}

void StoreWriter::Batch::fail(const QString &what, const SqliteStatement &statement)
{
    fail(what, statement.lastError());
}

void StoreWriter::Batch::fail(const QString &what, const QSqlError &error)
{
    const QString text = what + QLatin1String(": ") + error.text();
    const StorageFault fault = StorageFaults::of(error);
    if (fault != StorageFault::None) {
        // The storage failed, not this statement: the whole batch is rolled
        // back and run again later; nothing more is run in it now (SQLite may
        // have ended the transaction, and the next statement would commit
        // on its own).
        if (m_fault == StorageFault::None) {
            m_fault = fault;
            m_faultText = text;
        }
        return;
    }
    qCWarning(lcStore) << "write failed:" << text;
    emit m_writer.m_store->writeFailed(text);
}

bool StoreWriter::Batch::storageFailed() const
{
    return m_fault != StorageFault::None;
}

StoreWriter::StoreWriter(Store *store)
    : m_store(store)
    , m_connectionName(QStringLiteral("gd-writer-%1").arg(++g_writerCounter))
{}

StoreWriter::~StoreWriter()
{
    stop();
}

bool StoreWriter::start(const QString &path, QString *error)
{
    std::promise<QString> started;
    std::future<QString> result = started.get_future();
    m_worker.start([this, path, &started] {
        run(path, [&started](QString e) { started.set_value(std::move(e)); });
    });
    const QString e = result.get();
    if (!e.isEmpty()) {
        m_worker.stopAndJoin();
        if (error)
            *error = e;
        return false;
    }
    m_running = true;
    return true;
}

void StoreWriter::submit(Job job, int weight, int messages, Commit commit)
{
    m_worker.post({std::move(job), weight, messages, {}}, [this, weight, commit] {
        m_queuedWeight += weight;
        m_lastSubmit = std::chrono::steady_clock::now();
        if (commit == Commit::Promptly)
            m_barrierQueued = true; // the batch starts without the fill-up pause
    });
    m_waitingRows += weight;
    m_waitingMessages += messages;
    if (!m_congested && m_waitingRows > m_congestionRows) {
        m_congested = true;
        publishState();
    }
}

StoreWriteState StoreWriter::state() const
{
    std::lock_guard lock(m_stateMutex);
    StoreWriteState s = m_state;
    s.waitingRows = m_waitingRows;
    s.waitingMessages = m_waitingMessages;
    s.congested = m_congested;
    return s;
}

void StoreWriter::setCongestionLimit(qint64 rows)
{
    m_congestionRows = rows;
}

void StoreWriter::setPageLimit(qint64 pages)
{
    m_pageLimit = std::max<qint64>(0, pages);
    m_worker.wake();
}

void StoreWriter::publishState()
{
    // Both the writer thread (faults, recovery) and submitting threads
    // (congestion) publish: the snapshot and its signal go together, or an
    // older snapshot could be emitted after a newer one and a listener would
    // keep a fault that is over. Recursive: a direct receiver may submit.
    std::lock_guard publishing(m_publishMutex);
    const StoreWriteState s = state();
    emit m_store->writeStateChanged(s);
}

void StoreWriter::flush()
{
    if (!m_running)
        return;
    std::promise<void> done;
    std::future<void> committed = done.get_future();
    m_worker.post({{}, 0, 0, [&done] { done.set_value(); }}, [this] { m_barrierQueued = true; });
    committed.wait();
}

void StoreWriter::stop()
{
    if (!m_running)
        return;
    m_worker.stopAndJoin();
    m_running = false;
}

std::chrono::steady_clock::time_point
StoreWriter::gatherEnd(std::chrono::steady_clock::time_point deadline, int gapMs) const
{
    if (gapMs <= 0)
        return deadline;
    return std::min(deadline, m_lastSubmit + std::chrono::milliseconds(gapMs));
}

void StoreWriter::run(const QString &path, std::function<void(QString)> started)
{
    QString error;
    if (!openDatabase(path, &error)) {
        closeDatabase(false);
        started(error);
        return;
    }
    started({});

    // Jobs of a batch whose commit failed stay here and run again, with
    // whatever was submitted meanwhile, after a growing pause: nothing is
    // dropped while the disk is full or failing.
    std::deque<Entry> batch;
    int failures = 0;
    int lastBatchRows = 0;
    while (true) {
        bool stopping = false;
        {
            auto lock = m_worker.lock();
            if (batch.empty()) {
                if (!m_worker.waitForWork(lock))
                    break; // stopping, nothing left
                // Give the batch a few ms to fill up (longer under a flood),
                // unless it is already big, someone waits for it, or the
                // rows waiting near the congestion limit (sessions would stop
                // fetching).
                const GatherGoal goal = gatherGoal(lastBatchRows);
                const auto deadline
                    = std::chrono::steady_clock::now() + std::chrono::milliseconds(goal.delayMs);
                const auto full = [this, &lock, goal] {
                    return m_worker.stopping(lock) || m_barrierQueued || m_queuedWeight >= goal.rows
                        || m_waitingRows >= m_congestionRows / 2;
                };
                while (!m_worker.waitUntil(lock, gatherEnd(deadline, goal.gapMs), full)) {
                    const auto now = std::chrono::steady_clock::now();
                    if (now >= gatherEnd(deadline, goal.gapMs))
                        break; // the deadline, or no job for goal.gapMs
                }
            } else if (m_worker.stopping(lock)) {
                m_worker.waitUntil(lock,
                                   std::chrono::steady_clock::now()
                                       + std::chrono::milliseconds(kRetryMaxMs / 4),
                                   [] { return false; });
            } else {
                const int pauseMs = std::min(kRetryMaxMs, kRetryFirstMs << std::min(failures, 8));
                m_worker.waitUntil(
                    lock, std::chrono::steady_clock::now() + std::chrono::milliseconds(pauseMs),
                    [this, &lock] { return m_worker.stopping(lock); });
            }
            m_worker.takeAll(lock, batch);
            lastBatchRows = m_queuedWeight;
            m_queuedWeight = 0;
            m_barrierQueued = false;
            stopping = m_worker.stopping(lock);
        }
        if (runBatch(batch)) {
            batch.clear();
            failures = 0; // runBatch said it writes again, if it had failed
            continue;
        }
        ++failures;
        if (stopping && failures >= kStopAttempts) {
            abandon(batch);
            break;
        }
    }
    closeDatabase(true);
}

bool StoreWriter::reconnect(QSqlDatabase &db)
{
    // The server went away (a restart, the network): a broken libpq
    // connection never heals by itself. Its prepared statements go with it.
    forgetStatements();
    db.close();
    if (!db.open()) {
        failed(StorageFault::ServerUnreachable,
               QStringLiteral("reconnect: ") + db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(db).writerSetup()) {
        if (!q.exec(statement)) {
            const StorageFault fault = StorageFaults::of(q.lastError());
            failed(fault == StorageFault::None ? StorageFault::ServerUnreachable : fault,
                   QStringLiteral("reconnect: ") + q.lastError().text());
            db.close();
            return false;
        }
    }
    m_reconnect = false;
    qCWarning(lcStore) << "reconnected to the database server";
    return true;
}

namespace {

enum class CommitOutcome { Committed, NotCommitted, Unknown };

// The connection broke while COMMIT was on its way (the server restarted,
// the backend was terminated, the network went): the server may have
// committed the batch before the answer was lost, and running the batch
// again would then store its rows twice (an outbox row sent twice, counters
// counted twice). The server knows what became of the transaction:
// txid_status on a new connection. `reconnect` opens one; `pause` waits
// before the next attempt and says false when the writer stops meanwhile.
CommitOutcome commitOutcome(QSqlDatabase &db, qint64 xid, const std::function<bool()> &reconnect,
                            const std::function<bool(int attempt)> &pause)
{
    for (int attempt = 0;; ++attempt) {
        if (reconnect()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT txid_status(%1)").arg(xid)) && q.next()) {
                const QString status = q.value(0).toString();
                if (status == QLatin1String("committed"))
                    return CommitOutcome::Committed;
                if (status != QLatin1String("in progress"))
                    return CommitOutcome::NotCommitted; // aborted (or forgotten: too old)
                // The old backend is still finishing: asked again shortly.
            }
        }
        if (!pause(attempt))
            return CommitOutcome::Unknown;
    }
}

} // namespace

bool StoreWriter::runBatch(std::deque<Entry> &entries)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const SqlDialect &dialect = SqlDialect::of(db);
    if (m_reconnect && !reconnect(db))
        return false; // kept, and tried again after a growing pause
    if (const qint64 pages = m_pageLimit.exchange(-1);
        pages >= 0 && !dialect.pageLimit(pages).isEmpty()) {
        QSqlQuery q(db);
        q.exec(dialect.pageLimit(pages));
    }
    Batch batch(*this, db);
    // Plain statements rather than QSqlDatabase::transaction()/commit(): the
    // driver drops SQLite's result code from their errors, and the code says
    // whether the disk is full.
    QSqlQuery control(db);
    if (!control.exec(QStringLiteral("BEGIN"))) {
        const QSqlError e = control.lastError();
        control.exec(QStringLiteral("ROLLBACK")); // one left open by a failure must not block
        failed(StorageFaults::of(e), QStringLiteral("begin: ") + e.text());
        return false;
    }
    // On a server: the transaction's id, to ask what became of it when the
    // connection breaks during COMMIT.
    qint64 xid = 0;
    if (dialect.isPostgreSql()) {
        if (!control.exec(QStringLiteral("SELECT txid_current()")) || !control.next()) {
            const QSqlError e = control.lastError();
            control.exec(QStringLiteral("ROLLBACK"));
            const StorageFault fault = StorageFaults::of(e);
            failed(fault == StorageFault::None ? StorageFault::ServerUnreachable : fault,
                   QStringLiteral("begin: ") + e.text());
            return false;
        }
        xid = control.value(0).toLongLong();
        control.finish();
    }
    qint64 rows = 0;
    qint64 messages = 0;
    for (Entry &entry : entries) {
        if (entry.job && dialect.isPostgreSql()) {
            runServerJob(batch, control, entry.job);
        } else if (entry.job) {
            entry.job(batch);
            // A job that swallowed a storage error (a module's own SQL) may
            // have left SQLite without its transaction (it rolls back by
            // itself on some faults): the next job would commit on its own.
            // BEGIN succeeds only then.
            if (!batch.storageFailed() && control.exec(QStringLiteral("BEGIN"))) {
                control.exec(QStringLiteral("ROLLBACK"));
                batch.m_fault = StorageFault::IoError;
                batch.m_faultText = QStringLiteral("the transaction was rolled back by SQLite");
            }
        }
        if (batch.storageFailed())
            break;
        rows += entry.weight;
        messages += entry.messages;
    }
    // What the jobs summed up across the batch is written once, last.
    for (std::size_t i = 0; i < batch.m_beforeCommit.size() && !batch.storageFailed(); ++i) {
        if (dialect.isPostgreSql()) { // the SQLite probe below is not for a server
            runServerJob(batch, control, batch.m_beforeCommit[i]);
            continue;
        }
        batch.m_beforeCommit[i](batch);
        if (!batch.storageFailed() && control.exec(QStringLiteral("BEGIN"))) {
            control.exec(QStringLiteral("ROLLBACK"));
            batch.m_fault = StorageFault::IoError;
            batch.m_faultText = QStringLiteral("the transaction was rolled back by SQLite");
        }
    }
    if (batch.storageFailed()) {
        control.exec(QStringLiteral("ROLLBACK"));
        failed(batch.m_fault, batch.m_faultText);
        return false;
    }
    if (!control.exec(QStringLiteral("COMMIT"))) {
        const QSqlError e = control.lastError();
        control.exec(QStringLiteral("ROLLBACK"));
        const StorageFault fault = StorageFaults::of(e);
        failed(fault == StorageFault::None ? StorageFault::IoError : fault,
               QStringLiteral("commit: ") + e.text());
        if (!dialect.isPostgreSql())
            return false;
        control = QSqlQuery(QSqlDatabase()); // nothing of the broken connection stays open
        const auto pause = [this](int attempt) {
            auto lock = m_worker.lock();
            if (m_worker.stopping(lock) && attempt >= kStopAttempts)
                return false;
            const int pauseMs = std::min(kRetryMaxMs, kRetryFirstMs << std::min(attempt, 8));
            m_worker.waitUntil(
                lock, std::chrono::steady_clock::now() + std::chrono::milliseconds(pauseMs),
                [] { return false; });
            return true;
        };
        switch (commitOutcome(
            db, xid, [this, &db] { return reconnect(db); }, pause)) {
        case CommitOutcome::Committed:
            qCWarning(lcStore) << "the connection broke during a commit that the server made:"
                                  " the batch is not written again";
            break; // as if the answer had come
        case CommitOutcome::NotCommitted:
            return false; // run again
        case CommitOutcome::Unknown:
            // Stopping with the server away: run again (it may be stored
            // twice, or abandoned if the server stays away).
            m_reconnect = true;
            return false;
        }
    }
    m_waitingRows -= rows;
    m_waitingMessages -= messages;
    if (m_congested && m_waitingRows <= m_congestionRows / 2) {
        m_congested = false;
        publishState();
    }
    // The fault is over before anyone hears of the commit: a flush() that
    // returns must not leave the store looking broken.
    bool wasFailing = false;
    {
        std::lock_guard lock(m_stateMutex);
        wasFailing = m_state.fault != StorageFault::None;
    }
    if (wasFailing)
        recovered();
    for (auto &fn : batch.m_afterCommit)
        fn();
    for (Entry &entry : entries) {
        if (entry.barrier)
            entry.barrier();
    }
    return true;
}

void StoreWriter::failed(StorageFault fault, const QString &detail)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool first = false;
    {
        std::lock_guard lock(m_stateMutex);
        first = m_state.fault == StorageFault::None;
        if (first)
            m_state.sinceMs = now;
        m_state.fault = fault == StorageFault::None ? StorageFault::IoError : fault;
        m_state.detail = detail;
    }
    // On a server every failed batch gets a new connection: libpq's error
    // for a dropped one is not always recognisable, and a spare reconnect
    // costs little.
    if (fault == StorageFault::ServerUnreachable || m_server)
        m_reconnect = true;
    // Every attempt would flood the log: the first one and then one line a
    // minute, with what waits.
    if (first || now - m_lastFailureLogMs >= 60000) {
        m_lastFailureLogMs = now;
        qCCritical(lcStore).noquote()
            << "cannot write the archive (" << detail << "):" << qint64(m_waitingMessages)
            << "messages and" << qint64(m_waitingRows) << "rows are kept and retried";
    }
    if (first)
        emit m_store->writeFailed(detail);
    publishState();
}

void StoreWriter::recovered()
{
    qint64 since = 0;
    {
        std::lock_guard lock(m_stateMutex);
        since = m_state.sinceMs;
        m_state = {};
    }
    qCWarning(lcStore) << "the archive writes again after"
                       << (QDateTime::currentMSecsSinceEpoch() - since) / 1000
                       << "s; everything kept was stored";
    publishState();
}

void StoreWriter::abandon(std::deque<Entry> &entries)
{
    // Shutting down and the storage still fails: what is left cannot be kept.
    // Said loudly; message ids are in the journal when it was written.
    qCCritical(lcStore) << "stopping while the archive cannot write:" << qint64(m_waitingMessages)
                        << "messages and" << qint64(m_waitingRows) << "rows could not be stored";
    for (Entry &entry : entries) {
        if (entry.barrier)
            entry.barrier();
    }
    entries.clear();
}

namespace {
// The user-facing reason for a failed statement at open, with the technical
// text in the log only.
QString openError(const QString &path, const QSqlError &error, const char *step)
{
    qCWarning(lcStore).noquote() << "opening" << path << "failed at" << step << ":" << error.text()
                                 << "(code" << error.nativeErrorCode() << ")";
    StorageFault fault = StorageFaults::of(error);
    const QFileInfo dir(QFileInfo(path).absolutePath());
    if ((fault == StorageFault::CannotOpen || fault == StorageFault::None) && !dir.isWritable())
        fault = StorageFault::ReadOnly;
    return StorageFaults::openFailure(path, fault, error.text());
}

// How a failed statement at open becomes the user's reason: files and
// folders (openError) or a server (serverOpenError).
using OpenFailure = std::function<QString(const QSqlError &, const char *step)>;

// The server's reason, with the technical text in the log only. Not
// openError(): its causes are about files and folders.
QString serverOpenError(const QString &name, const QSqlError &error, const char *step)
{
    qCWarning(lcStore).noquote() << "opening" << name << "failed at" << step << ":" << error.text()
                                 << "(code" << error.nativeErrorCode() << ")";
    return StorageFaults::openFailure(name, StorageFault::None, error.databaseText().trimmed());
}

// Reads the schema version through the connection and refuses a database
// written by a newer GroupDesk, before anything changes it.
bool acceptSchemaVersion(QSqlQuery &q, const QString &name, const OpenFailure &failure,
                         QString *error)
{
    if (!q.exec(SqlDialect::of(q.driver()).schemaVersionQuery()) || !q.next()) {
        *error = failure(q.lastError(), "schema version");
        return false;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > Schema::latestVersion()) {
        *error = newerVersionMessage(name, version);
        return false;
    }
    return true;
}

bool migrateSchema(QSqlDatabase &db, const QString &name, QString *error)
{
    QString migrateError;
    if (Schema::migrate(db, &migrateError))
        return true;
    qCWarning(lcStore).noquote() << "migrating" << name << "failed:" << migrateError;
    *error = StorageFaults::openFailure(name, StorageFault::None, migrateError);
    return false;
}
} // namespace

void StoreWriter::runServerJob(Batch &batch, QSqlQuery &control, const Job &job)
{
    // On PostgreSQL a failed statement aborts the whole transaction (SQLite
    // fails just the statement): each job gets a savepoint, and a job that
    // failed is undone alone, with its after-commit work, instead of
    // turning the batch's COMMIT into a silent rollback.
    const size_t callbacks = batch.m_afterCommit.size();
    if (!control.exec(QStringLiteral("SAVEPOINT gd_job"))) {
        batch.m_fault = StorageFaults::of(control.lastError());
        if (batch.m_fault == StorageFault::None)
            batch.m_fault = StorageFault::IoError;
        batch.m_faultText = QStringLiteral("savepoint: ") + control.lastError().text();
        return;
    }
    job(batch);
    if (batch.storageFailed() || control.exec(QStringLiteral("RELEASE SAVEPOINT gd_job")))
        return;
    if (control.exec(QStringLiteral("ROLLBACK TO SAVEPOINT gd_job"))
        && control.exec(QStringLiteral("RELEASE SAVEPOINT gd_job"))) {
        batch.m_afterCommit.resize(callbacks);
        qCWarning(lcStore) << "a write job failed on the server and was undone";
        return;
    }
    batch.m_fault = StorageFaults::of(control.lastError());
    if (batch.m_fault == StorageFault::None)
        batch.m_fault = StorageFault::IoError;
    batch.m_faultText = QStringLiteral("rollback to savepoint: ") + control.lastError().text();
}

bool StoreWriter::openServer(const DatabaseAddress &address, QString *error)
{
    m_server = true;
    const QString name = address.displayName();
    QSqlDatabase db = address.addConnection(m_connectionName);
    if (!db.open()) {
        qCWarning(lcStore).noquote() << "cannot connect to" << name << db.lastError().text();
        *error = QCoreApplication::translate("Store", "Cannot connect to the database %1: %2")
                     .arg(name, db.lastError().databaseText().trimmed());
        return false;
    }
    const OpenFailure failure
        = [&name](const QSqlError &e, const char *step) { return serverOpenError(name, e, step); };
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(db).writerSetup()) {
        if (!q.exec(statement)) {
            *error = failure(q.lastError(), "setup");
            return false;
        }
    }
    // The version table exists only after the setup statements.
    if (!acceptSchemaVersion(q, name, failure, error) || !migrateSchema(db, name, error))
        return false;
    // No markInterruptedSends() here: on a shared server other engines are
    // sending right now. An engine settles an account's interrupted sends
    // when it takes the account's lease (AccountLeases::take).
    return probeWrite(name, error);
}

bool StoreWriter::markInterruptedSends(QSqlQuery &q)
{
    // The process died while these were with the gateway: whether they went
    // out is unknown, and they must never be re-sent without the user.
    if (!q.exec(QStringLiteral("UPDATE outbox SET state = %1, updated_ms = %2 WHERE state = %3")
                    .arg(int(OutboxState::Unknown))
                    .arg(QDateTime::currentMSecsSinceEpoch())
                    .arg(int(OutboxState::Sending)))) {
        return false;
    }
    if (q.numRowsAffected() > 0)
        qCInfo(lcStore) << q.numRowsAffected()
                        << "outbox entries were being sent at exit; marked unknown";
    q.finish();
    return true;
}

bool StoreWriter::openDatabase(const QString &location, QString *error)
{
    const DatabaseAddress address = DatabaseAddress::parse(location, error);
    if (!address.isValid())
        return false;
    if (address.isServer())
        return openServer(address, error);
    const QString path = address.filePath();
    // Refuse a newer schema before SQLite touches the file at all (even
    // switching to WAL rewrites the header).
    const int fileVersion = Schema::fileUserVersion(path);
    if (fileVersion < 0) {
        *error = QCoreApplication::translate("Store", "%1 is not a GroupDesk database.").arg(path);
        return false;
    }
    if (fileVersion > Schema::latestVersion()) {
        *error = newerVersionMessage(path, fileVersion);
        return false;
    }
    // A store without a writer must never run: a folder or file that cannot
    // be written is refused here, before SQLite opens (and changes) anything.
    const QFileInfo file(path);
    const QFileInfo dir(file.absolutePath());
    if (!dir.isWritable() || (file.exists() && !file.isWritable())) {
        qCWarning(lcStore) << "cannot write" << (dir.isWritable() ? path : dir.filePath());
        *error = StorageFaults::openFailure(path, StorageFault::ReadOnly);
        return false;
    }

    QSqlDatabase db = address.addConnection(m_connectionName);
    if (!db.open()) {
        *error = openError(path, db.lastError(), "open");
        return false;
    }
    const SqlDialect &dialect = SqlDialect::of(db);
    QSqlQuery q(db);
    // Checked again through SQLite: a committed WAL may hold a newer header.
    const OpenFailure failure
        = [&path](const QSqlError &e, const char *step) { return openError(path, e, step); };
    if (!acceptSchemaVersion(q, path, failure, error))
        return false;
    // A damaged file (truncated, pages overwritten) must not be written to:
    // check it before anything changes it. The check reads the whole file,
    // so larger archives skip it here; their damage shows as soon as a write
    // touches it (the writer reports it and keeps the work).
    if (file.exists() && file.size() > 0 && file.size() <= kIntegrityCheckMaxBytes) {
        if (!q.exec(dialect.integrityCheck(5))) {
            *error = openError(path, q.lastError(), "quick_check");
            return false;
        }
        QStringList problems;
        while (q.next())
            problems << q.value(0).toString();
        q.finish();
        if (problems != dialect.integrityOk()) {
            qCWarning(lcStore).noquote()
                << "integrity check of" << path << "failed:" << problems.join(QLatin1String("; "));
            *error = StorageFaults::openFailure(path, StorageFault::Damaged);
            return false;
        }
    }
    for (const QString &pragma : dialect.writerSetup()) {
        if (!q.exec(pragma)) {
            *error = openError(path, q.lastError(), "pragma");
            return false;
        }
    }
    if (!migrateSchema(db, path, error))
        return false;
    if (!markInterruptedSends(q)) {
        *error = openError(path, q.lastError(), "outbox");
        return false;
    }
    return probeWrite(path, error);
}

bool StoreWriter::probeWrite(const QString &path, QString *error)
{
    // A real write, committed: opening proves nothing about writing (a
    // read-only mount, a full disk, a damaged free list all open fine).
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    const QStringList steps = SqlDialect::of(db).writeProbe();
    for (const QString &sql : steps) {
        if (!q.exec(sql)) {
            *error = openError(path, q.lastError(), "write check");
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return true;
}

void StoreWriter::forgetStatements()
{
    for (QSqlQuery *q : std::as_const(m_prepared))
        delete q;
    m_prepared.clear();
    m_unprepared.clear();
    m_native.clear(); // finalized: SQLite would not close the file otherwise
}

void StoreWriter::closeDatabase(bool optimize)
{
    forgetStatements();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // Never after a failed open: optimizing may write to the file.
        if (optimize && db.isOpen() && !SqlDialect::of(db).optimize().isEmpty()) {
            QSqlQuery q(db);
            q.exec(SqlDialect::of(db).optimize());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace gd
