// What the feed does with a message's text: a huge message shows a bounded
// prefix at once with "Show the whole message", which opens a plain-text
// viewer holding all of it; WeChat emoji codes show as emoji; http(s) links
// (and only those) are clickable, open the browser and show their target on
// hover.

#include "FeedModel.h"
#include "FeedText.h"
#include "FeedView.h"
#include "TextViewer.h"
#include "WeChatEmoji.h"

#include <QApplication>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolTip>
#include <QUrl>

using namespace gd;

namespace {
Message textMessage(qint64 rowId, const QString &text)
{
    Message m;
    m.rowId = rowId;
    m.id = QStringLiteral("m%1").arg(rowId);
    m.roomId = QStringLiteral("r@chatroom");
    m.talkerId = QStringLiteral("u1");
    m.talkerName = QStringLiteral("客户");
    m.kind = MessageKind::Text;
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m.text = text;
    return m;
}
} // namespace

// Receives what QDesktopServices would hand to the browser.
class UrlSink : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestFeedText : public QObject
{
    Q_OBJECT

private slots:
    void emojiCodesBecomeEmoji()
    {
        QCOMPARE(WeChatEmoji::replaceCodes(QStringLiteral("好的[捂脸][微笑]，收到[强]")),
                 QStringLiteral("好的🤦🙂，收到👍"));
        // Unknown codes, unclosed brackets and plain brackets stay.
        QCOMPARE(WeChatEmoji::replaceCodes(QStringLiteral("[订单号] [微笑 [")),
                 QStringLiteral("[订单号] [微笑 ["));
        QCOMPARE(WeChatEmoji::emojiFor(QStringLiteral("[强]")), QStringLiteral("👍"));
        QVERIFY(WeChatEmoji::emojiFor(QStringLiteral("强")).isEmpty());
        QCOMPARE(FeedText::prepare(QStringLiteral("[微笑]")).shown, QStringLiteral("🙂"));
    }

    void onlyHttpLinksAreFound()
    {
        const QString text = QStringLiteral(
            "看这里https://example.com/a?b=1，谢谢 (see http://shop.example.cn/x_(y)). "
            "ftp://files.example.com javascript:alert(1) file:///etc/passwd "
            "HTTPS://Upper.example.com/p. http:// nothing");
        const QVector<FeedText::Link> links = FeedText::findLinks(text);
        QStringList urls;
        for (const FeedText::Link &l : links) {
            urls << l.url;
            QCOMPARE(text.mid(l.start, l.length), l.url);
        }
        QCOMPARE(urls,
                 QStringList({QStringLiteral("https://example.com/a?b=1"),
                              QStringLiteral("http://shop.example.cn/x_(y)"),
                              QStringLiteral("HTTPS://Upper.example.com/p")}));
    }

    void longTextIsCutToABoundedPrefix()
    {
        const QString big(2 * 1024 * 1024, QLatin1Char('x'));
        const FeedText::Prepared p = FeedText::prepare(big);
        QVERIFY(p.truncated);
        QVERIFY(p.shown.size() <= FeedText::kMaxChars + 1);
        QString lines;
        for (int i = 0; i < 500; ++i)
            lines += QStringLiteral("第%1行\n").arg(i);
        const FeedText::Prepared q = FeedText::prepare(lines);
        QVERIFY(q.truncated);
        QCOMPARE(q.shown.count(QLatin1Char('\n')), FeedText::kMaxLines - 1);
        // A surrogate pair at the cut is not split.
        const QString emoji
            = QString(FeedText::kMaxChars - 1, QLatin1Char('a')) + QStringLiteral("😀b");
        const FeedText::Prepared r = FeedText::prepare(emoji);
        QVERIFY(r.truncated);
        QVERIFY(!r.shown.at(r.shown.size() - 2).isHighSurrogate());
        QVERIFY(!FeedText::prepare(QStringLiteral("short")).truncated);
    }

    void hugeMessageShowsAtOnceAndOpensWhole()
    {
        FeedModel model(500);
        FeedView view;
        view.resize(700, 500);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QString huge;
        huge.reserve(2 * 1024 * 1024);
        while (huge.size() < 2 * 1024 * 1024)
            huge += QStringLiteral("这是一条很长的消息 with words ");
        QElapsedTimer timer;
        timer.start();
        model.appendNewer({textMessage(1, huge)});
        view.repaint();
        // Minutes before the fix; a budget far above the real figure (tests
        // are not timing checks, see tests/bench for the figure).
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

        QVector<FeedView::VisibleLink> links = view.visibleLinks();
        QCOMPARE(links.size(), 1);
        QVERIFY(links.first().url.isEmpty()); // "Show the whole message"
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, links.first().rect.center());
        TextViewer *viewer = view.findChild<TextViewer *>();
        QVERIFY(viewer);
        QCOMPARE(viewer->text(), huge);
        QVERIFY(viewer->view()->isReadOnly());
        QVERIFY(viewer->view()->toPlainText().size() >= huge.size());
        viewer->close();
    }

    void httpLinksOpenTheBrowserAndShowTheirTarget()
    {
        UrlSink sink;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &sink, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &sink, "open");
        FeedModel model(500);
        FeedView view;
        view.resize(700, 400);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.appendNewer({textMessage(
            1,
            QStringLiteral("订单详情 https://shop.example.com/order?id=42 [微笑] javascript:x"))});
        view.repaint();
        const QVector<FeedView::VisibleLink> links = view.visibleLinks();
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().url, QStringLiteral("https://shop.example.com/order?id=42"));

        QTest::mouseMove(view.viewport(), links.first().rect.center());
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY(QToolTip::text().contains(QStringLiteral("https://shop.example.com/order?id=42")));
        QCOMPARE(view.viewport()->cursor().shape(), Qt::PointingHandCursor);

        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, links.first().rect.center());
        QCOMPARE(sink.opened, QList<QUrl>({QUrl("https://shop.example.com/order?id=42")}));
        // Text beside the link opens nothing.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          links.first().rect.topLeft() - QPoint(30, -2));
        QCOMPARE(sink.opened.size(), 1);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }
};

QTEST_MAIN(TestFeedText)
#include "tst_feed_text.moc"
