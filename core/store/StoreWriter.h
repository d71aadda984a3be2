#pragma once
// The single writer: a thread that owns the only writing connection and runs
// submitted write jobs in batches, one transaction per batch. A batch closes
// when kBatchRows rows are queued, a flush is requested, or kBatchDelayMs
// passed since its first job, whichever comes first; under a flood (the
// writer fell behind) it gathers longer (gatherGoal). Notifications a job
// registers run after the commit, on this thread.

#include "store/SqlWorker.h"
#include "store/StoreWriteState.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <typeindex>
#include <unordered_map>
#include <vector>

class QSqlError;
class QSqlQuery;

namespace gd {

class SqliteStatement;

class DatabaseAddress;

class Store;

class StoreWriter
{
public:
    static constexpr int kBatchRows = 500;
    static constexpr int kBatchDelayMs = 4;
    // Under a flood (a backlog at login: the last batch held kBatchRows or
    // more) a batch gathers up to kFloodRows rows or kFloodDelayMs, and
    // closes early when no job came for kFloodGapMs (the backlog is over or
    // paused: its last rows wait no longer). A commit of 8,000 rows costs
    // about twice one of 700, for eleven times the rows (the pages it writes
    // are mostly the leaves of the indexes and counters, shared by a group's
    // messages), and the statistics counters are written once per key and
    // batch: the app used 10-16 % less CPU in the login burst.
    static constexpr int kFloodRows = 8000;
    static constexpr int kFloodDelayMs = 100;
    static constexpr int kFloodGapMs = 8;
    struct GatherGoal
    {
        int rows = kBatchRows;
        int delayMs = kBatchDelayMs;
        int gapMs = 0; // 0: no early close
    };
    // How long the next batch may gather, given the last batch's rows.
    static GatherGoal gatherGoal(int lastBatchRows)
    {
        if (lastBatchRows >= kBatchRows)
            return {kFloodRows, kFloodDelayMs, kFloodGapMs};
        return {};
    }
    // Files up to this size get a full integrity check at open (about 0.3 s).
    static constexpr qint64 kIntegrityCheckMaxBytes = 96LL * 1024 * 1024;

    // What a job sees: the connection, cached prepared statements, and a
    // place for work that must wait for the commit (signals).
    class Batch
    {
    public:
        Batch(StoreWriter &writer, const QSqlDatabase &db);
        QSqlDatabase &db();
        // A prepared statement for `sql`, prepared once per connection.
        QSqlQuery &prepared(const QString &sql);
        // The same on SQLite's own handle, for the statements run per message
        // (SqliteStatement); only on an SQLite archive. Prepared once per
        // connection; one that failed to prepare is tried again next time.
        SqliteStatement &native(const QString &sql);
        // Runs fn after the batch committed (dropped if it rolled back).
        void afterCommit(std::function<void()> fn);
        // What jobs of one kind sum up across the whole batch (counters kept
        // in memory and written once rather than per job): the batch's T,
        // made by the first job that asks, whose `write` then runs after the
        // batch's last job and before its commit (it reports a failed
        // statement through fail()). A batch run again starts a new one.
        template<typename T> T &perBatch(std::function<void(Batch &, T &)> write)
        {
            std::shared_ptr<void> &slot = m_perBatch[std::type_index(typeid(T))];
            if (!slot) {
                auto made = std::make_shared<T>();
                slot = made;
                m_beforeCommit.push_back(
                    [made, write = std::move(write)](Batch &b) { write(b, *made); });
            }
            return *static_cast<T *>(slot.get());
        }
        // Records a failed statement. A statement's own error (a constraint)
        // is logged and reported through writeFailed, and the batch goes on;
        // a storage fault (disk full, I/O error, ...) fails the whole batch,
        // which is rolled back and run again later: a job stops at once when
        // storageFailed() says so.
        void fail(const QString &what, const QSqlQuery &query);
        void fail(const QString &what, const SqliteStatement &statement);
        void fail(const QString &what, const QSqlError &error);
        bool storageFailed() const;

    private:
        friend class StoreWriter;
        StoreWriter &m_writer;
        QSqlDatabase m_db;
        std::vector<std::function<void()>> m_afterCommit;
        std::vector<std::function<void(Batch &)>> m_beforeCommit;
        std::unordered_map<std::type_index, std::shared_ptr<void>> m_perBatch;
        StorageFault m_fault = StorageFault::None;
        QString m_faultText;
    };
    using Job = std::function<void(Batch &)>;

