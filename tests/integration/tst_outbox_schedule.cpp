// Issue 11, item 2: the outbox module. A row due later goes out at its time,
// not before, also when the engine (and the store) restart in between; a
// cancelled campaign's rows never go out, a paused one's wait; ids come from
// the database, even with two stores writing one file; a request repeated
// with the same idempotency key queues (and sends) once.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "outbox/OutboxRepository.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

const QString kAccount = QStringLiteral("acc");

SimulatorOptions simOptions(quint16 port)
{
    SimulatorOptions o;
    o.port = port;
    o.autoLogin = true;
    o.rate = 0; // no traffic: only our sends matter here
    o.roomEvents = false;
    o.heartbeatS = 1;
    return o;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

SendRequest textTo(const QString &room, const QString &text)
{
    SendRequest r;
    r.accountId = kAccount;
    r.conversationId = room;
    r.text = text;
    return r;
}

SubmitResult submitAndWait(Engine &engine, const SendRequest &request)
{
    QFuture<SubmitResult> f = engine.submit(request);
    f.waitForFinished();
    return f.result();
}

} // namespace

class TestOutboxSchedule : public QObject
{
    Q_OBJECT
private slots:
    void rowDueLaterGoesOutAtItsTimeAlsoAfterARestart()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("gd.db"));
        const quint16 port = freePort();
        QString error;
        Simulator sim(simOptions(port));
        QVERIFY2(sim.start(&error), qPrintable(error));
        const QString room = sim.roomIds().first();

        qint64 dueMs = 0;
        qint64 laterId = 0;
        {
            Store store;
            QVERIFY2(store.open(dbPath, &error), qPrintable(error));
            Engine engine(&store);
            engine.setSessionTuning(fastTuning());
            engine.addAccount(account(kAccount, port), endpoint(port));
            QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);

            SendRequest later = textTo(room, QStringLiteral("two seconds later"));
            dueMs = nowMs() + 2500;
            later.dueMs = dueMs;
            later.origin = QStringLiteral("send-later");
            const SubmitResult queued = submitAndWait(engine, later);
            QVERIFY2(queued.ok(), qPrintable(queued.error));
            laterId = queued.id;
            QVERIFY(submitAndWait(engine, textTo(room, QStringLiteral("right now"))).ok());
            // The row queued after it but due now goes first.
            QTRY_COMPARE_WITH_TIMEOUT(sim.receivedTexts(), QStringList{QStringLiteral("right now")},
                                      10000);
            QTest::qWait(600);
            QCOMPARE(sim.receivedTexts().size(), 1); // the later one waits
            engine.shutdown();
        } // the engine and the store go away before the due time

        QVERIFY(nowMs() < dueMs - 500);
        Store store;
        QVERIFY2(store.open(dbPath, &error), qPrintable(error));
        {
            auto reader = store.createReader();
            const OutboxEntry row = OutboxRepository::row(*reader, laterId);
            QCOMPARE(row.state, OutboxState::Queued);
            QCOMPARE(row.dueMs, dueMs);
            QCOMPARE(row.origin, QStringLiteral("send-later"));
        }
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);
        // Not before its time...
        while (nowMs() < dueMs - 150) {
            QCOMPARE(sim.receivedTexts().size(), 1);
            QTest::qWait(50);
        }
        // ...but at it, once.
        QTRY_COMPARE_WITH_TIMEOUT(sim.receivedTexts().size(), 2, 5000);
        QVERIFY(nowMs() >= dueMs);
        QCOMPARE(sim.receivedTexts().last(), QStringLiteral("two seconds later"));
        QTest::qWait(500);
        QCOMPARE(sim.receivedTexts().size(), 2);
        auto reader = store.createReader();
        QTRY_COMPARE_WITH_TIMEOUT(OutboxRepository::row(*reader, laterId).state, OutboxState::Sent,
                                  5000);
        engine.shutdown();
    }

    void cancelledCampaignNeverSendsAndPausedOneWaits()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QString error;
        Simulator sim(simOptions(port));
        QVERIFY2(sim.start(&error), qPrintable(error));
        const QStringList rooms = sim.roomIds().mid(0, 3);
        QCOMPARE(rooms.size(), 3);
        Store store;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);

        QFuture<Campaign> made = engine.createCampaign(QStringLiteral("双十一"), "push");
        const Campaign cancelled = made.result();
        QVERIFY(cancelled.id > 0);
        const Campaign paused = engine.createCampaign(QStringLiteral("新品"), "push").result();
        QVERIFY(paused.id > cancelled.id);

        // Both fan out to three groups, due in a moment.
        const qint64 due = nowMs() + 800;
        for (const QString &room : rooms) {
            SendRequest a = textTo(room, QStringLiteral("cancelled ") + room);
            a.campaignId = cancelled.id;
            a.dueMs = due;
            a.origin = QStringLiteral("push");
            QVERIFY(submitAndWait(engine, a).ok());
            SendRequest b = textTo(room, QStringLiteral("paused ") + room);
            b.campaignId = paused.id;
            b.dueMs = due;
            b.origin = QStringLiteral("push");
            QVERIFY(submitAndWait(engine, b).ok());
        }
        engine.cancelCampaign(cancelled.id);
        engine.pauseCampaign(paused.id);
        store.flush();
        QTest::qWait(int(due - nowMs()) + 1200);
        QCOMPARE(sim.receivedTexts(), QStringList{});

        auto reader = store.createReader();
        const QVector<OutboxEntry> cancelledRows
            = OutboxRepository::campaignRows(*reader, cancelled.id);
        QCOMPARE(cancelledRows.size(), 3);
        for (const OutboxEntry &e : cancelledRows)
            QCOMPARE(e.state, OutboxState::Cancelled);
        QCOMPARE(OutboxRepository::campaign(*reader, cancelled.id).state, CampaignState::Cancelled);
        // Cancelled is final: no new rows, no resuming.
        SendRequest late = textTo(rooms.first(), QStringLiteral("too late"));
        late.campaignId = cancelled.id;
        const SubmitResult refused = submitAndWait(engine, late);
        QVERIFY(!refused.ok());
        QVERIFY(!refused.error.isEmpty());
        engine.resumeCampaign(cancelled.id);
        store.flush();
        QCOMPARE(OutboxRepository::campaign(*reader, cancelled.id).state, CampaignState::Cancelled);

        // The paused one goes out when resumed, every group once.
        engine.resumeCampaign(paused.id);
        QTRY_COMPARE_WITH_TIMEOUT(sim.receivedTexts().size(), 3, 10000);
        QTest::qWait(500);
        QStringList expected;
        for (const QString &room : rooms)
            expected << QStringLiteral("paused ") + room;
        QCOMPARE(sim.receivedTexts(), expected);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto rows = OutboxRepository::campaignRows(*reader, paused.id);
                return rows.size() == 3 && std::all_of(rows.begin(), rows.end(), [](const auto &e) {
                           return e.state == OutboxState::Sent && !e.messageId.isEmpty();
                       });
            }(),
            5000);
        for (const OutboxEntry &e : OutboxRepository::campaignRows(*reader, cancelled.id))
            QCOMPARE(e.state, OutboxState::Cancelled);
        engine.shutdown();
    }

    void idsComeFromTheDatabaseWithTwoStoresOnOneFile()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("gd.db"));
        QString error;
        Store first;
        QVERIFY2(first.open(dbPath, &error), qPrintable(error));
        Store second;
        QVERIFY2(second.open(dbPath, &error), qPrintable(error));
        Engine one(&first);
        Engine two(&second);
        QSet<qint64> ids;
        qint64 last = 0;
        for (int i = 0; i < 6; ++i) {
            Engine &engine = i % 2 ? two : one;
            const SubmitResult r
                = submitAndWait(engine, textTo(QStringLiteral("r1@chatroom"), QString::number(i)));
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY(r.id > last);
            last = r.id;
            ids.insert(r.id);
        }
        QCOMPARE(ids.size(), 6);
        first.close();
        second.close();
        // Reopened, new ids continue after the old ones.
        Store again;
        QVERIFY2(again.open(dbPath, &error), qPrintable(error));
        Engine engine(&again);
        QVERIFY(submitAndWait(engine, textTo(QStringLiteral("r1@chatroom"), "7")).id > last);
        auto reader = again.createReader();
        QCOMPARE(OutboxRepository::rows(*reader, kAccount, {OutboxState::Queued}).size(), 7);
    }

    void sameIdempotencyKeyQueuesAndSendsOnce()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QString error;
        Simulator sim(simOptions(port));
        QVERIFY2(sim.start(&error), qPrintable(error));
        const QString room = sim.roomIds().first();
        Store store;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());

        SendRequest r = textTo(room, QStringLiteral("订单已发货"));
        r.origin = QStringLiteral("api");
        r.idempotencyKey = QStringLiteral("order-42");
        const SubmitResult a = submitAndWait(engine, r);
        QVERIFY2(a.ok(), qPrintable(a.error));
        QVERIFY(!a.existing);
        const SubmitResult b = submitAndWait(engine, r);
        QCOMPARE(b.id, a.id);
        QVERIFY(b.existing);
        // The key is unique per origin only.
        r.origin = QStringLiteral("push");
        const SubmitResult c = submitAndWait(engine, r);
        QVERIFY(c.id != a.id);
        QVERIFY(!c.existing);
        // Without a key every submit is a send of its own: the key the
        // repository gives it guards only a re-run of that submit's write.
        SendRequest unkeyed = textTo(room, QStringLiteral("稍后回复"));
        const SubmitResult d = submitAndWait(engine, unkeyed);
        const SubmitResult e = submitAndWait(engine, unkeyed);
        QVERIFY2(d.ok() && e.ok(), qPrintable(d.error + e.error));
        QVERIFY(d.id != e.id);
        QVERIFY(!d.existing && !e.existing);

        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_COMPARE_WITH_TIMEOUT(sim.receivedTexts().size(), 4, 20000);
        QTest::qWait(500);
        QCOMPARE(sim.receivedTexts(),
                 (QStringList{QStringLiteral("订单已发货"), QStringLiteral("订单已发货"),
                              QStringLiteral("稍后回复"), QStringLiteral("稍后回复")}));
        // Asked again after it went out: still the same row, nothing sent.
        r.origin = QStringLiteral("api");
        QCOMPARE(submitAndWait(engine, r).id, a.id);
        QTest::qWait(500);
        QCOMPARE(sim.receivedTexts().size(), 4);
        engine.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestOutboxSchedule)

#include "tst_outbox_schedule.moc"
