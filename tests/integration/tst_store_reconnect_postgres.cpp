// Issue 18: the database server restarts under a running store. The writer
// notices the dropped connection, shows it as the store's write state
// (ServerUnreachable, what the storage banner shows for disk faults),
// reconnects with backoff and commits everything that was submitted, once;
// the read thread reconnects too. A real PostgreSQL server, really stopped
// and started again on the same port.

#include "PgTestServer.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "store/StoreWriteState.h"

#include <QDateTime>
#include <QSignalSpy>
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
