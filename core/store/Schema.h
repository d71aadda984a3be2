#pragma once
// The database schema as an ordered list of migration steps. Step i takes a
// database from user_version i to i + 1 inside one transaction, so a crash
// mid-migration leaves the previous version intact.

#include <QString>

class QSqlDatabase;

namespace gd {

class Schema
{
public:
    // The version the newest step produces (== Store::kSchemaVersion).
    static int latestVersion();

    // PRAGMA user_version of an open database; -1 if it cannot be read.
    static int userVersion(QSqlDatabase &db);

    // Reads user_version from the file header without opening the database
    // (so nothing at all is written). 0 for a missing or empty file, -1 if the
    // file is not an SQLite database.
    static int fileUserVersion(const QString &path);

    // Runs the steps from the database's current version up to
    // `targetVersion` (default: the latest). Refuses databases newer than
    // the latest version without touching them.
    // On PostgreSQL a new database is created at PostgresSchema's baseline
    // and only the steps after it run; they must run on both databases.
    static bool migrate(QSqlDatabase &db, QString *error, int targetVersion = -1);

    // The alert rules a new archive starts with (both databases).
    static bool seedStartingRules(QSqlDatabase &db, QString *error);

private:
    static bool migrateLocked(QSqlDatabase &db, QString *error, int targetVersion);
};

} // namespace gd
