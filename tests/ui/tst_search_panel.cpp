// The search panel over a seeded archive: typing 退款 lists exactly the
// messages containing it, newest first, with the matches highlighted where
// they are; filters narrow; "load more" pages on; stale answers are dropped;
// one-character queries are bounded and say so; choosing a hit opens the feed
// around it with the hit highlighted, and the feed pages both ways from there.

#include "FeedModel.h"
#include "FeedView.h"
#include "RoomFeedController.h"
#include "SearchHitDelegate.h"
#include "SearchPanel.h"
#include "SearchResultsModel.h"
#include "store/Store.h"

#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TestSearchPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;
    QVector<Message> m_stored;
    const QString m_account = QStringLiteral("acc");

    QVector<Message> containing(const QString &term, const QString &conversation = {}) const
    {
        QVector<Message> out;
        for (const Message &m : m_stored) {
            if (m.text.contains(term, Qt::CaseInsensitive)
                && (conversation.isEmpty() || m.conversationId() == conversation))
                out.append(m);
        }
        std::sort(out.begin(), out.end(),
                  [](const Message &a, const Message &b) { return a.rowId > b.rowId; });
        return out;
    }

    static void waitIdle(SearchPanel &panel)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!panel.resultsModel()->isSearching(), 20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath("panel.db"), &error), qPrintable(error));
        QVector<Room> rooms;
        for (int r = 0; r < 3; ++r) {
            Room room;
            room.accountId = m_account;
            room.id = QStringLiteral("room%1@chatroom").arg(r);
            room.topic = QStringLiteral("星河售后%1群").arg(r);
            rooms.append(room);
        }
        m_store.upsertRooms(rooms);
        const QStringList texts = {
            "你好",
            "我要退款",
            "请问退款多久到账？",
            "发票开好了",
            "退货退款流程是什么",
            "谢谢",
            "好的",
            "物流太慢了",
            "Refund 退款 refund",
            "<b>不是退款</b> & 链接",
        };
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVector<Message> batch;
        for (int i = 0; i < 600; ++i) {
            Message m;
            m.accountId = m_account;
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = QStringLiteral("room%1@chatroom").arg(i < 300 ? 0 : 1 + i % 2);
            m.talkerId = i % 2 ? "wxid_zhang" : "wxid_li";
            m.talkerName = i % 2 ? "张三" : "李四";
            m.kind = MessageKind::Text;
            m.text = texts.at(i % texts.size()) + QStringLiteral(" #%1").arg(i);
            // Oldest first; the first half is older than 7 days.
            m.timestampMs = now - qint64(600 - i) * 30 * 60 * 1000;
            batch.append(m);
        }
        connect(
            &m_store, &Store::messagesStored, this,
            [this](const QVector<Message> &stored) { m_stored += stored; }, Qt::DirectConnection);
        m_store.insertMessages(batch);
        m_store.flush();
        QCOMPARE(m_stored.size(), 600);
    }

    void typingListsExactlyTheMessagesContainingTheTerm()
    {
        SearchPanel panel(&m_store);
        panel.resize(500, 700);
        panel.show();
        panel.setAccount(m_account);
        // Chinese is typed through an input method: one commit per character.
        panel.queryEdit()->setFocus();
        for (QChar c : QStringLiteral("退款")) {
            QInputMethodEvent ime;
            ime.setCommitString(QString(c));
            QCoreApplication::sendEvent(panel.queryEdit(), &ime);
        }
        QCOMPARE(panel.queryEdit()->text(), QStringLiteral("退款"));
        QSignalSpy started(panel.resultsModel(), &SearchResultsModel::searchStarted);
        const QVector<Message> expected = containing(QStringLiteral("退款"));
        QVERIFY(expected.size() > SearchResultsModel::kPageSize);
        QTRY_VERIFY_WITH_TIMEOUT(panel.resultsModel()->rowCount() > 0, 20000);
        waitIdle(panel);
        // Page through with "load more" until everything is there.
        auto *more = panel.findChild<QPushButton *>("searchMore");
        QVERIFY(more);
        for (int guard = 0; guard < 100 && panel.resultsModel()->hasMore(); ++guard) {
            QVERIFY(more->isVisible());
            more->click();
            waitIdle(panel);
        }
        SearchResultsModel *model = panel.resultsModel();
        QCOMPARE(model->rowCount(), expected.size());
        for (int i = 0; i < model->rowCount(); ++i) {
            const SearchHit &hit = model->hitAt(i);
            QCOMPARE(hit.message.rowId, expected.at(i).rowId); // newest first
            // Highlight ranges cover each occurrence of the term.
            QVERIFY(!hit.matches.isEmpty());
            int occurrences = 0;
            for (int from = 0; (from = hit.message.text.indexOf("退款", from)) >= 0; from += 2)
                ++occurrences;
            QCOMPARE(hit.matches.size(), occurrences);
            for (const auto &[start, len] : hit.matches)
                QCOMPARE(hit.message.text.mid(start, len), QStringLiteral("退款"));
            const auto excerpt = SearchHitDelegate::excerpt(hit);
            for (const auto &[start, len] : excerpt.matches)
                QCOMPARE(excerpt.text.mid(start, len), QStringLiteral("退款"));
            QCOMPARE(model->index(i).data(SearchResultsModel::RoomNameRole).toString(),
                     QStringLiteral("星河售后%1群").arg(hit.message.roomId.mid(4, 1)));
        }
        // Debounced: one search for the typed word plus one per page, none per keystroke.
        QVERIFY(started.size() <= int(expected.size() / SearchResultsModel::kPageSize) + 2);
        // The status says how many.
        QVERIFY(panel.findChild<QLabel *>("searchStatus")
                    ->text()
                    .contains(QString::number(expected.size())));
        // Painting every row works (offscreen), markup in text stays text.
        panel.resultsView()->viewport()->repaint();
    }

    void excerptStartsNearAFarMatch()
    {
        SearchHit hit;
        hit.message.text = QString(100, QChar('a')) + QStringLiteral("退款\n完成");
        hit.matches = {{100, 2}};
        const auto e = SearchHitDelegate::excerpt(hit);
        QVERIFY(e.cutAtStart);
        QCOMPARE(e.text.mid(e.matches.first().first, 2), QStringLiteral("退款"));
        QVERIFY(!e.text.contains('\n'));
    }

    void filtersNarrowToRoomAndSender()
    {
        SearchPanel panel(&m_store);
        panel.setAccount(m_account);
        panel.setConversationScope(QStringLiteral("room1@chatroom"));
        QTRY_COMPARE_WITH_TIMEOUT(panel.conversationScope(), QStringLiteral("room1@chatroom"),
                                  20000);
        panel.queryEdit()->setText(QStringLiteral("退款"));
        panel.searchNow();
        waitIdle(panel);
        const QVector<Message> inRoom
            = containing(QStringLiteral("退款"), QStringLiteral("room1@chatroom"));
        QVERIFY(!inRoom.isEmpty());
        QCOMPARE(panel.resultsModel()->rowCount(),
                 qMin<int>(inRoom.size(), SearchResultsModel::kPageSize));
        for (int i = 0; i < panel.resultsModel()->rowCount(); ++i)
            QCOMPARE(panel.resultsModel()->hitAt(i).message.roomId,
                     QStringLiteral("room1@chatroom"));

        QCOMPARE(panel.currentQuery().conversationId, QStringLiteral("room1@chatroom"));
        panel.kindFilter()->setCurrentIndex(panel.kindFilter()->findData(int(MessageKind::Url)));
        waitIdle(panel);
        QCOMPARE(panel.resultsModel()->rowCount(), 0);
    }

    void staleAnswersAreDropped()
    {
        SearchPanel panel(&m_store);
        panel.setAccount(m_account);
        panel.queryEdit()->setText(QStringLiteral("退款"));
        panel.searchNow();
        // Changed before the first answer is handled: only the second counts.
        panel.queryEdit()->setText(QStringLiteral("发票"));
        panel.searchNow();
        waitIdle(panel);
        QTest::qWait(200); // let any late answer for 退款 arrive (it must be ignored)
        QCOMPARE(
            panel.resultsModel()->rowCount(),
            qMin<int>(SearchResultsModel::kPageSize, containing(QStringLiteral("发票")).size()));
        for (int i = 0; i < panel.resultsModel()->rowCount(); ++i)
            QVERIFY(panel.resultsModel()->hitAt(i).message.text.contains("发票"));
    }

    void oneCharacterQueriesAreBoundedAndSaySo()
    {
        SearchPanel panel(&m_store);
        panel.show();
        panel.setAccount(m_account);
        panel.queryEdit()->setText(QStringLiteral("退"));
        panel.searchNow();
        waitIdle(panel);
        QVERIFY(panel.isShortQueryBounded());
        QVERIFY(panel.findChild<QLabel *>("searchNotice")->isVisible());
        const qint64 weekAgo
            = QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000 - 60'000;
        QVERIFY(panel.resultsModel()->rowCount() > 0);
        for (int i = 0; i < panel.resultsModel()->rowCount(); ++i)
            QVERIFY(panel.resultsModel()->hitAt(i).message.timestampMs >= weekAgo);
        // Two characters: the index, no bound.
        panel.queryEdit()->setText(QStringLiteral("退款"));
        panel.searchNow();
        waitIdle(panel);
        QVERIFY(!panel.isShortQueryBounded());
        QVERIFY(!panel.findChild<QLabel *>("searchNotice")->isVisible());
        QCOMPARE(panel.currentQuery().fromMs, qint64(0));
    }

    void oddQueriesShowNoError()
    {
        SearchPanel panel(&m_store);
        panel.setAccount(m_account);
        QTest::failOnWarning(QRegularExpression("query failed|cannot prepare"));
        for (const QString &text :
             {QStringLiteral("\"退款"), QStringLiteral("NEAR("), QStringLiteral("   "),
              QStringLiteral("😀"), QString(10000, QChar(0x9000)), QStringLiteral("*")}) {
            panel.queryEdit()->setText(text);
            panel.searchNow();
            waitIdle(panel);
        }
    }

    void choosingAHitOpensTheFeedAroundItHighlighted()
    {
        SearchPanel panel(&m_store);
        panel.setAccount(m_account);
        FeedModel feedModel;
        RoomFeedController controller(&m_store, &feedModel);
        FeedView view;
        view.resize(600, 500);
        view.setModel(&feedModel);
        view.show();
        // As the main window wires them.
        connect(&panel, &SearchPanel::hitActivated, &controller, &RoomFeedController::openAt);
        connect(&controller, &RoomFeedController::jumpedTo, &view, &FeedView::scrollToMessage);
        connect(&view, &FeedView::olderWanted, &controller, &RoomFeedController::loadOlder);
        connect(&view, &FeedView::newerWanted, &controller, &RoomFeedController::loadNewer);

        panel.queryEdit()->setText(QStringLiteral("退款"));
        panel.setConversationScope(QStringLiteral("room0@chatroom"));
        panel.searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(panel.conversationScope(), QStringLiteral("room0@chatroom"),
                                  20000);
        panel.searchNow();
        waitIdle(panel);
        // A hit in the middle of the 300-message room.
        int pick = -1;
        for (int i = 0; i < panel.resultsModel()->rowCount(); ++i) {
            const QString id = panel.resultsModel()->hitAt(i).message.id;
            const int n = id.mid(1).toInt();
            if (n > 200 && n < 240) {
                pick = i;
                break;
            }
        }
        QVERIFY(pick >= 0);
        const Message hit = panel.resultsModel()->hitAt(pick).message;
        QSignalSpy jumped(&controller, &RoomFeedController::jumpedTo);
        const QModelIndex index = panel.resultsModel()->index(pick);
        panel.resultsView()->scrollTo(index);
        QTest::mouseClick(panel.resultsView()->viewport(), Qt::LeftButton, {},
                          panel.resultsView()->visualRect(index).center());
        QVERIFY(jumped.wait(20000) || jumped.size() == 1);
        QCOMPARE(controller.conversationId(), QStringLiteral("room0@chatroom"));
        QVERIFY(feedModel.containsRowId(hit.rowId));
        // Context on both sides.
        int at = -1;
        for (int i = 0; i < feedModel.size(); ++i) {
            if (feedModel.at(i).rowId == hit.rowId)
                at = i;
        }
        QVERIFY(at >= 20);
        QVERIFY(feedModel.size() - at - 1 >= 20);
        QVERIFY(feedModel.newerTruncated());
        QCOMPARE(view.highlightedRowId(), hit.rowId);
        QVERIFY(!view.isAtBottom());

        // Newer: scrolling to the bottom pages on until the newest message.
        const qint64 newestRow = containing(QStringLiteral("#299")).first().rowId;
        for (int guard = 0; guard < 20 && !feedModel.containsRowId(newestRow); ++guard) {
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
            QTest::qWait(50);
            QTRY_VERIFY_WITH_TIMEOUT(!controller.isLoading(), 20000);
        }
        QVERIFY(feedModel.containsRowId(newestRow));
        // Older: scrolling to the top pages back to the first message.
        const qint64 oldestRow = containing(QStringLiteral("#0")).last().rowId;
        for (int guard = 0; guard < 20 && !feedModel.containsRowId(oldestRow); ++guard) {
            view.verticalScrollBar()->setValue(0);
            QTest::qWait(50);
            QTRY_VERIFY_WITH_TIMEOUT(!controller.isLoading(), 20000);
        }
        QVERIFY(feedModel.containsRowId(oldestRow));
    }
};

QTEST_MAIN(TestSearchPanel)
#include "tst_search_panel.moc"
