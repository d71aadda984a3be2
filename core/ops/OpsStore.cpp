#include "ops/OpsStore.h"

#include "ops/OpsSchema.h"

#include "store/Store.h"
#include "util/Log.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <vector>

namespace gd {
namespace {
std::atomic<int> g_readerCounter{0};
}

// Lives in the reader thread; opens its connection on first use there.
class OpsStore::Reader : public QObject
{
public:
    explicit Reader(Store *store)
        : m_store(store)
    {}
    ~Reader() override { close(); }

    // Reads wait until the module's tables exist (the first write job).
    void run(const std::function<void(QSqlDatabase &)> &job)
    {
        if (!m_ready) {
            m_waiting.push_back(job);
            return;
        }
        if (m_connection.isEmpty()) {
            m_connection = QStringLiteral("gd-ops-%1").arg(++g_readerCounter);
            QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            conn.setDatabaseName(m_store->path());
            conn.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            if (!conn.open())
                qCWarning(lcStore)
                    << "group operations cannot read the database:" << conn.lastError().text();
            QSqlQuery(conn).exec(QStringLiteral("PRAGMA query_only=1"));
        }
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        job(db);
    }

    void markReady()
    {
        m_ready = true;
        std::vector<std::function<void(QSqlDatabase &)>> waiting;
        waiting.swap(m_waiting);
        for (const auto &job : waiting)
            run(job);
    }

    void close()
    {
        if (m_connection.isEmpty())
            return;
        {
            QSqlDatabase d = QSqlDatabase::database(m_connection, false);
            d.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
    }

private:
    Store *m_store;
    QString m_connection;
    bool m_ready = false;
    std::vector<std::function<void(QSqlDatabase &)>> m_waiting;
};

OpsStore::OpsStore(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_thread(new QThread)
    , m_reader(new Reader(store))
{
    m_thread->setObjectName(QStringLiteral("gd-ops-reader"));
    m_reader->moveToThread(m_thread);
    m_thread->start();
    // The module's tables first (idempotent), then the reads.
    QPointer<Reader> reader(m_reader);
    auto ready = [reader] {
        if (reader)
            QMetaObject::invokeMethod(
                reader.data(),
                [reader] {
                    if (reader)
                        reader->markReady();
                },
                Qt::QueuedConnection);
    };
    const bool submitted = m_store->submitWrite([ready](StoreWriter::Batch &batch) {
        QString error;
        if (!OpsSchema::ensure(batch.db(), &error))
            qCWarning(lcStore) << "group operations tables:" << error;
        if (batch.storageFailed())
            return;
        batch.afterCommit(ready);
    });
    if (!submitted)
        ready();
}

OpsStore::~OpsStore()
{
    // The connection belongs to the reader thread: close it there.
    QMetaObject::invokeMethod(
        m_reader, [r = m_reader] { r->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_reader;
    delete m_thread;
}

void OpsStore::postRead(std::function<void(QSqlDatabase &)> job)
{
    QMetaObject::invokeMethod(
        m_reader, [r = m_reader, job = std::move(job)] { r->run(job); }, Qt::QueuedConnection);
}

void OpsStore::write(WriteWork work, QObject *context, std::function<void(bool, QString)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](bool ok, const QString &error) {
        if (!guard || !done)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, ok, error] {
                if (guard)
                    done(ok, error);
            },
            Qt::QueuedConnection);
    };
    const bool submitted
        = m_store->submitWrite([work = std::move(work), answer](StoreWriter::Batch &batch) {
              QString error;
              if (!work(batch.db(), &error)) {
                  if (batch.storageFailed())
                      return; // rolled back and run again
                  qCWarning(lcStore) << "group operations write failed:" << error;
                  answer(false, error);
                  return;
              }
              batch.afterCommit([answer] { answer(true, {}); });
          });
    if (!submitted)
        answer(false, tr("The archive is closed."));
}

} // namespace gd
