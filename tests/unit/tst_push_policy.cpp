// Issue 15, "what it must show" 1: the selection policy and the planner on a
// fixed clock: the 3-day rule, 4-hour freshness, the fallback, tag matching,
// no repeats, spreading across products, caps; schedules across days;
// templates and their explanations.

#include "push/PushPlanner.h"
#include "push/PushSchedule.h"
#include "push/PushTemplate.h"
#include "push/SelectionPolicy.h"

#include <QTest>

using namespace gd;

namespace {

const QTimeZone kZone("Asia/Shanghai");
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

qint64 at(int day, int hour, int minute = 0) // December 2026, Shanghai time
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), kZone).toMSecsSinceEpoch();
}

const qint64 kNow = at(2, 12); // Wednesday 2 December 2026, 12:00

Product product(const QString &id, qint64 updatedAgoMs, const QString &category = {},
                const QStringList &tags = {}, bool available = true)
{
    Product p;
    p.id = id;
    p.title = QStringLiteral("商品 ") + id;
    p.priceCents = 1990;
    p.category = category;
    p.tags = tags;
    p.available = available;
    p.updatedMs = kNow - updatedAgoMs;
    return p;
}

PushGroup group(const QString &id, const QStringList &tags = {},
                const QStringList &accounts = {QStringLiteral("acc1")})
{
    PushGroup g;
    g.roomId = id;
    g.name = QStringLiteral("群 ") + id;
    g.tags = tags;
    g.accountIds = accounts;
    return g;
}

} // namespace

class TestPushPolicy : public QObject
{
    Q_OBJECT

private slots:
    void theFloorSkipsStaleUnavailableAndRecentlyPushed()
    {
        const QVector<Product> products = {
            product(QStringLiteral("stale"), 5 * kHour), // older than 4 h
            product(QStringLiteral("gone"), kHour, {}, {}, false), // not available
            product(QStringLiteral("recent"), kHour), // pushed here 2 days ago
            product(QStringLiteral("ok"), 3 * kHour), // fresh, pushed 4 days ago
        };
        GroupHistory h;
        h.lastPushedMs.insert(QStringLiteral("recent"), kNow - 2 * kDay);
        h.lastPushedMs.insert(QStringLiteral("ok"), kNow - 4 * kDay);
        h.lastProductId = QStringLiteral("recent");
        PushChoice c = SelectionPolicy::choose(group(QStringLiteral("g")), products, h, {}, kNow);
        QCOMPARE(c.productId, QStringLiteral("ok"));
        QVERIFY(!c.fallback);
        QCOMPARE(c.candidates, 1);
        QCOMPARE(c.lastPushedHereMs, kNow - 4 * kDay);
        // Exactly 4 h is still fresh; a minute more is not.
        const QVector<Product> edge = {product(QStringLiteral("edge"), 4 * kHour)};
        QCOMPARE(SelectionPolicy::choose(group(QStringLiteral("g")), edge, {}, {}, kNow).productId,
                 QStringLiteral("edge"));
        QCOMPARE(SelectionPolicy::choose(group(QStringLiteral("g")), edge, {}, {}, kNow + 60000)
                     .productId,
                 QString());
        // Exactly 3 days after a push the product qualifies again.
        GroupHistory three;
        three.lastPushedMs.insert(QStringLiteral("edge"), kNow - 3 * kDay);
        three.lastProductId = QStringLiteral("other");
        const PushChoice again
            = SelectionPolicy::choose(group(QStringLiteral("g")), edge, three, {}, kNow);
        QCOMPARE(again.productId, QStringLiteral("edge"));
        QVERIFY(!again.fallback);
    }

    void theFallbackDropsTheThreeDayRuleButNotFreshness()
    {
        const QVector<Product> products = {
            product(QStringLiteral("a"), kHour),
            product(QStringLiteral("b"), 2 * kHour),
            product(QStringLiteral("stale"), 6 * kHour),
        };
        GroupHistory h;
        h.lastPushedMs.insert(QStringLiteral("a"), kNow - kDay);
        h.lastPushedMs.insert(QStringLiteral("b"), kNow - 2 * kDay);
        h.lastProductId = QStringLiteral("a"); // the most recent push
        const PushChoice c
            = SelectionPolicy::choose(group(QStringLiteral("g")), products, h, {}, kNow);
        QVERIFY(c.fallback);
        // Never the same product twice in a row, even in the fallback.
        QCOMPARE(c.productId, QStringLiteral("b"));
        QVERIFY(SelectionPolicy::explain(c, kNow).contains(QStringLiteral("fallback")));

        // Only the last product is fresh: nothing is sent rather than a repeat.
        const QVector<Product> only = {product(QStringLiteral("a"), kHour)};
        const PushChoice none
            = SelectionPolicy::choose(group(QStringLiteral("g")), only, h, {}, kNow);
        QCOMPARE(none.productId, QString());
    }

