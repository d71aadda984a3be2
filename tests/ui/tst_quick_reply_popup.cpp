// The "/" quick-reply popup in the composer: pinyin initials open it, the
// preview shows the variables filled in, Enter puts the filled text in the
// editor (the picture goes to the file preview), and a reply that cannot be
// filled is refused with the reason. With GD_SCREENSHOT_DIR set it saves the
// popup as a screenshot.

#include "Composer.h"
#include "Translations.h"
#include "ComposerEdit.h"
#include "ops/OpsStore.h"
#include "ops/QuickReplyCatalog.h"
#include "ops/QuickReplyPicker.h"
#include "store/Store.h"

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QKeyEvent>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace gd;

namespace {
void saveShot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("GD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->grab().save(QDir(dir).filePath(name));
}
} // namespace

class TestQuickReplyPopup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<OpsStore> m_ops;
    std::unique_ptr<QuickReplyCatalog> m_catalog;

    void add(const QString &title, const QString &shortcut, const QString &body,
             const QString &image = {})
    {
        QuickReply r;
        r.title = title;
        r.shortcut = shortcut;
        r.body = body;
        r.imagePath = image;
        QSignalSpy saved(m_catalog.get(), &QuickReplyCatalog::saved);
        QVERIFY(m_catalog->save(r));
        QVERIFY(saved.wait(5000));
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("GD_SCREENSHOT_DIR"))
            Translations::install(qApp);
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("gd.sqlite")), &error),
                 qPrintable(error));
        m_ops = std::make_unique<OpsStore>(&m_store);
        m_catalog = std::make_unique<QuickReplyCatalog>(m_ops.get());
        add(QStringLiteral("退款说明"), {},
            QStringLiteral("{customer}您好，退款3-5个工作日到账。——{agent}"));
        add(QStringLiteral("发货时间"), QStringLiteral("fh"),
            QStringLiteral("{group}的订单48小时内发货"),
            m_dir.filePath(QStringLiteral("missing.png")));
        add(QStringLiteral("退货地址"), QStringLiteral("th"),
            QStringLiteral("{customer}您好，退货请寄：上海市浦东新区星河路88号 售后部（{agent}）"));
    }

    void cleanupTestCase()
    {
        m_catalog.reset();
        m_ops.reset();
        m_store.close();
    }

    void pinyinInitialsOpenThePopupWithAFilledPreview()
    {
        QWidget window;
        auto *feed = new QListWidget(&window); // stands in for the feed above the composer
        feed->addItems({QStringLiteral("王小明：我上周申请的退款怎么还没到？"),
                        QStringLiteral("王小明：订单号 A1029")});
        auto *composer = new Composer(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(feed, 1);
        layout->addWidget(composer);
        window.resize(640, 480);
        composer->setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                  QStringLiteral("星河售后群"));
        composer->setQuickReplies(m_catalog.get(), QStringLiteral("小李"));
        composer->setCustomerName(QStringLiteral("王小明"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTest::keyClicks(composer->editor(), QStringLiteral("/tk"));
        QuickReplyPicker *picker = composer->quickReplyPicker();
        QVERIFY(picker);
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->current().title, QStringLiteral("退款说明"));
        QCOMPARE(picker->previewText(), QStringLiteral("王小明您好，退款3-5个工作日到账。——小李"));
        saveShot(&window, QStringLiteral("quick-reply-popup.png"));

        QSignalSpy sent(composer, &Composer::sendRequested);
        QTest::keyClick(composer->editor(), Qt::Key_Return); // chooses, does not send
        QCOMPARE(sent.count(), 0);
        QVERIFY(!picker->isVisible());
        QCOMPARE(composer->editor()->toPlainText(),
                 QStringLiteral("王小明您好，退款3-5个工作日到账。——小李"));
        QTest::keyClick(composer->editor(), Qt::Key_Return); // now it is sent
        QCOMPARE(sent.count(), 1);
    }

    void shortcutChoiceSendsThePictureToThePreview()
    {
        QWidget window;
        auto *composer = new Composer(&window);
        (new QVBoxLayout(&window))->addWidget(composer);
        window.resize(600, 400);
        composer->setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                  QStringLiteral("星河售后群"));
        composer->setQuickReplies(m_catalog.get(), QStringLiteral("小李"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClicks(composer->editor(), QStringLiteral("hello /fh"));
        QVERIFY(composer->quickReplyPicker()->isVisible());
        QSignalSpy file(composer, &Composer::fileSendRequested);
        QTest::keyClick(composer->editor(), Qt::Key_Tab);
        QCOMPARE(composer->editor()->toPlainText(),
                 QStringLiteral("hello 星河售后群的订单48小时内发货"));
        QCOMPARE(file.count(), 1);
        QCOMPARE(file.at(0).at(2).toString(), m_dir.filePath(QStringLiteral("missing.png")));
    }

    void replyThatCannotBeFilledIsRefusedWithTheReason()
    {
        QWidget window;
        auto *composer = new Composer(&window);
        (new QVBoxLayout(&window))->addWidget(composer);
        window.resize(600, 400);
        composer->setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                  QStringLiteral("星河售后群"));
        composer->setQuickReplies(m_catalog.get(), QStringLiteral("小李"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Nobody wrote in the group yet: no customer for {customer}.
        QTest::keyClicks(composer->editor(), QStringLiteral("/tksm"));
        QuickReplyPicker *picker = composer->quickReplyPicker();
        QVERIFY(picker->isVisible());
        QVERIFY(picker->previewText().contains(QStringLiteral("{customer}")));
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("/tksm"));
        QVERIFY(composer->errorText().contains(QStringLiteral("{customer}")));
        // A "/" inside a word (a URL, 1/2) opens nothing.
        composer->editor()->clear();
        QTest::keyClicks(composer->editor(), QStringLiteral("http://tk"));
        QVERIFY(!picker->isVisible());
    }
};

QTEST_MAIN(TestQuickReplyPopup)
#include "tst_quick_reply_popup.moc"
