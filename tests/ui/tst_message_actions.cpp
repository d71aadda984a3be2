// What an agent does with a message and with @: the message menu offers
// copy, quote in reply (「name: text」 and a dashed line, as agents quote in
// WeChat), mention the sender, messages from this person and save as; typing
// @ in a group opens the member picker (pinyin too), the chosen member's id
// goes with the text and leaves with the mention; messages that mention the
// bot are painted apart.

#include "Composer.h"
#include "ComposerEdit.h"
#include "FeedModel.h"
#include "FeedView.h"
#include "MentionPicker.h"
#include "Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>

using namespace gd;

namespace {
Message message(const QString &id, const QString &talkerId, const QString &name,
                const QString &text, MessageKind kind = MessageKind::Text)
{
    Message m;
    m.rowId = id.toLongLong();
    m.accountId = QStringLiteral("acc");
    m.id = id;
    m.roomId = QStringLiteral("r1@chatroom");
    m.talkerId = talkerId;
    m.talkerName = name;
    m.kind = kind;
    m.text = text;
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    return m;
}

// The menu of the lowest message in the view (the newest).
QMenu *menuOfNewest(FeedView &view)
{
    for (int y = view.viewport()->height() - 2; y > 0; y -= 3) {
        QMenu *menu = view.createMessageMenu(QPoint(view.viewport()->width() / 3, y), &view);
        if (menu && menu->findChild<QAction *>("quoteInReply"))
            return menu;
        delete menu;
    }
    return nullptr;
}

QStringList actionNames(QMenu *menu)
{
    QStringList out;
    for (QAction *a : menu->actions()) {
        if (!a->objectName().isEmpty())
            out.append(a->objectName());
    }
    return out;
}
} // namespace

class TestMessageActions : public QObject
{
    Q_OBJECT
private slots:
    void messageMenuOffersTheAgentsActions()
    {
        FeedModel model(100);
        FeedView view;
        view.resize(600, 400);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.appendNewer({message("1", "wxid_wang", "王女士", "发票什么时候开？")});
        QTRY_VERIFY(view.isAtBottom());
        QSignalSpy quotes(&view, &FeedView::quoteRequested);
        QSignalSpy mentions(&view, &FeedView::mentionRequested);
        QSignalSpy from(&view, &FeedView::messagesFromRequested);

        std::unique_ptr<QMenu> menu(menuOfNewest(view));
        QVERIFY(menu);
        QCOMPARE(actionNames(menu.get()),
                 QStringList({"copyText", "quoteInReply", "mentionSender", "messagesFrom"}));
        menu->findChild<QAction *>("copyText")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("发票什么时候开？"));
        menu->findChild<QAction *>("quoteInReply")->trigger();
        QCOMPARE(quotes.size(), 1);
        QCOMPARE(quotes.at(0).at(0).toString(), QStringLiteral("王女士"));
        QCOMPARE(quotes.at(0).at(1).toString(), QStringLiteral("发票什么时候开？"));
        menu->findChild<QAction *>("mentionSender")->trigger();
        QCOMPARE(mentions.at(0).at(0).toString(), QStringLiteral("wxid_wang"));
        menu->findChild<QAction *>("messagesFrom")->trigger();
        QCOMPARE(from.at(0).at(0).toString(), QStringLiteral("wxid_wang"));

