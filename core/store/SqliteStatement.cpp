#include "store/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace gd {

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || db.driverName() != QLatin1String("QSQLITE"))
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    if (!m_db) {
        m_error = QSqlError(QStringLiteral("no SQLite connection"), QString(),
                            QSqlError::ConnectionError);
        return;
    }
    // Persistent: prepared once, run many thousand times.
    const int rc = sqlite3_prepare16_v3(m_db, sql.constData(), int(sql.size() * sizeof(QChar)),
                                        SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        recordError(sqlite3_extended_errcode(m_db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, const QString &text)
{
    // A null QString has no data: SQLite would bind NULL for a null pointer.
    static const char16_t empty[1] = {0};
    const void *data = text.isNull() ? static_cast<const void *>(empty)
                                     : static_cast<const void *>(text.constData());
    sqlite3_bind_text16(m_stmt, index + 1, data, int(text.size() * sizeof(QChar)), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index + 1, value);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        sqlite3_bind_null(m_stmt, index + 1);
        break;
    case QMetaType::QString:
        bind(index, *static_cast<const QString *>(value.constData()));
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_stmt, index + 1, value.toDouble());
        break;
    case QMetaType::QByteArray: {
        const QByteArray *bytes = static_cast<const QByteArray *>(value.constData());
        sqlite3_bind_blob(m_stmt, index + 1, bytes->constData(), int(bytes->size()), SQLITE_STATIC);
        break;
    }
    default:
        bind(index, value.toLongLong());
        break;
    }
}

bool SqliteStatement::exec()
{
    if (!m_stmt)
        return false;
    int rc = sqlite3_step(m_stmt);
    while (rc == SQLITE_ROW) // a RETURNING clause: its rows are not read
        rc = sqlite3_step(m_stmt);
    const bool ok = rc == SQLITE_DONE;
    if (ok) {
        m_changes = sqlite3_changes64(m_db);
        m_error = QSqlError();
    } else {
        m_changes = 0;
        recordError(rc);
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return ok;
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

void SqliteStatement::recordError(int code)
{
    // The connection reports extended codes (Qt turns them on); the step's
    // own code is kept when the connection's was already reset.
    const int extended = sqlite3_extended_errcode(m_db);
    const int reported = (extended & 0xff) == (code & 0xff) ? extended : code;
    m_error = QSqlError(QStringLiteral("Unable to execute statement"),
                        QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError,
                        QString::number(reported));
}

} // namespace gd
