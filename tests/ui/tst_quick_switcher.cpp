// Keyboard-first navigation: the Ctrl+K quick switcher finds groups and
// contacts by pinyin initials and every reading of a character, Enter opens
// the choice; Alt+Down/Up walk the groups with unread messages; Esc closes
// the search panel; Ctrl+/ lists the real shortcuts.

#include "Composer.h"
#include "ComposerEdit.h"
#include "ContactsPage.h"
#include "MainWindow.h"
#include "QuickSwitcher.h"
#include "RoomListModel.h"
#include "ShortcutsDialog.h"
#include "engine/Engine.h"
#include "store/Store.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

namespace {
QuickSwitcherEntry group(const QString &id, const QString &name, int unread = 0)
{
    QuickSwitcherEntry e;
    e.accountId = QStringLiteral("acc");
    e.id = id;
    e.name = name;
    e.unread = unread;
    return e;
}

QStringList names(const QVector<QuickSwitcherEntry> &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out.append(e.name);
    return out;
}

Message incoming(const QString &roomId, const QString &id, qint64 ms)
{
    Message m;
    m.accountId = QStringLiteral("acc");
    m.id = id;
    m.roomId = roomId;
    m.talkerId = QStringLiteral("wxid_customer");
    m.talkerName = QStringLiteral("顾客");
    m.kind = MessageKind::Text;
    m.text = QStringLiteral("你好");
    m.timestampMs = ms;
    return m;
}
} // namespace

class TestQuickSwitcher : public QObject
{
    Q_OBJECT
private slots:
    void findsByPinyinInitialsAndEveryReading()
    {
        QuickSwitcher switcher;
        QuickSwitcherEntry contact = group(QStringLiteral("wxid_zs"), QStringLiteral("张三"));
        contact.kind = QuickSwitcherEntry::Kind::Contact;
        contact.otherNames = {QStringLiteral("老客户")};
        switcher.setEntries({group(QStringLiteral("r1"), QStringLiteral("星河电器")),
                             group(QStringLiteral("r2"), QStringLiteral("华东售后队")),
                             group(QStringLiteral("r3"), QStringLiteral("售后队")),
                             group(QStringLiteral("r4"), QStringLiteral("长沙分店")), contact});
        QCOMPARE(switcher.results().size(), 5); // empty query: everything, in order

        QTest::keyClicks(switcher.queryEdit(), QStringLiteral("shd"));
        // Both 售后队 groups, the one whose name starts with it first.
        QCOMPARE(names(switcher.results()),
                 QStringList({QStringLiteral("售后队"), QStringLiteral("华东售后队")}));

        switcher.queryEdit()->setText(QStringLiteral("xhdq"));
        QCOMPARE(names(switcher.results()), QStringList{QStringLiteral("星河电器")});
        switcher.queryEdit()->setText(QStringLiteral("zhangsha"));
        QCOMPARE(names(switcher.results()), QStringList{QStringLiteral("长沙分店")});
        switcher.queryEdit()->setText(QStringLiteral("csfd"));
        QCOMPARE(names(switcher.results()), QStringList{QStringLiteral("长沙分店")});
        switcher.queryEdit()->setText(QStringLiteral("lkh")); // a remark
        QCOMPARE(names(switcher.results()), QStringList{QStringLiteral("张三")});
        switcher.queryEdit()->setText(QStringLiteral("qqq"));
        QVERIFY(switcher.results().isEmpty());
    }

    void arrowsAndEnterChooseEscCloses()
    {
        QuickSwitcher switcher;
        QuickSwitcherEntry contact = group(QStringLiteral("wxid_sh"), QStringLiteral("孙华"));
        contact.kind = QuickSwitcherEntry::Kind::Contact;
        switcher.setEntries({group(QStringLiteral("r3"), QStringLiteral("售后队")), contact});
        switcher.popup();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QSignalSpy groups(&switcher, &QuickSwitcher::groupChosen);
        QSignalSpy contacts(&switcher, &QuickSwitcher::contactChosen);
        QTest::keyClicks(switcher.queryEdit(), QStringLiteral("sh"));
        QCOMPARE(switcher.results().size(), 2);
        QCOMPARE(switcher.resultList()->currentRow(), 0);
        QTest::keyClick(switcher.queryEdit(), Qt::Key_Down);
        QCOMPARE(switcher.resultList()->currentRow(), 1);
        QTest::keyClick(switcher.queryEdit(), Qt::Key_Return);
        QCOMPARE(groups.size(), 0);
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts.at(0).at(1).toString(), QStringLiteral("wxid_sh"));
        QVERIFY(!switcher.isVisible());

