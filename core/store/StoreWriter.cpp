#include "store/StoreWriter.h"

#include "model/Types.h"
#include "store/Schema.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

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

StoreWriter::Batch::Batch(StoreWriter &writer, QSqlDatabase db)
    : m_writer(writer)
    , m_db(std::move(db))
{}

QSqlDatabase &StoreWriter::Batch::db()
{
    return m_db;
}

QSqlQuery &StoreWriter::Batch::prepared(const QString &sql)
{
    QSqlQuery *&q = m_writer.m_prepared[sql];
    if (!q) {
        q = new QSqlQuery(m_db);
        if (!q->prepare(sql))
            qCWarning(lcStore) << "cannot prepare" << sql.left(80) << q->lastError().text();
    }
    return *q;
}

void StoreWriter::Batch::afterCommit(std::function<void()> fn)
{
    m_afterCommit.push_back(std::move(fn));
}

void StoreWriter::Batch::fail(const QString &what, const QSqlQuery &query)
{
    const QString text = what + QLatin1String(": ") + query.lastError().text();
    qCWarning(lcStore) << "write failed:" << text;
    emit m_writer.m_store->writeFailed(text);
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
    m_stopping = false;
    m_thread = std::thread([this, path, &started] {
        run(path, [&started](QString e) { started.set_value(std::move(e)); });
    });
    const QString e = result.get();
    if (!e.isEmpty()) {
        m_thread.join();
        if (error)
            *error = e;
        return false;
    }
    m_running = true;
    return true;
}

void StoreWriter::submit(Job job, int weight)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(job), weight, {}});
        m_queuedWeight += weight;
    }
    m_wake.notify_one();
}

void StoreWriter::flush()
{
    if (!m_running)
        return;
    std::promise<void> done;
    std::future<void> committed = done.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({{}, 0, [&done] { done.set_value(); }});
        m_barrierQueued = true;
    }
    m_wake.notify_one();
    committed.wait();
}

void StoreWriter::stop()
{
    if (!m_running)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    m_running = false;
}

void StoreWriter::run(const QString &path, std::function<void(QString)> started)
{
    QString error;
    if (!openDatabase(path, &error)) {
        closeDatabase();
        started(error);
        return;
    }
    started({});

    std::deque<Entry> batch;
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty() && m_stopping)
                break;
            // Give the batch a few ms to fill up, unless it is already big
            // or someone waits for it.
            const auto deadline
                = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBatchDelayMs);
            while (!m_stopping && !m_barrierQueued && m_queuedWeight < kBatchRows) {
                if (m_wake.wait_until(lock, deadline) == std::cv_status::timeout)
                    break;
            }
            batch.swap(m_queue);
            m_queuedWeight = 0;
            m_barrierQueued = false;
        }
        runBatch(batch);
        batch.clear();
    }
    closeDatabase();
}

void StoreWriter::runBatch(std::deque<Entry> &entries)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    Batch batch(*this, db);
    const bool inTransaction = db.transaction();
    if (!inTransaction)
        qCWarning(lcStore) << "cannot begin a transaction:" << db.lastError().text();
    std::vector<std::function<void()>> barriers;
    for (Entry &entry : entries) {
        if (entry.job)
            entry.job(batch);
        if (entry.barrier)
            barriers.push_back(std::move(entry.barrier));
    }
    bool committed = true;
    if (inTransaction && !db.commit()) {
        committed = false;
        const QString text = QStringLiteral("commit failed: ") + db.lastError().text();
        qCWarning(lcStore) << text;
        db.rollback();
        emit m_store->writeFailed(text);
    }
    if (committed) {
        for (auto &fn : batch.m_afterCommit)
            fn();
    }
    for (auto &fn : barriers)
        fn();
}

bool StoreWriter::openDatabase(const QString &path, QString *error)
{
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

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    // Checked again through SQLite: a committed WAL may hold a newer header.
    const int version = Schema::userVersion(db);
    if (version < 0 || version > Schema::latestVersion()) {
        *error = version < 0 ? db.lastError().text() : newerVersionMessage(path, version);
        return false;
    }
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),   QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA busy_timeout=10000"), QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-32000"),
    };
    for (const QString &pragma : pragmas) {
        if (!q.exec(pragma)) {
            *error = q.lastError().text();
            return false;
        }
    }
    if (!Schema::migrate(db, error))
        return false;

    // The process died while these were with the gateway: whether they went
    // out is unknown, and they must never be re-sent without the user.
    if (!q.exec(QStringLiteral("UPDATE outbox SET state = %1, updated_ms = %2 WHERE state = %3")
                    .arg(int(OutboxState::Unknown))
                    .arg(QDateTime::currentMSecsSinceEpoch())
                    .arg(int(OutboxState::Sending)))) {
        *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() > 0)
        qCInfo(lcStore) << q.numRowsAffected()
                        << "outbox entries were being sent at exit; marked unknown";
    if (q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM outbox")) && q.next())
        m_maxOutboxIdAtOpen = q.value(0).toLongLong();
    return true;
}

void StoreWriter::closeDatabase()
{
    for (QSqlQuery *q : std::as_const(m_prepared))
        delete q;
    m_prepared.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA optimize"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace gd