    void tagsAndPerformanceRankTheCandidates()
    {
        const QVector<Product> products = {
            product(QStringLiteral("fan"), 10 * 60000, QStringLiteral("风扇")), // freshest
            product(QStringLiteral("rice"), 3 * kHour, QStringLiteral("家电"),
                    {QStringLiteral("厨房")}),
            product(QStringLiteral("pot"), 3 * kHour, QStringLiteral("厨具")),
        };
        const PushGroup appliances = group(QStringLiteral("g1"), {QStringLiteral("家电")});
        PushChoice c = SelectionPolicy::choose(appliances, products, {}, {}, kNow);
        QCOMPARE(c.productId, QStringLiteral("rice"));
        QCOMPARE(c.matchedTags, QStringList({QStringLiteral("家电")}));
        const QString why = SelectionPolicy::explain(c, kNow);
        QVERIFY2(why.contains(QStringLiteral("fresh 3 h ago")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("never pushed here")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("matches tag 家电")), qPrintable(why));

        // No tag matches: freshness decides...
        c = SelectionPolicy::choose(group(QStringLiteral("g2")), products, {}, {}, kNow);
        QCOMPARE(c.productId, QStringLiteral("fan"));
        // ...unless the group's clicks and orders say otherwise.
        GroupHistory h;
        h.stats.insert(QStringLiteral("pot"), {40, 6});
        c = SelectionPolicy::choose(group(QStringLiteral("g2")), products, h, {}, kNow);
        QCOMPARE(c.productId, QStringLiteral("pot"));
        QCOMPARE(c.orders, 6);
        QVERIFY(SelectionPolicy::explain(c, kNow).contains(QStringLiteral("40 clicks, 6 orders")));

        // The explanation names how long ago it was pushed here.
        h.lastPushedMs.insert(QStringLiteral("pot"), kNow - 5 * kDay);
        c = SelectionPolicy::choose(group(QStringLiteral("g2")), products, h, {}, kNow);
        QVERIFY(SelectionPolicy::explain(c, kNow).contains(
            QStringLiteral("not pushed here for 5 day")));
    }

    void aRunSpreadsAcrossProductsAndCapsHold()
    {
        PushPlanInput in;
        in.rule.id = 7;
        in.rule.text = QStringLiteral("【{group}】{title} 券后 {coupon} 元 {link}");
        in.rule.targets.tags = {QStringLiteral("家电")};
        in.rule.targets.roomIds = {QStringLiteral("g9")};
        in.rule.targets.excludedRoomIds = {QStringLiteral("g3")};
        in.runMs = kNow;
        for (int i = 1; i <= 9; ++i) {
            PushGroup g = group(QStringLiteral("g%1").arg(i),
                                i <= 6 ? QStringList{QStringLiteral("家电")} : QStringList{},
                                {QStringLiteral("acc1"), QStringLiteral("acc2")});
            in.groups.append(g);
        }
        in.groups[1].pushEnabled = false; // g2: switched off
        for (int i = 1; i <= 3; ++i)
            in.products.append(
                product(QStringLiteral("p%1").arg(i), kHour, QStringLiteral("家电")));
        const QVector<PlannedSend> plan = PushPlanner::plan(in);
        // g1..g6 by tag, minus excluded g3, plus explicit g9.
        QStringList rooms;
        for (const PlannedSend &s : plan)
            rooms << s.group.roomId;
        QCOMPARE(rooms, QStringList({"g1", "g2", "g4", "g5", "g6", "g9"}));
        QCOMPARE(plan.at(1).skip, PushSkip::SwitchedOff);
        QHash<QString, int> perProduct;
        QHash<QString, int> perAccount;
        for (const PlannedSend &s : plan) {
            if (s.skip != PushSkip::None)
                continue;
            perProduct[s.choice.productId]++;
            perAccount[s.accountId]++;
            QVERIFY(s.dueMs >= kNow);
            QVERIFY(
                s.text.startsWith(QStringLiteral("【") + s.group.name + QStringLiteral("】商品 ")));
        }
        // Five sends over three products: none more than twice; two accounts share.
        QCOMPARE(perProduct.size(), 3);
        for (int n : perProduct)
            QVERIFY(n <= 2);
        QCOMPARE(
            perAccount.value(QStringLiteral("acc1")) + perAccount.value(QStringLiteral("acc2")), 5);
        QVERIFY(std::abs(perAccount.value(QStringLiteral("acc1"))
                         - perAccount.value(QStringLiteral("acc2")))
                <= 1);
        // Same input, same plan: the preview is what will be sent.
        const QVector<PlannedSend> again = PushPlanner::plan(in);
        for (int i = 0; i < plan.size(); ++i) {
            QCOMPARE(again.at(i).choice.productId, plan.at(i).choice.productId);
            QCOMPARE(again.at(i).dueMs, plan.at(i).dueMs);
            QCOMPARE(again.at(i).accountId, plan.at(i).accountId);
        }

        // Caps: the rule's daily cap, a group's, an account's.
        PushPlanInput capped = in;
        capped.rule.caps.perRuleDay = 3;
        capped.ruleSentToday = 1;
        int sent = 0;
        for (const PlannedSend &s : PushPlanner::plan(capped))
            sent += s.skip == PushSkip::None;
        QCOMPARE(sent, 2);
        capped = in;
        capped.rule.caps.perGroupDay = 2;
        capped.groupSentToday.insert(QStringLiteral("g4"), 2);
        const QVector<PlannedSend> groupCapped = PushPlanner::plan(capped);
        QCOMPARE(groupCapped.at(2).group.roomId, QStringLiteral("g4"));
        QCOMPARE(groupCapped.at(2).skip, PushSkip::GroupCap);
        capped = in;
        capped.rule.caps.perAccountDay = 3;
        capped.accountSentToday.insert(QStringLiteral("acc1"), 3);
        capped.accountSentToday.insert(QStringLiteral("acc2"), 1);
        const QVector<PlannedSend> accountCapped = PushPlanner::plan(capped);
        int acc2 = 0;
        int accountSkips = 0;
        for (const PlannedSend &s : accountCapped) {
            QVERIFY(s.accountId != QStringLiteral("acc1"));
            acc2 += s.accountId == QStringLiteral("acc2");
            accountSkips += s.skip == PushSkip::AccountCap;
        }
        QCOMPARE(acc2, 2);
        QCOMPARE(accountSkips, 3);
    }

