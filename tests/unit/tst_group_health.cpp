// Group health: the activity counts the database computes match a
// brute-force count over the same generated messages, and the ratings and
// the quiet list follow from them.

#include "ops/GroupHealth.h"
#include "ops/OpsRepository.h"
#include "store/Store.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TestGroupHealth : public QObject
{
    Q_OBJECT
private slots:
    void countsMatchABruteForceComputation()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gd.sqlite"));
        const QString account = QStringLiteral("acc");
        const qint64 day = 24LL * 3600 * 1000;
        const qint64 now = 1'800'000'000'000LL;
        QRandomGenerator rng(20261202);

        QStringList roomIds;
        for (int i = 0; i < 12; ++i)
            roomIds << QStringLiteral("%1@chatroom").arg(1000 + i);
        QStringList talkers;
        for (int i = 0; i < 25; ++i)
            talkers << QStringLiteral("wxid_c%1").arg(i);
        const QSet<QString> staff{QStringLiteral("wxid_c0"), QStringLiteral("wxid_c1")};

        // Rooms get very different traffic, so ratings spread over 0..5 stars.
        QVector<Message> messages;
        for (int r = 0; r < roomIds.size(); ++r) {
            const int count = r == 0 ? 0 : int(rng.bounded(r * r * 3 + 1));
            const int crowd = 1 + r * 2;
            for (int i = 0; i < count; ++i) {
                Message m;
                m.accountId = account;
                m.id = QStringLiteral("m%1-%2").arg(r).arg(i);
                m.roomId = roomIds.at(r);
                m.timestampMs
                    = now - qint64(rng.bounded(quint64(40 * day))); // some older than 30 days
                const int who = int(rng.bounded(10));
                if (who == 0) {
                    m.fromSelf = true;
                    m.talkerId = QStringLiteral("self");
                } else {
                    m.talkerId = talkers.at(int(rng.bounded(qMin(crowd, int(talkers.size())))));
                }
                m.kind = rng.bounded(15) == 0 ? MessageKind::System : MessageKind::Text;
                if (rng.bounded(20) == 0 && i > 0)
                    m.duplicateOf = QStringLiteral("m%1-%2").arg(r).arg(i - 1);
                m.text = QStringLiteral("t%1").arg(i);
                messages.append(m);
            }
        }
        // A message in the future and a one-to-one chat do not count either.
        Message future;
        future.accountId = account;
        future.id = QStringLiteral("future");
        future.roomId = roomIds.at(3);
        future.talkerId = talkers.at(5);
        future.kind = MessageKind::Text;
        future.timestampMs = now + day;
        messages.append(future);
        Message direct = future;
        direct.id = QStringLiteral("direct");
        direct.roomId.clear();
        direct.listenerId = QStringLiteral("self");
        direct.timestampMs = now - day;
        messages.append(direct);

        {
            Store store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QVector<Room> rooms;
            for (const QString &id : roomIds) {
                Room room;
                room.accountId = account;
                room.id = id;
                room.topic = QStringLiteral("群 %1").arg(id);
                rooms.append(room);
            }
            store.upsertRooms(rooms);
            for (const QString &s : staff)
                store.addTag(TagTarget::Contact, account, s, QStringLiteral("staff"));
            store.insertMessages(messages);
            store.flush();
        }

        // Brute force, straight from the generated list.
        QHash<QString, GroupActivityCounts> expected;
        QHash<QString, QSet<QString>> customers7, customers30;
        for (const QString &id : roomIds) {
            expected[id].roomId = id;
            expected[id].topic = QStringLiteral("群 %1").arg(id);
        }
        for (const Message &m : std::as_const(messages)) {
            if (m.roomId.isEmpty() || m.kind == MessageKind::System || !m.duplicateOf.isEmpty())
                continue;
            if (m.timestampMs <= now - 30 * day || m.timestampMs > now)
                continue;
            const bool recent = m.timestampMs > now - 7 * day;
            const bool isStaff = m.fromSelf || staff.contains(m.talkerId);
            GroupActivityCounts &a = expected[m.roomId];
            if (isStaff) {
                ++a.staffReplies30;
                a.staffReplies7 += recent;
            } else {
                ++a.customerMessages30;
                a.customerMessages7 += recent;
                customers30[m.roomId].insert(m.talkerId);
                if (recent)
                    customers7[m.roomId].insert(m.talkerId);
                a.lastCustomerMs = qMax(a.lastCustomerMs, m.timestampMs);
            }
        }
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            it->activeCustomers7 = int(customers7.value(it.key()).size());
            it->activeCustomers30 = int(customers30.value(it.key()).size());
        }

        QVector<GroupActivityCounts> actual;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("health"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            actual = OpsRepository::groupActivity(db, account, now, QStringLiteral("staff"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("health"));
        QCOMPARE(actual.size(), roomIds.size());
        QSet<int> starsSeen;
        for (const GroupActivityCounts &a : std::as_const(actual)) {
            const GroupActivityCounts &e = expected.value(a.roomId);
            QCOMPARE(a.customerMessages7, e.customerMessages7);
            QCOMPARE(a.activeCustomers7, e.activeCustomers7);
            QCOMPARE(a.staffReplies7, e.staffReplies7);
            QCOMPARE(a.customerMessages30, e.customerMessages30);
            QCOMPARE(a.activeCustomers30, e.activeCustomers30);
            QCOMPARE(a.staffReplies30, e.staffReplies30);
            QCOMPARE(a.lastCustomerMs, e.lastCustomerMs);
            QCOMPARE(a.topic, e.topic);
            QCOMPARE(GroupHealth::stars(a), GroupHealth::stars(e));
            starsSeen.insert(GroupHealth::stars(a));
        }
        QVERIFY2(starsSeen.size() >= 3, "the generated rooms should spread over the ratings");
        // The silent room has no stars and leads the quiet list.
        const QVector<GroupActivityCounts> quiet = GroupHealth::quietGroups(actual);
        QVERIFY(!quiet.isEmpty());
        QCOMPARE(quiet.first().roomId, roomIds.first());
        for (const GroupActivityCounts &a : quiet)
            QVERIFY(GroupHealth::stars(a) <= 2);
    }

    void ratingFollowsActivity()
    {
        GroupActivityCounts silent;
        QCOMPARE(GroupHealth::stars(silent), 0);
        QVERIFY(GroupHealth::isQuiet(silent));
        GroupActivityCounts busy;
        busy.customerMessages30 = 200;
        busy.activeCustomers30 = 40;
        busy.staffReplies30 = 90;
        busy.customerMessages7 = 50;
        QCOMPARE(GroupHealth::stars(busy), 5);
        // One customer writing a lot is not a healthy group.
        GroupActivityCounts monologue = busy;
        monologue.activeCustomers30 = 1;
        monologue.staffReplies30 = 0;
        QVERIFY(GroupHealth::stars(monologue) < GroupHealth::stars(busy));
        QCOMPARE(GroupHealth::starText(3), QStringLiteral("★★★☆☆"));
        // More of anything never lowers the score.
        GroupActivityCounts more = monologue;
        more.staffReplies30 += 5;
        QVERIFY(GroupHealth::score(more) >= GroupHealth::score(monologue));
    }
};

QTEST_GUILESS_MAIN(TestGroupHealth)
#include "tst_group_health.moc"
