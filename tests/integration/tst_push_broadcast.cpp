// Issue 15, "what it must show" 2: a broadcast to 50 demo groups of a real
// gateway process (groupdesk-sim) goes through the outbox as one campaign
// and reaches each group exactly once (counted by the simulator, from its
// stats file), paced (the gaps between arrivals at the gateway), with a
// per-group report; a paused broadcast holds back, and a cancelled one
// sends nothing more: the gateway got exactly the groups the report calls
// delivered, and every other group is reported cancelled. A broadcast with
// a picture gets both the picture and the text to each group once.

#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "monitor/Clock.h"
#include "outbox/OutboxRepository.h"
#include "push/OutboxOutlet.h"
#include "push/PushService.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;

namespace {

const QString kAccount = QStringLiteral("acc");
const QString kTag = QStringLiteral("演示");

// What the simulator process wrote on exit.
QJsonObject readStats(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// One client (store, engine, push thread) against one simulator process.
struct Rig
{
    QTemporaryDir dir;
    SimProcess sim;
    SystemClock clock;
    std::unique_ptr<Store> store;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<PushService> push;
    QString statsPath;

    bool start(int rooms, int sendsPerSecond, const PushOptions &options, QString *error)
    {
        const quint16 port = freePort();
        statsPath = dir.filePath(QStringLiteral("sim-stats.json"));
        if (!sim.start({QStringLiteral("--port"), QString::number(port),
                        QStringLiteral("--auto-login"), QStringLiteral("--rate"),
                        QStringLiteral("0"), QStringLiteral("--room-events"), QStringLiteral("off"),
                        QStringLiteral("--heartbeat-s"), QStringLiteral("1"),
                        QStringLiteral("--rooms"), QString::number(rooms),
                        QStringLiteral("--stats-file"), statsPath},
                       error))
            return false;
        store = std::make_unique<Store>();
        if (!store->open(dir.filePath(QStringLiteral("gd.db")), error))
            return false;
        engine = std::make_unique<Engine>(store.get()); // makes the outbox repository here
        SessionTuning tuning = fastTuning();
        tuning.sendRatePerSecond = sendsPerSecond; // the account's own pacer
        tuning.sendBurst = 1;
        engine->setSessionTuning(tuning);
        engine->addAccount(account(kAccount, port), endpoint(port));
        push = std::make_unique<PushService>(store.get(), &clock,
                                             std::make_shared<OutboxOutlet>(store.get()), options);
        push->start(0);
        return true;
    }

    QVector<PushGroup> groups()
    {
        return push->callAndWait<QVector<PushGroup>>([](PushWorkspace &w) { return w.groups(); });
    }

    BroadcastReport report(qint64 id)
    {
        return push->callAndWait<BroadcastReport>(
            [id](PushWorkspace &w) { return w.broadcastReport(id); });
    }

    // Ends the client, then the gateway cleanly (it writes its stats).
    QJsonObject finish()
    {
        push->stop();
        engine->shutdown();
        store->flush();
        if (!sim.terminate())
            return {};
        return readStats(statsPath);
    }
};

PushOptions fastPacing(int spacingMs, int jitterMs)
{
    PushOptions o;
    o.spacingMs = spacingMs;
    o.jitterMs = jitterMs;
    return o;
}

} // namespace

class TestPushBroadcast : public QObject
{
    Q_OBJECT
private slots:
    void aBroadcastReachesEachGroupOnceAndPaced()
    {
        Rig rig;
        QString error;
        // 52 groups: 51 tagged, of which one is excluded by hand; one untagged.
        QVERIFY2(rig.start(52, 10, fastPacing(120, 60), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(rig.groups().size(), 52, 30000);
        const QVector<PushGroup> all = rig.groups();
        for (int i = 0; i < 51; ++i)
            rig.store->addTag(TagTarget::Room, kAccount, all.at(i).roomId, kTag);
        rig.store->flush();
        PushTargets targets;
        targets.tags = {kTag};
        targets.excludedRoomIds = {all.at(7).roomId};
        QTRY_COMPARE_WITH_TIMEOUT(
            rig.push
                ->callAndWait<QVector<PushGroup>>(
                    [targets](PushWorkspace &w) { return w.broadcastTargets(targets); })
                .size(),
            50, 10000);

        const QString text = QStringLiteral("双十二预告：全场家电满 1000 减 200");
        const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
        const qint64 id = rig.push->callAndWait<qint64>([&](PushWorkspace &w) {
            return w.createBroadcast(text, QString(), targets, 0, &error);
        });
        QVERIFY2(id > 0, qPrintable(error));

        // One campaign, one outbox row per group, due times spread.
        BroadcastReport report = rig.report(id);
        QCOMPARE(report.rows.size(), 50);
        QVERIFY(report.broadcast.campaignId > 0);
        {
            auto reader = rig.store->createReader();
            const QVector<OutboxEntry> rows
                = OutboxRepository::campaignRows(*reader, report.broadcast.campaignId);
            QCOMPARE(rows.size(), 50);
            QSet<QString> rooms;
            qint64 firstDue = std::numeric_limits<qint64>::max();
            qint64 lastDue = 0;
            for (const OutboxEntry &e : rows) {
                rooms.insert(e.conversationId);
                QCOMPARE(e.origin, QStringLiteral("broadcast"));
                QCOMPARE(e.text, text);
                firstDue = std::min(firstDue, e.dueMs);
                lastDue = std::max(lastDue, e.dueMs);
            }
            QCOMPARE(rooms.size(), 50);
            QVERIFY(!rooms.contains(all.at(7).roomId));
            QVERIFY(!rooms.contains(all.at(51).roomId));
            QVERIFY2(lastDue - firstDue >= 49 * 120,
                     qPrintable(QString::number(lastDue - firstDue)));
        }

        QTRY_COMPARE_WITH_TIMEOUT(rig.report(id).delivered, 50, 60000);
        const qint64 deliveredMs = QDateTime::currentMSecsSinceEpoch();
        QTest::qWait(1000); // nothing goes out twice after the fact
        report = rig.report(id);
        QCOMPARE(report.delivered, 50);
        QCOMPARE(report.failed + report.cancelled + report.waiting, 0);
        QSet<QString> reported;
        for (const BroadcastReportRow &row : report.rows) {
            QCOMPARE(row.state, PushDelivery::Delivered);
            QVERIFY(!row.roomName.isEmpty());
            reported.insert(row.roomId);
        }
        QCOMPARE(reported.size(), 50);

        const QJsonObject stats = rig.finish();
        QVERIFY2(!stats.isEmpty(), "the simulator wrote no stats");
        const QJsonObject byRoom = stats.value(QStringLiteral("texts_by_conversation")).toObject();
        QCOMPARE(byRoom.size(), 50);
        for (auto it = byRoom.begin(); it != byRoom.end(); ++it) {
            QVERIFY2(reported.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(it.value().toInt(), 1);
        }
        // Paced at the gateway: arrivals spread over the planned span (49
        // spacings of 120 ms plus up to 60 ms of jitter each) and, typically,
        // further apart than the account's pacer allows (10/s, burst 1). A
        // single gap may shrink on the loopback when one call is late, so
        // the median is what is held to it (unpaced, it would be near 0).
        const QJsonArray arrivals = stats.value(QStringLiteral("text_received_ms")).toArray();
        QCOMPARE(arrivals.size(), 50);
        std::vector<qint64> gaps;
        for (int i = 1; i < arrivals.size(); ++i)
            gaps.push_back(qint64(arrivals.at(i).toDouble())
                           - qint64(arrivals.at(i - 1).toDouble()));
        std::sort(gaps.begin(), gaps.end());
        const qint64 span
            = qint64(arrivals.last().toDouble()) - qint64(arrivals.first().toDouble());
        const qint64 median = gaps.at(gaps.size() / 2);
        qInfo("broadcast to 50 groups: delivered in %lld ms after queueing; arrivals span %lld ms, "
              "gaps min %lld / median %lld / max %lld ms",
              deliveredMs - startedMs, span, gaps.front(), median, gaps.back());
        QVERIFY2(median >= 80, qPrintable(QString::number(median)));
        QVERIFY2(span >= 49 * 120 - 1000, qPrintable(QString::number(span)));
    }

    void aPictureBroadcastGetsBothPartsToEachGroupOnce()
    {
        Rig rig;
        QString error;
        QVERIFY2(rig.start(12, 20, fastPacing(100, 50), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(rig.groups().size(), 12, 30000);
        const QString picture = rig.dir.filePath(QStringLiteral("海报.png"));
        QImage poster(320, 480, QImage::Format_RGB32);
        poster.fill(QColor(200, 30, 40));
        QVERIFY(poster.save(picture));
        PushTargets targets;
        for (const PushGroup &g : rig.groups())
            targets.roomIds << g.roomId;
        const qint64 id = rig.push->callAndWait<qint64>([&](PushWorkspace &w) {
            return w.createBroadcast(QStringLiteral("周年庆海报，转发有礼"), picture, targets, 0,
                                     &error);
        });
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(rig.report(id).delivered, 12, 60000);
        QTest::qWait(500);
        const BroadcastReport report = rig.report(id);
        QCOMPARE(report.delivered, 12);
        QCOMPARE(report.failed + report.cancelled + report.waiting, 0);

        const QJsonObject stats = rig.finish();
        QVERIFY2(!stats.isEmpty(), "the simulator wrote no stats");
        const QJsonObject texts = stats.value(QStringLiteral("texts_by_conversation")).toObject();
        const QJsonObject files = stats.value(QStringLiteral("files_by_conversation")).toObject();
        QCOMPARE(texts.size(), 12);
        QCOMPARE(files.size(), 12);
        for (const QString &room : targets.roomIds) {
            QCOMPARE(texts.value(room).toInt(), 1);
            QCOMPARE(files.value(room).toInt(), 1);
        }
    }

    void aPausedBroadcastHoldsAndACancelledOneSendsNothingMore()
    {
        Rig rig;
        QString error;
        QVERIFY2(rig.start(50, 10, fastPacing(150, 50), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(rig.groups().size(), 50, 30000);
        PushTargets targets;
        for (const PushGroup &g : rig.groups())
            targets.roomIds << g.roomId;
        const qint64 id = rig.push->callAndWait<qint64>([&](PushWorkspace &w) {
            return w.createBroadcast(QStringLiteral("今晚 8 点直播，不见不散"), QString(), targets,
                                     0, &error);
        });
        QVERIFY2(id > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(rig.report(id).delivered >= 5, 30000);

        // Pause: once the send in flight (if any) ends, nothing more goes out.
        rig.push->callAndWait<bool>([id](PushWorkspace &w) {
            w.pauseBroadcast(id, true);
            return true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(rig.report(id).campaign, PushCampaignState::Paused, 5000);
        // A send the gateway already had when the pause committed finishes.
        auto sending = [&rig, id] {
            const BroadcastReport r = rig.report(id);
            return std::count_if(r.rows.begin(), r.rows.end(), [](const BroadcastReportRow &row) {
                return row.state == PushDelivery::Sending;
            });
        };
        QTRY_COMPARE_WITH_TIMEOUT(sending(), 0, 10000);
        const int heldAt = rig.report(id).delivered;
        QTest::qWait(1200); // eight spacings
        BroadcastReport report = rig.report(id);
        QCOMPARE(report.delivered, heldAt);
        QVERIFY(report.waiting > 0);

        // Resume, let a few more out, then cancel.
        rig.push->callAndWait<bool>([id](PushWorkspace &w) {
            w.pauseBroadcast(id, false);
            return true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(rig.report(id).delivered >= heldAt + 3, 30000);
        rig.push->callAndWait<bool>([id](PushWorkspace &w) {
            w.cancelBroadcast(id);
            return true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(rig.report(id).waiting, 0, 10000);
        QTest::qWait(1500); // ten spacings: nothing more goes out
        report = rig.report(id);
        QCOMPARE(report.campaign, PushCampaignState::Cancelled);
        QCOMPARE(report.rows.size(), 50);
        QCOMPARE(report.failed, 0);
        QCOMPARE(report.delivered + report.cancelled, 50);
        QVERIFY2(report.cancelled >= 20, qPrintable(QString::number(report.cancelled)));
        QSet<QString> delivered;
        for (const BroadcastReportRow &row : report.rows) {
            if (row.state == PushDelivery::Delivered)
                delivered.insert(row.roomId);
            else
                QCOMPARE(row.state, PushDelivery::Cancelled);
        }
        qInfo("cancelled broadcast: %d delivered (paused at %d), %d cancelled", report.delivered,
              heldAt, report.cancelled);

        // The gateway got exactly the groups reported delivered, once each.
        const QJsonObject stats = rig.finish();
        QVERIFY2(!stats.isEmpty(), "the simulator wrote no stats");
        const QJsonObject byRoom = stats.value(QStringLiteral("texts_by_conversation")).toObject();
        QCOMPARE(byRoom.size(), delivered.size());
        for (auto it = byRoom.begin(); it != byRoom.end(); ++it) {
            QVERIFY2(delivered.contains(it.key()), qPrintable(it.key()));
            QCOMPARE(it.value().toInt(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestPushBroadcast)
#include "tst_push_broadcast.moc"