        switcher.popup();
        QVERIFY(switcher.queryEdit()->text().isEmpty());
        QVERIFY(switcher.isVisible());
        QTest::keyClick(switcher.queryEdit(), Qt::Key_Escape);
        QVERIFY(!switcher.isVisible());
        QCOMPARE(groups.size() + contacts.size(), 1);
    }

    void windowShortcutsNavigate()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("switcher.sqlite")), &error),
                 qPrintable(error));
        AccountInfo account;
        account.id = QStringLiteral("acc");
        account.displayName = QStringLiteral("客服一号");
        account.endpoint = QStringLiteral("127.0.0.1:1"); // nothing listens: stays offline
        store.upsertAccount(account);
        const QStringList topics = {QStringLiteral("星河电器"), QStringLiteral("售后队"),
                                    QStringLiteral("长沙分店"), QStringLiteral("华东区")};
        QVector<Room> rooms;
        for (int i = 0; i < topics.size(); ++i) {
            Room room;
            room.accountId = account.id;
            room.id = QStringLiteral("r%1@chatroom").arg(i);
            room.topic = topics[i];
            rooms << room;
        }
        store.upsertRooms(rooms);
        Contact contact;
        contact.accountId = account.id;
        contact.id = QStringLiteral("wxid_zhangsan");
        contact.name = QStringLiteral("张三");
        contact.isFriend = true;
        store.upsertContacts({contact});
        // Unread: r0 (newest), r2; r1 and r3 are read.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store.insertMessages({incoming(QStringLiteral("r1@chatroom"), "m1", now - 4000),
                              incoming(QStringLiteral("r3@chatroom"), "m3", now - 3000),
                              incoming(QStringLiteral("r2@chatroom"), "m2", now - 2000),
                              incoming(QStringLiteral("r0@chatroom"), "m0", now - 1000)});
        store.markConversationRead(account.id, QStringLiteral("r1@chatroom"));
        store.markConversationRead(account.id, QStringLiteral("r3@chatroom"));
        store.flush();

        Engine engine(&store);
        GatewayEndpoint endpoint;
        endpoint.address = account.endpoint;
        endpoint.token = QStringLiteral("t");
        engine.addAccount(account, endpoint);
        MainWindow window(&store, &engine);
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.currentAccountId(), account.id, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.roomListModel()->rowCount(), 4, 10000);

        // Ctrl+K, shd, Enter: 售后队 is open.
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QuickSwitcher *switcher = window.quickSwitcher();
        QTRY_VERIFY(switcher->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(switcher->results().size() == 5, 10000); // 4 groups, 1 contact
        QTest::keyClicks(switcher->queryEdit(), QStringLiteral("shd"));
        QCOMPARE(names(switcher->results()), QStringList{QStringLiteral("售后队")});
        QTest::keyClick(switcher->queryEdit(), Qt::Key_Return);
        QCOMPARE(window.currentRoomId(), QStringLiteral("r1@chatroom"));

        // A contact opens the contacts tab at that contact. Ctrl+K works with
        // the focus in the composer (where Ctrl+K would delete to the end of
        // the line). The offscreen platform leaves no window active after a
        // popup closes: activate as a window manager would.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.composer()->editor()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), window.composer()->editor());
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(switcher->results().size() == 5, 10000);
        QTest::keyClicks(switcher->queryEdit(), QStringLiteral("zhangsan"));
        QCOMPARE(names(switcher->results()), QStringList{QStringLiteral("张三")});
        QTest::keyClick(switcher->queryEdit(), Qt::Key_Return);
        auto *tabs = window.findChild<QTabWidget *>();
        QCOMPARE(tabs->currentWidget(), window.contactsPage());
        QTRY_COMPARE_WITH_TIMEOUT(window.contactsPage()->openContact(),
                                  QStringLiteral("wxid_zhangsan"), 10000);

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // Alt+Down / Alt+Up: the next / previous group in the list with
        // unread messages, wrapping around; read groups are skipped.
        RoomListModel *list = window.roomListModel();
        auto expectedNext = [list, &window](int direction) {
            const int n = list->rowCount();
            const int current = list->rowOf(window.currentRoomId());
            for (int step = 1; step <= n; ++step) {
                const int row = ((current + direction * step) % n + n) % n;
                if (list->summaryAt(row).unread > 0)
                    return list->summaryAt(row).roomId;
            }
            return window.currentRoomId();
        };
        // (r0 may have been opened, and so read, at start: whatever is unread now.)
        QSet<QString> unread;
        for (int row = 0; row < list->rowCount(); ++row) {
            if (list->summaryAt(row).unread > 0)
                unread.insert(list->summaryAt(row).roomId);
        }
        QVERIFY(unread.contains("r2@chatroom"));
        QVERIFY(!unread.contains("r3@chatroom"));
        QSet<QString> visited;
        for (int i = 0; i < unread.size(); ++i) {
            const QString expected = expectedNext(+1);
            QTest::keyClick(&window, Qt::Key_Down, Qt::AltModifier);
            QCOMPARE(window.currentRoomId(), expected);
            QCOMPARE(tabs->currentIndex(), 0);
            visited.insert(expected);
        }
        QCOMPARE(visited, unread);
        // A new message elsewhere: Alt+Up reaches it, stopping only at
        // groups with unread messages.
        store.insertMessages({incoming(QStringLiteral("r3@chatroom"), "m4", now)});
        QTRY_VERIFY_WITH_TIMEOUT(list->summaryAt(list->rowOf("r3@chatroom")).unread == 1, 10000);
        for (int i = 0; i < list->rowCount() && window.currentRoomId() != "r3@chatroom"; ++i) {
            const QString expected = expectedNext(-1);
            QVERIFY(list->summaryAt(list->rowOf(expected)).unread > 0);
            QTest::keyClick(&window, Qt::Key_Up, Qt::AltModifier);
            QCOMPARE(window.currentRoomId(), expected);
        }
        QCOMPARE(window.currentRoomId(), QStringLiteral("r3@chatroom"));
        // Esc closes the search panel.
        window.showSearch(false);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("searchDock"));
        QVERIFY(dock->isVisible());
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!dock->isVisible());

        // The overview lists the real shortcuts.
        ShortcutsDialog overview(&window);
        const QStringList keys = overview.keys();
        for (const QKeySequence &k :
             {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::ALT | Qt::Key_Down),
              QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::Key_Escape),
              QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence(QKeySequence::Find)}) {
            QVERIFY2(keys.contains(k.toString(QKeySequence::NativeText)),
                     qPrintable(k.toString() + " missing from " + keys.join(" | ")));
        }
    }
};

QTEST_MAIN(TestQuickSwitcher)
#include "tst_quick_switcher.moc"
