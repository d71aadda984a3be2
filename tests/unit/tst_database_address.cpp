// Where the archive lives: a file path stays a file path, a postgresql://
// address is taken apart exactly (socket directories, IPv6, sslmode), and
// every malformed or unsafe address is refused with a sentence saying what
// is wrong, never half-understood; a password in it is refused (keychain).

#include "store/DatabaseAddress.h"

#include <QTest>

using namespace gd;

class TestDatabaseAddress : public QObject
{
    Q_OBJECT

private slots:
    void filePathIsSqlite()
    {
        QString error;
        const DatabaseAddress a
            = DatabaseAddress::parse(QStringLiteral("/home/me/GroupDesk/archive.db"), &error);
        QCOMPARE(a.kind(), DatabaseAddress::Kind::SqliteFile);
        QCOMPARE(a.filePath(), QStringLiteral("/home/me/GroupDesk/archive.db"));
        QCOMPARE(a.driver(), QStringLiteral("QSQLITE"));
        QCOMPARE(a.connectOptions(), QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        // Relative paths, Windows paths and names with '@' or ':' are files too.
        for (const char *path : {"archive.db", "C:\\Users\\me\\archive.db", "me@work:archive.db"}) {
            const DatabaseAddress f = DatabaseAddress::parse(QString::fromUtf8(path), &error);
            QVERIFY2(f.kind() == DatabaseAddress::Kind::SqliteFile, path);
            QCOMPARE(f.filePath(), QString::fromUtf8(path));
        }
    }

    void serverAddressIsTakenApart()
    {
        QString error;
        const DatabaseAddress a = DatabaseAddress::parse(
            QStringLiteral("postgresql://desk@db.example.com:6432/groupdesk?sslmode=verify-full"
                           "&sslrootcert=%2Fetc%2Fssl%2Fteam%20ca.pem"),
            &error);
        QVERIFY2(a.isServer(), qPrintable(error));
        QCOMPARE(a.host(), QStringLiteral("db.example.com"));
        QCOMPARE(a.port(), 6432);
        QCOMPARE(a.user(), QStringLiteral("desk"));
        QCOMPARE(a.database(), QStringLiteral("groupdesk"));
        QCOMPARE(a.sslMode(), QStringLiteral("verify-full"));
        QCOMPARE(a.parameters().value(QStringLiteral("sslrootcert")),
                 QStringLiteral("/etc/ssl/team ca.pem"));
        QCOMPARE(a.driver(), QStringLiteral("QPSQL"));
        // Quoted for libpq, with a default connect timeout.
        QCOMPARE(a.connectOptions(),
                 QStringLiteral("connect_timeout='10';sslmode='verify-full';"
                                "sslrootcert='/etc/ssl/team ca.pem'"));
        QCOMPARE(
            a.displayName(),
            QStringLiteral("postgresql://desk@db.example.com:6432/groupdesk?sslmode=verify-full"));
    }

    void socketDirectoryAndIpv6Hosts()
    {
        QString error;
        const DatabaseAddress sock = DatabaseAddress::parse(
            QStringLiteral("postgres://postgres@%2Fvar%2Frun%2Fpostgresql:5433/gd"), &error);
        QVERIFY2(sock.isServer(), qPrintable(error));
        QCOMPARE(sock.host(), QStringLiteral("/var/run/postgresql"));
        QCOMPARE(sock.port(), 5433);
        const DatabaseAddress viaQuery = DatabaseAddress::parse(
            QStringLiteral("postgresql:///gd?host=/tmp/pg&port=7000"), &error);
        QVERIFY2(viaQuery.isServer(), qPrintable(error));
        QCOMPARE(viaQuery.host(), QStringLiteral("/tmp/pg"));
        QCOMPARE(viaQuery.port(), 7000);
        QVERIFY(viaQuery.user().isEmpty());
        const DatabaseAddress v6
            = DatabaseAddress::parse(QStringLiteral("postgresql://u@[::1]:5432/gd"), &error);
        QVERIFY2(v6.isServer(), qPrintable(error));
        QCOMPARE(v6.host(), QStringLiteral("::1"));
        QCOMPARE(v6.port(), 5432);
        const DatabaseAddress upper
            = DatabaseAddress::parse(QStringLiteral("  PostgreSQL://u@h/d  "), &error);
        QVERIFY2(upper.isServer(), qPrintable(error));
    }

    void badAddressesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("empty") << QString() << QStringLiteral("No database");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("No database");
        QTest::newRow("other scheme")
            << QStringLiteral("mysql://u@h/d") << QStringLiteral("not supported");
        QTest::newRow("no database")
            << QStringLiteral("postgresql://u@h:5432") << QStringLiteral("names no database");
        QTest::newRow("empty database")
            << QStringLiteral("postgresql://u@h/") << QStringLiteral("names no database");
        QTest::newRow("password") << QStringLiteral("postgresql://u:secret@h/d")
                                  << QStringLiteral("keychain");
        QTest::newRow("password parameter")
            << QStringLiteral("postgresql://u@h/d?password=x") << QStringLiteral("keychain");
        QTest::newRow("port letters")
            << QStringLiteral("postgresql://u@h:54a2/d") << QStringLiteral("port");
        QTest::newRow("port zero")
            << QStringLiteral("postgresql://u@h:0/d") << QStringLiteral("port");
        QTest::newRow("port too big")
            << QStringLiteral("postgresql://u@h:65536/d") << QStringLiteral("port");
        QTest::newRow("port empty")
            << QStringLiteral("postgresql://u@h:/d") << QStringLiteral("port");
        QTest::newRow("two hosts")
            << QStringLiteral("postgresql://u@h1,h2/d") << QStringLiteral("several hosts");
        QTest::newRow("bad host") << QStringLiteral("postgresql://u@ho$t/d")
                                  << QStringLiteral("host");
        QTest::newRow("open bracket")
            << QStringLiteral("postgresql://u@[::1/d") << QStringLiteral("“]”");
        QTest::newRow("bad escape")
            << QStringLiteral("postgresql://u%zz@h/d") << QStringLiteral("user name");
        QTest::newRow("escaped NUL")
            << QStringLiteral("postgresql://u@h/d%00x") << QStringLiteral("database name");
        QTest::newRow("invalid UTF-8")
            << QStringLiteral("postgresql://u@h/%ff%fe") << QStringLiteral("database name");
        QTest::newRow("unknown parameter") << QStringLiteral("postgresql://u@h/d?options=-c%20x")
                                           << QStringLiteral("unknown parameter");
        QTest::newRow("bad sslmode") << QStringLiteral("postgresql://u@h/d?sslmode=maybe")
                                     << QStringLiteral("sslmode must be one of");
        QTest::newRow("twice") << QStringLiteral(
            "postgresql://u@h/d?sslmode=require&sslmode=disable")
                               << QStringLiteral("twice");
        QTest::newRow("host twice")
            << QStringLiteral("postgresql://u@h/d?host=/tmp") << QStringLiteral("twice");
        QTest::newRow("semicolon") << QStringLiteral("postgresql://u@h/d?sslrootcert=a;b")
                                   << QStringLiteral("sslrootcert");
        QTest::newRow("no value") << QStringLiteral("postgresql://u@h/d?sslmode")
                                  << QStringLiteral("name=value");
        QTest::newRow("timeout") << QStringLiteral("postgresql://u@h/d?connect_timeout=9999")
                                 << QStringLiteral("connect_timeout");
        QTest::newRow("space") << QStringLiteral("postgresql://u@h/my db")
                               << QStringLiteral("space");
        QTest::newRow("fragment") << QStringLiteral("postgresql://u@h/d#x") << QStringLiteral("#");
        QTest::newRow("control in path")
            << QStringLiteral("arch\nive.db") << QStringLiteral("control character");
        QTest::newRow("too long") << QStringLiteral("postgresql://u@h/")
                + QString(5000, QLatin1Char('d'))
                                  << QStringLiteral("too long");
    }

