// Auto-replies and welcomes decide what goes out by themselves: a burst of
// joins gives one welcome, a flood of keyword messages at most the rule's
// cap, cooldowns per group and per customer hold the rest back (with the
// reason), the busy reply answers outside business hours and after N
// minutes without an answer, and the bot itself and staff are never answered.

#include "monitor/Clock.h"
#include "ops/AutoReplier.h"
#include "ops/WelcomeGatherer.h"

#include <QTest>

using namespace gd;

namespace {
const qint64 kStart = 1'800'000'000'000LL;

Message customer(const QString &room, const QString &talker, const QString &text, qint64 ts,
                 int n = 0)
{
    Message m;
    m.accountId = QStringLiteral("acc");
    m.id = QStringLiteral("m-%1-%2-%3").arg(room, talker).arg(n);
    m.roomId = room;
    m.talkerId = talker;
    m.talkerName = QStringLiteral("客户%1").arg(talker);
    m.kind = MessageKind::Text;
    m.text = text;
    m.timestampMs = ts;
    return m;
}

AutoReplyRule refundRule()
{
    AutoReplyRule r;
    r.id = 7;
    r.name = QStringLiteral("退款");
    r.keywords = {QStringLiteral("退款")};
    r.reply = QStringLiteral("{customer}您好，退款3-5个工作日到账。");
    r.groupCooldownS = 0;
    r.customerCooldownS = 0;
    r.maxPerHour = 5;
    return r;
}

int sent(const QVector<AutoReplyDecision> &decisions)
{
    int n = 0;
    for (const AutoReplyDecision &d : decisions)
        n += !d.held;
    return n;
}
} // namespace

class TestAutoReplies : public QObject
{
    Q_OBJECT
private slots:
    void floodOfKeywordMessagesGivesAtMostTheCap()
    {
        ManualClock clock(kStart);
        AutoReplier replier(&clock);
        replier.setRules({refundRule()});
        int replies = 0;
        int held = 0;
        for (int i = 0; i < 100; ++i) {
            clock.advanceMs(1000);
            const auto d = replier.onMessage(
                customer(QStringLiteral("1@chatroom"), QStringLiteral("c%1").arg(i % 30),
                         QStringLiteral("我要退款！"), clock.nowMs(), i),
                {});
            QCOMPARE(d.size(), 1);
            replies += sent(d);
            held += d.first().held;
            if (d.first().held)
                QVERIFY(d.first().heldReason.contains(QStringLiteral("5")));
        }
        QCOMPARE(replies, 5); // the cap per hour
        QCOMPARE(held, 95); // each one logged as held back
        // An hour later the rule answers again.
        clock.advanceMs(3600 * 1000);
        QCOMPARE(sent(replier.onMessage(customer(QStringLiteral("1@chatroom"), QStringLiteral("c1"),
                                                 QStringLiteral("退款呢"), clock.nowMs(), 1000),
                                        {})),
                 1);
    }

    void cooldownsPerGroupAndPerCustomer()
    {
        ManualClock clock(kStart);
        AutoReplier replier(&clock);
        AutoReplyRule rule = refundRule();
        rule.groupCooldownS = 60;
        rule.customerCooldownS = 600;
        rule.maxPerHour = 100;
        replier.setRules({rule});
        auto ask = [&](const QString &room, const QString &who) {
            clock.advanceMs(1);
            return replier.onMessage(customer(room, who, QStringLiteral("退款"), clock.nowMs()),
                                     {});
        };
        QCOMPARE(sent(ask(QStringLiteral("1@chatroom"), QStringLiteral("a"))), 1);
        // Same group within a minute: held back, says why.
        const auto again = ask(QStringLiteral("1@chatroom"), QStringLiteral("b"));
        QVERIFY(again.first().held);
        QVERIFY(again.first().heldReason.contains(QStringLiteral("60")));
        // Another group is not affected by the first group's cooldown.
        QCOMPARE(sent(ask(QStringLiteral("2@chatroom"), QStringLiteral("b"))), 1);
        clock.advanceMs(61 * 1000);
        // The group's cooldown is over, but "a" was answered 61 s ago (600 s).
        QVERIFY(ask(QStringLiteral("1@chatroom"), QStringLiteral("a")).first().held);
        QCOMPARE(sent(ask(QStringLiteral("1@chatroom"), QStringLiteral("c"))), 1);
        // Over 100 minutes the flood gives at most one per minute per group.
        int replies = 0;
        for (int i = 0; i < 100; ++i) {
            clock.advanceMs(30 * 1000);
            replies += sent(ask(QStringLiteral("3@chatroom"), QStringLiteral("x%1").arg(i)));
        }
        QVERIFY2(replies <= 50 && replies >= 45, qPrintable(QString::number(replies)));
    }

