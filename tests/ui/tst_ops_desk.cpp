// The Groups desk in the main window: "Later…" in the composer asks when and
// queues what was typed in the outbox for that time (the editor clears once
// it is queued), and the bot's messages that came from an auto-reply, a
// welcome or a send-later are labelled so in the feed; the composer's own
// sends are not.

#include "Composer.h"
#include "ComposerEdit.h"
#include "FeedView.h"
#include "MainWindow.h"
#include "engine/Engine.h"
#include "ops/OpsAutomation.h"
#include "ops/OpsDesk.h"
#include "ops/OpsStore.h"
#include "ops/ScheduledSendsDialog.h"
#include "ops/SendLaterDialog.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QApplication>
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
    std::unique_ptr<Engine> m_engine; // no session: rows wait in the outbox
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
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("gd.sqlite")), &error),
                 qPrintable(error));
        AccountInfo account;
        account.id = kAccount;
        account.displayName = QStringLiteral("售后1号");
        m_store.upsertAccount(account);
        m_store.flush();
        m_engine = std::make_unique<Engine>(&m_store);
        m_ops = std::make_unique<OpsStore>(&m_store);
        m_window = std::make_unique<MainWindow>(&m_store, m_engine.get());
        m_desk = new OpsDesk(m_window.get(), &m_store, m_ops.get(), m_engine.get());
        m_window->resize(1000, 700);
        m_window->show();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_engine->shutdown();
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
