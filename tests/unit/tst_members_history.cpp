// Room members with history (schema v5): a member missing from a fresh sync
// is kept and marked left, not deleted; ROOM_JOIN / ROOM_LEAVE times are
// recorded and survive the sync that follows; replayed old events change
// nothing; member counts and the current list leave former members out; a
// v4 database keeps its members. Also a contact's groups and recent messages.

#include "store/Schema.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {
const QString kAcc = QStringLiteral("acc");
const QString kRoom = QStringLiteral("r1@chatroom");

RoomMember member(const QString &id, const QString &name = {})
{
    RoomMember m;
    m.accountId = kAcc;
    m.roomId = kRoom;
    m.contactId = id;
    m.name = name.isEmpty() ? id.toUpper() : name;
    return m;
}

QStringList idsOf(const QVector<RoomMember> &members)
{
    QStringList ids;
    for (const RoomMember &m : members)
        ids << m.contactId;
    return ids;
}

RoomMember find(const QVector<RoomMember> &members, const QString &id)
{
    for (const RoomMember &m : members)
        if (m.contactId == id)
            return m;
    return {};
}
} // namespace

class TestMembersHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    int m_dbCount = 0;

    void openFresh()
    {
        m_reader.reset();
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("m%1.db").arg(++m_dbCount)), &error),
                 qPrintable(error));
        Room room;
        room.accountId = kAcc;
        room.id = kRoom;
        room.topic = QStringLiteral("星河电器售后1群");
        m_store->upsertRooms({room});
        m_reader = m_store->createReader();
    }

    int summaryCount()
    {
        for (const RoomSummary &s : m_reader->roomSummaries(kAcc))
            if (s.roomId == kRoom)
                return s.memberCount;
        return -1;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { openFresh(); }
    void cleanup()
    {
        m_reader.reset();
        m_store.reset();
    }

    void firstSyncMembersHaveUnknownJoinTime()
    {
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a"), member("b"), member("c")});
        m_store->flush();
        const QVector<RoomMember> now = m_reader->roomMembers(kAcc, kRoom);
        QCOMPARE(now.size(), 3);
        for (const RoomMember &m : now) {
            QCOMPARE(m.joinedMs, qint64(0));
            QCOMPARE(m.leftMs, qint64(0));
        }
        QCOMPARE(summaryCount(), 3);
    }

    void memberMissingFromLaterSyncIsMarkedLeftNotDeleted()
    {
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a"), member("b"), member("c")});
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a"), member("b", "新名字"), member("d")});
        m_store->flush();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();

        const QVector<RoomMember> now = m_reader->roomMembers(kAcc, kRoom);
        QCOMPARE(idsOf(now).size(), 3);
        QVERIFY(!idsOf(now).contains("c"));
        QCOMPARE(find(now, "b").name, QStringLiteral("新名字"));
        const RoomMember d = find(now, "d");
        QVERIFY(d.joinedMs >= before && d.joinedMs <= after); // first seen by this sync
        QCOMPARE(find(now, "a").joinedMs, qint64(0));
        QCOMPARE(summaryCount(), 3); // those who left are not counted

        const QVector<RoomMember> history = m_reader->memberHistory(kAcc, kRoom);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.last().contactId, QStringLiteral("c")); // former members last
        QVERIFY(history.last().leftMs >= before && history.last().leftMs <= after);
        QCOMPARE(history.last().name, QStringLiteral("C")); // the name is kept

        // Back in a later sync: a member again, joined anew.
        m_store->replaceRoomMembers(kAcc, kRoom,
                                    {member("a"), member("b"), member("c"), member("d")});
        m_store->flush();
        const RoomMember c = find(m_reader->roomMembers(kAcc, kRoom), "c");
        QCOMPARE(c.leftMs, qint64(0));
        QVERIFY(c.joinedMs >= before);
        QCOMPARE(summaryCount(), 4);
    }

    void leaveAndJoinEventsRecordTheirTimes()
    {
        const qint64 t1 = 1'700'000'000'000;
        const qint64 t2 = t1 + 3'600'000;
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a"), member("b")});
        m_store->recordMembersLeft(kAcc, kRoom, {"b"}, t1);
        // The sync after the event no longer lists b: its leave time stays.
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a")});
        m_store->flush();
        QCOMPARE(idsOf(m_reader->roomMembers(kAcc, kRoom)), QStringList({"a"}));
        QCOMPARE(find(m_reader->memberHistory(kAcc, kRoom), "b").leftMs, t1);

        // A join: recorded before the sync that brings the names.
        m_store->recordMembersJoined(kAcc, kRoom, {"b", "e"}, t2);
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a"), member("b"), member("e", "小E")});
        m_store->flush();
        QVector<RoomMember> now = m_reader->roomMembers(kAcc, kRoom);
        QCOMPARE(now.size(), 3);
        QCOMPARE(find(now, "b").joinedMs, t2);
        QCOMPARE(find(now, "e").joinedMs, t2);
        QCOMPARE(find(now, "e").name, QStringLiteral("小E"));

        // A replayed old leave (before the join) changes nothing.
        m_store->recordMembersLeft(kAcc, kRoom, {"b"}, t1);
        m_store->flush();
        now = m_reader->roomMembers(kAcc, kRoom);
        QCOMPARE(now.size(), 3);
        QCOMPARE(find(now, "b").leftMs, qint64(0));

        // A leave of someone never synced is still history.
        m_store->recordMembersLeft(kAcc, kRoom, {"ghost"}, t2 + 1);
        m_store->flush();
        QCOMPARE(m_reader->roomMembers(kAcc, kRoom).size(), 3);
        QCOMPARE(find(m_reader->memberHistory(kAcc, kRoom), "ghost").leftMs, t2 + 1);
    }

    void roomsOfContactListsCurrentGroupsOnly()
    {
        Room r2;
        r2.accountId = kAcc;
        r2.id = "r2@chatroom";
        r2.topic = QStringLiteral("华东区VIP群");
        Room r3 = r2;
        r3.id = "r3@chatroom";
        r3.topic = QStringLiteral("老客户群");
        m_store->upsertRooms({r2, r3});
        m_store->replaceRoomMembers(kAcc, kRoom, {member("a"), member("b")});
        m_store->replaceRoomMembers(kAcc, r2.id, {member("a")});
        m_store->replaceRoomMembers(kAcc, r3.id, {member("a")});
        m_store->recordMembersLeft(kAcc, r3.id, {"a"}, 0);
        m_store->flush();
        QStringList rooms;
        for (const Room &r : m_reader->roomsOfContact(kAcc, "a"))
            rooms << r.topic;
        QCOMPARE(rooms,
                 QStringList({QStringLiteral("华东区VIP群"), QStringLiteral("星河电器售后1群")}));
        QCOMPARE(m_reader->roomsOfContact(kAcc, "b").size(), 1);
        QVERIFY(m_reader->roomsOfContact(kAcc, "nobody").isEmpty());
        QVERIFY(m_reader->roomsOfContact("other-account", "a").isEmpty());
    }

    void recentMessagesOfTalkerAreNewestFirstAcrossRoomsWithTopic()
    {
        QVector<Message> batch;
        const qint64 t0 = 1'700'000'000'000;
        for (int i = 0; i < 60; ++i) {
            Message m;
            m.accountId = kAcc;
            m.id = QStringLiteral("m%1").arg(i);
            // a writes in the room and privately; b only in the room
            m.talkerId = i % 3 == 2 ? QStringLiteral("b") : QStringLiteral("a");
            m.roomId = i % 3 == 1 ? QString() : kRoom;
            if (m.roomId.isEmpty())
                m.listenerId = QStringLiteral("wxid_bot");
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("消息 %1").arg(i);
            m.timestampMs = t0 + i * 1000;
            batch << m;
        }
        m_store->insertMessages(batch);
        m_store->flush();

        const QVector<TalkerMessage> recent = m_reader->recentMessagesOfTalker(kAcc, "a", 50);
        QCOMPARE(recent.size(), 40); // 2 of every 3
        QCOMPARE(recent.first().message.id, QStringLiteral("m58"));
        for (int i = 1; i < recent.size(); ++i)
            QVERIFY(recent.at(i - 1).message.timestampMs > recent.at(i).message.timestampMs);
        for (const TalkerMessage &t : recent) {
            QCOMPARE(t.message.talkerId, QStringLiteral("a"));
            QCOMPARE(t.roomTopic,
                     t.message.roomId.isEmpty() ? QString() : QStringLiteral("星河电器售后1群"));
        }
        QCOMPARE(m_reader->recentMessagesOfTalker(kAcc, "a", 5).size(), 5);
        QCOMPARE(m_reader->recentMessagesOfTalker(kAcc, "b").size(), 20);
        QVERIFY(m_reader->recentMessagesOfTalker(kAcc, "").isEmpty());
    }

    void version4MembersSurviveTheMigration()
    {
        const QString path = m_dir.filePath("v4.db");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "v4");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(Schema::migrate(db, &error, 4), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY2(q.exec("INSERT INTO room_members (account_id, room_id, contact_id, name)"
                            " VALUES ('acc', 'r1@chatroom', 'old', '老成员')"),
                     qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase("v4");
        m_reader.reset();
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(path, &error), qPrintable(error));
        m_reader = m_store->createReader();
        QCOMPARE(m_reader->schemaVersion(), Store::kSchemaVersion);
        const QVector<RoomMember> now = m_reader->roomMembers(kAcc, kRoom);
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().name, QStringLiteral("老成员"));
        QCOMPARE(now.first().joinedMs, qint64(0));
        QCOMPARE(now.first().leftMs, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestMembersHistory)
#include "tst_members_history.moc"