    void staffAndTheBotAreNeverAnswered()
    {
        ManualClock clock(kStart);
        AutoReplier replier(&clock);
        AutoReplyRule busy;
        busy.id = 9;
        busy.kind = AutoReplyRule::Kind::Busy;
        busy.reply = QStringLiteral("客服正忙，请稍候");
        busy.unansweredMinutes = 1;
        busy.hours = BusinessHours::weekdays(QTime(0, 0), QTime(0, 0)); // never open on weekends
        busy.hours.setDays({});
        busy.groupCooldownS = 0;
        busy.customerCooldownS = 0;
        replier.setRules({refundRule(), busy});
        Message self = customer(QStringLiteral("1@chatroom"), QStringLiteral("bot"),
                                QStringLiteral("退款说明：……"), clock.nowMs());
        self.fromSelf = true;
        QVERIFY(replier.onMessage(self, {}).isEmpty());
        AutoReplyContext staff;
        staff.fromStaff = true;
        QVERIFY(replier
                    .onMessage(customer(QStringLiteral("1@chatroom"), QStringLiteral("agent"),
                                        QStringLiteral("退款已处理"), clock.nowMs()),
                               staff)
                    .isEmpty());
        clock.advanceMs(10 * 60 * 1000);
        QVERIFY(replier.tick().isEmpty()); // nobody waits: staff and self started no wait
        // A customer does get answered.
        QCOMPARE(sent(replier.onMessage(customer(QStringLiteral("1@chatroom"), QStringLiteral("c"),
                                                 QStringLiteral("退款"), clock.nowMs()),
                                        {})),
                 1);
    }

    void busyReplyOutsideHoursAndAfterMinutesWithoutAnswer()
    {
        // 2027-01-16 is a Saturday.
        const qint64 saturday = QDateTime(QDate(2027, 1, 16), QTime(10, 0)).toMSecsSinceEpoch();
        ManualClock clock(saturday);
        AutoReplier replier(&clock);
        AutoReplyRule busy;
        busy.id = 3;
        busy.kind = AutoReplyRule::Kind::Busy;
        busy.reply = QStringLiteral("{group}的客服下班了，周一回复您");
        busy.hours = BusinessHours::weekdays(QTime(9, 0), QTime(18, 0));
        busy.customerCooldownS = 3600;
        busy.groupCooldownS = 0;
        replier.setRules({busy});
        AutoReplyContext ctx;
        ctx.topic = QStringLiteral("星河售后群");
        auto d = replier.onMessage(customer(QStringLiteral("1@chatroom"), QStringLiteral("c"),
                                            QStringLiteral("在吗"), clock.nowMs()),
                                   ctx);
        QCOMPARE(sent(d), 1);
        QCOMPARE(d.first().text, QStringLiteral("星河售后群的客服下班了，周一回复您"));

        // Monday 10:00, open: only a customer waiting 5 minutes is answered.
        clock.setNowMs(QDateTime(QDate(2027, 1, 18), QTime(10, 0)).toMSecsSinceEpoch());
        AutoReplyRule waiting = busy;
        waiting.id = 4;
        waiting.hours = BusinessHours(); // always open
        waiting.unansweredMinutes = 5;
        waiting.reply = QStringLiteral("久等了，马上为您处理");
        replier.setRules({waiting});
        QVERIFY(replier
                    .onMessage(customer(QStringLiteral("1@chatroom"), QStringLiteral("d"),
                                        QStringLiteral("怎么还没发货"), clock.nowMs()),
                               ctx)
                    .isEmpty());
        QVERIFY(replier
                    .onMessage(customer(QStringLiteral("2@chatroom"), QStringLiteral("e"),
                                        QStringLiteral("在吗"), clock.nowMs()),
                               ctx)
                    .isEmpty());
        clock.advanceMs(2 * 60 * 1000);
        // Staff answered in group 2: that wait is over.
        Message answer = customer(QStringLiteral("2@chatroom"), QStringLiteral("agent"),
                                  QStringLiteral("在的"), clock.nowMs());
        answer.fromSelf = true;
        replier.onMessage(answer, {});
        QVERIFY(replier.tick().isEmpty()); // 2 minutes: not yet
        clock.advanceMs(3 * 60 * 1000 + 1);
        const auto due = replier.tick();
        QCOMPARE(sent(due), 1);
        QCOMPARE(due.first().conversationId, QStringLiteral("1@chatroom"));
        QVERIFY(replier.tick().isEmpty()); // answered once
    }

