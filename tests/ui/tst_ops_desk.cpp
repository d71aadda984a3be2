// The Groups desk in the main window: "Later…" in the composer asks when and
// queues what was typed in the outbox for that time (the editor clears once
// it is queued), and the bot's messages that came from an auto-reply, a
// welcome or a send-later are labelled so in the feed; the composer's own
// sends are not; "/" in the window's composer offers the desk's quick
// replies. With GD_SCREENSHOT_DIR set it saves that popup in the window.

#include "Composer.h"
#include "ComposerEdit.h"
#include "FeedView.h"
#include "MainWindow.h"
#include "RoomListModel.h"
#include "engine/Engine.h"
#include "ops/OpsAutomation.h"
#include "ops/OpsDesk.h"
#include "ops/OpsStore.h"
#include "ops/QuickReplyCatalog.h"
#include "ops/QuickReplyPicker.h"
#include "ops/ScheduledSendsDialog.h"
#include "ops/SendLaterDialog.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "Translations.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gd;

namespace {
const QString kAccount = QStringLiteral("acc");
const QString kRoom = QStringLiteral("5001@chatroom");
} // namespace

class TestOpsDesk : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<OpsStore> m_ops;
    std::unique_ptr<MainWindow> m_window;
    OpsDesk *m_desk = nullptr;

    QVector<OutboxEntry> queued()
    {
        m_store.flush();
        StoreReader reader(m_store.path(), QStringLiteral("ops-desk-check"));
        return OutboxRepository::rows(reader, kAccount, {OutboxState::Queued});
    }

    qint64 submit(const QString &text, const QString &origin)
    {
        SendRequest r;
        r.accountId = kAccount;
        r.conversationId = kRoom;
        r.text = text;
        r.origin = origin;
        QFuture<SubmitResult> f = m_engine->submit(r);
        [&] { QTRY_VERIFY(f.isFinished()); }();
        return f.isFinished() && f.result().ok() ? f.result().id : 0;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("GD_SCREENSHOT_DIR"))
            Translations::install(qApp);
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("gd.sqlite")), &error),
                 qPrintable(error));
        AccountInfo account;
        account.id = kAccount;
        account.displayName = QStringLiteral("售后1号");
        m_store.upsertAccount(account);
        Room room;
        room.accountId = kAccount;
        room.id = kRoom;
        room.topic = QStringLiteral("星河电器售后群");
        Room other = room;
        other.id = QStringLiteral("5002@chatroom");
        other.topic = QStringLiteral("VIP客户服务群");
        m_store.upsertRooms({room, other});
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVector<Message> history;
        const QStringList lines{QStringLiteral("我上周买的电饭煲什么时候发货？"),
                                QStringLiteral("订单号 XH20261128-0931"),
                                QStringLiteral("急用，麻烦快一点")};
        for (int i = 0; i < lines.size(); ++i) {
            Message m;
            m.accountId = kAccount;
            m.id = QStringLiteral("desk-%1").arg(i);
            m.roomId = kRoom;
            m.talkerId = QStringLiteral("wxid_wang");
            m.talkerName = QStringLiteral("王女士");
            m.kind = MessageKind::Text;
            m.text = lines.at(i);
            m.timestampMs = now - (lines.size() - i) * 60000;
            history.append(m);
        }
        m_store.insertMessages(history);
        m_store.flush();
        m_engine = std::make_unique<Engine>(&m_store);
        m_ops = std::make_unique<OpsStore>(&m_store);
        m_window = std::make_unique<MainWindow>(&m_store, m_engine.get());
        m_desk = new OpsDesk(m_window.get(), &m_store, m_ops.get(), m_engine.get());
        // Listed in the window; its gateway is not there (nothing is sent:
        // rows wait in the outbox).
        GatewayEndpoint endpoint;
        endpoint.address = QStringLiteral("127.0.0.1:1");
        endpoint.token = QStringLiteral("none");
        endpoint.tls = false;
        AccountInfo listed;
        listed.id = kAccount;
        listed.displayName = QStringLiteral("售后1号");
        listed.endpoint = endpoint.address;
        m_engine->addAccount(listed, endpoint);
        m_window->resize(1000, 700);
        m_window->show();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_engine->shutdown();
    }

    void slashInTheWindowsComposerOffersTheDesksQuickReplies()
    {
        QuickReply reply;
        reply.title = QStringLiteral("发货时间");
        reply.shortcut = QStringLiteral("fh");
        reply.body = QStringLiteral("{customer}您好，{group}的订单48小时内发货，请耐心等待。");
        QSignalSpy saved(m_desk->quickReplies(), &QuickReplyCatalog::saved);
        QVERIFY(m_desk->quickReplies()->save(reply));
        QVERIFY(saved.wait(5000));
        // The group opened in the window: {customer} is whoever wrote last.
        m_window->selectAccount(kAccount);
        Composer *composer = m_window->composer();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->roomListModel()->rowCount() == 2, 5000);
        m_window->selectRoom(kRoom);
        QTRY_COMPARE(composer->conversationId(), kRoom);
        QTRY_VERIFY(composer->isVisible());
        composer->editor()->setFocus();
        QTest::keyClicks(composer->editor(), QStringLiteral("/fhsj"));
        QuickReplyPicker *picker = composer->quickReplyPicker();
        QVERIFY(picker);
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->current().title, reply.title);
        QCOMPARE(picker->previewText(),
                 QStringLiteral("王女士您好，星河电器售后群的订单48小时内发货，请耐心等待。"));
        const QString dir = qEnvironmentVariable("GD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            m_window->grab().save(
                QDir(dir).filePath(QStringLiteral("quick-reply-popup-window.png")));
        }
        QTest::keyClick(composer->editor(), Qt::Key_Escape);
        QVERIFY(!picker->isVisible());
        composer->editor()->clear();
    }

    void laterQueuesTheTypedTextForTheChosenTime()
    {
        Composer *composer = m_window->composer();
        composer->setConversation(kAccount, kRoom, QStringLiteral("星河电器售后群"));
        const QString text = QStringLiteral("明天上午10点开始发货，请留意物流信息");
        composer->editor()->setPlainText(text);
        const QDateTime due = QDateTime::currentDateTime().addSecs(2 * 3600);
        bool filled = false;
        QTimer fill;
        fill.setInterval(20);
        connect(&fill, &QTimer::timeout, this, [&] {
            auto *later = qobject_cast<SendLaterDialog *>(QApplication::activeModalWidget());
            if (!later || filled)
                return;
            filled = true;
            QCOMPARE(later->text(), text); // what was typed comes along
            later->setDue(due);
            later->accept();
        });
        fill.start();
        auto *button = composer->findChild<QPushButton *>(QStringLiteral("sendLaterButton"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        button->click();
        fill.stop();
        QVERIFY(filled);
        QTRY_VERIFY_WITH_TIMEOUT(composer->editor()->toPlainText().isEmpty(), 5000);
        const QVector<OutboxEntry> rows = queued();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().text, text);
        QCOMPARE(rows.first().conversationId, kRoom);
        QCOMPARE(rows.first().origin, ScheduledSendsDialog::kOrigin);
        QCOMPARE(rows.first().dueMs / 60000, due.toMSecsSinceEpoch() / 60000); // to the minute
    }

    // The @-mentions picked in the composer go with the scheduled message,
    // except one the agent deleted from the text in the dialog.
    void laterKeepsTheMentionsTheFinalTextHolds()
    {
        Composer *composer = m_window->composer();
        composer->setConversation(kAccount, kRoom, QStringLiteral("星河电器售后群"));
        composer->editor()->clear();
        composer->insertMention(QStringLiteral("wxid_wang"), QStringLiteral("王女士"));
        composer->insertMention(QStringLiteral("wxid_li"), QStringLiteral("李先生"));
        composer->editor()->insertPlainText(QStringLiteral("明天发货"));
        const QString typed = composer->editor()->toPlainText().trimmed();
        const QString final = QStringLiteral("@王女士\u2005明天发货");
        const int before = int(queued().size());
        bool filled = false;
        QTimer fill;
        fill.setInterval(20);
        connect(&fill, &QTimer::timeout, this, [&] {
            auto *later = qobject_cast<SendLaterDialog *>(QApplication::activeModalWidget());
            if (!later || filled)
                return;
            filled = true;
            QCOMPARE(later->text(), typed);
            later->setText(final); // @李先生 deleted here
            later->setDue(QDateTime::currentDateTime().addSecs(3600));
            later->accept();
        });
        fill.start();
        composer->findChild<QPushButton *>(QStringLiteral("sendLaterButton"))->click();
        fill.stop();
        QVERIFY(filled);
        QTRY_COMPARE_WITH_TIMEOUT(int(queued().size()), before + 1, 5000);
        const QVector<OutboxEntry> rows = queued();
        const auto row = std::find_if(rows.begin(), rows.end(),
                                      [&](const OutboxEntry &e) { return e.text == final; });
        QVERIFY(row != rows.end());
        QCOMPARE(row->mentionIds, QStringList{QStringLiteral("wxid_wang")});
        composer->editor()->clear();
    }

    void laterThatIsCancelledQueuesNothingAndKeepsTheText()
    {
        Composer *composer = m_window->composer();
        composer->setConversation(kAccount, kRoom, QStringLiteral("星河电器售后群"));
        composer->editor()->setPlainText(QStringLiteral("先不发"));
        const int before = int(queued().size());
        bool closed = false;
        QTimer close;
        close.setInterval(20);
        connect(&close, &QTimer::timeout, this, [&] {
            auto *later = qobject_cast<SendLaterDialog *>(QApplication::activeModalWidget());
            if (!later || closed)
                return;
            closed = true;
            later->reject();
        });
        close.start();
        composer->findChild<QPushButton *>(QStringLiteral("sendLaterButton"))->click();
        close.stop();
        QVERIFY(closed);
        QTest::qWait(200);
        QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("先不发"));
        QCOMPARE(int(queued().size()), before);
    }

    void botMessagesSayWhatSentThem()
    {
        const qint64 autoId
            = submit(QStringLiteral("客服忙，稍后回复您"), OpsAutomation::kAutoReplyOrigin);
        const qint64 welcomeId
            = submit(QStringLiteral("欢迎新朋友"), OpsAutomation::kWelcomeOrigin);
        const qint64 composerId = submit(QStringLiteral("好的"), QStringLiteral("composer"));
        QVERIFY(autoId && welcomeId && composerId);
        auto badge = [this](qint64 outboxId) {
            Message m;
            m.accountId = kAccount;
            m.fromSelf = true;
            m.outboxId = outboxId;
            return m_window->feedView()->selfMessageBadge(m);
        };
        QTRY_COMPARE(badge(autoId), OpsDesk::tr("Auto-reply"));
        QTRY_COMPARE(badge(welcomeId), OpsDesk::tr("Welcome"));
        QVERIFY(badge(composerId).isEmpty());
        QVERIFY(badge(0).isEmpty());
        // Known again after a restart: read from the outbox when a group opens.
        {
            OpsDesk fresh(m_window.get(), &m_store, m_ops.get(), m_engine.get());
            Message m;
            m.fromSelf = true;
            m.outboxId = autoId;
            QVERIFY(fresh.originBadge(m).isEmpty());
            emit m_window->roomOpened(kAccount, kRoom, QStringLiteral("星河电器售后群"));
            QTRY_COMPARE(fresh.originBadge(m), OpsDesk::tr("Auto-reply"));
        }
        QVERIFY(badge(autoId).isEmpty()); // the feed never calls a desk that is gone
    }
};

QTEST_MAIN(TestOpsDesk)
#include "tst_ops_desk.moc"