    void noRepeatsAcrossConsecutiveRuns()
    {
        // One group, two fresh products, runs every hour for a day: never
        // the same product twice in a row.
        PushPlanInput in;
        in.rule.id = 1;
        in.rule.text = QStringLiteral("{title}");
        in.rule.targets.roomIds = {QStringLiteral("g")};
        in.groups = {group(QStringLiteral("g"))};
        QString previous;
        for (int h = 0; h < 24; ++h) {
            in.runMs = kNow + h * kHour;
            in.products = {product(QStringLiteral("a"), -h * kHour + 1000),
                           product(QStringLiteral("b"), -h * kHour + 1000)};
            const QVector<PlannedSend> plan = PushPlanner::plan(in);
            QCOMPARE(plan.size(), 1);
            const PlannedSend &s = plan.first();
            QCOMPARE(s.skip, PushSkip::None);
            QVERIFY2(s.choice.productId != previous, qPrintable(QString::number(h)));
            previous = s.choice.productId;
            GroupHistory &hist = in.history[QStringLiteral("g")];
            hist.lastPushedMs.insert(previous, in.runMs);
            hist.lastProductId = previous;
        }
    }

    void schedulesRunAcrossDaysAndWeekdays()
    {
        PushSchedule s;
        s.minutesOfDay = {20 * 60, 9 * 60 + 30};
        s.days = 0x1f; // Monday to Friday
        // From Thursday 3 Dec 10:00 to Tuesday 8 Dec 10:00.
        const QVector<qint64> runs = s.runsBetween(at(3, 10), at(8, 10), kZone);
        QCOMPARE(runs,
                 QVector<qint64>(
                     {at(3, 20), at(4, 9, 30), at(4, 20), at(7, 9, 30), at(7, 20), at(8, 9, 30)}));
        // The end is included, the start is not.
        QCOMPARE(s.runsBetween(at(3, 20), at(4, 9, 30), kZone), QVector<qint64>({at(4, 9, 30)}));

        PushSchedule every;
        every.kind = PushSchedule::Kind::Every;
        every.everyMinutes = 90;
        every.windowStartMinute = 22 * 60;
        every.windowEndMinute = 23 * 60 + 59;
        // Across midnight: 22:00, 23:30 each day.
        QCOMPARE(every.runsBetween(at(2, 21), at(3, 23), kZone),
                 QVector<qint64>({at(2, 22), at(2, 23, 30), at(3, 22)}));
        every.everyMinutes = 2;
        QVERIFY(!every.problem().isEmpty());
        PushSchedule noDays;
        noDays.minutesOfDay = {600};
        noDays.days = 0;
        QVERIFY(!noDays.problem().isEmpty());
        QVERIFY(noDays.runsBetween(at(1, 0), at(9, 0), kZone).isEmpty());
        QCOMPARE(PushSchedule::fromJson(s.toJson()), s);
    }

    void templatesRefuseUnknownPlaceholders()
    {
        QCOMPARE(PushTemplate::problem(QStringLiteral("{title} 仅 {price} 元 {{限时}}")),
                 QString());
        const QString problem = PushTemplate::problem(QStringLiteral("{title} {discount}"));
        QVERIFY(problem.contains(QStringLiteral("{discount}")));
        QVERIFY(!PushTemplate::problem(QStringLiteral("{title")).isEmpty());
        QVERIFY(!PushTemplate::problem(QStringLiteral("  ")).isEmpty());
        Product p = product(QStringLiteral("x"), 0);
        p.couponCents = 990;
        p.link = QStringLiteral("https://s.example/x");
        QCOMPARE(
            PushTemplate::render(QStringLiteral("{{{group}}} {title} ¥{price}→¥{coupon} {link}"), p,
                                 QStringLiteral("家电群")),
            QStringLiteral("{家电群} 商品 x ¥19.90→¥9.90 https://s.example/x"));
    }
};

QTEST_GUILESS_MAIN(TestPushPolicy)
#include "tst_push_policy.moc"
