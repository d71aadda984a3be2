// RoomQuit and group cleanup against the simulator over gRPC: the bot leaves
// the picked groups one at a time with a pause, each group gets its own
// outcome (a group it is not in is refused by the gateway and reported, the
// others go on), the left group is gone from the gateway's world, and its
// archive (room row and messages) stays.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "ops/GroupCleanup.h"
#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {
const QString kAccount = QStringLiteral("acc");
}

class TestRoomQuit : public QObject
{
    Q_OBJECT
private slots:
    void cleanupLeavesPacedWithAReportPerGroup()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        const quint16 port = freePort();
        SimulatorOptions o;
        o.port = port;
        o.autoLogin = true;
        o.rate = 0;
        o.roomEvents = false;
        o.heartbeatS = 1;
        auto sim = std::make_unique<Simulator>(o);
        QVERIFY2(sim->start(&error), qPrintable(error));
        const QStringList rooms = sim->roomIds();
        QVERIFY(rooms.size() >= 3);

        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);
        // A message in the first group, so there is an archive to keep.
        sim->injectMessage(rooms.at(0), sim->roomMemberIds(rooms.at(0)).last(),
                           QStringLiteral("这个群以后不用了"));
        auto storedInFirst = [&] {
            StoreReader reader(store.path(), QStringLiteral("quit-check"));
            return reader.messagesBefore(kAccount, rooms.at(0), {}, 10).size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(storedInFirst() >= 1, 20000);

        OpsStore ops(&store);
        GroupCleanup cleanup(
            [&engine](const QString &a, const QString &r,
                      std::function<void(const GatewayStatus &)> done) {
                engine.quitRoom(a, r, std::move(done));
            },
            &ops);
        cleanup.setPaceMs(300);
        QSignalSpy finished(&cleanup, &GroupCleanup::finished);
        QSignalSpy each(&cleanup, &GroupCleanup::groupFinished);
        QElapsedTimer clock;
        clock.start();
        // Two real groups, one the bot is not in, and the first again (left by then).
        QVERIFY(cleanup.start({{kAccount, rooms.at(0), QStringLiteral("A")},
                               {kAccount, QStringLiteral("999999@chatroom"), QStringLiteral("X")},
                               {kAccount, rooms.at(1), QStringLiteral("B")},
                               {kAccount, rooms.at(0), QStringLiteral("A")}}));
        QVERIFY(!cleanup.start({})); // one run at a time
        QVERIFY(finished.wait(20000));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(each.count(), 4);
        const QVector<CleanupResult> results = cleanup.results();
        QCOMPARE(results.size(), 4);
        QVERIFY(results.at(0).ok);
        QVERIFY(!results.at(1).ok);
        QVERIFY2(results.at(1).error.contains(QStringLiteral("not a member")),
                 qPrintable(results.at(1).error));
        QVERIFY(results.at(2).ok);
        QVERIFY(!results.at(3).ok); // already left: the gateway refuses
        QVERIFY(elapsed >= 3 * 300); // paced: a pause between groups
        QCOMPARE(sim->quitRooms(), QStringList({rooms.at(0), rooms.at(1)}));
        QVERIFY(!sim->roomIds().contains(rooms.at(0)));

        // Recorded: left_rooms and one log line per group.
        store.flush();
        QStringList left;
        QVector<OpsLogEntry> log;
        bool done = false;
        ops.read<bool>(
            this,
            [&](QSqlDatabase &db) {
                left = OpsRepository::leftRooms(db, kAccount);
                log = OpsRepository::log(db, kAccount, int(OpsLogEntry::Kind::LeftGroup));
                return true;
            },
            [&](bool) { done = true; });
        QTRY_VERIFY(done);
        QStringList expectedLeft{rooms.at(0), rooms.at(1)};
        expectedLeft.sort();
        QCOMPARE(left, expectedLeft);
        QCOMPARE(log.size(), 4);

        // The archive stays: room row and messages of the left group.
        StoreReader reader(store.path(), QStringLiteral("archive-check"));
        bool roomKept = false;
        for (const Room &r : reader.rooms(kAccount))
            roomKept = roomKept || r.id == rooms.at(0);
        QVERIFY(roomKept);
        QVERIFY(reader.messagesBefore(kAccount, rooms.at(0), {}, 10).size() >= 1);
        engine.shutdown();
    }

    void cancelStopsBeforeTheNextGroup()
    {
        int calls = 0;
        GroupCleanup cleanup(
            [&calls](const QString &, const QString &,
                     std::function<void(const GatewayStatus &)> done) {
                ++calls;
                done(GatewayStatus{});
            },
            nullptr);
        cleanup.setPaceMs(200);
        QSignalSpy finished(&cleanup, &GroupCleanup::finished);
        QVERIFY(cleanup.start({{QStringLiteral("a"), QStringLiteral("1@chatroom"), {}},
                               {QStringLiteral("a"), QStringLiteral("2@chatroom"), {}},
                               {QStringLiteral("a"), QStringLiteral("3@chatroom"), {}}}));
        QCOMPARE(calls, 1);
        cleanup.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(1).toBool());
        QTest::qWait(400);
        QCOMPARE(calls, 1);
        QVERIFY(!cleanup.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestRoomQuit)
#include "tst_room_quit.moc"
