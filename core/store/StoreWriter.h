#pragma once
// The single writer: a thread that owns the only writing connection and runs
// submitted write jobs in batches, one transaction per batch. A batch closes
// when kBatchRows rows are queued, a flush is requested, or kBatchDelayMs
// passed since its first job, whichever comes first. Notifications a job
// registers run after the commit, on this thread.

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

class QSqlQuery;

namespace gd {

class Store;

class StoreWriter
{
public:
    static constexpr int kBatchRows = 500;
    static constexpr int kBatchDelayMs = 4;

    // What a job sees: the connection, cached prepared statements, and a
    // place for work that must wait for the commit (signals).
    class Batch
    {
    public:
        Batch(StoreWriter &writer, QSqlDatabase db);
        QSqlDatabase &db();
        // A prepared statement for `sql`, prepared once per connection.
        QSqlQuery &prepared(const QString &sql);
        // Runs fn after the batch committed (dropped if it rolled back).
        void afterCommit(std::function<void()> fn);
        // Records a failed statement (logged, reported through writeFailed).
        void fail(const QString &what, const QSqlQuery &query);

    private:
        friend class StoreWriter;
        StoreWriter &m_writer;
        QSqlDatabase m_db;
        std::vector<std::function<void()>> m_afterCommit;
    };
    using Job = std::function<void(Batch &)>;

    explicit StoreWriter(Store *store);
    ~StoreWriter();

    // Starts the thread, opens and migrates the database, turns outbox rows
    // left in Sending into Unknown. Returns false (and stops) on failure.
    bool start(const QString &path, QString *error);
    // Queues a job; `weight` is roughly the number of rows it writes.
    void submit(Job job, int weight = 1);
    // Blocks until every job submitted before it is committed.
    void flush();
    // Commits what is queued and stops the thread.
    void stop();

    // The largest outbox id at open (Store hands out ids above it).
    qint64 maxOutboxIdAtOpen() const { return m_maxOutboxIdAtOpen; }

private:
    struct Entry
    {
        Job job;
        int weight = 0;
        std::function<void()> barrier; // set for flush markers
    };

    void run(const QString &path, std::function<void(QString)> started);
    bool openDatabase(const QString &path, QString *error);
    void runBatch(std::deque<Entry> &entries);
    void closeDatabase();

    Store *m_store;
    QString m_connectionName;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Entry> m_queue;
    int m_queuedWeight = 0;
    bool m_barrierQueued = false;
    bool m_stopping = false;
    bool m_running = false;
    qint64 m_maxOutboxIdAtOpen = 0;
    QHash<QString, QSqlQuery *> m_prepared;
};

} // namespace gd
