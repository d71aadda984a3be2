#pragma once
// When the rows of the messages table were committed, as the server
// recorded it (track_commit_timestamp on: PgTestServer::addSetting): the
// team-mode tests and benchmarks measure how long each row took from its
// commit to every console (the same machine's clock).

#include <QHash>
#include <QString>
#include <QVector>

class QSqlDatabase;

namespace gd::test {

// Row id -> commit time (ms since the epoch) of every row of `messages`
// that is not a repeat of another (repeats are not announced: the
// consoles never show them); empty with *error when the server keeps no
// commit times.
QHash<qint64, qint64> messageCommitTimes(const QSqlDatabase &db, QString *error);

// The p-th percentile (0..100) of `values` (nearest rank; 0 when empty).
qint64 percentile(QVector<qint64> values, double p);

} // namespace gd::test
