// Offscreen smoke test of the whole window: a store in a temporary dir, the
// engine logged in to an in-process simulator over loopback. The QR panel
// shows, rooms fill the list, live messages reach the feed, and a text typed
// in the composer and sent with Enter shows up in the feed exactly once.

#include "AccountListModel.h"
#include "Composer.h"
#include "ComposerEdit.h"
#include "ContactsPage.h"
#include "FeedModel.h"
#include "FeedView.h"
#include "LoginPanel.h"
#include "MainWindow.h"
#include "RoomListModel.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QApplication>
#include <QKeyEvent>
#include <QtTest>

using namespace gd;

namespace {
// QTest::keyClicks only knows ASCII: send key events that carry the text, as
// an input method commit would arrive for a plain key.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(widget, &release);
    }
}
} // namespace

class TestMainWindowSmoke : public QObject
{
    Q_OBJECT
private slots:
    void loginRoomsFeedAndSendOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("groupdesk.sqlite")), &error),
                 qPrintable(error));

        sim::SimulatorOptions options;
        options.port = 0;
        options.token = QStringLiteral("smoke-token");
        options.rate = 20;
        options.scanDelayMs = 800;
        options.confirmDelayMs = 300;
        sim::Simulator simulator(options);
        QVERIFY2(simulator.start(&error), qPrintable(error));

        Engine engine(&store);
        MainWindow window(&store, &engine);
        window.resize(1200, 760);
        window.show();

        AccountInfo account;
        account.id = QStringLiteral("demo");
        account.displayName = QStringLiteral("Demo bot");
        account.endpoint = QStringLiteral("127.0.0.1:%1").arg(simulator.port());
        account.demo = true;
        GatewayEndpoint endpoint;
        endpoint.address = account.endpoint;
        endpoint.token = options.token;
        store.upsertAccount(account);
        engine.addAccount(account, endpoint);

        QTRY_COMPARE_WITH_TIMEOUT(window.currentAccountId(), QStringLiteral("demo"), 10000);
        // The QR code is drawn while the account waits for the scan.
        QTRY_VERIFY_WITH_TIMEOUT(!window.loginPanel()->qrImage().isNull(), 15000);
        QVERIFY(window.isLoginPanelShown());

        // Logged in: the rooms fill the list and the liveliest one opens.
        QTRY_VERIFY_WITH_TIMEOUT(window.roomListModel()->rowCount() >= simulator.roomCount(),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentRoomId().isEmpty(), 30000);
        QVERIFY(!window.isLoginPanelShown());
        QTRY_VERIFY_WITH_TIMEOUT(window.feedModel()->size() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QLatin1String("1")), 10000);

        // Every message shown belongs to the open room, once.
        const QString roomId = window.currentRoomId();
        QSet<qint64> seen;
        for (int i = 0; i < window.feedModel()->size(); ++i) {
            const Message &m = window.feedModel()->at(i);
            QCOMPARE(m.conversationId(), roomId);
            QVERIFY(!seen.contains(m.rowId));
            seen.insert(m.rowId);
        }

        // Type and press Enter.
        const QString text = QStringLiteral("您好，退款已经处理，预计三个工作日到账。 #%1")
                                 .arg(QDateTime::currentMSecsSinceEpoch());
        window.composer()->editor()->setFocus();
        typeText(window.composer()->editor(), text);
        QTest::keyClick(window.composer()->editor(), Qt::Key_Return);
        QVERIFY(window.composer()->editor()->toPlainText().isEmpty());

        auto countInFeed = [&] {
            int n = 0;
            for (int i = 0; i < window.feedModel()->size(); ++i) {
                const Message &m = window.feedModel()->at(i);
                if (m.text == text) {
                    ++n;
                    if (!m.fromSelf)
                        return -100; // must be shown as the bot's own message
                }
            }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(countInFeed(), 1, 30000);
        // Its pending entry is gone once the echo is in.
        QTRY_VERIFY_WITH_TIMEOUT(window.feedModel()->pending().isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(simulator.receivedTexts().contains(text), 10000);
        // Let more traffic flow: the text is still there once.
        QTest::qWait(1500);
        QCOMPARE(countInFeed(), 1);
        QCOMPARE(simulator.receivedTexts().count(text), 1);

        // The window paints without trouble with content in it.
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString shotDir = qEnvironmentVariable("GD_UI_SCREENSHOT_DIR");
        if (!shotDir.isEmpty())
            shot.save(shotDir + QStringLiteral("/smoke-chat.png"));

        // Contacts tab: contacts, groups with member counts, and the members of
        // a group under their resolved names.
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(window.contactsPage());
        ContactsPage *contacts = window.contactsPage();
        QTRY_VERIFY_WITH_TIMEOUT(
            contacts->contactsModel()->rowCount() >= simulator.contactCount() - 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(contacts->groupsModel()->rowCount(), simulator.roomCount(),
                                  10000);
        contacts->selectGroup(roomId);
        const QStringList memberIds = simulator.roomMemberIds(roomId);
        QTRY_COMPARE_WITH_TIMEOUT(contacts->membersModel()->rowCount(), int(memberIds.size()),
                                  10000);
        for (int row = 0; row < contacts->membersModel()->rowCount(); ++row) {
            const QString id = contacts->membersModel()->item(row, 1)->text();
            const QString name = contacts->membersModel()->item(row, 0)->text();
            QVERIFY(memberIds.contains(id));
            const QString alias = simulator.roomMemberAlias(roomId, id);
            const QString remark = simulator.contactAlias(id);
            const QString expected = !alias.isEmpty() ? alias
                : !remark.isEmpty()                   ? remark
                                                      : simulator.contactName(id);
            QCOMPARE(name, expected);
        }
        if (!shotDir.isEmpty())
            window.grab().save(shotDir + QStringLiteral("/smoke-contacts.png"));

        engine.shutdown();
        store.close();
        simulator.shutdown();
    }
};

QTEST_MAIN(TestMainWindowSmoke)
#include "tst_main_window_smoke.moc"
