// Issue 18: the database server restarts under a running store. The writer
// notices the dropped connection, shows it as the store's write state
// (ServerUnreachable, what the storage banner shows for disk faults),
// reconnects with backoff and commits everything that was submitted, once;
// the read thread reconnects too. A real PostgreSQL server, really stopped
// and started again on the same port.
// A batch whose COMMIT the server made but whose answer was lost (the
// connection cut during the commit) is not written a second time: its
// messages are announced once, its outbox row exists once.

#include "PgTestServer.h"
#include "outbox/OutboxRepository.h"
#include "store/DatabaseAddress.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "store/StoreWriteState.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace gd;
using gd::test::PgTestServer;

namespace {

Message incoming(const QString &id)
{
    Message m;
    m.accountId = QStringLiteral("acc");
    m.id = id;
    m.roomId = QStringLiteral("r1@chatroom");
    m.talkerId = QStringLiteral("wxid_customer");
    m.talkerName = QStringLiteral("顾客");
    m.kind = MessageKind::Text;
    m.text = QStringLiteral("消息 %1").arg(id);
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    return m;
}

} // namespace

class TestStoreReconnectPostgres : public QObject
{
    Q_OBJECT

private slots:
    void aBatchCommittedWhenItsConnectionBrokeIsNotWrittenAgain()
    {
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store store;
        QVERIFY2(store.open(server.url(name), &error), qPrintable(error));
        OutboxRepository *outbox = OutboxRepository::of(&store);

        // The server commits, then waits for a standby that never comes
        // (synchronous replication) before it answers: the commit is made
        // and its answer can be cut off. The test's own connection does not
        // wait.
        QSqlDatabase admin = DatabaseAddress::addConnection(server.url(name), "admin-commit");
        QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
        auto adminExec = [&admin](const QString &sql) {
            QSqlQuery q(admin);
            if (!q.exec(sql))
                qWarning() << sql << q.lastError().text();
            return q.isActive();
        };
        QVERIFY(adminExec(QStringLiteral("SET synchronous_commit = local")));
        // The test server runs with synchronous_commit off: on for this
        // database's new sessions, and the store's connections are cut once
        // so that they open new ones (it writes everything, once).
        QVERIFY(
            adminExec(QStringLiteral("ALTER DATABASE %1 SET synchronous_commit = on").arg(name)));
        QVERIFY(adminExec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM"
                                         " pg_stat_activity WHERE datname = current_database()"
                                         " AND pid <> pg_backend_pid()")));
        store.insertMessages({incoming(QStringLiteral("before"))});
        store.flush();
        QVERIFY(adminExec(
            QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = 'gd_ghost_standby'")));
        QVERIFY(adminExec(QStringLiteral("SELECT pg_reload_conf()")));
        QTest::qWait(300); // the server reads its configuration again

        std::atomic<int> announced{0};
        connect(
            &store, &Store::messagesStored, this,
            [&announced](const QVector<Message> &rows) { announced += rows.size(); },
            Qt::DirectConnection);
        constexpr int kBurst = 200;
        QVector<Message> burst;
        for (int i = 0; i < kBurst; ++i)
            burst.append(incoming(QStringLiteral("commit-%1").arg(i)));
        store.insertMessages(burst);
        SendRequest request;
        request.accountId = QStringLiteral("acc");
        request.conversationId = QStringLiteral("r1@chatroom");
        request.text = QStringLiteral("只发一次");
        QFuture<SubmitResult> submitted = outbox->submit(request);

        // The writer's COMMIT waits for the standby: its connection is cut.
        int writerPid = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QSqlQuery q(admin);
                if (q.exec(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE wait_event ="
                                          " 'SyncRep' AND datname = current_database()"))
                    && q.next())
                    writerPid = q.value(0).toInt();
                return writerPid != 0;
            }(),
            10000);
        QVERIFY(adminExec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(writerPid)));
        QVERIFY(adminExec(QStringLiteral("ALTER SYSTEM RESET synchronous_standby_names")));
        QVERIFY(adminExec(QStringLiteral("SELECT pg_reload_conf()")));

        submitted.waitForFinished();
        store.flush();
        const SubmitResult result = submitted.result();
        QVERIFY2(result.id > 0, qPrintable(result.error));
        auto reader = store.createReader();
        QCOMPARE(reader->messageCount(QStringLiteral("acc")), qint64(kBurst + 1));
        QTRY_COMPARE(announced.load(), kBurst); // the views hear of each once
        const QVector<OutboxEntry> rows
            = OutboxRepository::rows(*reader, QStringLiteral("acc"), {OutboxState::Queued});
        QCOMPARE(rows.size(), 1); // one send, not two
        QCOMPARE(rows[0].id, result.id);
        QCOMPARE(store.writeState().fault, StorageFault::None);
        admin.close();
        admin = {};
        QSqlDatabase::removeDatabase(QStringLiteral("admin-commit"));
    }

    void serverRestartLosesAndDoublesNothing()
    {
        PgTestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString name = server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));

        Store store;
        QVERIFY2(store.open(server.url(name), &error), qPrintable(error));
        qRegisterMetaType<gd::StoreWriteState>();
        std::mutex statesMutex;
        QVector<StorageFault> faults; // every published state, in order
        connect(
            &store, &Store::writeStateChanged, this,
            [&](const StoreWriteState &s) {
                std::lock_guard lock(statesMutex);
                faults.append(s.fault);
            },
            Qt::DirectConnection);

        auto count = [&store](const QString &sql) {
            std::optional<qint64> n;
            store.read<qint64>(
                &store, std::function<qint64(StoreReader &)>([sql](StoreReader &reader) {
                    QSqlQuery q(reader.database());
                    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(-1);
                }),
                std::function<void(qint64)>([&n](qint64 v) { n = v; }));
            [&] { QTRY_VERIFY(n.has_value()); }();
            return n.value_or(-1);
        };

        constexpr int kBefore = 100;
        constexpr int kDuring = 150;
        constexpr int kAfter = 100;
        int next = 0;
        for (int i = 0; i < kBefore; ++i)
            store.insertMessages({incoming(QStringLiteral("m%1").arg(next++))});
        store.flush();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), qint64(kBefore));

        // The server goes down for 1.5 s while messages keep coming.
        std::atomic<bool> restarted{false};
        QString restartError;
        std::thread restarter([&] {
            QThread::msleep(200);
            restarted = server.restart(&restartError, 1500);
        });
        for (int i = 0; i < kDuring; ++i) {
            store.insertMessages({incoming(QStringLiteral("m%1").arg(next++))});
            QTest::qWait(15);
        }
        restarter.join();
        QVERIFY2(restarted, qPrintable(restartError));
        for (int i = 0; i < kAfter; ++i)
            store.insertMessages({incoming(QStringLiteral("m%1").arg(next++))});
        store.flush(); // returns once everything submitted is committed

        {
            std::lock_guard lock(statesMutex);
            QVERIFY2(faults.contains(StorageFault::ServerUnreachable),
                     "the lost connection was never shown as the store's state");
            QCOMPARE(faults.last(), StorageFault::None); // writing again
        }
        QVERIFY(store.writeState().writing());
        // The read thread reconnects as well (it looks once a second).
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM messages")),
                                  qint64(next), 10000);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT msg_id) FROM messages")),
                 qint64(next));
        QCOMPARE(next, kBefore + kDuring + kAfter);
    }
};

QTEST_GUILESS_MAIN(TestStoreReconnectPostgres)
#include "tst_store_reconnect_postgres.moc"
