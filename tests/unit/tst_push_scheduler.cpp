// Issue 15, "what it must show" 1: the scheduler on a fixed clock and a real
// database: a run on time sends once per target group through the outbox
// submit, paced per account; a restart after missed runs skips them or
// catches up once, as the rule says, and never runs a handled time again.
// A rule is checked before it is saved (template, picture).

#include "monitor/Clock.h"
#include "push/PushService.h"
#include "store/Store.h"

#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

const QTimeZone kZone("Asia/Shanghai");

qint64 at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), kZone).toMSecsSinceEpoch();
}

// What the outbox was asked to send (the outbox itself is tested on its own).
class Submitted : public PushOutlet
{
public:
    qint64 submit(const PushSend &send, QString *) override
    {
        QMutexLocker lock(&mutex);
        if (!send.idempotencyKey.isEmpty() && keys.contains(send.idempotencyKey))
            return 0;
        keys.insert(send.idempotencyKey);
        sends.append(send);
        return sends.size();
    }
    qint64 createCampaign(const QString &, const QString &origin, QString *) override
    {
        QMutexLocker lock(&mutex);
        campaignOrigins.append(origin);
        return campaignOrigins.size();
    }
    void setCampaignState(qint64, PushCampaignState) override {}
    PushCampaignState campaignState(qint64) override { return PushCampaignState::Active; }
    QHash<QString, PushRowState> groupStates(qint64) override { return {}; }

    QMutex mutex;
    QVector<PushSend> sends;
    QSet<QString> keys;
    QStringList campaignOrigins;
};

QByteArray catalog(qint64 updatedMs)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(updatedMs, kZone)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString csv = QStringLiteral("id,title,price,category,updated_at\n");
    for (int i = 1; i <= 4; ++i)
        csv += QStringLiteral("p%1,商品%1,%2,家电,%3\n").arg(i).arg(10 * i).arg(when);
    return csv.toUtf8();
}

PushRule rule(const QString &name, MissedRunPolicy missed)
{
    PushRule r;
    r.name = name;
    r.enabled = true;
    r.targets.tags = {QStringLiteral("家电")};
    r.schedule.minutesOfDay = {9 * 60, 12 * 60, 18 * 60};
    r.text = QStringLiteral("{group}: {title} ¥{price}");
    r.missed = missed;
    return r;
}

} // namespace

