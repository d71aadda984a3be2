// The throw-away PostgreSQL server the store tests run against: it starts
// from nothing (initdb in a temporary directory), answers on its unix
// socket, gives each test its own database, and is gone (process and files)
// after the destructor.

#include "PgTestServer.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace gd::test;

class TestPgTestServer : public QObject
{
    Q_OBJECT

private slots:
    void startsAnswersAndIsGoneAfterTheDestructor()
    {
        QString socketDir;
        int port = 0;
        {
            PgTestServer server;
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            socketDir = server.socketDir();
            port = server.port();
            QVERIFY(port > 0);
            QVERIFY(QFile::exists(QStringLiteral("%1/.s.PGSQL.%2").arg(socketDir).arg(port)));

            const QString name = server.createFreshDatabase(&error);
            QVERIFY2(!name.isEmpty(), qPrintable(error));
            QVERIFY2(server.exec(name, QStringLiteral("CREATE TABLE t (x INTEGER)"), &error),
                     qPrintable(error));
            QVERIFY2(server.exec(name, QStringLiteral("INSERT INTO t VALUES (42)"), &error),
                     qPrintable(error));
            // A second database does not see the first one's table.
            const QString other = server.createFreshDatabase(&error);
            QVERIFY2(!other.isEmpty(), qPrintable(error));
            QVERIFY(other != name);
            QVERIFY(!server.exec(other, QStringLiteral("SELECT x FROM t"), &error));
            QVERIFY(server.url(name).startsWith(QStringLiteral("postgresql://postgres@%2F")));
        }
        QVERIFY(!QFile::exists(QStringLiteral("%1/.s.PGSQL.%2").arg(socketDir).arg(port)));
        QVERIFY(!QDir(socketDir).exists());
    }

    void unknownDatabaseIsAnError()
    {
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(!server.exec(QStringLiteral("no_such_db"), QStringLiteral("SELECT 1"), &error));
        QVERIFY2(error.contains(QStringLiteral("no_such_db")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPgTestServer)
#include "tst_pg_test_server.moc"
