// Sender names: room alias, then contact remark, then contact name, then member name, then id.
#include "engine/NameResolver.h"

#include <QtTest>

using namespace gd;

class TestNameResolution : public QObject
{
    Q_OBJECT
private:
    static Contact contact(const QString &id, const QString &name, const QString &alias)
    {
        Contact c;
        c.id = id;
        c.name = name;
        c.alias = alias;
        return c;
    }
    static RoomMember member(const QString &room, const QString &id, const QString &roomAlias,
                             const QString &name)
    {
        RoomMember m;
        m.roomId = room;
        m.contactId = id;
        m.roomAlias = roomAlias;
        m.name = name;
        return m;
    }

private slots:
    void knownMemberKeepsNamesWhenPayloadFails()
    {
        NameResolver r;
        r.setRoomMembers(QStringLiteral("r@chatroom"),
                         {member(QStringLiteral("r@chatroom"), QStringLiteral("u1"),
                                 QStringLiteral("售后-张"), QStringLiteral("张三"))});
        const RoomMember known
            = r.knownRoomMember(QStringLiteral("r@chatroom"), QStringLiteral("u1"));
        QCOMPARE(known.contactId, QStringLiteral("u1"));
        QCOMPARE(known.roomAlias, QStringLiteral("售后-张"));
        QCOMPARE(known.name, QStringLiteral("张三"));
        const RoomMember unknown
            = r.knownRoomMember(QStringLiteral("r@chatroom"), QStringLiteral("u2"));
        QCOMPARE(unknown.contactId, QStringLiteral("u2"));
        QCOMPARE(unknown.roomId, QStringLiteral("r@chatroom"));
        QVERIFY(unknown.roomAlias.isEmpty());
    }

    void roomAliasWinsOverEverything()
    {
        NameResolver r;
        r.setContact(contact(QStringLiteral("u1"), QStringLiteral("张三"), QStringLiteral("张总")));
        r.setRoomMembers(QStringLiteral("r@chatroom"),
                         {member(QStringLiteral("r@chatroom"), QStringLiteral("u1"),
                                 QStringLiteral("售后-张"), QStringLiteral("张三"))});
        QCOMPARE(r.resolve(QStringLiteral("r@chatroom"), QStringLiteral("u1")),
                 QStringLiteral("售后-张"));
    }

    void contactRemarkBeforeContactName()
    {
        NameResolver r;
        r.setContact(contact(QStringLiteral("u1"), QStringLiteral("张三"), QStringLiteral("张总")));
        r.setRoomMembers(QStringLiteral("r@chatroom"),
                         {member(QStringLiteral("r@chatroom"), QStringLiteral("u1"), {},
                                 QStringLiteral("小张"))});
        QCOMPARE(r.resolve(QStringLiteral("r@chatroom"), QStringLiteral("u1")),
                 QStringLiteral("张总"));
        QCOMPARE(r.resolve({}, QStringLiteral("u1")), QStringLiteral("张总"));
    }

    void contactNameBeforeMemberName()
    {
        NameResolver r;
        r.setContact(contact(QStringLiteral("u1"), QStringLiteral("张三"), {}));
        r.setRoomMember(
            member(QStringLiteral("r@chatroom"), QStringLiteral("u1"), {}, QStringLiteral("小张")));
        QCOMPARE(r.resolve(QStringLiteral("r@chatroom"), QStringLiteral("u1")),
                 QStringLiteral("张三"));
    }

    void memberNameWhenContactUnknown()
    {
        NameResolver r;
        r.setRoomMember(
            member(QStringLiteral("r@chatroom"), QStringLiteral("u2"), {}, QStringLiteral("李四")));
        QCOMPARE(r.resolve(QStringLiteral("r@chatroom"), QStringLiteral("u2")),
                 QStringLiteral("李四"));
        // Another room does not know this member's names.
        QCOMPARE(r.resolve(QStringLiteral("other@chatroom"), QStringLiteral("u2")),
                 QStringLiteral("u2"));
    }

    void idWhenNothingKnown()
    {
        NameResolver r;
        QCOMPARE(r.resolve(QStringLiteral("r@chatroom"), QStringLiteral("wxid_x")),
                 QStringLiteral("wxid_x"));
    }

    void roomAliasIsPerRoom()
    {
        NameResolver r;
        r.setContact(contact(QStringLiteral("u1"), QStringLiteral("张三"), {}));
        r.setRoomMember(member(QStringLiteral("a@chatroom"), QStringLiteral("u1"),
                               QStringLiteral("A群昵称"), {}));
        QCOMPARE(r.resolve(QStringLiteral("a@chatroom"), QStringLiteral("u1")),
                 QStringLiteral("A群昵称"));
        QCOMPARE(r.resolve(QStringLiteral("b@chatroom"), QStringLiteral("u1")),
                 QStringLiteral("张三"));
    }

    void refreshReplacesNames()
    {
        NameResolver r;
        r.setContact(contact(QStringLiteral("u1"), QStringLiteral("old"), {}));
        r.setContact(contact(QStringLiteral("u1"), QStringLiteral("new"), {}));
        QCOMPARE(r.resolve({}, QStringLiteral("u1")), QStringLiteral("new"));
        r.setRoomMembers(QStringLiteral("r@chatroom"),
                         {member(QStringLiteral("r@chatroom"), QStringLiteral("u1"),
                                 QStringLiteral("alias"), {})});
        r.removeRoomMember(QStringLiteral("r@chatroom"), QStringLiteral("u1"));
        QCOMPARE(r.resolve(QStringLiteral("r@chatroom"), QStringLiteral("u1")),
                 QStringLiteral("new"));
        r.setRoomMembers(QStringLiteral("r@chatroom"), {});
        QVERIFY(!r.hasRoomMember(QStringLiteral("r@chatroom"), QStringLiteral("u1")));
    }
};

QTEST_GUILESS_MAIN(TestNameResolution)
#include "tst_name_resolution.moc"
