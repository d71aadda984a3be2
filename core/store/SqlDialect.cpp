#include "store/SqlDialect.h"

#include "store/SearchIndex.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

// Both databases' lower() are trusted with ASCII only (SQLite folds nothing
// else; PostgreSQL's depends on the database's ctype): a term with a cased
// letter beyond it is verified by the caller.
bool asciiFoldsCase(const QString &term)
{
    for (QChar c : term) {
        if (c.unicode() >= 0x80 && (c.toLower() != c || c.toUpper() != c))
            return false;
    }
    return true;
}

class SqliteDialect : public SqlDialect
{
public:
    bool isPostgreSql() const override { return false; }
    const SearchIndex &searchIndex() const override { return SearchIndex::fts5(); }

    QStringList writerSetup() const override
    {
        return {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA busy_timeout=10000"),
            QStringLiteral("PRAGMA temp_store=MEMORY"),
            QStringLiteral("PRAGMA cache_size=-32000"),
        };
    }
    QStringList readerSetup() const override
    {
        // Not QSQLITE_OPEN_READONLY: a read-only connection cannot create the
        // WAL index when no writer has the file open. query_only keeps it honest.
        return {
            queryOnly(),
            QStringLiteral("PRAGMA cache_size=-16000"),
            QStringLiteral("PRAGMA temp_store=MEMORY"),
        };
    }
    QString queryOnly() const override { return QStringLiteral("PRAGMA query_only=1"); }
    QString schemaVersionQuery() const override { return QStringLiteral("PRAGMA user_version"); }
    QString setSchemaVersion(int version) const override
    {
        return QStringLiteral("PRAGMA user_version = %1").arg(version);
    }
    QString migrationLock() const override { return QString(); }
    QString migrationUnlock() const override { return QString(); }
    QString integrityCheck(int maxProblems) const override
    {
        return QStringLiteral("PRAGMA quick_check(%1)").arg(maxProblems);
    }
    QStringList integrityOk() const override { return {QStringLiteral("ok")}; }
    QStringList writeProbe() const override
    {
        return {
            QStringLiteral("BEGIN IMMEDIATE"),
            QStringLiteral("CREATE TABLE gd_write_probe (data BLOB)"),
            QStringLiteral("INSERT INTO gd_write_probe VALUES (zeroblob(8192))"),
            QStringLiteral("DROP TABLE gd_write_probe"),
            QStringLiteral("COMMIT"),
        };
    }
    QString pageLimit(qint64 pages) const override
    {
        // SQLite's own default cap when lifted (it cannot be set below the
        // file's current size: then the file's size is the cap).
        return QStringLiteral("PRAGMA max_page_count = %1").arg(pages > 0 ? pages : 1073741823);
    }
    QString optimize() const override { return QStringLiteral("PRAGMA optimize"); }
    QString indexHint(const QString &index) const override
    {
        return QStringLiteral(" INDEXED BY ") + index;
    }
    QString skipLocked() const override { return QString(); }
    QString bigInteger() const override { return QStringLiteral("INTEGER"); }
    QString generatedId() const override { return QStringLiteral("id INTEGER PRIMARY KEY"); }
    QString nowMs() const override
    {
        return QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
    }
    QString insertionOrder() const override { return QStringLiteral("rowid"); }
    QString returningId() const override { return QString(); }
    qint64 insertedId(QSqlQuery &query) const override { return query.lastInsertId().toLongLong(); }
    QString greatest(const QString &a, const QString &b) const override
    {
        return QStringLiteral("MAX(%1, %2)").arg(a, b);
    }
    QString containsFolded(const QString &column) const override
    {
        return QStringLiteral("instr(lower(%1), lower(?)) > 0").arg(column);
    }
    QString containsText(const QString &column) const override
    {
        return QStringLiteral("instr(%1, ?) > 0").arg(column);
    }
    bool foldsCase(const QString &term) const override { return asciiFoldsCase(term); }
};

// The schema version lives in a one-row table (PostgreSQL has no
// user_version); writerSetup creates it on a new database.
class PostgreSqlDialect : public SqlDialect
{
public:
    bool isPostgreSql() const override { return true; }
    const SearchIndex &searchIndex() const override { return SearchIndex::postgresBigrams(); }

