#include "store/BlockingWrite.h"

#include "store/Store.h"
#include "util/Log.h"

#include <QSqlDatabase>

#include <future>
#include <memory>
#include <mutex>

namespace gd {
namespace {

// Fulfils the promise once: true from afterCommit, false if the job failed
// or the batch rolled back (then the lambdas holding it are dropped).
struct WriteCompletion
{
    std::promise<bool> promise;
    bool done = false;
    void finish(bool ok)
    {
        if (!done) {
            done = true;
            promise.set_value(ok);
        }
    }
    ~WriteCompletion() { finish(false); }
};

// Shared by the job and its waiter: once the waiter has returned, the job
// must not run its work any more (the work refers to the waiter's locals).
struct WriteGuard
{
    std::mutex mutex;
    bool waiterGone = false;
};

} // namespace

bool BlockingWrite::run(Store *store, Work work, const char *who, std::chrono::milliseconds timeout)
{
    std::future<bool> committed;
    const auto guard = std::make_shared<WriteGuard>();
    {
        auto completion = std::make_shared<WriteCompletion>();
        committed = completion->promise.get_future();
        const bool submitted = store->submitWrite(
            [completion, guard, who, work = std::move(work)](StoreWriter::Batch &batch) {
                std::lock_guard lock(guard->mutex);
                if (guard->waiterGone || completion->done)
                    return;
                QString error;
                if (!work(batch.db(), &error)) {
                    qCWarning(lcStore) << who << "write failed:" << error;
                    completion->finish(false);
                    return;
                }
                batch.afterCommit([completion] { completion->finish(true); });
            });
        if (!submitted)
            return false;
    } // only the writer holds the completion now
    const bool ready = committed.wait_for(timeout) == std::future_status::ready;
    {
        std::lock_guard lock(guard->mutex); // waits for a run in progress
        guard->waiterGone = true;
    }
    if (!ready) {
        qCWarning(lcStore) << who << "write not committed after" << timeout.count() << "ms";
        return false;
    }
    return committed.get();
}

} // namespace gd
