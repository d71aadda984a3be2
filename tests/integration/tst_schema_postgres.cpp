// The schema on a real PostgreSQL server: a new database is created at the
// same version as SQLite's, with the same tables, columns and indexes (the
// search index and the accounts' insertion order are each database's own);
// a reopen changes nothing; a server database from a newer version is
// refused untouched; two programs opening one new database at once both
// get it, created once.

#include "PgTestServer.h"
#include "store/Schema.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QMap>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <thread>

using namespace gd;
using gd::test::PgTestServer;

namespace {

using Columns = QMap<QString, QSet<QString>>; // table -> columns

// Each database's own, outside the comparison.
bool ownTable(const QString &table)
{
    return table.startsWith(QLatin1String("message_index"))
        || table == QLatin1String("message_tokens") || table.startsWith(QLatin1String("sqlite_"))
        || table.startsWith(QLatin1String("gd_"));
}

Columns sqliteColumns(const QSqlDatabase &db, QSet<QString> *indexes)
{
    Columns out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index')"
                          " AND sql IS NOT NULL"));
    QStringList tables;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (q.value(1).toString() == QLatin1String("index"))
            indexes->insert(name);
        else if (!ownTable(name))
            tables << name;
    }
    for (const QString &t : tables) {
        QSqlQuery c(db);
        c.exec(QStringLiteral("PRAGMA table_info(%1)").arg(t));
        while (c.next())
            out[t].insert(c.value(1).toString());
    }
    return out;
}

Columns postgresColumns(const QSqlDatabase &db, QSet<QString> *indexes)
{
    Columns out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns"
                          " WHERE table_schema = 'public'"));
    while (q.next()) {
        if (!ownTable(q.value(0).toString()))
            out[q.value(0).toString()].insert(q.value(1).toString());
    }
    // Only the indexes made by CREATE INDEX (keys and UNIQUE have their own).
    q.exec(QStringLiteral("SELECT indexname FROM pg_indexes i WHERE schemaname = 'public'"
                          " AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                          " WHERE c.conname = i.indexname)"));
    while (q.next())
        indexes->insert(q.value(0).toString());
    return out;
}

} // namespace

class TestSchemaPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void newServerDatabaseHasTheSameSchemaAsSqlite()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store pg;
        QVERIFY2(pg.open(m_server.url(name), &error), qPrintable(error));
        Store lite;
        QVERIFY2(lite.open(m_dir.filePath(QStringLiteral("same.db")), &error), qPrintable(error));

        auto pgReader = pg.createReader();
        auto liteReader = lite.createReader();
        QCOMPARE(pgReader->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(liteReader->schemaVersion(), Store::kSchemaVersion);

        QSet<QString> pgIndexes;
        QSet<QString> liteIndexes;
        Columns pgColumns = postgresColumns(pgReader->database(), &pgIndexes);
        const Columns liteColumns = sqliteColumns(liteReader->database(), &liteIndexes);
        QVERIFY(pgColumns.size() > 30);
        // accounts.seq stands in for SQLite's rowid (the order they were added).
        QVERIFY(pgColumns[QStringLiteral("accounts")].remove(QStringLiteral("seq")));
        QCOMPARE(QStringList(pgColumns.keys()), QStringList(liteColumns.keys()));
        for (auto it = liteColumns.cbegin(); it != liteColumns.cend(); ++it)
            QVERIFY2(pgColumns.value(it.key()) == it.value(), qPrintable(it.key()));
        // The search index's room index is PostgreSQL's own.
        QVERIFY(pgIndexes.remove(QStringLiteral("message_tokens_by_conversation")));
        QCOMPARE(pgIndexes, liteIndexes);

        // The starting alert rules are there, once.
        QSqlQuery q(pgReader->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM alert_rules")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void reopeningChangesNothingAndANewerSchemaIsRefused()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        {
            Store store;
            QVERIFY2(store.open(m_server.url(name), &error), qPrintable(error));
        }
        {
            Store store;
            QVERIFY2(store.open(m_server.url(name), &error), qPrintable(error));
            const auto reader = store.createReader();
            QSqlQuery q(reader->database());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM alert_rules")) && q.next());
            QCOMPARE(q.value(0).toInt(), 3); // not seeded twice
        }
        QVERIFY2(m_server.exec(name, QStringLiteral("UPDATE gd_schema_version SET version = 99"),
                               &error),
                 qPrintable(error));
        Store store;
        QVERIFY(!store.open(m_server.url(name), &error));
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY(!store.isOpen());
        // Untouched: still 99, still the same rows.
        QVERIFY(m_server.exec(name,
                              QStringLiteral("DO $$ BEGIN IF (SELECT MAX(version) FROM"
                                             " gd_schema_version) <> 99 THEN RAISE"
                                             " EXCEPTION 'changed'; END IF; END $$"),
                              &error));
    }

    void twoProgramsCreatingOneDatabaseAtOnceBothOpenIt()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        const QString url = m_server.url(name);
        bool ok[2] = {false, false};
        QString errors[2];
        Store stores[2];
        std::thread a([&] { ok[0] = stores[0].open(url, &errors[0]); });
        std::thread b([&] { ok[1] = stores[1].open(url, &errors[1]); });
        a.join();
        b.join();
        QVERIFY2(ok[0], qPrintable(errors[0]));
        QVERIFY2(ok[1], qPrintable(errors[1]));
        const auto reader = stores[0].createReader();
        QSqlQuery q(reader->database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM alert_rules")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void unreachableServerIsAClearError()
    {
        Store store;
        QString error;
        // A socket directory with no server in it.
        QTemporaryDir empty;
        const QString url = QStringLiteral("postgresql://postgres@")
            + QString::fromLatin1(QUrl::toPercentEncoding(empty.path()))
            + QStringLiteral(":5999/gd");
        QVERIFY(!store.open(url, &error));
        QVERIFY2(error.contains(QStringLiteral("Cannot connect to the database")),
                 qPrintable(error));
        // A malformed address never reaches a driver.
        QVERIFY(!store.open(QStringLiteral("postgresql://u:pw@h/d"), &error));
        QVERIFY2(error.contains(QStringLiteral("keychain")), qPrintable(error));
    }

private:
    PgTestServer m_server;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSchemaPostgres)
#include "tst_schema_postgres.moc"
