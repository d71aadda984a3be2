#pragma once
// StatsQuery: computes the statistics figures of a scope and period from the
// counters the writer keeps (StatsCounters' tables), the rooms, tags,
// response-time rules and alerts. Reads only small pre-aggregated rows, so
// it costs the same for any archive size. Stateless; runs on the caller's
// connection (a reader's, off the GUI thread).

#include "stats/StatsFigures.h"

#include <atomic>

class QSqlDatabase;

namespace gd {

class StatsQuery
{
public:
    // Empty figures (and *error) when a statement fails; stops early (figures
    // partly filled) when *cancel becomes true.
    static StatsFigures compute(QSqlDatabase &db, const StatsRequest &request,
                                QString *error = nullptr, const std::atomic_bool *cancel = nullptr);

    // Nearest-rank quantile (q in (0, 1]) of sorted values; -1 if empty.
    static qint64 quantile(const QVector<qint64> &sorted, double q);
    // Bucket index (0..kResponseBuckets-1) of a response time.
    static int bucketOf(qint64 ms);
};

} // namespace gd
