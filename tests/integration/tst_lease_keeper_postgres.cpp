// AccountLeaseKeeper (issue 18) in one process, on a real PostgreSQL, with
// short leases: an engine runs a session only while it holds the account's
// lease; a renewal that fails (another holder) stops the session at once; a
// database that cannot be reached stops it before the lease could lapse,
// and the account is taken again once the server is back; an account
// without a token here is left alone; a clean stop gives the leases back.
// The lease statements have their own connection: a writer busy with a
// backlog longer than a lease does not delay the renewals, a lease
// connection cut by the server is opened again, and renewals that cannot be
// confirmed stop the account before its lease lapses.
// The sessions point at a gateway that is not there: only who runs what is
// looked at.

#include "PgTestServer.h"
#include "engine/AccountLeaseKeeper.h"
#include "engine/Engine.h"
#include "store/AccountLeases.h"
#include "store/DatabaseAddress.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace gd;
using gd::test::PgTestServer;

namespace {

AccountLeaseKeeper::Timing shortLeases()
{
    AccountLeaseKeeper::Timing timing;
    timing.ttlMs = 3000;
    timing.heartbeatMs = 500;
    timing.scanMs = 300;
    timing.safetyMarginMs = 1000;
    timing.missingTokenRetryMs = 500;
    return timing;
}

void everyTokenIsHere(const AccountInfo &account, AccountLeaseKeeper::TokenDone done)
{
    done(true, QStringLiteral("token-") + account.id, {});
}

// One account "a1" in a fresh database, opened by `store`.
bool openWithOneAccount(PgTestServer &server, Store &store, QString *name, QString *error)
{
    if (!server.start(error))
        return false;
    *name = server.createFreshDatabase(error);
    if (name->isEmpty() || !store.open(server.url(*name), error))
        return false;
    AccountInfo account;
    account.id = QStringLiteral("a1");
    account.displayName = account.id;
    account.endpoint = QStringLiteral("127.0.0.1:9"); // nobody answers
    store.upsertAccount(account);
    store.flush();
    return true;
}

} // namespace

