#include "ops/OpsSchema.h"

#include "store/SqlDialect.h"
#include "store/SqlQueries.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace gd {

QStringList OpsSchema::statements(const SqlDialect &dialect)
{
    const QString id = dialect.generatedId();
    const QString big = dialect.bigInteger();
    // Canned replies (owner '' = shared), notes per group and per customer,
    // welcome and auto-reply rules (params as JSON), the log of what they did
    // and of groups the bot left (their archive stays: rooms and messages
    // are never deleted).
    QStringList statements = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS quick_replies ("
                       " %1,"
                       " owner TEXT NOT NULL DEFAULT ''," // '' = shared
                       " folder TEXT NOT NULL DEFAULT '',"
                       " title TEXT NOT NULL DEFAULT '',"
                       " shortcut TEXT NOT NULL DEFAULT '',"
                       " body TEXT NOT NULL DEFAULT '',"
                       " image_path TEXT NOT NULL DEFAULT '',"
                       " updated_ms %2 NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS notes ("
                       " account_id TEXT NOT NULL,"
                       " target INTEGER NOT NULL," // 0 group, 1 customer
                       " target_id TEXT NOT NULL,"
                       " body TEXT NOT NULL DEFAULT '',"
                       " updated_ms %2 NOT NULL DEFAULT 0,"
                       " updated_by TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (account_id, target, target_id))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS ops_rules ("
                       " %1,"
                       " kind INTEGER NOT NULL," // 1 welcome, 2 keyword reply, 3 busy reply
                       " enabled INTEGER NOT NULL DEFAULT 1,"
                       " params TEXT NOT NULL DEFAULT ''," // JSON
                       " updated_ms %2 NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS ops_log ("
                       " %1,"
                       " at_ms %2 NOT NULL,"
                       " kind INTEGER NOT NULL," // 1 welcome, 2 auto-reply, 3 left group
                       " account_id TEXT NOT NULL DEFAULT '',"
                       " room_id TEXT NOT NULL DEFAULT '',"
                       " contact_id TEXT NOT NULL DEFAULT '',"
                       " rule_id %2 NOT NULL DEFAULT 0,"
                       " trigger_id TEXT NOT NULL DEFAULT ''," // the message answered
                       " outcome INTEGER NOT NULL DEFAULT 0," // 0 done, 1 held back, 2 failed
                       " detail TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS ops_log_by_room ON ops_log (account_id, room_id, at_ms)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS left_rooms ("
                       " account_id TEXT NOT NULL,"
                       " room_id TEXT NOT NULL,"
                       " left_ms %2 NOT NULL,"
                       " PRIMARY KEY (account_id, room_id))"),
    };
    // %1: the generated id column, %2: a 64-bit integer (times, ids).
    for (QString &sql : statements)
        sql.replace(QLatin1String("%1"), id).replace(QLatin1String("%2"), big);
    return statements;
}

bool OpsSchema::ensure(QSqlDatabase &db, QString *error)
{
    // Run as they are: PostgreSQL cannot prepare DDL.
    QSqlQuery q(db);
    for (const QString &sql : statements(SqlDialect::of(db))) {
        if (!q.exec(sql)) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace gd
