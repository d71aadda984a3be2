#pragma once
// Where a store test keeps its archive: an SQLite file (the default), or,
// when the test runs with GD_TEST_BACKEND=postgresql (ctest registers the
// store tests a second time that way), a fresh database on a throw-away
// PostgreSQL server started once per test program (PgTestServer) and
// stopped when the application exits. The same test, the same assertions,
// both databases.

#include <QString>

class QTemporaryDir;

namespace gd::test {

class TestArchive
{
public:
    static bool usesPostgres();
    // A location for a new, empty archive: `dir`/`fileName`, or a new
    // database on the test server. Empty (and *error) when the server cannot
    // start: the test must fail, never skip.
    static QString fresh(const QTemporaryDir &dir, const QString &fileName, QString *error);
};

} // namespace gd::test
