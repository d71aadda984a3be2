// The main window with an account whose gateway is down (a real engine
// against a closed port) over a real archive: the connection banner says so
// in full with its actions and the composer says sends are queued; the group
// opened for the user at start keeps its unread count until the user acts in
// it; the composer's hint follows a renamed group; the search panel opens from
// a visible button without widening the window or squeezing the group list;
// times read the same in every view (24-hour in Chinese).

#include "AccountBanner.h"
#include "Composer.h"
#include "ComposerEdit.h"
#include "FeedView.h"
#include "MainWindow.h"
#include "RoomListModel.h"
#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "TimeText.h"
#include "engine/Engine.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gd;

namespace {
const QString kAcc = QStringLiteral("acc");
const QString kRoom1 = QStringLiteral("r1@chatroom");
const QString kRoom2 = QStringLiteral("r2@chatroom");

int storedUnread(Store &store, const QString &roomId)
{
    auto reader = store.createReader();
    for (const RoomSummary &s : reader->roomSummaries(kAcc)) {
        if (s.roomId == roomId)
            return s.unread;
    }
    return -1;
}

int modelUnread(MainWindow &w, const QString &roomId)
{
    RoomListModel *m = w.roomListModel();
    const int row = m->rowOf(roomId);
    return row < 0 ? -1 : m->index(row).data(RoomListModel::UnreadRole).toInt();
}
} // namespace

