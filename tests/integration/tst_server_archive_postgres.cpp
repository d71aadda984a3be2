// The settings' "Test connection" for a shared archive (issue 18), against
// a real PostgreSQL 15: an empty database and a GroupDesk archive are told
// apart; the address's sslmode reaches the server's handshake over TCP
// (the test server offers no TLS: disable connects, require and
// verify-full are refused for that reason, not another); a missing database, a server that
// is not there and a wrong password each get their own sentence; the
// keychain entry of a password is the same for every sslmode.

#include "PgTestServer.h"
#include "store/Schema.h"
#include "store/ServerArchive.h"
#include "store/Store.h"

#include <QTest>

using namespace gd;
using gd::test::PgTestServer;

class TestServerArchivePostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error, true), qPrintable(error)); // TCP too: TLS needs it
    }

    void emptyDatabaseAndArchiveAreToldApart()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        ServerArchive::Check empty = ServerArchive::check(m_server.url(name), QString());
        QVERIFY2(empty.ok, qPrintable(empty.detail));
        QCOMPARE(empty.schemaVersion, 0);
        QVERIFY2(empty.message.contains(QLatin1String("empty database")),
                 qPrintable(empty.message));

        {
            Store store; // sets the archive up
            QVERIFY2(store.open(m_server.url(name), &error), qPrintable(error));
        }
        const ServerArchive::Check archive = ServerArchive::check(m_server.url(name), QString());
        QVERIFY(archive.ok);
        QCOMPARE(archive.schemaVersion, Schema::latestVersion());
        QVERIFY2(archive.message.contains(QLatin1String("GroupDesk archive")),
                 qPrintable(archive.message));
    }

    void sslModeReachesTheServer()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        // Over TCP: libpq never asks for TLS on a unix socket.
        const QString url = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3")
                                .arg(m_server.user())
                                .arg(m_server.port())
                                .arg(name);

        const ServerArchive::Check plain
            = ServerArchive::check(url + QStringLiteral("?sslmode=disable"), QString());
        QVERIFY2(plain.ok, qPrintable(plain.detail));

        for (const char *mode : {"require", "verify-full"}) {
            const ServerArchive::Check tls = ServerArchive::check(
                url + QStringLiteral("?sslmode=") + QLatin1String(mode), QString());
            QVERIFY2(!tls.ok, mode);
            // libpq's own refusal: it asked the server for TLS.
            QVERIFY2(tls.detail.contains(QLatin1String("SSL"), Qt::CaseInsensitive),
                     qPrintable(tls.detail));
            QVERIFY2(tls.message.contains(QLatin1String("sslmode=") + QLatin1String(mode)),
                     qPrintable(tls.message));
        }
    }

    void failuresSayWhatIsWrong()
    {
        const ServerArchive::Check noDatabase
            = ServerArchive::check(m_server.url(QStringLiteral("gd_not_there")), QString());
        QVERIFY(!noDatabase.ok);
        QVERIFY2(noDatabase.message.contains(QStringLiteral("no database “gd_not_there”")),
                 qPrintable(noDatabase.message));

        // Nothing listens on that port of the socket directory.
        QString url = m_server.url(QStringLiteral("gd"));
        url.replace(QStringLiteral(":%1/").arg(m_server.port()),
                    QStringLiteral(":%1/").arg(m_server.port() == 65535 ? 1 : m_server.port() + 1));
        const ServerArchive::Check nobody = ServerArchive::check(url, QString());
        QVERIFY(!nobody.ok);
        QVERIFY2(nobody.message.contains(QLatin1String("could not be reached")),
                 qPrintable(nobody.message));

        const ServerArchive::Check notServer
            = ServerArchive::check(QStringLiteral("/tmp/archive.sqlite"), QString());
        QVERIFY(!notServer.ok);
        QVERIFY(notServer.message.contains(QLatin1String("postgresql://")));
        const ServerArchive::Check malformed
            = ServerArchive::check(QStringLiteral("postgresql://u:pw@h/d"), QString());
        QVERIFY(!malformed.ok);
        QVERIFY(malformed.message.contains(QLatin1String("keychain")));
    }

    void passwordKeyIgnoresSslMode()
    {
        const QString key = ServerArchive::passwordKey(
            QStringLiteral("postgresql://desk@db.example.com:6432/team?sslmode=verify-full"));
        QCOMPARE(key, QStringLiteral("database-password/desk@db.example.com:6432/team"));
        QCOMPARE(ServerArchive::passwordKey(
                     QStringLiteral("postgresql://desk@db.example.com:6432/team?sslmode=disable")),
                 key);
    }

    // Last: from here on the server wants a password.
    void theTypedPasswordIsUsed()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        const QString password = QStringLiteral("Pw-团队-1");
        QVERIFY2(m_server.requirePassword(password, &error), qPrintable(error));
        const QString url = m_server.url(name);

        const ServerArchive::Check none = ServerArchive::check(url, QString());
        QVERIFY(!none.ok);
        QVERIFY2(none.message.contains(QLatin1String("refused the password")),
                 qPrintable(none.message));
        const ServerArchive::Check wrong = ServerArchive::check(url, QStringLiteral("nope"));
        QVERIFY(!wrong.ok);
        QVERIFY(wrong.message.contains(QLatin1String("refused the password")));
        const ServerArchive::Check right = ServerArchive::check(url, password);
        QVERIFY2(right.ok, qPrintable(right.detail));
        QVERIFY(!right.message.contains(password));
    }

private:
    PgTestServer m_server;
};

QTEST_GUILESS_MAIN(TestServerArchivePostgres)
#include "tst_server_archive_postgres.moc"