class TestLeaseKeeperPostgres : public QObject
{
    Q_OBJECT

private slots:
    void leaseIsKeptWhileTheWriterWorksThroughABacklog()
    {
        PgTestServer server;
        Store store;
        QString name;
        QString error;
        QVERIFY2(openWithOneAccount(server, store, &name, &error), qPrintable(error));
        Engine engine(&store);
        const AccountLeaseKeeper::Timing timing = shortLeases();
        AccountLeaseKeeper keeper(&store, &engine, EngineIdentity::make(QStringLiteral("busy")),
                                  everyTokenIsHere, timing);
        QSignalSpy givenUp(&keeper, &AccountLeaseKeeper::accountGivenUp);
        keeper.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")}, 5000);

        // The writer is busy for longer than a lease (a slow batch), and a
        // backlog of messages waits behind it.
        const int busyMs = timing.ttlMs * 2;
        store.submitWrite([busyMs](StoreWriter::Batch &b) {
            QSqlQuery q(b.db());
            q.exec(QStringLiteral("SELECT pg_sleep(%1)").arg(busyMs / 1000.0));
        });
        constexpr int kBacklog = 20000;
        for (int chunk = 0; chunk < kBacklog / 1000; ++chunk) {
            QVector<Message> messages;
            for (int i = 0; i < 1000; ++i) {
                Message m;
                m.accountId = QStringLiteral("a1");
                m.id = QStringLiteral("backlog-%1").arg(chunk * 1000 + i);
                m.roomId = QStringLiteral("r%1@chatroom").arg(i % 50);
                m.talkerId = QStringLiteral("c%1").arg(i % 200);
                m.kind = MessageKind::Text;
                m.text = QStringLiteral("积压的消息 %1").arg(i);
                m.timestampMs = 1700000000000 + chunk * 1000 + i;
                messages.append(m);
            }
            store.insertMessages(messages);
        }
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < busyMs + 500) {
            QTest::qWait(100);
            QVERIFY2(givenUp.isEmpty(),
                     qPrintable(QStringLiteral("gave the account up after %1 ms: %2")
                                    .arg(busy.elapsed())
                                    .arg(givenUp.value(0).value(1).toString())));
        }
        QCOMPARE(engine.accountIds(), QStringList{QStringLiteral("a1")});
        store.flush();
        auto reader = store.createReader();
        QCOMPARE(reader->messageCount(QStringLiteral("a1")), qint64(kBacklog));
        const QVector<AccountLease> rows = AccountLeases::all(reader->database());
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].engineId, keeper.identity().id);
    }

    void leaseConnectionCutByTheServerIsOpenedAgain()
    {
        PgTestServer server;
        Store store;
        QString name;
        QString error;
        QVERIFY2(openWithOneAccount(server, store, &name, &error), qPrintable(error));
        Engine engine(&store);
        const AccountLeaseKeeper::Timing timing = shortLeases();
        AccountLeaseKeeper keeper(&store, &engine, EngineIdentity::make(QStringLiteral("cut")),
                                  everyTokenIsHere, timing);
        QSignalSpy givenUp(&keeper, &AccountLeaseKeeper::accountGivenUp);
        keeper.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")}, 5000);

        QSqlDatabase admin = DatabaseAddress::addConnection(server.url(name), "admin-cut");
        QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
        {
            QSqlQuery q(admin);
            QVERIFY(q.exec(QStringLiteral("SELECT count(pg_terminate_backend(pid))"
                                          " FROM pg_stat_activity WHERE application_name"
                                          " = 'gd-leases' AND datname = current_database()")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1); // the keeper's lease connection
        }
        QTest::qWait(timing.ttlMs * 2);
        QVERIFY2(givenUp.isEmpty(), qPrintable(givenUp.value(0).value(1).toString()));
        QCOMPARE(engine.accountIds(), QStringList{QStringLiteral("a1")});
        {
            QSqlQuery q(admin);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE"
                                          " application_name = 'gd-leases'"
                                          " AND datname = current_database()")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1); // opened again
        }
        admin.close();
        admin = {};
        QSqlDatabase::removeDatabase(QStringLiteral("admin-cut"));
    }

    void accountStopsBeforeItsLeaseLapsesWhenRenewalsHang()
    {
        PgTestServer server;
        Store store;
        QString name;
        QString error;
        QVERIFY2(openWithOneAccount(server, store, &name, &error), qPrintable(error));
        Engine engine(&store);
        const AccountLeaseKeeper::Timing timing = shortLeases();
        AccountLeaseKeeper keeper(&store, &engine, EngineIdentity::make(QStringLiteral("hung")),
                                  everyTokenIsHere, timing);
        keeper.start();
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")}, 5000);

        // Another connection holds the lease row: every renewal waits (as
        // with a server that stopped answering) and fails on its timeout.
        QSqlDatabase locker = DatabaseAddress::addConnection(server.url(name), "locker");
        QVERIFY2(locker.open(), qPrintable(locker.lastError().text()));
        QVERIFY(locker.transaction());
        {
            QSqlQuery q(locker);
            QVERIFY(q.exec(
                QStringLiteral("SELECT 1 FROM account_leases WHERE account_id = 'a1' FOR UPDATE")));
        }
        // When the engine stops the account, the lease must still hold for
        // a while: no other engine may have taken it yet.
        qint64 leftWhenStoppedMs = -1;
        bool sessionGone = false;
        QElapsedTimer hung;
        hung.start();
        connect(&keeper, &AccountLeaseKeeper::accountGivenUp, this, [&] {
            sessionGone = engine.accountIds().isEmpty();
            QSqlQuery q(locker);
            if (q.exec(QStringLiteral("SELECT expires_ms - CAST(floor(extract(epoch FROM"
                                      " clock_timestamp()) * 1000) AS BIGINT) FROM"
                                      " account_leases WHERE account_id = 'a1'"))
                && q.next())
                leftWhenStoppedMs = q.value(0).toLongLong();
        });
        QTRY_VERIFY_WITH_TIMEOUT(leftWhenStoppedMs >= 0 || engine.accountIds().isEmpty(),
                                 timing.ttlMs * 2);
        QVERIFY(sessionGone);
        QVERIFY2(leftWhenStoppedMs >= timing.safetyMarginMs / 2,
                 qPrintable(QStringLiteral("the lease had %1 ms left when the account stopped")
                                .arg(leftWhenStoppedMs)));
        QVERIFY(hung.elapsed() < timing.ttlMs);

        // The lock goes: the engine takes the account again.
        QVERIFY(locker.rollback());
        QTRY_COMPARE_WITH_TIMEOUT(engine.accountIds(), QStringList{QStringLiteral("a1")},
                                  timing.ttlMs * 3);
        locker.close();
        locker = {};
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    }

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