    void burstOfJoinsGivesOneWelcome()
    {
        ManualClock clock(kStart);
        WelcomeGatherer gatherer(&clock);
        WelcomeRule rule;
        rule.id = 1;
        rule.text = QStringLiteral("欢迎 {names} 加入{group}！");
        rule.delayS = 30;
        rule.maxPerHour = 2;
        gatherer.setRules({rule});
        const QString room = QStringLiteral("1@chatroom");
        // Five joins within 20 seconds (one of them twice).
        for (int i = 0; i < 5; ++i) {
            gatherer.joined(QStringLiteral("acc"), room, QStringLiteral("星河售后群"), {},
                            {{QStringLiteral("n%1").arg(i), QStringLiteral("新人%1").arg(i)}});
            clock.advanceMs(4000);
        }
        gatherer.joined(QStringLiteral("acc"), room, QStringLiteral("星河售后群"), {},
                        {{QStringLiteral("n0"), QStringLiteral("新人0")}});
        QVERIFY(gatherer.due().isEmpty()); // still gathering
        QCOMPARE(gatherer.nextDueMs(), kStart + 30 * 1000);
        clock.advanceMs(10 * 1000 + 1);
        const auto welcomes = gatherer.due();
        QCOMPARE(welcomes.size(), 1);
        QVERIFY(!welcomes.first().held);
        QCOMPARE(welcomes.first().contactIds.size(), 5);
        QCOMPARE(welcomes.first().text,
                 QStringLiteral("欢迎 @新人0、@新人1、@新人2、@新人3、@新人4 加入星河售后群！"));
        QVERIFY(gatherer.due().isEmpty());

        // Two more bursts within the hour: the second is over the cap (2).
        for (int burst = 0; burst < 2; ++burst) {
            gatherer.joined(
                QStringLiteral("acc"), room, QStringLiteral("星河售后群"), {},
                {{QStringLiteral("b%1").arg(burst), QStringLiteral("后来%1").arg(burst)}});
            clock.advanceMs(31 * 1000);
            const auto d = gatherer.due();
            QCOMPARE(d.size(), 1);
            QCOMPARE(d.first().held, burst == 1);
            if (burst == 1)
                QVERIFY(d.first().heldReason.contains(QStringLiteral("2")));
        }
        // A group out of the rule's scope gets nothing.
        WelcomeRule tagged = rule;
        tagged.scope.tags = {QStringLiteral("VIP")};
        gatherer.setRules({tagged});
        gatherer.joined(QStringLiteral("acc"), QStringLiteral("2@chatroom"), QStringLiteral("x"),
                        {QStringLiteral("普通")}, {{QStringLiteral("z"), QStringLiteral("z")}});
        clock.advanceMs(60 * 1000);
        QVERIFY(gatherer.due().isEmpty());
    }

    void rulesWithProblemsAreRefusedWithTheReason()
    {
        AutoReplyRule r = refundRule();
        QVERIFY(r.problem().isEmpty());
        r.reply = QStringLiteral("{custmer} 您好");
        QVERIFY(r.problem().contains(QStringLiteral("{custmer}")));
        r = refundRule();
        r.keywords.clear();
        QVERIFY(!r.problem().isEmpty());
        WelcomeRule w;
        QVERIFY(w.problem().isEmpty());
        w.text = QStringLiteral("欢迎 {name}");
        QVERIFY(w.problem().contains(QStringLiteral("{name}")));
        // Round trip through the JSON kept in the database.
        AutoReplyRule busy;
        busy.kind = AutoReplyRule::Kind::Busy;
        busy.reply = QStringLiteral("忙");
        busy.hours = BusinessHours::weekdays(QTime(9, 0), QTime(18, 0));
        busy.scope.tags = {QStringLiteral("VIP")};
        const AutoReplyRule back = AutoReplyRule::fromJson(busy.toJson());
        QCOMPARE(back.reply, busy.reply);
        QCOMPARE(back.scope, busy.scope);
        QCOMPARE(back.hours.openTime(), QTime(9, 0));
    }
};

QTEST_GUILESS_MAIN(TestAutoReplies)
#include "tst_auto_replies.moc"
