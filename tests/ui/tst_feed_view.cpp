// FeedView: follows new messages at the bottom, counts them when the user has
// scrolled up, asks for older pages at the top, keeps layouts only for held rows.

#include "FeedModel.h"
#include "FeedView.h"

#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace gd;

namespace {
QVector<Message> range(qint64 from, qint64 to)
{
    QVector<Message> v;
    for (qint64 i = from; i <= to; ++i) {
        Message m;
        m.rowId = i;
        m.id = QStringLiteral("m%1").arg(i);
        m.roomId = QStringLiteral("r@chatroom");
        m.talkerId = QStringLiteral("u%1").arg(i % 5);
        m.talkerName = QStringLiteral("客户%1").arg(i % 5);
        m.kind = MessageKind::Text;
        m.timestampMs = 1'700'000'000'000LL + i * 1000;
        m.text = QStringLiteral("消息 %1 <b>not bold</b>").arg(i);
        v.append(m);
    }
    return v;
}
} // namespace

class TestFeedView : public QObject
{
    Q_OBJECT
private slots:
    void clickOnReceivedFileAsksToSaveIt()
    {
        FeedModel model(500);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        QVector<Message> messages = range(1, 1);
        messages[0].accountId = QStringLiteral("acct");
        messages[0].id = QStringLiteral("file-1");
        messages[0].kind = MessageKind::Attachment;
        messages[0].text.clear();
        messages[0].filename = QStringLiteral("发票.pdf");
        model.appendNewer(messages);
        QSignalSpy spy(&view, &FeedView::fileSaveRequested);
        // With one row the content sits at the bottom of the viewport.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          QPoint(100, view.viewport()->height() - 30));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("acct/file-1"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("发票.pdf"));
        QCOMPARE(spy.at(0).at(2).toBool(), false);
        QVERIFY(FeedView::displayText(messages[0]).contains(QStringLiteral("发票.pdf")));
    }

    void clickOnTextMessageSavesNothing()
    {
        FeedModel model(500);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        model.appendNewer(range(1, 1));
        QSignalSpy spy(&view, &FeedView::fileSaveRequested);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          QPoint(100, view.viewport()->height() - 30));
        QCOMPARE(spy.count(), 0);
    }

    void staysAtBottomWhileUserIsThere()
    {
        FeedModel model(500);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        model.appendNewer(range(1, 100));
        QVERIFY(view.verticalScrollBar()->maximum() > 0);
        QVERIFY(view.isAtBottom());
        model.appendNewer(range(101, 110));
        QVERIFY(view.isAtBottom());
        QCOMPARE(view.unseenCount(), 0);
    }

    void countsNewMessagesWhenScrolledUp()
    {
        FeedModel model(500);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        model.appendNewer(range(1, 100));
        model.setReachedStart(true); // no paging in this test
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
        const int before = view.verticalScrollBar()->value();
        model.appendNewer(range(101, 103));
        QCOMPARE(view.unseenCount(), 3);
        QCOMPARE(view.verticalScrollBar()->value(), before); // what the user reads stays put
        auto *button = view.findChild<QPushButton *>(QStringLiteral("newMessages"));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QVERIFY(button->text().contains(QLatin1String("3")));
        button->click();
        QVERIFY(view.isAtBottom());
        QCOMPARE(view.unseenCount(), 0);
        QVERIFY(!button->isVisible());
    }

    void scrollingToTopAsksForOlderAndKeepsPosition()
    {
        FeedModel model(500);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        model.appendNewer(range(101, 200));
        QSignalSpy older(&view, &FeedView::olderWanted);
        view.verticalScrollBar()->setValue(0);
        QVERIFY(older.count() >= 1);
        model.prependOlder(range(1, 100));
        // The row that was on top is still on top: the view moved down by the
        // height of what was added above.
        QVERIFY(view.verticalScrollBar()->value() > 0);
    }

    void layoutsFollowTheWindow()
    {
        FeedModel model(50);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        model.appendNewer(range(1, 200)); // capped at 50
        QCOMPARE(model.size(), 50);
        QCOMPARE(view.cachedLayoutCount(), 50);
    }

    void messageTextIsNeverRichText()
    {
        Message m = range(1, 1).first();
        QCOMPARE(FeedView::displayText(m), m.text); // shown as typed, tags and all
        m.kind = MessageKind::Image;
        QVERIFY(FeedView::displayText(m) != m.text);
    }
};

QTEST_MAIN(TestFeedView)
#include "tst_feed_view.moc"
