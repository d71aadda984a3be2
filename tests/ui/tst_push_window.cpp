// Issue 15 views: the push window over a real store and push thread.
// The schedules timeline lists the enabled rules' runs with a product per
// group; a rule's preview shows exactly which product goes to which group
// with the rendered text and the reason; a rule with an unknown placeholder
// is refused with the reason on screen; a catalog import lists its bad rows;
// when the first run comes, its sends are queued and the push log lists them;
// a broadcast's report lists every group: delivered, failed with the
// gateway's reason, cancelled (a real simulator and outbox behind it).
// With GD_SCREENSHOT_DIR set, the views are saved there as PNGs (and
// GD_EXTRA_QM, a translation file, is installed first).

#include "engine/Engine.h"
#include "engine/SessionTuning.h"
#include "gateway/GatewayEndpoint.h"
#include "monitor/Clock.h"
#include "outbox/OutboxRepository.h"
#include "push/OutboxOutlet.h"
#include "push/BroadcastPage.h"
#include "push/CatalogPage.h"
#include "push/PushPlanTable.h"
#include "push/PushRulesPage.h"
#include "push/PushSchedulePage.h"
#include "push/PushService.h"
#include "push/PushWindow.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QApplication>
#include <QLabel>
#include <QStringEncoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using namespace gd;

