#pragma once
// What differs between SQL databases, said in one place so a second backend
// (PostgreSQL, issue 18) changes this class and not its callers: connection
// set-up, schema version, integrity check, size cap, optimizer hints, the id
// of an inserted row. Everything else the store writes is SQL both accept
// (ON CONFLICT ... DO NOTHING / DO UPDATE instead of INSERT OR IGNORE).
// Today: SQLite through Qt's QSQLITE driver. The full-text index is
// SearchIndex's.

#include <QString>
#include <QStringList>

class QSqlQuery;

namespace gd {

class SqlDialect
{
public:
    static QString driver(); // the Qt SQL driver name
    static QString connectOptions(); // set before open()
    // Statements run once on a new connection.
    static QStringList writerSetup();
    static QStringList readerSetup(); // includes queryOnly()
    static QString queryOnly(); // this connection never writes
    // The query whose one value is the schema version, and the statement that sets it.
    static QString schemaVersionQuery();
    static QString setSchemaVersion(int version);
    // A quick structural check; its rows are "ok" when the file is sound.
    static QString integrityCheck(int maxProblems);
    static QStringList integrityOk();
    // Caps the file at `pages` pages (0: the default cap).
    static QString pageLimit(qint64 pages);
    // Run before the writer's connection closes.
    static QString optimize();
    // " INDEXED BY <index>" where the planner needs telling; empty elsewhere.
    static QString indexHint(const QString &index);
    // The id of the row `query` (an INSERT) just created.
    static qint64 insertedId(const QSqlQuery &query);
    // A condition true when text `column` contains the bound value (one `?`),
    // ignoring case as far as the database's lower() folds it.
    static QString containsFolded(const QString &column);
    // Whether the database's lower() folds `term` as Qt does (else the
    // caller tests the case-insensitive match itself).
    static bool foldsCase(const QString &term);
};

} // namespace gd