class TestMainWindowFixes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("fixes.db"), &error), qPrintable(error));
        Room r1;
        r1.accountId = kAcc;
        r1.id = kRoom1;
        r1.topic = QStringLiteral("星河电器售后1群");
        Room r2 = r1;
        r2.id = kRoom2;
        r2.topic = QStringLiteral("星河电器售后2群");
        m_store.upsertRooms({r1, r2});
        QVector<Message> batch;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 3; ++i) {
            Message m;
            m.accountId = kAcc;
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = i == 0 ? kRoom2 : kRoom1;
            m.talkerId = "wxid_a";
            m.talkerName = QStringLiteral("张三");
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("请问退款 %1").arg(i);
            m.timestampMs = now - (10 - i) * 1000;
            batch << m;
        }
        m_store.insertMessages(batch);
        m_store.flush();
        QCOMPARE(storedUnread(m_store, kRoom1), 2);

        m_engine = std::make_unique<Engine>(&m_store);
        AccountInfo info;
        info.id = kAcc;
        info.displayName = QStringLiteral("售后机器人");
        info.endpoint = QStringLiteral("127.0.0.1:1"); // nothing listens there
        GatewayEndpoint endpoint;
        endpoint.address = info.endpoint;
        endpoint.token = QStringLiteral("t");
        m_engine->addAccount(info, endpoint);
        m_window = std::make_unique<MainWindow>(&m_store, m_engine.get());
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentAccountId(), kAcc, 20000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_engine->shutdown();
        m_engine.reset();
    }

    void groupOpenedAtStartKeepsItsUnreadUntilTheUserActs()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentRoomId(), kRoom1, 20000); // the liveliest
        QTest::qWait(1500); // longer than the feed's read-mark delay
        QCOMPARE(modelUnread(*m_window, kRoom1), 2);
        QCOMPARE(storedUnread(m_store, kRoom1), 2);
        // A shortcut (here Ctrl alone, then Ctrl+F) is not reading the group.
        QTest::keyClick(m_window->composer()->editor(), Qt::Key_Control);
        QTest::keyClick(m_window->composer()->editor(), Qt::Key_F, Qt::ControlModifier);
        QTest::qWait(800);
        QCOMPARE(storedUnread(m_store, kRoom1), 2);
        QCOMPARE(modelUnread(*m_window, kRoom1), 2);
        m_window->findChild<QDockWidget *>(QStringLiteral("searchDock"))->hide();
        // The user clicks into the feed: now it counts as read.
        QTest::mouseClick(m_window->feedView()->viewport(), Qt::LeftButton, {}, QPoint(10, 10));
        QTRY_COMPARE_WITH_TIMEOUT(modelUnread(*m_window, kRoom1), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(storedUnread(m_store, kRoom1), 0, 5000);
    }

    void composerHintFollowsARenamedGroup()
    {
        QCOMPARE(m_window->currentRoomId(), kRoom1);
        QVERIFY(m_window->composer()->editor()->placeholderText().contains(
            QStringLiteral("星河电器售后1群")));
        Room renamed;
        renamed.accountId = kAcc;
        renamed.id = kRoom1;
        renamed.topic = QStringLiteral("星河电器VIP群");
        m_store.upsertRooms({renamed});
        QTRY_VERIFY_WITH_TIMEOUT(m_window->composer()->editor()->placeholderText().contains(
                                     QStringLiteral("星河电器VIP群")),
                                 20000);
        QVERIFY(
            !m_window->composer()->editor()->placeholderText().contains(QStringLiteral("售后1群")));
    }

    void bannerShowsTheFullReasonAndTheComposerSaysSendsAreQueued()
    {
        AccountBanner *banner = m_window->accountBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QVERIFY(banner->titleText().contains(QStringLiteral("售后机器人")));
        // The whole reason, not a cut one.
        const QString reason = (GatewayStatus{14, {}}).userMessage();
        QTRY_VERIFY_WITH_TIMEOUT(banner->reasonText().contains(reason), 20000);
        QVERIFY(banner->reconnectButton()->isVisible());
        QVERIFY(banner->editButton()->isVisible());
        QVERIFY(m_window->composer()->hintText().contains(QStringLiteral("queued")));
        QVERIFY(!m_window->composer()->isAccountConnected());
        // The actions name the account they act on.
        QSignalSpy reconnect(banner, &AccountBanner::reconnectRequested);
        QTest::mouseClick(banner->reconnectButton(), Qt::LeftButton);
        QCOMPARE(reconnect.count(), 1);
        QCOMPARE(reconnect.first().first().toString(), kAcc);
        QVERIFY(banner->isVisible());
    }

    void searchOpensFromAButtonWithoutWideningTheWindow()
    {
        const int width = m_window->width();
        auto *list = m_window->findChild<QListView *>(QStringLiteral("roomList"));
        QVERIFY(list);
        const int listWidth = list->width();
        QToolButton *button = m_window->searchButton();
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("searchDock"));
        QTRY_VERIFY(dock->isVisible());
        // Long group names in the filters must not push the window wider.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->searchPanel()->roomFilter()->count() >= 3, 20000);
        QTest::qWait(100);
        QCOMPARE(m_window->width(), width);
        QCOMPARE(list->width(), listWidth); // the feed gave the room, not the group list
        QVERIFY(dock->width() >= MainWindow::kSearchPanelMinWidth);

        // The hits name the group and carry the same clock as the feed.
        m_window->searchPanel()->queryEdit()->setText(QStringLiteral("退款"));
        m_window->searchPanel()->searchNow();
        SearchResultsModel *results = m_window->searchPanel()->resultsModel();
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 3, 20000);
        const QModelIndex hit = results->index(0);
        QCOMPARE(hit.data(SearchResultsModel::TimeTextRole).toString(),
                 TimeText::clock(results->hitAt(0).message.timestampMs)); // today: time only
        QVERIFY(hit.data(SearchResultsModel::RoomNameRole).toString().contains("星河电器"));
    }

    void timesAre24HourInChinese()
    {
        const QLocale saved;
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const qint64 ms = QDateTime(QDate(2026, 12, 1), QTime(21, 54)).toMSecsSinceEpoch();
        QCOMPARE(TimeText::clock(ms), QStringLiteral("21:54"));
        QVERIFY(TimeText::dateTime(ms).endsWith(QStringLiteral("21:54")));
        QCOMPARE(RoomListModel::timeText(
                     QDateTime(QDate::currentDate(), QTime(21, 54)).toMSecsSinceEpoch()),
                 QStringLiteral("21:54"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(TimeText::clock(ms).startsWith(QStringLiteral("9:54")));
        QVERIFY(TimeText::clock(ms).endsWith(QStringLiteral("PM")));
        QLocale::setDefault(saved);
    }
};

QTEST_MAIN(TestMainWindowFixes)
#include "tst_main_window_fixes.moc"