        // A file offers Save as; the bot's own message offers no @ of itself.
        model.appendNewer({message("2", "wxid_wang", "王女士", {}, MessageKind::Attachment)});
        model.setPending({});
        std::unique_ptr<QMenu> fileMenu(menuOfNewest(view));
        QVERIFY(fileMenu);
        QVERIFY(actionNames(fileMenu.get()).contains("saveAs"));
        Message own = message("3", "wxid_bot", "客服小助手", "您好");
        own.fromSelf = true;
        model.appendNewer({own});
        std::unique_ptr<QMenu> ownMenu(menuOfNewest(view));
        QVERIFY(ownMenu);
        QCOMPARE(actionNames(ownMenu.get()), QStringList({"copyText", "quoteInReply"}));
    }

    void quoteAndMentionGoIntoTheComposer()
    {
        Composer composer;
        composer.setConversation("acc", "r1@chatroom", "售后队");
        composer.editor()->setPlainText(QStringLiteral("好的"));
        composer.insertQuote(QStringLiteral("王女士"), QStringLiteral("发票\n什么时候开？"));
        QCOMPARE(
            composer.editor()->toPlainText(),
            QStringLiteral("「王女士: 发票 什么时候开？」\n- - - - - - - - - - - - - - -\n好的"));
        QCOMPARE(composer.editor()->textCursor().position(),
                 composer.editor()->toPlainText().size()); // typing goes under the quote

        composer.editor()->clear();
        composer.insertMention("wxid_wang", QStringLiteral("王女士"));
        composer.editor()->insertPlainText(QStringLiteral("您好"));
        QCOMPARE(composer.editor()->toPlainText(), QStringLiteral("@王女士\u2005您好"));
        QSignalSpy sends(&composer, &Composer::sendRequested);
        QVERIFY(composer.submit());
        QCOMPARE(sends.at(0).at(3).toStringList(), QStringList{"wxid_wang"});
        // The next message starts without mentions.
        composer.editor()->setPlainText(QStringLiteral("谢谢"));
        QVERIFY(composer.submit());
        QVERIFY(sends.at(1).at(3).toStringList().isEmpty());
    }

    void typingAtOpensTheMemberPicker()
    {
        QWidget window;
        window.resize(700, 500);
        auto *composer = new Composer(&window);
        composer->setGeometry(0, 300, 700, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        composer->setConversation("acc", "r1@chatroom", "售后队");
        composer->setMembers({{"wxid_zs", QStringLiteral("张三")},
                              {"wxid_ls", QStringLiteral("李四")},
                              {"wxid_zsf", QStringLiteral("赵师傅")}});
        ComposerEdit *edit = composer->editor();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("hi @"));
        MentionPicker *picker = composer->mentionPicker();
        QVERIFY(picker && picker->isVisible());
        QCOMPARE(picker->shown().size(), 3);
        QTest::keyClicks(edit, QStringLiteral("zs"));
        QCOMPARE(picker->shown().size(), 2); // 张三 and 赵师傅 (zhao shi)
        QTest::keyClicks(edit, QStringLiteral("an"));
        QCOMPARE(picker->shown().size(), 1);
        QCOMPARE(picker->current().name, QStringLiteral("张三"));
        QTest::keyClick(edit, Qt::Key_Return); // chooses, does not send
        QVERIFY(!picker->isVisible());
        QCOMPARE(edit->toPlainText(), QStringLiteral("hi @张三\u2005"));
        QTest::keyClicks(edit, QStringLiteral("@l"));
        QVERIFY(picker->isVisible());
        QTest::keyClick(edit, Qt::Key_Escape); // closes the picker, keeps the text
        QVERIFY(!picker->isVisible());
        QCOMPARE(edit->toPlainText(), QStringLiteral("hi @张三\u2005@l"));
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, QStringLiteral("ok"));

        QSignalSpy sends(composer, &Composer::sendRequested);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(sends.size(), 1);
        QCOMPARE(sends.at(0).at(2).toString(), QStringLiteral("hi @张三\u2005ok"));
        QCOMPARE(sends.at(0).at(3).toStringList(), QStringList{"wxid_zs"});

        // A mention deleted from the text is not sent; a chat has no picker.
        composer->insertMention("wxid_ls", QStringLiteral("李四"));
        edit->clear();
        edit->setPlainText(QStringLiteral("没有提到谁"));
        QVERIFY(composer->submit());
        QVERIFY(sends.at(1).at(3).toStringList().isEmpty());
        composer->setConversation("acc", "wxid_zs", "张三");
        QTest::keyClicks(edit, QStringLiteral("@"));
        QVERIFY(!picker->isVisible());
    }

    void mentionsOfTheBotArePaintedApart()
    {
        FeedModel model(100);
        FeedView view;
        view.resize(600, 300);
        view.setModel(&model);
        view.setSelf(QStringLiteral("wxid_bot"), QStringLiteral("客服小助手"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Message m = message("1", "wxid_wang", "王女士", "@客服小助手\u2005在吗在吗在吗在吗");
        m.mentionIds = {QStringLiteral("wxid_bot")};
        model.appendNewer({m});
        QTRY_VERIFY(view.isAtBottom());
        auto countColor = [&view](const QColor &color) {
            const QImage image = view.viewport()->grab().toImage();
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    n += QColor(image.pixel(x, y)) == color;
            return n;
        };
        QVERIFY(countColor(Theme::mentionBackground()) > 200);
        QCOMPARE(countColor(Theme::bubbleOther()), 0);
        view.setSelf(QStringLiteral("wxid_other"), QStringLiteral("别人"));
        QTRY_VERIFY(countColor(Theme::bubbleOther()) > 200);
        QCOMPARE(countColor(Theme::mentionBackground()), 0);
    }
};

QTEST_MAIN(TestMessageActions)
#include "tst_message_actions.moc"