    QStringList writerSetup() const override
    {
        // Under the migration lock: two programs starting on a new database
        // at once create one table with one row.
        return {
            QStringLiteral("SET client_min_messages = warning"),
            migrationLock(),
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS gd_schema_version (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO gd_schema_version (version) SELECT 0"
                           " WHERE NOT EXISTS (SELECT 1 FROM gd_schema_version)"),
            migrationUnlock(),
        };
    }
    QStringList readerSetup() const override
    {
        // Every statement is prepared (QPSQL): planned for its own values,
        // or a search would get one plan for rare and common words alike.
        return {queryOnly(), QStringLiteral("SET client_min_messages = warning"),
                QStringLiteral("SET plan_cache_mode = force_custom_plan")};
    }
    QString queryOnly() const override
    {
        return QStringLiteral("SET default_transaction_read_only = on");
    }
    QString schemaVersionQuery() const override
    {
        return QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM gd_schema_version");
    }
    QString setSchemaVersion(int version) const override
    {
        return QStringLiteral("UPDATE gd_schema_version SET version = %1").arg(version);
    }
    // One number for GroupDesk's migrations: the issue (18) and a tag.
    QString migrationLock() const override
    {
        return QStringLiteral("SELECT pg_advisory_lock(1801)");
    }
    QString migrationUnlock() const override
    {
        return QStringLiteral("SELECT pg_advisory_unlock(1801)");
    }
    QString integrityCheck(int) const override { return QString(); }
    QStringList integrityOk() const override { return {}; }
    QStringList writeProbe() const override
    {
        return {
            QStringLiteral("BEGIN"),
            QStringLiteral("CREATE TEMPORARY TABLE gd_write_probe (data BYTEA)"),
            QStringLiteral("INSERT INTO gd_write_probe VALUES (decode(repeat('00', 8192), 'hex'))"),
            QStringLiteral("DROP TABLE gd_write_probe"),
            QStringLiteral("COMMIT"),
        };
    }
    QString pageLimit(qint64) const override { return QString(); }
    QString optimize() const override { return QString(); }
    QString indexHint(const QString &) const override { return QString(); }
    // A column of PostgresSchema's for tables whose key is not a number.
    QString insertionOrder() const override { return QStringLiteral("seq"); }
    QString skipLocked() const override { return QStringLiteral(" FOR UPDATE SKIP LOCKED"); }
    QString bigInteger() const override { return QStringLiteral("BIGINT"); }
    QString generatedId() const override
    {
        return QStringLiteral("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    }
    QString nowMs() const override
    {
        return QStringLiteral(
            "CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS BIGINT)");
    }
    QString returningId() const override { return QStringLiteral(" RETURNING id"); }
    qint64 insertedId(QSqlQuery &query) const override
    {
        return query.next() ? query.value(0).toLongLong() : 0;
    }
    QString greatest(const QString &a, const QString &b) const override
    {
        return QStringLiteral("GREATEST(%1, %2)").arg(a, b);
    }
    QString containsFolded(const QString &column) const override
    {
        return QStringLiteral("strpos(lower(%1), lower(?)) > 0").arg(column);
    }
    QString containsText(const QString &column) const override
    {
        return QStringLiteral("strpos(%1, ?) > 0").arg(column);
    }
    bool foldsCase(const QString &term) const override { return asciiFoldsCase(term); }
};

} // namespace

const SqlDialect &SqlDialect::sqlite()
{
    static const SqliteDialect dialect;
    return dialect;
}

const SqlDialect &SqlDialect::postgresql()
{
    static const PostgreSqlDialect dialect;
    return dialect;
}

const SqlDialect &SqlDialect::of(const QSqlDriver *driver)
{
    if (driver && driver->dbmsType() == QSqlDriver::PostgreSQL)
        return postgresql();
    return sqlite();
}

const SqlDialect &SqlDialect::of(const QSqlDatabase &db)
{
    return of(db.driver());
}

} // namespace gd
