// Life beside the desktop: the tray icon carries the unread count, the
// window title says how many messages wait and how many mention the bot,
// notifications come for mentions and watched groups only, closing without
// a tray really closes, and the window's geometry comes back next time.

#include "AppSettings.h"
#include "MainWindow.h"
#include "MessageNotifier.h"
#include "RoomListModel.h"
#include "RoomPreferences.h"
#include "TrayIcon.h"
#include "UnreadTracker.h"
#include "engine/Engine.h"
#include "store/Store.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

namespace {
Message incoming(const QString &roomId, const QString &id, const QString &text,
                 const QStringList &mentions = {})
{
    Message m;
    m.accountId = QStringLiteral("acc");
    m.id = id;
    m.roomId = roomId;
    m.talkerId = QStringLiteral("wxid_customer");
    m.talkerName = QStringLiteral("王女士");
    m.kind = MessageKind::Text;
    m.text = text;
    m.mentionIds = mentions;
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    return m;
}
} // namespace

class TestTrayNotifications : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void badgeShowsTheCount()
    {
        QPixmap plain(32, 32);
        plain.fill(QColor(40, 120, 200));
        const QIcon base(plain);
        QCOMPARE(TrayIcon::badgedIcon(base, 0).cacheKey(), base.cacheKey());
        const QImage badged = TrayIcon::badgedIcon(base, 7).pixmap(32, 32).toImage();
        const QImage same = TrayIcon::badgedIcon(base, 7).pixmap(32, 32).toImage();
        QCOMPARE(badged, same);
        QVERIFY(badged != plain.toImage()); // the badge is drawn
        QCOMPARE(QColor(badged.pixel(0, 31)), QColor(40, 120, 200)); // away from the badge
        QVERIFY(TrayIcon::badgedIcon(base, 120).pixmap(32, 32).toImage() != badged); // "99+"
    }

    void recognisesMentionsOfTheBot()
    {
        const QString self = QStringLiteral("wxid_bot");
        const QString name = QStringLiteral("客服小助手");
        QVERIFY(UnreadTracker::mentionsSelf(incoming("r", "1", "在吗", {self}), self, name));
        QVERIFY(
            !UnreadTracker::mentionsSelf(incoming("r", "2", "在吗", {"wxid_other"}), self, name));
        QVERIFY(
            UnreadTracker::mentionsSelf(incoming("r", "3", "@客服小助手\u2005退款呢"), self, name));
        QVERIFY(UnreadTracker::mentionsSelf(incoming("r", "4", "问一下 @客服小助手"), self, name));
        QVERIFY(!UnreadTracker::mentionsSelf(incoming("r", "5", "@客服小助手们 好"), self, name));
        QVERIFY(!UnreadTracker::mentionsSelf(incoming("r", "6", "客服小助手 在吗"), self, name));
        Message own = incoming("r", "7", "@客服小助手 test", {self});
        own.fromSelf = true;
        QVERIFY(!UnreadTracker::mentionsSelf(own, self, name));
    }

    void countsAndNotifiesWhatMatters()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath("tray.sqlite"), nullptr));
        AccountInfo account;
        account.id = QStringLiteral("acc");
        account.displayName = QStringLiteral("客服一号");
        account.endpoint = QStringLiteral("127.0.0.1:1");
        account.selfContactId = QStringLiteral("wxid_bot");
        account.selfName = QStringLiteral("客服小助手");
        store.upsertAccount(account);
        QVector<Room> rooms;
        for (const auto &[id, topic] :
             {std::pair{"r1@chatroom", "售后队"}, std::pair{"r2@chatroom", "星河电器"},
              std::pair{"r3@chatroom", "华东区"}}) {
            Room room;
            room.accountId = account.id;
            room.id = QString::fromUtf8(id);
            room.topic = QString::fromUtf8(topic);
            rooms << room;
        }
        store.upsertRooms(rooms);
        // The window opens the liveliest group at start: let that be r0.
        store.insertMessages({incoming("r0@chatroom", "old", "早")});
        store.markConversationRead(account.id, "r0@chatroom");
        store.flush();
        Engine engine(&store);
        GatewayEndpoint endpoint;
        endpoint.address = account.endpoint;
        engine.addAccount(account, endpoint);
        MainWindow window(&store, &engine);
        window.settings()->setWatched(account.id, "r3@chatroom", true);
        QSignalSpy notes(window.messageNotifier(), &MessageNotifier::notificationRaised);
        QCOMPARE(window.windowTitle(), QStringLiteral("GroupDesk"));
        QTRY_COMPARE_WITH_TIMEOUT(window.currentRoomId(), QStringLiteral("r0@chatroom"), 10000);

        // An ordinary message: counted, no notification.
        store.insertMessages({incoming("r1@chatroom", "a", "你好")});
        QTRY_COMPARE_WITH_TIMEOUT(window.unreadTracker()->totalUnread(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), QStringLiteral("GroupDesk (1 unread)"),
                                  5000);
        QCOMPARE(window.trayIcon()->unread(), 1);
        QCOMPARE(notes.size(), 0);

        // A mention of the bot: counted apart, and notified with group and sender.
        store.insertMessages(
            {incoming("r2@chatroom", "b", "@客服小助手\u2005发票开了吗", {"wxid_bot"})});
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 1, 10000);
        QCOMPARE(notes.at(0).at(1).toString(), QStringLiteral("r2@chatroom"));
        QVERIFY(notes.at(0).at(2).toString().contains(QStringLiteral("王女士")));
        QVERIFY(notes.at(0).at(2).toString().contains(QStringLiteral("星河电器")));
        QCOMPARE(window.unreadTracker()->mentions(account.id, "r2@chatroom"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), QStringLiteral("GroupDesk (2 unread, 1 @)"),
                                  5000);
        QVERIFY(window.trayIcon()->toolTip().contains(QLatin1String("1 mention")));

        // A watched group notifies for any customer message.
        store.insertMessages({incoming("r3@chatroom", "c", "到货了吗")});
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 2, 10000);
        QCOMPARE(notes.at(1).at(1).toString(), QStringLiteral("r3@chatroom"));
        QCOMPARE(notes.at(1).at(3).toString(), QStringLiteral("到货了吗"));

        // Muted: the watched group stays quiet; a mention of the bot still comes.
        window.roomListModel()->preferences()->setMuted(account.id, "r3@chatroom", true);
        store.insertMessages({incoming("r3@chatroom", "m1", "在吗在吗")});
        QTRY_COMPARE_WITH_TIMEOUT(window.unreadTracker()->totalUnread(), 4, 10000);
        QCOMPARE(notes.size(), 2);
        store.insertMessages(
            {incoming("r3@chatroom", "m2", "@客服小助手\u2005人呢", {"wxid_bot"})});
        QTRY_COMPARE_WITH_TIMEOUT(notes.size(), 3, 10000);
        QCOMPARE(notes.at(2).at(1).toString(), QStringLiteral("r3@chatroom"));
        window.roomListModel()->preferences()->setMuted(account.id, "r3@chatroom", false);

        // Settings off: nothing more.
        window.settings()->setNotifyWatchedGroups(false);
        window.settings()->setNotifyMentions(false);
        store.insertMessages({incoming("r3@chatroom", "d", "还在吗"),
                              incoming("r2@chatroom", "e", "@客服小助手 急", {"wxid_bot"})});
        QTRY_COMPARE_WITH_TIMEOUT(window.unreadTracker()->totalUnread(), 7, 10000);
        QCOMPARE(notes.size(), 3);

        // Reading the group clears its mentions and its unread count.
        window.selectRoom("r2@chatroom");
        QTRY_COMPARE_WITH_TIMEOUT(window.currentRoomId(), QStringLiteral("r2@chatroom"), 5000);
        QCOMPARE(window.unreadTracker()->mentions(account.id, "r2@chatroom"), 0);
        QTRY_COMPARE_WITH_TIMEOUT(window.unreadTracker()->totalUnread(), 5, 10000);
        // (the mention in the muted group is still waiting)
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), QStringLiteral("GroupDesk (5 unread, 1 @)"),
                                  5000);
    }

    void closingWithoutATrayClosesAndGeometryComesBack()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath("geometry.sqlite"), nullptr));
        Engine engine(&store);
        {
            MainWindow window(&store, &engine);
            window.settings()->setCloseToTray(true);
            window.resize(930, 640);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!TrayIcon::isAvailable()); // offscreen: no tray to come back from
            QVERIFY(window.close()); // so closing must not just hide
            QVERIFY(!window.isVisible());
        }
        QVERIFY(!QSettings().value("window/geometry").toByteArray().isEmpty());
        MainWindow again(&store, &engine);
        QCOMPARE(again.size(), QSize(930, 640));
    }
};

QTEST_MAIN(TestTrayNotifications)
#include "tst_tray_notifications.moc"