    void badAddressesAreRefusedWithAReason()
    {
        QFETCH(QString, location);
        QFETCH(QString, reasonContains);
        QString error;
        const DatabaseAddress a = DatabaseAddress::parse(location, &error);
        QVERIFY(!a.isValid());
        QCOMPARE(a.kind(), DatabaseAddress::Kind::Invalid);
        QVERIFY2(error.contains(reasonContains), qPrintable(error));
        // The password never shows up in the words.
        QVERIFY(!error.contains(QStringLiteral("secret")));
    }

    void everySslModeIsPassedToTheDriver_data()
    {
        QTest::addColumn<QString>("mode");
        for (const char *mode :
             {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
            QTest::newRow(mode) << QString::fromLatin1(mode);
    }

    void everySslModeIsPassedToTheDriver()
    {
        QFETCH(QString, mode);
        QString error;
        const DatabaseAddress a = DatabaseAddress::parse(
            QStringLiteral("postgresql://desk@db.example.com/team?sslmode=") + mode, &error);
        QVERIFY2(a.isServer(), qPrintable(error));
        QCOMPARE(a.sslMode(), mode);
        QCOMPARE(a.connectOptions(), QStringLiteral("connect_timeout='10';sslmode='%1'").arg(mode));
        // The name in the settings and the status bar keeps it.
        QCOMPARE(a.displayName(),
                 QStringLiteral("postgresql://desk@db.example.com/team?sslmode=") + mode);
        QCOMPARE(DatabaseAddress::parse(a.displayName()).sslMode(), mode);
        // Without one, libpq's default (prefer) applies: nothing is added.
        QVERIFY(!DatabaseAddress::parse(QStringLiteral("postgresql://desk@db.example.com/team"))
                     .connectOptions()
                     .contains(QLatin1String("sslmode")));
    }

    void passwordComesFromMemoryNotTheString()
    {
        const QString location = QStringLiteral("postgresql://desk@db/gd");
        QVERIFY(DatabaseAddress::passwordFor(location).isEmpty());
        DatabaseAddress::setPassword(location, QStringLiteral("from-keychain"));
        QCOMPARE(DatabaseAddress::passwordFor(location), QStringLiteral("from-keychain"));
        QVERIFY(!DatabaseAddress::parse(location).displayName().contains(
            QStringLiteral("from-keychain")));
        QVERIFY(!DatabaseAddress::parse(location).connectOptions().contains(
            QStringLiteral("from-keychain")));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseAddress)
#include "tst_database_address.moc"