class TestPushScheduler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    void openStore()
    {
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("push.db")), &error),
                 qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        openStore();
        // Three 家电 groups; g1 has two of our accounts in it; g4 is untagged.
        QVector<Room> rooms;
        for (const auto &[account, id] :
             QVector<QPair<QString, QString>>{{"acc1", "g1@chatroom"},
                                              {"acc2", "g1@chatroom"},
                                              {"acc1", "g2@chatroom"},
                                              {"acc2", "g3@chatroom"},
                                              {"acc1", "g4@chatroom"}}) {
            Room r;
            r.accountId = account;
            r.id = id;
            r.topic = QStringLiteral("群") + id.left(2);
            rooms.append(r);
        }
        m_store->upsertRooms(rooms);
        for (const QString &id : {QStringLiteral("g1@chatroom"), QStringLiteral("g2@chatroom"),
                                  QStringLiteral("g3@chatroom")})
            m_store->addTag(TagTarget::Room, QStringLiteral("acc1"), id, QStringLiteral("家电"));
        m_store->flush();
    }

    void aRuleIsCheckedBeforeItIsSaved()
    {
        ManualClock clock(at(2, 8));
        PushWorkspace w(m_store.get(), &clock, {}, {kZone});
        PushRule r = rule(QStringLiteral("坏模板"), MissedRunPolicy::Skip);
        r.text = QStringLiteral("{title} {discount}");
        QString error;
        QVERIFY(!w.saveRule(r, &error));
        QVERIFY(error.contains(QStringLiteral("{discount}")));
        r.text = QStringLiteral("{title}");
        r.imagePath = m_dir.filePath(QStringLiteral("missing.png"));
        QVERIFY(!w.saveRule(r, &error));
        QVERIFY(error.contains(QStringLiteral("missing.png")));
        QFile notImage(m_dir.filePath(QStringLiteral("notes.png")));
        QVERIFY(notImage.open(QIODevice::WriteOnly));
        notImage.write("just some text, not a picture\n");
        notImage.close();
        r.imagePath = notImage.fileName();
        QVERIFY(!w.saveRule(r, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(w.rules().isEmpty());
    }

    void runsOnTimeThenSkipsOrCatchesUpAfterARestart()
    {
        auto submitted = std::make_shared<Submitted>();
        ManualClock clock(at(2, 8));
        {
            PushService service(m_store.get(), &clock, submitted, {kZone});
            service.start(0);
            QCOMPARE(service
                         .callAndWait<CatalogImportReport>([](PushWorkspace &w) {
                             return w.importCatalog(catalog(at(2, 8)), QStringLiteral("c.csv"));
                         })
                         .summary.added,
                     4);
            for (MissedRunPolicy policy : {MissedRunPolicy::Skip, MissedRunPolicy::CatchUp}) {
                PushRule r = rule(policy == MissedRunPolicy::Skip ? QStringLiteral("跳过")
                                                                  : QStringLiteral("补发"),
                                  policy);
                const QString error = service.callAndWait<QString>([&r](PushWorkspace &w) {
                    QString e;
                    w.saveRule(r, &e);
                    return e;
                });
                QCOMPARE(error, QString());
            }
            service.tickNow(); // 08:00: nothing due
            QCOMPARE(submitted->sends.size(), 0);

            clock.setNowMs(at(2, 9, 0) + 30000); // 09:00:30, on time
            service.tickNow();
            // Two rules x three tagged groups, g4 (untagged) never.
            QCOMPARE(submitted->sends.size(), 6);
            QHash<QString, int> perRoom;
            QHash<QString, QVector<qint64>> duePerAccount;
            for (const PushSend &s : submitted->sends) {
                perRoom[s.roomId]++;
                duePerAccount[s.accountId].append(s.dueMs);
                QCOMPARE(s.origin, QStringLiteral("push"));
                QVERIFY(s.dueMs >= at(2, 9));
                QVERIFY(s.text.contains(QStringLiteral("¥")));
            }
            QCOMPARE(perRoom.value(QStringLiteral("g4@chatroom")), 0);
            // One outbox campaign per run: two rules ran, each its three
            // sends under its own campaign.
            QCOMPARE(submitted->campaignOrigins,
                     QStringList({QStringLiteral("push"), QStringLiteral("push")}));
            QHash<qint64, int> perCampaign;
            for (const PushSend &s : submitted->sends)
                perCampaign[s.campaignId]++;
            QCOMPARE(perCampaign.value(1), 3);
            QCOMPARE(perCampaign.value(2), 3);
            QCOMPARE(perRoom.value(QStringLiteral("g1@chatroom")), 2);
            // Paced: one account's sends of a run are at least the spacing apart.
            for (QVector<qint64> due : duePerAccount) {
                std::sort(due.begin(), due.end());
                for (int i = 1; i < due.size(); ++i)
                    QVERIFY(due.at(i) - due.at(i - 1) >= 20000 - 10000);
            }
            service.tickNow(); // the same minute again: nothing new
            QCOMPARE(submitted->sends.size(), 6);
            service.stop();
        }

        // Closed over 12:00 and 18:00; the catalog was refreshed meanwhile.
        clock.setNowMs(at(2, 18, 30));
        {
            PushService service(m_store.get(), &clock, submitted, {kZone});
            service.start(0);
            service.callAndWait<CatalogImportReport>([](PushWorkspace &w) {
                return w.importCatalog(catalog(at(2, 18)), QStringLiteral("c.csv"));
            });
            service.tickNow();
            // The skipping rule sends nothing; the catching-up one runs once.
            QCOMPARE(submitted->sends.size(), 9);
            const QVector<PushRule> rules = service.callAndWait<QVector<PushRule>>(
                [](PushWorkspace &w) { return w.rules(); });
            QCOMPARE(rules.size(), 2);
            for (const PushRule &r : rules) {
                const QVector<PushRunRecord> runs = service.callAndWait<QVector<PushRunRecord>>(
                    [id = r.id](PushWorkspace &w) { return w.runs(id); });
                QCOMPARE(runs.size(), 3);
                QCOMPARE(runs.at(0).runMs, at(2, 9));
                QCOMPARE(runs.at(0).outcome, PushRunOutcome::Ran);
                QCOMPARE(runs.at(0).sends, 3);
                QCOMPARE(runs.at(1).runMs, at(2, 12));
                QCOMPARE(runs.at(1).outcome, PushRunOutcome::SkippedMissed);
                QCOMPARE(runs.at(2).runMs, at(2, 18));
                if (r.missed == MissedRunPolicy::Skip) {
                    QCOMPARE(runs.at(2).outcome, PushRunOutcome::SkippedMissed);
                } else {
                    QCOMPARE(runs.at(2).outcome, PushRunOutcome::CaughtUp);
                    QCOMPARE(runs.at(2).sends, 3);
                }
                QCOMPARE(r.lastRunMs, at(2, 18));
            }
            // The caught-up run went out now, not in the past, and chose
            // other products than each group got at 09:00.
            for (int i = 6; i < 9; ++i)
                QVERIFY(submitted->sends.at(i).dueMs >= at(2, 18, 30));
            const QVector<PushLogEntry> log = service.callAndWait<QVector<PushLogEntry>>(
                [](PushWorkspace &w) { return w.log(QStringLiteral("g2@chatroom"), {}, 100); });
            QCOMPARE(log.size(), 3); // 2 at 09:00, 1 caught up
            QSet<QString> products;
            for (const PushLogEntry &e : log)
                products.insert(e.productId);
            QCOMPARE(products.size(), 3);
            service.tickNow();
            QCOMPARE(submitted->sends.size(), 9);

            // The next day runs on time again.
            clock.setNowMs(at(3, 9, 0) + 1000);
            service.callAndWait<CatalogImportReport>([](PushWorkspace &w) {
                return w.importCatalog(catalog(at(3, 8)), QStringLiteral("c.csv"));
            });
            service.tickNow();
            QCOMPARE(submitted->sends.size(), 15);
            service.stop();
        }
    }
};

QTEST_GUILESS_MAIN(TestPushScheduler)
#include "tst_push_scheduler.moc"
