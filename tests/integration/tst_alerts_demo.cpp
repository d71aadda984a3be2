// Issue 13, "what it must show" 1, in the demo's set-up (the engine and the
// in-process simulator over loopback gRPC, the real classifier): a
// customer's complaint raises an alert within a second of arriving; a
// question left unanswered raises a response-time alert after the set time
// (a fake clock stands in for the minutes); the bot's reply resolves it; a
// snoozed alert comes back.

#include "GatewayTestSupport.h"
#include "engine/Engine.h"
#include "monitor/AlertMonitor.h"
#include "monitor/AlertRepository.h"
#include "monitor/Clock.h"
#include "monitor/SignalSources.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QElapsedTimer>

#include <atomic>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

class TestAlertsDemo : public QObject
{
    Q_OBJECT

private slots:
    void complaintQuestionReplyAndSnoozeInTheDemo()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("demo.db")), &error), qPrintable(error));
        // The rules of a new database are the seeded ones; the response time
        // is the seeded 10 minutes.
        SimulatorOptions opt;
        opt.autoLogin = true;
        opt.rate = 0; // only the messages this test makes
        opt.heartbeatS = 0;
        opt.roomEvents = false;
        Simulator sim(opt);
        QVERIFY2(sim.start(&error), qPrintable(error));

        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        AlertMonitorOptions monitorOptions;
        monitorOptions.tickMs = 50;
        AlertMonitor monitor(&store, &clock, defaultSignalSourceFactory(), monitorOptions);
        QSignalSpy loaded(&monitor, &AlertMonitor::alertsLoaded);
        const qsizetype loadedBefore = loaded.size();
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() > loadedBefore, 5000);

        Engine engine(&store);
        engine.setSessionTuning(testsupport::fastTuning());
        QObject::connect(&engine, &Engine::accountStatusChanged, &monitor, [&](const QString &id) {
            monitor.setAccountReady(id, engine.status(id).state == SessionState::Ready);
        });
        AccountInfo account;
        account.id = QStringLiteral("demo");
        account.displayName = QStringLiteral("演示账号");
        account.demo = true;
        account.endpoint = sim.address();
        GatewayEndpoint endpoint;
        endpoint.address = sim.address();
        store.upsertAccount(account);
        QStringList staff;
        for (const QString &id : sim.contactIds()) {
            if (sim.isStaff(id))
                staff.append(id);
        }
        monitor.setStaffContacts(account.id, staff);
        engine.addAccount(account, endpoint);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(account.id).state, SessionState::Ready, 20000);

        const QString room = sim.roomIds().first();
        QStringList customers;
        for (const QString &id : sim.roomMemberIds(room)) {
            if (id != sim.selfId() && !sim.isStaff(id))
                customers.append(id);
        }
        QVERIFY(customers.size() >= 2);

        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy changed(&monitor, &AlertMonitor::alertChanged);
        QSignalSpy stored(&store, &Store::messagesStored);

        // 1. A complaint: an alert within a second of arriving (of being
        // stored: the monitor's part; the gateway's way in is timed by the
        // ingest benchmarks).
        QElapsedTimer clockStart;
        clockStart.start();
        std::atomic<qint64> storedAtMs{-1};
        const QString complaintText = QStringLiteral("你们的产品质量太差了，我要投诉！");
        QObject::connect(
            &store, &Store::messagesStored, &store,
            [&](const QVector<Message> &messages) {
                for (const Message &m : messages) {
                    if (m.text == complaintText)
                        storedAtMs = clockStart.elapsed();
                }
            },
            Qt::DirectConnection);
        const qsizetype raisedBefore = raised.size();
        sim.injectMessage(room, customers.at(0), complaintText);
        QTRY_VERIFY_WITH_TIMEOUT(raised.size() > raisedBefore, 5000);
        const qint64 raisedAtMs = clockStart.elapsed();
        QVERIFY(storedAtMs >= 0);
        const qint64 complaintMs = raisedAtMs - storedAtMs;
        QVERIFY2(complaintMs <= 1000, qPrintable(QString::number(complaintMs)));
        qInfo("complaint alert %lld ms after it was stored, %lld ms after it was sent", complaintMs,
              raisedAtMs);
        const Alert complaint = raised.first().first().value<Alert>();
        QCOMPARE(complaint.kind, AlertKind::Complaint);
        QCOMPARE(complaint.roomId, room);
        QCOMPARE(complaint.customerId, customers.at(0));
        QCOMPARE(complaint.roomName, sim.roomTopic(room));
        QVERIFY(complaint.messageRowId > 0);

        // 2. A question nobody answers: a response-time alert after 10 minutes.
        sim.injectMessage(room, customers.at(1), QStringLiteral("请问发票什么时候能开？"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &args : std::as_const(stored)) {
                    for (const Message &m : args.first().value<QVector<Message>>()) {
                        if (m.text.startsWith(QStringLiteral("请问发票")))
                            return true;
                    }
                }
                return false;
            }(),
            5000);
        monitor.sync();
        clock.advanceMs(9 * 60 * 1000);
        monitor.tickNow();
        monitor.sync();
        for (const QList<QVariant> &args : std::as_const(raised))
            QVERIFY(args.first().value<Alert>().kind == AlertKind::Complaint);
        clock.advanceMs(2 * 60 * 1000);
        monitor.tickNow();
        monitor.sync();
        Alert waiting;
        for (const QList<QVariant> &args : std::as_const(raised)) {
            const Alert a = args.first().value<Alert>();
            if (a.kind == AlertKind::FirstResponse && a.customerId == customers.at(1))
                waiting = a;
        }
        QVERIFY2(waiting.id > 0, "no first-response alert for the unanswered question");
        QCOMPARE(waiting.excerpt, QStringLiteral("请问发票什么时候能开？"));

        // 3. The bot answers in the group: that alert resolves itself.
        changed.clear();
        engine.sendText(account.id, room, QStringLiteral("您好，发票今天下午就开好"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &args : std::as_const(changed)) {
                    const Alert a = args.first().value<Alert>();
                    if (a.id == waiting.id && a.state == AlertState::Resolved)
                        return true;
                }
                return false;
            }(),
            5000);

        // 4. Snooze the complaint: it comes back when the snooze ends.
        monitor.snooze(complaint.id, clock.nowMs() + 30 * 60 * 1000, QStringLiteral("阿珍"));
        monitor.sync();
        raised.clear();
        clock.advanceMs(31 * 60 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &args : std::as_const(raised)) {
                    const Alert a = args.first().value<Alert>();
                    if (a.id == complaint.id && a.state == AlertState::Open)
                        return true;
                }
                return false;
            }(),
            3000);

        engine.shutdown();
        monitor.stop();
        sim.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestAlertsDemo)
#include "tst_alerts_demo.moc"
