#pragma once
// Test data straight into a PostgreSQL archive, for benchmarks over a million
// messages (the writer stores about a thousand a second on a test server):
// messages in multi-row INSERTs (thousands a statement, as arrays), and their
// search index rows through PgBigramIndex::addFromStatement, the statement
// the writer runs for each message, so the index holds exactly what the
// writer would have written (tst_pg_bulk_loader compares the two). Only the
// messages and their index: no conversation summaries, journal or counters.

#include "model/Types.h"

#include <QString>
#include <QVector>

namespace gd::test {

class PgTestServer;

class PgBulkLoader
{
public:
    // Appends `messages` to database `database` of `server` (whose schema a
    // Store created), numbered after its newest row: sets each rowId. Rows
    // marked as repeats (duplicateOf) and empty texts stay out of the
    // index, as in the writer. False with the reason.
    static bool append(const PgTestServer &server, const QString &database,
                       QVector<Message> *messages, QString *error);
    // Messages a statement.
    static constexpr int kChunk = 5000;
};

} // namespace gd::test
