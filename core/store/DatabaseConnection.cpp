// DatabaseAddress's Qt SQL side, apart from the parser so that the parser
// builds with Qt Core alone (its fuzz target).
#include "store/DatabaseAddress.h"

#include <QSqlDatabase>
#include <QUuid>

#include <sqlite3.h>

#include <mutex>

namespace gd {

namespace {

// Process-wide SQLite settings, made before the first connection opens (the
// library takes them only before it initializes itself; every connection of
// the process is made here). SQLite keeps memory statistics by default:
// every allocation and free then takes a global mutex, about 5 % of the
// writer's CPU in a login burst, for figures GroupDesk never reads.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

} // namespace

QSqlDatabase DatabaseAddress::addConnection(const QString &connectionName) const
{
    configureSqliteOnce();
    // An invalid address gets a connection without a driver: open() fails.
    QSqlDatabase db
        = QSqlDatabase::addDatabase(isValid() ? driver() : QStringLiteral("-"), connectionName);
    switch (m_kind) {
    case Kind::SqliteFile:
        db.setDatabaseName(m_path);
        break;
    case Kind::PostgreSql:
        db.setDatabaseName(m_database);
        if (!m_host.isEmpty())
            db.setHostName(m_host);
        if (m_port)
            db.setPort(m_port);
        if (!m_user.isEmpty())
            db.setUserName(m_user);
        if (const QString password = passwordFor(m_location); !password.isEmpty())
            db.setPassword(password);
        break;
    case Kind::Invalid:
        break;
    }
    QString options = connectOptions();
    if (m_kind == Kind::PostgreSql) {
        // Which connection changed a row (schema 18's change_origin): the
        // live updates leave out the writes their own store announced.
        options += QStringLiteral(";options='-c gd.origin=%1'").arg(changeOrigin(connectionName));
    }
    db.setConnectOptions(options);
    return db;
}

QString DatabaseAddress::changeOrigin(const QString &connectionName)
{
    // Connection names repeat between programs; the process token does not.
    static const QString process = QUuid::createUuid().toString(QUuid::Id128).left(12);
    return process + QLatin1Char('/') + connectionName;
}

QSqlDatabase DatabaseAddress::addConnection(const QString &location, const QString &connectionName)
{
    return parse(location).addConnection(connectionName);
}

} // namespace gd
