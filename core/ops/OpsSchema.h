#pragma once
// The tables of group operations (quick_replies, notes, ops_rules, ops_log,
// left_rooms), created when the module first opens a database: every
// statement is idempotent (IF NOT EXISTS), so an archive of any schema
// version gets them once and keeps them. Kept here rather than as a numbered
// step of core/store/Schema.cpp because the module owns its tables and their
// SQL (OpsRepository); no other module reads them.

#include <QStringList>

class QSqlDatabase;

namespace gd {
class SqlDialect;
}

namespace gd {

class OpsSchema
{
public:
    // In the dialect of the database they are for (ids and times differ).
    static QStringList statements(const SqlDialect &dialect);
    // Runs the statements on `db` (the store writer's connection).
    static bool ensure(QSqlDatabase &db, QString *error);
};

} // namespace gd
