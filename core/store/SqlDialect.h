#pragma once
// What differs between the SQL databases the store runs on, said in one
// place: connection set-up, schema version, integrity check, size cap,
// optimizer hints, the id of an inserted row, a few functions. Everything
// else the store writes is SQL both accept (ON CONFLICT ... DO NOTHING / DO
// UPDATE instead of INSERT OR IGNORE, RETURNING).
// Chosen at run time by the connection a statement runs on (of()): SQLite
// through QSQLITE (one person, a file) or PostgreSQL through QPSQL (a team,
// issue 18). Where the database is comes from DatabaseAddress; the
// full-text index is SearchIndex's.

#include <QString>
#include <QStringList>

class QSqlDatabase;
class QSqlDriver;
class QSqlQuery;

namespace gd {

class SearchIndex;

class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    static const SqlDialect &sqlite();
    static const SqlDialect &postgresql();
    // The dialect of an open connection (SQLite for anything else).
    static const SqlDialect &of(const QSqlDriver *driver);
    static const SqlDialect &of(const QSqlDatabase &db);

    virtual bool isPostgreSql() const = 0;
    // The full-text index on this database.
    virtual const SearchIndex &searchIndex() const = 0;

    // Statements run once on a new connection.
    virtual QStringList writerSetup() const = 0;
    virtual QStringList readerSetup() const = 0; // includes queryOnly()
    virtual QString queryOnly() const = 0; // this connection never writes
    // The query whose one value is the schema version, and the statement that sets it.
    virtual QString schemaVersionQuery() const = 0;
    virtual QString setSchemaVersion(int version) const = 0;
    // Run around a migration so two programs never migrate at once (empty:
    // the database serializes writers itself).
    virtual QString migrationLock() const = 0;
    virtual QString migrationUnlock() const = 0;
    // A quick structural check; its rows are integrityOk() when sound. Empty:
    // the server checks its own files.
    virtual QString integrityCheck(int maxProblems) const = 0;
    virtual QStringList integrityOk() const = 0;
    // A committed write that proves writing works (run at open).
    virtual QStringList writeProbe() const = 0;
    // Caps the file at `pages` pages (0: the default cap); empty: no cap.
    virtual QString pageLimit(qint64 pages) const = 0;
    // Run before the writer's connection closes (empty: nothing).
    virtual QString optimize() const = 0;
    // " INDEXED BY <index>" where the planner needs telling; empty elsewhere.
    virtual QString indexHint(const QString &index) const = 0;
    // Column types for migration steps that run on both databases (every
    // step after PostgresSchema's baseline): a 64-bit integer (times in ms).
    virtual QString bigInteger() const = 0;
    // An "id" primary key column whose values the database gives (a
    // module's own tables, created outside the versioned schema).
    virtual QString generatedId() const = 0;
    // The database's clock in ms since the epoch, as an SQL expression:
    // engines on several machines judge leases by one clock, the server's.
    virtual QString nowMs() const = 0;
    // Appended to a SELECT that picks rows to claim: on a server shared by
    // several engines, rows another transaction holds are skipped instead
    // of waited for (empty on SQLite: one writer at a time).
    virtual QString skipLocked() const = 0;
    // The column that orders a table's rows as they were first inserted
    // (accounts: the order the user added them).
    virtual QString insertionOrder() const = 0;
    // Appended to an INSERT whose new id insertedId() reads (empty when the
    // driver knows the id without it).
    virtual QString returningId() const = 0;
    // The id of the row `query` (an INSERT ending in returningId()) just
    // created; 0 when it created none.
    virtual qint64 insertedId(QSqlQuery &query) const = 0;
    // The larger of two values (a scalar, not the aggregate).
    virtual QString greatest(const QString &a, const QString &b) const = 0;
    // A condition true when text `column` contains the bound value (one `?`),
    // ignoring case as far as the database's lower() folds it.
    virtual QString containsFolded(const QString &column) const = 0;
    // A condition true when text `column` contains the bound value (one
    // `?`) as it is: no wildcards to escape in what staff type.
    virtual QString containsText(const QString &column) const = 0;
    // Whether the database's lower() folds `term` as Qt does (else the
    // caller tests the case-insensitive match itself).
    virtual bool foldsCase(const QString &term) const = 0;
};

} // namespace gd
