// The Contacts tab over a seeded archive: a group's members under their
// resolved names (room alias, then remark, then nickname) with the count of
// current members and joined / left notes; former members only on request;
// selecting a contact lists its groups and its recent messages newest first
// across groups, and activating one asks for the feed at that message.

#include "ContactsPage.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace gd;

namespace {
const QString kAcc = QStringLiteral("acc");
const QString kRoom = QStringLiteral("r1@chatroom");
const QString kRoom2 = QStringLiteral("r2@chatroom");

QStringList column(const QStandardItemModel *model, int col)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->item(row, col)->text();
    return out;
}
} // namespace

class TestContactsDetail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;
    const qint64 m_joinedMs = QDateTime(QDate(2026, 11, 20), QTime(10, 0)).toMSecsSinceEpoch();
    const qint64 m_leftMs = QDateTime(QDate(2026, 11, 25), QTime(10, 0)).toMSecsSinceEpoch();

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("contacts.db"), &error), qPrintable(error));
        auto contact = [](const QString &id, const QString &name, const QString &alias) {
            Contact c;
            c.accountId = kAcc;
            c.id = id;
            c.name = name;
            c.alias = alias;
            return c;
        };
        m_store.upsertContacts({contact("wxid_a", "阿明", "VIP王总"), contact("wxid_b", "小白", ""),
                                contact("wxid_c", "小陈", "")});
        Room r1;
        r1.accountId = kAcc;
        r1.id = kRoom;
        r1.topic = QStringLiteral("星河电器售后1群");
        Room r2 = r1;
        r2.id = kRoom2;
        r2.topic = QStringLiteral("华东区VIP群");
        m_store.upsertRooms({r1, r2});
        auto member = [](const QString &room, const QString &id, const QString &alias) {
            RoomMember m;
            m.accountId = kAcc;
            m.roomId = room;
            m.contactId = id;
            m.roomAlias = alias;
            return m;
        };
        m_store.replaceRoomMembers(kAcc, kRoom,
                                   {member(kRoom, "wxid_a", ""),
                                    member(kRoom, "wxid_b", "群里的小白"),
                                    member(kRoom, "wxid_c", "")});
        m_store.replaceRoomMembers(kAcc, kRoom2, {member(kRoom2, "wxid_a", "")});
        m_store.recordMembersJoined(kAcc, kRoom, {"wxid_b"}, m_joinedMs);
        m_store.recordMembersLeft(kAcc, kRoom, {"wxid_c"}, m_leftMs);
        QVector<Message> batch;
        for (int i = 0; i < 6; ++i) {
            Message m;
            m.accountId = kAcc;
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = i % 2 == 0 ? kRoom : kRoom2;
            m.talkerId = "wxid_a";
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("第%1条 退款").arg(i);
            m.timestampMs = m_joinedMs + i * 60'000;
            batch << m;
        }
        Message other = batch.first();
        other.id = "other";
        other.talkerId = "wxid_b";
        batch << other;
        m_store.insertMessages(batch);
        m_store.flush();
    }

    void membersShowResolvedNamesCountAndJoinNotes()
    {
        ContactsPage page(&m_store);
        page.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(page.groupsModel()->rowCount(), 2, 20000);
        page.selectGroup(kRoom);
        QTRY_COMPARE_WITH_TIMEOUT(page.membersModel()->rowCount(), 2, 20000);
        QCOMPARE(page.membersCaption()->text(), QStringLiteral("Members (2)"));
        const QStringList names = column(page.membersModel(), 0);
        QVERIFY(names.contains(QStringLiteral("VIP王总"))); // remark, no room alias
        QVERIFY(names.contains(QStringLiteral("群里的小白"))); // room alias first
        QVERIFY(!column(page.membersModel(), 1).contains("wxid_c")); // left: hidden
        const int b = int(column(page.membersModel(), 1).indexOf("wxid_b"));
        QCOMPARE(page.membersModel()->item(b, 2)->text(), QStringLiteral("joined 2026-11-20"));

        page.formerMembersToggle()->setChecked(true);
        QTRY_COMPARE_WITH_TIMEOUT(page.membersModel()->rowCount(), 3, 20000);
        QCOMPARE(page.membersModel()->item(2, 1)->text(), QStringLiteral("wxid_c"));
        QCOMPARE(page.membersModel()->item(2, 0)->text(), QStringLiteral("小陈"));
        QCOMPARE(page.membersModel()->item(2, 2)->text(), QStringLiteral("left on 2026-11-25"));
        QCOMPARE(page.membersCaption()->text(), QStringLiteral("Members (2, 1 former)"));
    }

    void contactShowsItsGroupsAndRecentMessagesThatOpenTheFeed()
    {
        ContactsPage page(&m_store);
        page.setAccount(kAcc);
        QTRY_COMPARE_WITH_TIMEOUT(page.contactsModel()->rowCount(), 3, 20000);
        page.selectContact("wxid_a");
        QTRY_COMPARE_WITH_TIMEOUT(page.contactMessagesModel()->rowCount(), 6, 20000);
        QCOMPARE(column(page.contactGroupsModel(), 0),
                 QStringList({QStringLiteral("华东区VIP群"), QStringLiteral("星河电器售后1群")}));
        QCOMPARE(page.contactMessagesModel()->item(0, 2)->text(),
                 QStringLiteral("第5条 退款")); // newest first
        QCOMPARE(page.contactMessagesModel()->item(0, 1)->text(), QStringLiteral("华东区VIP群"));
        QCOMPARE(page.contactMessagesModel()->item(5, 1)->text(),
                 QStringLiteral("星河电器售后1群"));

        QSignalSpy activated(&page, &ContactsPage::messageActivated);
        const QModelIndex index = page.contactMessagesModel()->index(1, 0);
        emit page.contactMessagesView()->activated(index);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), kAcc);
        QCOMPARE(activated.first().at(1).toString(), kRoom); // m4
        QVERIFY(activated.first().at(2).toLongLong() > 0);
        QCOMPARE(
            activated.first().at(2).toLongLong(),
            page.contactMessagesModel()->item(1, 0)->data(ContactsPage::kRowIdRole).toLongLong());

        // A contact that left its only group is in none.
        page.selectContact("wxid_c");
        QTRY_VERIFY_WITH_TIMEOUT(page.openContact() == "wxid_c"
                                     && page.contactGroupsModel()->rowCount() == 0
                                     && page.contactMessagesModel()->rowCount() == 0,
                                 20000);
    }
};

QTEST_MAIN(TestContactsDetail)
#include "tst_contacts_detail.moc"