namespace {

const QString kAccount = QStringLiteral("acc");
const QString kAccount2 = QStringLiteral("acc2");

const char *const kGroupNames[] = {"家电福利群", "厨房好物分享", "数码尝鲜团",   "母婴交流群",
                                   "宝妈团购群", "家电以旧换新", "办公用品采购", "老客户回馈群"};
const char *const kGroupTags[] = {"家电", "家电", "数码", "母婴", "母婴", "家电", "数码", ""};

void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("GD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

QString catalogCsv(qint64 nowMs)
{
    auto ago = [nowMs](int minutes) {
        return QDateTime::fromMSecsSinceEpoch(nowMs - minutes * 60000LL)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    return QStringLiteral("商品ID,标题,价格,券后价,链接,图片,类目,标签,有货,更新时间\n")
        + QStringLiteral(
              "A100,美的智能电饭煲 4L,299,259,https://s.example/a100,,家电,厨房;电饭煲,是,%1\n")
              .arg(ago(30))
        + QStringLiteral("A101,九阳破壁豆浆机,499,399,https://s.example/a101,,家电,厨房,是,%1\n")
              .arg(ago(90))
        + QStringLiteral(
              "A102,格力变频空调 1.5匹,2999,2699,https://s.example/a102,,家电,空调,是,%1\n")
              .arg(ago(150))
        + QStringLiteral("B200,小米蓝牙耳机,199,169,https://s.example/b200,,数码,耳机,是,%1\n")
              .arg(ago(45))
        + QStringLiteral("B201,罗技无线鼠标,149,119,https://s.example/b201,,数码,办公,是,%1\n")
              .arg(ago(200))
        + QStringLiteral("C300,婴儿纸尿裤 L码,129,99,https://s.example/c300,,母婴,纸尿裤,是,%1\n")
              .arg(ago(20))
        + QStringLiteral("C301,儿童保温杯,89,69,https://s.example/c301,,母婴,,是,%1\n").arg(ago(60))
        + QStringLiteral("C302,,59,,https://s.example/c302,,母婴,,是,%1\n").arg(ago(60))
        + QStringLiteral("D400,抽纸 24包,四十九,,https://s.example/d400,,日用,,是,%1\n")
              .arg(ago(60))
        + QStringLiteral("D401,洗衣液 3kg,79,59,https://s.example/d401,,日用,,是,昨天\n");
}

} // namespace

class TestPushWindow : public QObject
{
    Q_OBJECT
private slots:
    void pushWindowShowsTimelinePreviewAndImportReport()
    {
        if (!qEnvironmentVariableIsEmpty("GD_EXTRA_QM")) {
            auto *t = new QTranslator(qApp);
            if (t->load(qEnvironmentVariable("GD_EXTRA_QM")))
                qApp->installTranslator(t);
        }
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        // 08:00 today: the schedules below still have runs today, so the
        // timeline's three days hold runs whatever the hour the test runs at
        // (from 21:00 on, the current time left today without any).
        ManualClock clock(QDateTime(QDate::currentDate(), QTime(8, 0)).toMSecsSinceEpoch());
        PushOptions options;
        options.spacingMs = 150;
        options.jitterMs = 50;
        // Sends are queued in the real outbox (no gateway here: they wait).
        OutboxRepository::of(&store);
        PushService push(&store, &clock, std::make_shared<OutboxOutlet>(&store), options);
        push.start(0);
        // Readable group names and tags (the simulator's are generated).
        QStringList rooms;
        QVector<Room> named;
        for (int i = 0; i < 8; ++i) {
            Room r;
            r.accountId = i % 2 ? kAccount2 : kAccount;
            r.id = QStringLiteral("room%1@chatroom").arg(i);
            rooms << r.id;
            r.topic = QString::fromUtf8(kGroupNames[i]);
            named.append(r);
            if (*kGroupTags[i])
                store.addTag(TagTarget::Room, kAccount, r.id, QString::fromUtf8(kGroupTags[i]));
        }
        store.upsertRooms(named);
        store.flush();
        QCOMPARE(push.callAndWait<int>([](PushWorkspace &w) { return int(w.groups().size()); }), 8);

        // Rules: appliances at fixed times, and every 2 h for all tagged groups.
        PushRule appliances;
        appliances.name = QStringLiteral("家电爆款");
        appliances.enabled = true;
        appliances.targets.tags = {QStringLiteral("家电")};
        appliances.schedule.minutesOfDay = {10 * 60, 15 * 60, 20 * 60 + 30};
        appliances.text
            = QStringLiteral("【{group}】{title} 原价{price}，券后仅{coupon}元！{link}");
        PushRule all = appliances;
        all.name = QStringLiteral("全群好物");
        all.targets.tags = {QStringLiteral("数码"), QStringLiteral("母婴")};
        all.schedule.kind = PushSchedule::Kind::Every;
        all.schedule.everyMinutes = 180;
        all.schedule.windowStartMinute = 9 * 60;
        all.schedule.windowEndMinute = 21 * 60;
        for (PushRule *r : {&appliances, &all}) {
            const QString saveError = push.callAndWait<QString>([r](PushWorkspace &w) {
                QString e;
                w.saveRule(*r, &e);
                return e;
            });
            QCOMPARE(saveError, QString());
        }

        PushWindow window(&push);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The catalog: a GBK file from Excel with bad rows.
        const QString csvPath = dir.filePath(QStringLiteral("商品库.csv"));
        {
            QFile f(csvPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringEncoder("GBK").encode(catalogCsv(clock.nowMs())));
        }
        window.tabs()->setCurrentIndex(2);
        window.catalogPage()->importFile(csvPath);
        QTRY_COMPARE_WITH_TIMEOUT(window.catalogPage()->table()->rowCount(), 7, 10000);
        const QString report = window.catalogPage()->reportText();
        QVERIFY2(report.contains(QStringLiteral("GBK")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("9")), qPrintable(report)); // row 9: no title
        QVERIFY2(report.contains(QStringLiteral("四十九")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("昨天")), qPrintable(report));
        shoot(&window, QStringLiteral("push-catalog-import.png"));

        // Preview of the appliance rule now: three 家电 groups, each a 家电 product.
        window.tabs()->setCurrentIndex(1);
        window.rulesPage()->reload();
        QTest::qWait(500);
        window.rulesPage()->selectRule(appliances.id);
        window.rulesPage()->setPreviewTime(clock.nowMs());
        window.rulesPage()->preview();
        QTableWidget *preview = window.rulesPage()->previewTable()->table();
        QTRY_COMPARE_WITH_TIMEOUT(preview->rowCount(), 3, 10000);
        QSet<QString> products;
        for (int r = 0; r < 3; ++r) {
            QVERIFY(preview->item(r, 4)->text().startsWith(QStringLiteral("【")
                                                           + preview->item(r, 0)->text()));
            products.insert(preview->item(r, 2)->text());
        }
        QCOMPARE(products.size(), 3); // spread over the three fresh 家电 products
        shoot(&window, QStringLiteral("push-rule-preview.png"));

        // The schedules timeline lists runs with a product per group.
        window.tabs()->setCurrentIndex(0);
        window.schedulePage()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(window.schedulePage()->timeline()->topLevelItemCount() >= 3,
                                 10000);
        const QTreeWidgetItem *firstDay = window.schedulePage()->timeline()->topLevelItem(0);
        QVERIFY(firstDay->childCount() >= 1);
        QVERIFY(firstDay->child(0)->childCount() >= 1);

        // The first run comes (the catalog refreshed meanwhile): its sends are
        // queued and the push log underneath lists them.
        const QVector<TimelineSlot> coming = push.callAndWait<QVector<TimelineSlot>>(
            [now = clock.nowMs()](PushWorkspace &w) { return w.timeline(now, now + 86400000LL); });
        QVERIFY(!coming.isEmpty());
        clock.setNowMs(coming.first().runMs + 30000);
        push.callAndWait<CatalogImportReport>([now = clock.nowMs()](PushWorkspace &w) {
            return w.importCatalog(catalogCsv(now).toUtf8(), QStringLiteral("商品库.csv"));
        });
        push.tickNow();
        window.schedulePage()->reload();
        // Both rules may run at that minute (at 15:00 they do): count them all.
        int planned = 0;
        for (const TimelineSlot &slot : coming) {
            if (slot.runMs != coming.first().runMs)
                continue;
            planned += int(
                std::count_if(slot.sends.begin(), slot.sends.end(),
                              [](const PlannedSend &p) { return p.skip == PushSkip::None; }));
        }
        QVERIFY(planned >= 3);
        QTRY_COMPARE_WITH_TIMEOUT(window.schedulePage()->log()->rowCount(), planned, 10000);
        shoot(&window, QStringLiteral("push-schedules.png"));

        // A rule with an unknown placeholder is refused, with the reason.
        window.tabs()->setCurrentIndex(1);
        PushRule bad = appliances;
        bad.id = 0;
        bad.text = QStringLiteral("{title} {discount}");
        const QString refused = push.callAndWait<QString>([&bad](PushWorkspace &w) {
            QString e;
            w.saveRule(bad, &e);
            return e;
        });
        QVERIFY(refused.contains(QStringLiteral("{discount}")));
        window.close();
        push.stop();
    }

    void broadcastReportListsEveryGroup()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        sim::SimulatorOptions simOptions;
        simOptions.autoLogin = true;
        simOptions.rate = 0;
        simOptions.roomEvents = false;
        sim::Simulator simulator(simOptions);
        QVERIFY2(simulator.start(&error), qPrintable(error));
        Engine engine(&store);
        SessionTuning tuning = engine.sessionTuning();
        tuning.sendRatePerSecond = 20;
        tuning.sendJitterMs = 0;
        engine.setSessionTuning(tuning);
        AccountInfo info;
        info.id = kAccount;
        info.displayName = QStringLiteral("星河客服");
        info.endpoint = QStringLiteral("127.0.0.1:%1").arg(simulator.port());
        GatewayEndpoint endpoint;
        endpoint.address = info.endpoint;
        engine.addAccount(info, endpoint);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);
        // A group the gateway no longer knows (the bot was removed): its
        // send fails with the gateway's reason.
        Room gone;
        gone.accountId = kAccount;
        gone.id = QStringLiteral("gone@chatroom");
        gone.topic = QStringLiteral("一号老客户群（已解散）"); // early by name: sent second
        store.upsertRooms({gone});
        store.flush();

        SystemClock clock;
        PushOptions options;
        options.spacingMs = 400;
        options.jitterMs = 100;
        PushService push(&store, &clock, std::make_shared<OutboxOutlet>(&store), options);
        push.start(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            push.callAndWait<int>([](PushWorkspace &w) { return int(w.groups().size()); }) >= 11,
            20000);
        PushTargets targets;
        for (const PushGroup &g :
             push.callAndWait<QVector<PushGroup>>([](PushWorkspace &w) { return w.groups(); }))
            targets.roomIds << g.roomId;
        const qint64 id = push.callAndWait<qint64>([&](PushWorkspace &w) {
            return w.createBroadcast(QStringLiteral("【通知】本周六 10:00 门店周年庆，到店有礼！"),
                                     QString(), targets, 0, &error);
        });
        QVERIFY2(id > 0, qPrintable(error));
        auto report = [&push, id] {
            return push.callAndWait<BroadcastReport>(
                [id](PushWorkspace &w) { return w.broadcastReport(id); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(report().delivered >= 5, 30000);
        push.callAndWait<bool>([id](PushWorkspace &w) {
            w.cancelBroadcast(id);
            return true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(report().waiting, 0, 10000);
        const BroadcastReport r = report();
        QCOMPARE(r.rows.size(), targets.roomIds.size());
        QVERIFY(r.cancelled > 0);
        QCOMPARE(r.delivered + r.failed + r.cancelled, int(r.rows.size()));

        PushWindow window(&push);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(3);
        window.broadcastPage()->reload();
        window.broadcastPage()->showBroadcast(id);
        QTableWidget *table = window.broadcastPage()->report();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), int(r.rows.size()), 10000);
        QStringList states;
        int failedRow = -1;
        for (int i = 0; i < table->rowCount(); ++i) {
            states << table->item(i, 2)->text();
            if (table->item(i, 0)->text() == gone.topic)
                failedRow = i;
        }
        QVERIFY(failedRow >= 0);
        // Accounts show by the name staff gave them, not by their id.
        for (int i = 0; i < table->rowCount(); ++i)
            QCOMPARE(table->item(i, 1)->text(), info.displayName);
        // The removed group's row says why (unless the cancel came first).
        const BroadcastReportRow goneRow
            = *std::find_if(r.rows.begin(), r.rows.end(), [&gone](const BroadcastReportRow &row) {
                  return row.roomId == gone.id;
              });
        if (goneRow.state == PushDelivery::Failed)
            QVERIFY(!table->item(failedRow, 3)->text().isEmpty());
        QCOMPARE(states.count(window.broadcastPage()->tr("delivered")), r.delivered);
        QCOMPARE(states.count(window.broadcastPage()->tr("cancelled")), r.cancelled);
        QVERIFY(window.broadcastPage()->summary()->text().contains(QString::number(r.delivered)));
        shoot(&window, QStringLiteral("push-broadcast-report.png"));
        window.close();
        push.stop();
        engine.shutdown();
    }
};

QTEST_MAIN(TestPushWindow)
#include "tst_push_window.moc"
