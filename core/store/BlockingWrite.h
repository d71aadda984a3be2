#pragma once
// A write job for a worker thread that must know the outcome before it goes
// on (the monitor's alert writes, the push workspace's): the job runs on the
// store's writer thread inside its next batch, and the caller waits for the
// commit, at most `timeout`. The job may run again after the caller gave up
// (a batch that hit a storage fault is retried later); since its work refers
// to the caller's locals, it is then skipped.

#include <QString>

#include <chrono>
#include <functional>

class QSqlDatabase;

namespace gd {

class Store;

class BlockingWrite
{
public:
    // The work writes through `db`; false (with the reason in *error) rolls
    // nothing back by itself but reports failure (the batch still commits
    // the other jobs' work). `who` names the caller in the log.
    using Work = std::function<bool(QSqlDatabase &db, QString *error)>;

    // true once committed; false if the store is closed, the work failed or
    // no commit came within `timeout`.
    static bool run(Store *store, Work work, const char *who,
                    std::chrono::milliseconds timeout = std::chrono::seconds(30));
};

} // namespace gd
