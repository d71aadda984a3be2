#pragma once
// A statement prepared on an SQLite connection's own handle, for the
// writer's statements that run once or more per message (the row, its search
// entry, its journal line and its conversation's summary). Qt's binding
// layer (a name looked up and a QVariant copied per value, every value
// checked and copied again at each exec) cost about an eighth of the
// writer's CPU in a login burst; this binds straight into SQLite.
//
// Only for SQLite connections, and only in the thread that owns the
// connection. Errors come back as a QSqlError with SQLite's extended code,
// as Qt reports them, so StorageFaults classifies them the same way. The
// statement must be destroyed before its connection closes (an unfinalized
// statement keeps SQLite from closing the file).

#include <QSqlError>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace gd {

class SqliteStatement
{
public:
    // The open SQLite connection's handle, or null (another driver, closed).
    static sqlite3 *handleOf(const QSqlDatabase &db);

    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isPrepared() const { return m_stmt != nullptr; }
    const QString &sql() const { return m_sql; }

    // Values for the next exec(), by 0-based position. Text is bound
    // without a copy: the string must stay alive until exec() returns. A
    // null QString binds as '' (the schema's columns are NOT NULL); an
    // invalid QVariant binds as NULL.
    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    void bind(int index, const QVariant &value);

    // Runs the statement to its end (it returns no rows), then resets it for
    // the next values. False on an error (lastError()).
    bool exec();
    // Rows the last exec() inserted, updated or deleted.
    qint64 changes() const { return m_changes; }
    // The row id of the last row the connection inserted.
    qint64 lastInsertRowId() const;
    const QSqlError &lastError() const { return m_error; }

private:
    void recordError(int code);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    QSqlError m_error;
    qint64 m_changes = 0;
};

} // namespace gd