    explicit StoreWriter(Store *store);
    ~StoreWriter();

    // Starts the thread, opens and migrates the database, turns outbox rows
    // left in Sending into Unknown (SQLite only: on a shared server that is
    // done per account lease). Returns false (and stops) on failure.
    bool start(const QString &path, QString *error);
    // When a job's commit may happen: after the batch had kBatchDelayMs to
    // fill up (most writes), or at once, because someone waits for it now
    // (a send that goes out after its claim commits).
    enum class Commit { Batched, Promptly };
    // Queues a job; `weight` is roughly the number of rows it writes, of
    // which `messages` are messages (counted as waiting while not committed).
    // Jobs must be safe to run again: a batch that fails is rolled back and
    // run again until it commits.
    void submit(Job job, int weight = 1, int messages = 0, Commit commit = Commit::Batched);
    StoreWriteState state() const; // any thread
    bool congested() const { return m_congested; } // any thread
    // Past this many rows waiting, the state says congested (default 20000).
    void setCongestionLimit(qint64 rows);
    // PRAGMA max_page_count for the writing connection (0: no cap), applied
    // before the next batch, even while batches fail.
    void setPageLimit(qint64 pages);
    // Blocks until every job submitted before it is committed.
    void flush();
    // Commits what is queued and stops the thread.
    void stop();
    // The writing connection's name (its change origin on a server).
    QString connectionName() const { return m_connectionName; }

private:
    struct Entry
    {
        Job job;
        int weight = 0;
        int messages = 0;
        std::function<void()> barrier; // set for flush markers
    };
    static constexpr int kRetryFirstMs = 100; // pause after a failed batch, doubling
    static constexpr int kRetryMaxMs = 2000;
    static constexpr int kStopAttempts = 5; // when stopping, then give up (said loudly)

    void run(const QString &path, std::function<void(QString)> started);
    // When a gathering batch closes: `deadline`, or gapMs after the last job
    // came (lock held).
    std::chrono::steady_clock::time_point gatherEnd(std::chrono::steady_clock::time_point deadline,
                                                    int gapMs) const;
    // `location`: an SQLite file path or a postgresql:// address.
    bool openDatabase(const QString &location, QString *error);
    bool openServer(const DatabaseAddress &address, QString *error);
    bool markInterruptedSends(QSqlQuery &q);
    bool probeWrite(const QString &path, QString *error);
    void runServerJob(Batch &batch, QSqlQuery &control, const Job &job);
    bool runBatch(std::deque<Entry> &entries); // false: rolled back, keep the entries
    // A server connection that broke is opened again (false: still down).
    bool reconnect(QSqlDatabase &db);
    void failed(StorageFault fault, const QString &detail);
    void recovered();
    void abandon(std::deque<Entry> &entries);
    void publishState();
    void closeDatabase(bool optimize);
    // Drops the prepared statements (before the connection closes).
    void forgetStatements();

    Store *m_store;
    QString m_connectionName;
    SqlWorker<Entry> m_worker;
    int m_queuedWeight = 0; // under m_worker's lock
    std::chrono::steady_clock::time_point m_lastSubmit; // under m_worker's lock
    bool m_barrierQueued = false; // under m_worker's lock
    bool m_running = false;
    bool m_server = false; // writer thread: the archive is on a server
    bool m_reconnect = false; // writer thread: the server connection broke
    QHash<QString, QSqlQuery *> m_prepared;
    QSet<QString> m_unprepared; // statements whose prepare failed
    std::unordered_map<QString, std::unique_ptr<SqliteStatement>> m_native;

    std::atomic<qint64> m_waitingRows{0};
    std::atomic<qint64> m_waitingMessages{0};
    std::atomic<qint64> m_congestionRows{20000};
    std::atomic<bool> m_congested{false};
    std::atomic<qint64> m_pageLimit{-1}; // -1: unchanged
    mutable std::mutex m_stateMutex;
    std::recursive_mutex m_publishMutex; // publishState(): snapshot and signal in order
    StoreWriteState m_state; // fault, since, detail
    qint64 m_lastFailureLogMs = 0;
};

} // namespace gd
