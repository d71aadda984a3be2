// AccountLeaseKeeper (issue 18) in one process, on a real PostgreSQL, with
// short leases: an engine runs a session only while it holds the account's
// lease; a renewal that fails (another holder) stops the session at once; a
// database that cannot be reached stops it before the lease could lapse,
// and the account is taken again once the server is back; an account
// without a token here is left alone; a clean stop gives the leases back.
// The sessions point at a gateway that is not there: only who runs what is
// looked at.

#include "PgTestServer.h"
#include "engine/AccountLeaseKeeper.h"
#include "engine/Engine.h"
#include "store/AccountLeases.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using namespace gd;
using gd::test::PgTestServer;

class TestLeaseKeeperPostgres : public QObject
{
    Q_OBJECT

private slots:
    void sessionRunsOnlyUnderItsLease()
    {
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store store;
        QVERIFY2(store.open(server.url(name), &error), qPrintable(error));
        for (const QString &id : {QStringLiteral("a1"), QStringLiteral("no-token")}) {
            AccountInfo account;
            account.id = id;
            account.displayName = id;
            account.endpoint = QStringLiteral("127.0.0.1:9"); // nobody answers
            store.upsertAccount(account);
        }
        store.flush();

        Engine engine(&store);
        AccountLeaseKeeper::Timing timing;
        timing.ttlMs = 3000;
        timing.heartbeatMs = 500;
        timing.scanMs = 300;
        timing.safetyMarginMs = 1000;
        timing.missingTokenRetryMs = 500;
        auto tokens = [](const AccountInfo &account, AccountLeaseKeeper::TokenDone done) {
            if (account.id == QLatin1String("no-token"))
                done(false, {}, QStringLiteral("not in this keychain"));
            else
                done(true, QStringLiteral("token-") + account.id, {});
        };
        const EngineIdentity me = EngineIdentity::make(QStringLiteral("k1"));
        QVERIFY(me.id.startsWith(QLatin1String("k1@")));
        AccountLeaseKeeper keeper(&store, &engine, me, tokens, timing);
        QSignalSpy givenUp(&keeper, &AccountLeaseKeeper::accountGivenUp);
        keeper.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")}, 5000);
        QCOMPARE(engine.leaseHolder(), me.id);
        QTRY_COMPARE(keeper.accountsWithoutToken(), QStringList{QStringLiteral("no-token")});

        // Another engine holds the lease now (as if ours had lapsed and it
        // took it): the next renewal fails and the session stops at once.
        const QString steal = QStringLiteral("UPDATE account_leases SET engine_id = 'thief',"
                                             " expires_ms = expires_ms + 600000"
                                             " WHERE account_id = 'a1'");
        QVERIFY2(server.exec(name, steal, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(engine.accountIds().isEmpty(), 2000);
        QCOMPARE(givenUp.size(), 1);
        QCOMPARE(givenUp.at(0).at(0).toString(), QStringLiteral("a1"));
        QTest::qWait(1000);
        QVERIFY(engine.accountIds().isEmpty()); // not while the other one holds it

        // The other engine gives it back: taken again.
        QVERIFY2(server.exec(name, QStringLiteral("DELETE FROM account_leases"), &error),
                 qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")}, 5000);

        // The server is away for longer than a lease: renewals cannot be
        // confirmed, so the session stops before the lease could lapse
        // (another engine may take it then), and runs again afterwards.
        QElapsedTimer down;
        down.start();
        std::atomic<bool> restarted{false};
        std::atomic<qint64> upAfterMs{0};
        QString restartError;
        std::thread restarter([&] {
            restarted = server.restart(&restartError, timing.ttlMs + 2000);
            upAfterMs = down.elapsed();
        });
        QTRY_VERIFY_WITH_TIMEOUT(engine.accountIds().isEmpty(), timing.ttlMs + 1000);
        const qint64 stoppedAfterMs = down.elapsed();
        QVERIFY2(
            stoppedAfterMs < timing.ttlMs,
            qPrintable(QStringLiteral("stopped %1 ms after the server went").arg(stoppedAfterMs)));
        QTRY_VERIFY_WITH_TIMEOUT(upAfterMs > 0, 30000);
        restarter.join();
        QVERIFY2(restarted, qPrintable(restartError));
        QVERIFY(stoppedAfterMs < upAfterMs); // while it was away
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")}, 15000);

        // A clean stop: sessions stopped, leases given back at once.
        keeper.stop();
        QVERIFY(engine.accountIds().isEmpty());
        store.flush();
        auto reader = store.createReader();
        QTRY_VERIFY(AccountLeases::all(reader->database()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLeaseKeeperPostgres)
#include "tst_lease_keeper_postgres.moc"
