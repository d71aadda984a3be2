#include "ops/OpsStore.h"

#include "ops/OpsSchema.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"

#include "store/SqlWorker.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <vector>

namespace gd {
namespace {
std::atomic<int> g_readerCounter{0};
}

// The read thread (SqlWorker, as the store's own reader): its read-only
// connection is opened there on the first read. Reads wait until the
// module's tables exist (the first write job); then they run in order.
class OpsStore::Reader
{
public:
    using Job = std::function<void(QSqlDatabase &)>;

    explicit Reader(Store *store)
    {
        const QString name = QStringLiteral("gd-ops-%1").arg(++g_readerCounter);
        m_worker.start([this, store, name] { loop(store, name); });
    }
    // Runs the reads already queued (once the tables are ready), then stops.
    ~Reader() { m_worker.stopAndJoin(); }

    void post(Job job) { m_worker.post(Item{std::move(job)}); }
    void markReady() { m_worker.post(Item{}); }

private:
    struct Item
    {
        Job job; // empty: the tables are ready
    };

    void loop(Store *store, const QString &name)
    {
        bool ready = false;
        std::vector<Job> waiting;
        bool opened = false;
        auto run = [&](const Job &job) {
            if (!opened) {
                opened = true;
                // The archive's file, or its server (a team).
                QSqlDatabase conn = DatabaseAddress::addConnection(store->path(), name);
                if (!conn.open())
                    qCWarning(lcStore)
                        << "group operations cannot read the database:" << conn.lastError().text();
                QSqlQuery(conn).exec(SqlDialect::of(conn).queryOnly());
            }
            QSqlDatabase db = QSqlDatabase::database(name, false);
            job(db);
        };
        while (true) {
            Item item;
            {
                auto lock = m_worker.lock();
                if (!m_worker.waitForWork(lock))
                    break;
                item = m_worker.takeOne(lock);
            }
            if (!item.job) {
                ready = true;
                std::vector<Job> now;
                now.swap(waiting);
                for (const Job &job : now)
                    run(job);
            } else if (!ready) {
                waiting.push_back(std::move(item.job));
            } else {
                run(item.job);
            }
        }
        if (opened) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }

    SqlWorker<Item> m_worker;
};

OpsStore::OpsStore(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_reader(std::make_shared<Reader>(store))
{
    // The module's tables first (idempotent), then the reads.
    std::weak_ptr<Reader> reader = m_reader;
    auto ready = [reader] {
        if (const auto r = reader.lock())
            r->markReady();
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

OpsStore::~OpsStore() = default; // the reader runs what was queued, then stops

void OpsStore::postRead(std::function<void(QSqlDatabase &)> job)
{
    m_reader->post(std::move(job));
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
