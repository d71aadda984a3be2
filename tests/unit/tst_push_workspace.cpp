// Issue 15 through the push workspace, on a fixed clock, a real database and
// the real outbox (no gateway: rows stay queued, as before a send): the dry
// run of a rule is exactly what its run queues; the per-group push switch
// persists and keeps a group out; daily caps hold across runs and reset the
// next day; a clicks/orders CSV (GBK, bad rows reported with their reason)
// ranks the product that sells in a group first; an edit in the catalog
// table is kept in the product's history, and an unchanged save adds none;
// a broadcast with a picture, sent later, reports a group delivered only
// when both its picture and its text are, and says why either failed; a
// store that stops answering neither hangs the scheduler nor doubles a run.

#include "monitor/Clock.h"
#include "outbox/OutboxRepository.h"
#include "push/OutboxOutlet.h"
#include "push/PushWorkspace.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QStringEncoder>
#include <QTemporaryDir>
#include "TestArchive.h"

#include <QTest>

using namespace gd;
using gd::test::TestArchive;

namespace {

const QTimeZone kZone("Asia/Shanghai");
const QString kAcc1 = QStringLiteral("acc1");
const QString kAcc2 = QStringLiteral("acc2");

qint64 at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), kZone).toMSecsSinceEpoch();
}

QByteArray catalog(qint64 updatedMs)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(updatedMs, kZone)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString csv = QStringLiteral("id,title,price,coupon price,link,category,updated_at\n");
    for (int i = 1; i <= 5; ++i)
        csv += QStringLiteral("p%1,商品%1,%2,%3,https://s.example/p%1,家电,%4\n")
                   .arg(i)
                   .arg(100 * i)
                   .arg(90 * i)
                   .arg(when);
    return csv.toUtf8();
}

PushRule rule(const QString &name)
{
    PushRule r;
    r.name = name;
    r.enabled = true;
    r.targets.tags = {QStringLiteral("家电")};
    r.schedule.minutesOfDay = {10 * 60, 15 * 60};
    r.text = QStringLiteral("【{group}】{title} 券后{coupon}元 {link}");
    return r;
}

// Every outbox row of both accounts, oldest first.
QVector<OutboxEntry> outboxRows(Store &store)
{
    auto reader = store.createReader();
    QVector<OutboxEntry> out;
    for (const QString &account : {kAcc1, kAcc2})
        out += OutboxRepository::rows(*reader, account, {OutboxState::Queued});
    std::sort(out.begin(), out.end(),
              [](const OutboxEntry &a, const OutboxEntry &b) { return a.id < b.id; });
    return out;
}

} // namespace

class TestPushWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<PushWorkspace> m_work;

    void openFresh()
    {
        m_work.reset();
        m_store = std::make_unique<Store>();
        QString error;
        static int n = 0;
        // A file, or a database on the test server (GD_TEST_BACKEND=postgresql).
        const QString location
            = TestArchive::fresh(m_dir, QStringLiteral("push-%1.db").arg(++n), &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        QVERIFY2(m_store->open(location, &error), qPrintable(error));
        OutboxRepository::of(m_store.get()); // in the store's thread, as the Engine does
        // Four 家电 groups (g1 with both accounts), one untagged.
        QVector<Room> rooms;
        for (const auto &[account, id] : QVector<QPair<QString, QString>>{{kAcc1, "g1@chatroom"},
                                                                          {kAcc2, "g1@chatroom"},
                                                                          {kAcc1, "g2@chatroom"},
                                                                          {kAcc2, "g3@chatroom"},
                                                                          {kAcc1, "g4@chatroom"},
                                                                          {kAcc2, "g5@chatroom"}}) {
            Room r;
            r.accountId = account;
            r.id = id;
            r.topic = QStringLiteral("家电群") + id.left(2);
            rooms.append(r);
        }
        m_store->upsertRooms(rooms);
        for (const char *id : {"g1@chatroom", "g2@chatroom", "g3@chatroom", "g4@chatroom"})
            m_store->addTag(TagTarget::Room, kAcc1, QString::fromLatin1(id),
                            QStringLiteral("家电"));
        m_store->flush();
        m_clock = std::make_unique<ManualClock>(at(2, 9));
        PushOptions options;
        options.zone = kZone;
        m_work = std::make_unique<PushWorkspace>(
            m_store.get(), m_clock.get(), std::make_shared<OutboxOutlet>(m_store.get()), options);
        QCOMPARE(
            m_work->importCatalog(catalog(at(2, 8, 30)), QStringLiteral("c.csv")).summary.added, 5);
    }

    PushRule save(PushRule r)
    {
        QString error;
        if (!m_work->saveRule(r, &error))
            qWarning("rule not saved: %s", qPrintable(error));
        return r;
    }

private slots:
    void init() { openFresh(); }
    void cleanup()
    {
        m_work.reset();
        m_store.reset();
    }

    void theDryRunIsExactlyWhatTheRunQueues()
    {
        const PushRule r = save(rule(QStringLiteral("家电早场")));
        QVERIFY(r.id > 0);
        // At 09:00, the 10:00 run as it will be.
        const QVector<PlannedSend> preview = m_work->preview(r, at(2, 10));
        QVector<PlannedSend> planned;
        for (const PlannedSend &s : preview) {
            if (s.skip == PushSkip::None)
                planned.append(s);
        }
        QCOMPARE(planned.size(), 4);
        QVERIFY(outboxRows(*m_store).isEmpty()); // a dry run queues nothing

        m_clock->setNowMs(at(2, 10) + 20000);
        const PushTickResult ran = m_work->tick();
        QCOMPARE(ran.runs, 1);
        QCOMPARE(ran.sends, 4);
        const QVector<OutboxEntry> rows = outboxRows(*m_store);
        QCOMPARE(rows.size(), 4);
        QHash<QString, OutboxEntry> byRoom;
        for (const OutboxEntry &e : rows)
            byRoom.insert(e.conversationId, e);
        QSet<qint64> campaigns;
        for (const PlannedSend &s : planned) {
            QVERIFY2(byRoom.contains(s.group.roomId), qPrintable(s.group.roomId));
            const OutboxEntry e = byRoom.value(s.group.roomId);
            QCOMPARE(e.accountId, s.accountId);
            QCOMPARE(e.text, s.text);
            QCOMPARE(e.dueMs, s.dueMs);
            QCOMPARE(e.origin, QStringLiteral("push"));
            QVERIFY(e.text.contains(QStringLiteral("券后")));
            campaigns.insert(e.campaignId);
        }
        // The run is one outbox campaign holding all four rows.
        QCOMPARE(campaigns.size(), 1);
        QVERIFY(*campaigns.begin() > 0);
        auto reader = m_store->createReader();
        QCOMPARE(OutboxRepository::campaignRows(*reader, *campaigns.begin()).size(), 4);
        QCOMPARE(OutboxRepository::campaign(*reader, *campaigns.begin()).origin,
                 QStringLiteral("push"));
        // The push log names the product the preview chose.
        for (const PlannedSend &s : planned) {
            const QVector<PushLogEntry> log = m_work->log(s.group.roomId, {}, 10);
            QCOMPARE(log.size(), 1);
            QCOMPARE(log.first().productId, s.choice.productId);
        }
    }

    void theSwitchPersistsAndKeepsAGroupOut()
    {
        QVERIFY(m_work->setPushEnabled(QStringLiteral("g2@chatroom"), false));
        // Another workspace (a restart) sees the switch off, the others on.
        PushOptions options;
        options.zone = kZone;
        PushWorkspace again(m_store.get(), m_clock.get(), {}, options);
        for (const PushGroup &g : again.groups())
            QCOMPARE(g.pushEnabled, g.roomId != QStringLiteral("g2@chatroom"));
        const PushRule r = save(rule(QStringLiteral("家电早场")));
        m_clock->setNowMs(at(2, 10) + 20000);
        QCOMPARE(m_work->tick().sends, 3);
        for (const OutboxEntry &e : outboxRows(*m_store))
            QVERIFY(e.conversationId != QStringLiteral("g2@chatroom"));
        // Turned on again, it gets the next run.
        QVERIFY(m_work->setPushEnabled(QStringLiteral("g2@chatroom"), true));
        m_clock->setNowMs(at(2, 15) + 20000);
        m_work->importCatalog(catalog(at(2, 14)), QStringLiteral("c.csv")); // fresh again
        QCOMPARE(m_work->tick().sends, 4);
        QCOMPARE(m_work->log(QStringLiteral("g2@chatroom"), {}, 10).size(), 1);
        Q_UNUSED(r);
    }

    void dailyCapsHoldAcrossRunsAndResetTheNextDay()
    {
        PushRule perGroup = rule(QStringLiteral("每群一天一次"));
        perGroup.caps.perGroupDay = 1;
        perGroup = save(perGroup);
        m_clock->setNowMs(at(2, 10) + 20000);
        QCOMPARE(m_work->tick().sends, 4);
        m_clock->setNowMs(at(2, 15) + 20000);
        m_work->importCatalog(catalog(at(2, 14)), QStringLiteral("c.csv")); // fresh again
        QCOMPARE(m_work->tick().sends, 0); // every group had its one push today
        const QVector<PlannedSend> capped = m_work->preview(perGroup, at(2, 15));
        for (const PlannedSend &s : capped)
            QCOMPARE(s.skip, PushSkip::GroupCap);
        m_clock->setNowMs(at(3, 10) + 20000);
        m_work->importCatalog(catalog(at(3, 9)), QStringLiteral("c.csv")); // refreshed
        QCOMPARE(m_work->tick().sends, 4); // a new day
        QVERIFY(m_work->deleteRule(perGroup.id));

        // The rule's own cap, over the same day. (The new rule must not take
        // the deleted one's id: its four pushes today would fill this cap.)
        PushRule perRule = rule(QStringLiteral("每天最多三条"));
        perRule.caps.perRuleDay = 3;
        perRule = save(perRule);
        QVERIFY(perRule.id > perGroup.id);
        m_clock->setNowMs(at(3, 15) + 20000);
        m_work->importCatalog(catalog(at(3, 14)), QStringLiteral("c.csv"));
        QCOMPARE(m_work->tick().sends, 3);
        QVERIFY(m_work->deleteRule(perRule.id));

        // The account's cap counts every push of the day (7 so far): with 4
        // a day, acc1 (alone in g2 and g4) is full, so only acc2 sends, in
        // g1 (shared) and g3 (its own) if it has room left.
        QHash<QString, int> before;
        for (const PushLogEntry &e : m_work->log({}, {}, 100))
            before[e.accountId] += e.runMs >= at(3, 0) ? 1 : 0;
        QCOMPARE(before.value(kAcc1) + before.value(kAcc2), 7);
        PushRule perAccount = rule(QStringLiteral("每号每天四条"));
        perAccount.caps.perAccountDay = 4;
        perAccount.schedule.minutesOfDay = {16 * 60};
        perAccount = save(perAccount);
        m_clock->setNowMs(at(3, 16) + 20000);
        m_work->importCatalog(catalog(at(3, 15)), QStringLiteral("c.csv"));
        const QVector<PlannedSend> plan = m_work->preview(perAccount, at(3, 16));
        int planned = 0;
        for (const PlannedSend &s : plan) {
            if (s.skip == PushSkip::None) {
                ++planned;
                QCOMPARE(s.accountId, kAcc2);
                QVERIFY(before.value(kAcc2) < 4);
            } else {
                QCOMPARE(s.skip, PushSkip::AccountCap);
            }
        }
        QCOMPARE(m_work->tick().sends, planned);
        QHash<QString, int> after;
        for (const PushLogEntry &e : m_work->log({}, {}, 100))
            after[e.accountId] += e.runMs >= at(3, 0) ? 1 : 0;
        QCOMPARE(after.value(kAcc1), before.value(kAcc1));
        QCOMPARE(after.value(kAcc2), std::min(4, before.value(kAcc2) + 2));
        qInfo("day 3 pushes per account before the capped run: acc1 %d, acc2 %d; after: %d, %d",
              before.value(kAcc1), before.value(kAcc2), after.value(kAcc1), after.value(kAcc2));
    }

    void clicksAndOrdersRankWhatSellsInAGroup()
    {
        const QString path = m_dir.filePath(QStringLiteral("点击订单.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringEncoder("GBK").encode(QStringLiteral("群名,商品ID,点击,订单\n"
                                                                "家电群g1,p3,120,10\n"
                                                                "g2@chatroom,p4,30,0\n"
                                                                "不存在的群,p1,5,1\n"
                                                                "家电群g3,,5,1\n"
                                                                "家电群g3,p2,很多,1\n"
                                                                "家电群g3,p2,3,-1\n")));
        }
        const CatalogImportReport report = m_work->importStatsFile(path);
        QCOMPARE(report.fileError, QString());
        QCOMPARE(report.encoding, QStringLiteral("GBK"));
        QCOMPARE(report.summary.changed, 2);
        QCOMPARE(report.errors.size(), 4);
        QCOMPARE(report.errors.at(0).row, 4);
        QCOMPARE(report.errors.at(0).problem, CatalogRowProblem::UnknownGroup);
        QVERIFY(
            CatalogParser::describe(report.errors.at(0)).contains(QStringLiteral("不存在的群")));
        QCOMPARE(report.errors.at(1).row, 5);
        QCOMPARE(report.errors.at(1).problem, CatalogRowProblem::MissingProductId);
        QCOMPARE(report.errors.at(2).row, 6);
        QCOMPARE(report.errors.at(2).problem, CatalogRowProblem::BadCount);
        QVERIFY(CatalogParser::describe(report.errors.at(2)).contains(QStringLiteral("很多")));
        QCOMPARE(report.errors.at(3).row, 7);
        QCOMPARE(report.errors.at(3).problem, CatalogRowProblem::BadCount);
        QCOMPARE(report.errors.at(3).detail, QStringLiteral("-1"));

        // All five products are equally fresh and fit: what sold here wins.
        const PushRule r = save(rule(QStringLiteral("家电早场")));
        const QVector<PlannedSend> plan = m_work->preview(r, at(2, 10));
        QHash<QString, PushChoice> byRoom;
        for (const PlannedSend &s : plan)
            byRoom.insert(s.group.roomId, s.choice);
        QCOMPARE(byRoom.value(QStringLiteral("g1@chatroom")).productId, QStringLiteral("p3"));
        QCOMPARE(byRoom.value(QStringLiteral("g1@chatroom")).orders, 10);
        QVERIFY(SelectionPolicy::explain(byRoom.value(QStringLiteral("g1@chatroom")), at(2, 10))
                    .contains(QStringLiteral("120")));
        QCOMPARE(byRoom.value(QStringLiteral("g2@chatroom")).productId, QStringLiteral("p4"));
        // Importing the same numbers again changes nothing.
        QCOMPARE(m_work->importStatsFile(path).summary.changed, 2);
        QCOMPARE(m_work->preview(r, at(2, 10)).size(), plan.size());
    }

    void aPictureBroadcastCountsBothPartsPerGroup()
    {
        const QString picture = m_dir.filePath(QStringLiteral("周年庆.png"));
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(picture));
        PushTargets targets;
        targets.tags = {QStringLiteral("家电")};
        QString error;
        const qint64 later = at(2, 12); // send later: at noon
        const qint64 id = m_work->createBroadcast(QStringLiteral("周年庆，到店有礼"), picture,
                                                  targets, later, &error);
        QVERIFY2(id > 0, qPrintable(error));
        BroadcastReport report = m_work->broadcastReport(id);
        QCOMPARE(report.rows.size(), 4);
        QCOMPARE(report.waiting, 4);

        // Each group: the picture, then the text, not before noon.
        auto reader = m_store->createReader();
        const QVector<OutboxEntry> rows
            = OutboxRepository::campaignRows(*reader, report.broadcast.campaignId);
        QCOMPARE(rows.size(), 8);
        QHash<QString, QHash<OutboxKind, qint64>> byRoom;
        for (const OutboxEntry &e : rows) {
            QVERIFY(e.dueMs >= later);
            byRoom[e.conversationId].insert(e.kind, e.id);
        }
        QCOMPARE(byRoom.size(), 4);
        for (const auto &kinds : byRoom) {
            QVERIFY(kinds.contains(OutboxKind::Image));
            QVERIFY(kinds.contains(OutboxKind::Text));
        }

        // What the sender made of them (the outbox's own writes): g1 both
        // out; g2's picture out but its text refused; g3 only the picture.
        OutboxRepository *outbox = OutboxRepository::of(m_store.get());
        const QString g1 = QStringLiteral("g1@chatroom");
        const QString g2 = QStringLiteral("g2@chatroom");
        const QString g3 = QStringLiteral("g3@chatroom");
        const QString refused = QStringLiteral("网关拒绝了这条消息");
        for (const QString &room : {g1, g2, g3})
            outbox->update(byRoom[room][OutboxKind::Image], OutboxState::Sent);
        outbox->update(byRoom[g1][OutboxKind::Text], OutboxState::Sent);
        outbox->update(byRoom[g2][OutboxKind::Text], OutboxState::Failed, refused);
        m_store->flush();
        report = m_work->broadcastReport(id);
        QHash<QString, BroadcastReportRow> rowOf;
        for (const BroadcastReportRow &row : report.rows)
            rowOf.insert(row.roomId, row);
        QCOMPARE(rowOf.value(g1).state, PushDelivery::Delivered);
        QCOMPARE(rowOf.value(g2).state, PushDelivery::Failed);
        QCOMPARE(rowOf.value(g2).error, refused);
        QCOMPARE(rowOf.value(g3).state, PushDelivery::Waiting); // its text still to go
        QCOMPARE(report.delivered, 1);
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.waiting, 2);

        // Cancelled: g3's text and all of g4 never go out.
        m_work->cancelBroadcast(id);
        m_store->flush();
        report = m_work->broadcastReport(id);
        QCOMPARE(report.campaign, PushCampaignState::Cancelled);
        QCOMPARE(report.delivered, 1);
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.cancelled, 2);
        QCOMPARE(report.waiting, 0);
    }

    void aStuckStoreNeitherHangsTheSchedulerNorDoublesARun()
    {
        PushOptions options;
        options.zone = kZone;
        options.waitMs = 500;
        m_work = std::make_unique<PushWorkspace>(m_store.get(), m_clock.get(),
                                                 std::make_shared<OutboxOutlet>(m_store.get(), 500),
                                                 options);
        const PushRule r = save(rule(QStringLiteral("家电早场")));
        QVERIFY(r.id > 0);
        m_clock->setNowMs(at(2, 10) + 20000);

        // The writer is stuck (a disk that does not answer) until released.
        auto release = std::make_shared<std::atomic<bool>>(false);
        QVERIFY(m_store->submitWrite([release](StoreWriter::Batch &) {
            while (!*release)
                QThread::msleep(10);
        }));
        QElapsedTimer elapsed;
        elapsed.start();
        const PushTickResult stuck = m_work->tick();
        QVERIFY(stuck.stalled);
        QCOMPARE(stuck.sends, 0);
        QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(m_work->runs(r.id).isEmpty()); // not recorded: it runs again

        *release = true;
        m_store->flush();
        const PushTickResult ran = m_work->tick();
        QVERIFY(!ran.stalled);
        QCOMPARE(ran.runs, 1);
        QCOMPARE(ran.sends, 4);
        QCOMPARE(outboxRows(*m_store).size(), 4);
        QCOMPARE(m_work->runs(r.id).size(), 1);
        QCOMPARE(m_work->tick().runs, 0);
        QCOMPARE(outboxRows(*m_store).size(), 4);
    }

    void anEditIsKeptInTheHistory()
    {
        QVector<Product> products = m_work->products();
        QCOMPARE(products.size(), 5);
        Product p = products.first();
        QCOMPARE(m_work->productHistory(p.id).size(), 1); // added by the import
        const qint64 oldPrice = p.priceCents;
        p.priceCents = 8800;
        p.title = QStringLiteral("商品1（限时）");
        QString error;
        m_clock->setNowMs(at(2, 9, 30));
        QVERIFY2(m_work->saveProduct(p, &error), qPrintable(error));
        const QVector<ProductHistoryEntry> history = m_work->productHistory(p.id);
        QCOMPARE(history.size(), 2);
        const ProductHistoryEntry edit
            = history.last().source == QStringLiteral("edit") ? history.last() : history.first();
        QCOMPARE(edit.source, QStringLiteral("edit"));
        QCOMPARE(edit.atMs, at(2, 9, 30));
        QVERIFY2(edit.changesJson.contains(Product::formatCents(oldPrice))
                     && edit.changesJson.contains(QStringLiteral("88")),
                 qPrintable(edit.changesJson));
        QVERIFY(edit.changesJson.contains(QStringLiteral("限时")));
        // Saving it unchanged adds nothing; a bad edit is refused and kept out.
        QVERIFY(m_work->saveProduct(p, &error));
        QCOMPARE(m_work->productHistory(p.id).size(), 2);
        Product bad = p;
        bad.title.clear();
        QVERIFY(!m_work->saveProduct(bad, &error));
        QVERIFY(!error.isEmpty());
        for (const Product &q : m_work->products()) {
            if (q.id == p.id)
                QCOMPARE(q.title, p.title);
        }
    }
};

QTEST_GUILESS_MAIN(TestPushWorkspace)
#include "tst_push_workspace.moc"
