// Welcomes and auto-replies wired to a real store: messages committed to the
// archive are answered through the send function with the "auto-reply"
// origin, staff and the bot never, a flood stops at the cap, and every
// reply sent or held back is logged; a burst of joins recorded in the store
// gives one welcome. Rules survive a restart (ops_rules).

#include "monitor/Clock.h"
#include "ops/OpsAutomation.h"
#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"
#include "store/Store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include "TestArchive.h"

#include <QTest>

using namespace gd;
using gd::test::TestArchive;

namespace {
const QString kAccount = QStringLiteral("acc");
const QString kRoom = QStringLiteral("1@chatroom");

struct Sent
{
    QString conversationId;
    QString text;
    QString origin;
};
} // namespace

class TestOpsAutomation : public QObject
{
    Q_OBJECT
private slots:
    void repliesWelcomesAndTheLog()
    {
        QTemporaryDir dir;
        QString error;
        // A file, or a database on the test server (GD_TEST_BACKEND=postgresql).
        const QString path = TestArchive::fresh(dir, QStringLiteral("gd.sqlite"), &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        ManualClock clock(now);
        Store store;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        AccountInfo account;
        account.id = kAccount;
        account.selfContactId = QStringLiteral("bot");
        store.upsertAccount(account);
        Room room;
        room.accountId = kAccount;
        room.id = kRoom;
        room.topic = QStringLiteral("星河售后群");
        room.memberIds = {QStringLiteral("bot"), QStringLiteral("agent"), QStringLiteral("c0")};
        store.upsertRooms({room});
        store.addTag(TagTarget::Contact, kAccount, QStringLiteral("agent"),
                     QStringLiteral("staff"));
        store.flush();

        OpsStore ops(&store);
        QVector<Sent> sent;
        OpsAutomation automation(
            &store, &ops, &clock,
            [&sent](const QString &, const QString &c, const QString &t, const QString &o) {
                sent.append({c, t, o});
            });
        QSignalSpy loaded(&automation, &OpsAutomation::rulesLoaded);
        automation.start();
        QVERIFY(loaded.wait(5000));

        AutoReplyRule rule;
        rule.name = QStringLiteral("退款");
        rule.keywords = {QStringLiteral("退款")};
        rule.reply = QStringLiteral("{customer}您好，退款3-5个工作日到账");
        rule.groupCooldownS = 0;
        rule.customerCooldownS = 0;
        rule.maxPerHour = 4;
        WelcomeRule welcome;
        welcome.text = QStringLiteral("欢迎 {names}！");
        welcome.delayS = 20;
        QSignalSpy refused(&automation, &OpsAutomation::rulesRefused);
        AutoReplyRule bad = rule;
        bad.reply = QStringLiteral("{nobody}");
        automation.setAutoReplyRules({bad});
        QCOMPARE(refused.count(), 1);
        automation.setAutoReplyRules({rule});
        automation.setWelcomeRules({welcome});
        QVERIFY(loaded.wait(5000)); // saved and read back with their ids
        QCOMPARE(automation.autoReplyRules().size(), 1);
        QVERIFY(automation.autoReplyRules().first().id > 0);

        // Staff and the bot first, then a flood of 100 customers.
        QVector<Message> messages;
        auto message = [&](const QString &id, const QString &talker, bool self) {
            Message m;
            m.accountId = kAccount;
            m.id = id;
            m.roomId = kRoom;
            m.talkerId = talker;
            m.talkerName = talker;
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("退款的事");
            m.timestampMs = now;
            m.fromSelf = self;
            return m;
        };
        messages << message(QStringLiteral("s1"), QStringLiteral("agent"), false)
                 << message(QStringLiteral("s2"), QStringLiteral("bot"), true);
        for (int i = 0; i < 100; ++i)
            messages << message(QStringLiteral("c%1").arg(i), QStringLiteral("c%1").arg(i), false);
        QSignalSpy replied(&automation, &OpsAutomation::autoReplied);
        store.insertMessages(messages);
        QTRY_COMPARE_WITH_TIMEOUT(replied.count(), 100, 10000);
        QCOMPARE(sent.size(), 4); // the cap
        for (const Sent &s : std::as_const(sent)) {
            QCOMPARE(s.origin, QStringLiteral("auto-reply"));
            QCOMPARE(s.conversationId, kRoom);
            QVERIFY(!s.text.startsWith(QStringLiteral("agent")));
            QVERIFY(!s.text.startsWith(QStringLiteral("bot")));
        }

        // A burst of joins: one welcome.
        sent.clear();
        for (int i = 0; i < 4; ++i) {
            store.recordMembersJoined(kAccount, kRoom, {QStringLiteral("new%1").arg(i)}, now);
        }
        // Staff joining is not welcomed.
        store.recordMembersJoined(kAccount, kRoom, {QStringLiteral("agent")}, now);
        store.flush();
        QTest::qWait(500); // the member reads
        automation.tickNow();
        QVERIFY(sent.isEmpty()); // still gathering
        clock.advanceMs(21 * 1000);
        QSignalSpy welcomed(&automation, &OpsAutomation::welcomed);
        automation.tickNow();
        QCOMPARE(welcomed.count(), 1);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().origin, QStringLiteral("welcome"));
        for (int i = 0; i < 4; ++i)
            QVERIFY2(sent.first().text.contains(QStringLiteral("new%1").arg(i))
                         || sent.first().text.contains(QStringLiteral("新人%1").arg(i)),
                     qPrintable(sent.first().text));
        QVERIFY(!sent.first().text.contains(QStringLiteral("agent")));

        // The log: every auto-reply decision and the welcome.
        store.flush();
        QVector<OpsLogEntry> log;
        bool done = false;
        ops.read<QVector<OpsLogEntry>>(
            this, [](QSqlDatabase &db) { return OpsRepository::log(db, kAccount, 0, 1000); },
            [&](const QVector<OpsLogEntry> &l) {
                log = l;
                done = true;
            });
        QTRY_VERIFY(done);
        int repliesLogged = 0, heldLogged = 0, welcomesLogged = 0;
        for (const OpsLogEntry &e : std::as_const(log)) {
            if (e.kind == OpsLogEntry::Kind::Welcome)
                ++welcomesLogged;
            else if (e.outcome == OpsLogEntry::Outcome::HeldBack)
                ++heldLogged;
            else
                ++repliesLogged;
            QVERIFY(e.contactId != QStringLiteral("agent"));
        }
        QCOMPARE(repliesLogged, 4);
        QCOMPARE(heldLogged, 96);
        QCOMPARE(welcomesLogged, 1);

        // The rules are kept: a new automation on the same file has them.
        OpsAutomation again(&store, &ops, &clock, {});
        QSignalSpy againLoaded(&again, &OpsAutomation::rulesLoaded);
        again.start();
        QVERIFY(againLoaded.wait(5000));
        QCOMPARE(again.autoReplyRules().size(), 1);
        QCOMPARE(again.autoReplyRules().first().maxPerHour, 4);
        QCOMPARE(again.welcomeRules().size(), 1);
        QCOMPARE(again.welcomeRules().first().delayS, 20);
    }
};

QTEST_GUILESS_MAIN(TestOpsAutomation)
#include "tst_ops_automation.moc"
