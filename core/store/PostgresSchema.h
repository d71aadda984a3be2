#pragma once
// The schema on PostgreSQL. A new server database is created directly at
// kBaselineVersion (the SQLite schema's version when team mode came, 15)
// with PostgreSQL's types: BIGINT identity ids (ids from the database),
// BIGINT times and counters, TEXT, a tsvector search index. SQLite's
// migration steps 1..15 never run there; every step after the baseline
// runs on both databases (Schema::migrate), written with SqlDialect's help
// where they differ. tst_schema_postgres checks that both databases have
// the same tables and columns.

class QSqlDatabase;
class QString;

namespace gd {

class PostgresSchema
{
public:
    static constexpr int kBaselineVersion = 15;
    // Creates every table of version kBaselineVersion in an empty database
    // (inside the caller's transaction), seeds like the SQLite steps do.
    static bool createBaseline(QSqlDatabase &db, QString *error);
};

} // namespace gd
