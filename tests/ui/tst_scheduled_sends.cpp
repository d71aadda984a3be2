// The send-later list: rows queued for later are listed by due time with
// their group's name, a cancelled one leaves the list, and an edit replaces
// the row with the new text and time; a time in the past or an empty
// message is refused. With GD_SCREENSHOT_DIR set it saves
// the list as a screenshot.

#include "Translations.h"
#include "engine/Engine.h"
#include "ops/ScheduledSendsDialog.h"
#include "ops/SendLaterDialog.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

class TestScheduledSends : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("GD_SCREENSHOT_DIR"))
            Translations::install(qApp);
    }

    void listCancelAndEdit()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.sqlite")), &error), qPrintable(error));
        AccountInfo account;
        account.id = QStringLiteral("acc");
        account.displayName = QStringLiteral("售后1号");
        store.upsertAccount(account);
        store.flush();
        Engine engine(&store); // no session: rows wait in the outbox
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QHash<QString, QString> names{
            {QStringLiteral("1@chatroom"), QStringLiteral("星河电器售后群")},
            {QStringLiteral("2@chatroom"), QStringLiteral("VIP客户服务群")}};
        auto submit = [&](const QString &room, const QString &text, qint64 inMs) {
            SendRequest r;
            r.accountId = QStringLiteral("acc");
            r.conversationId = room;
            r.text = text;
            r.dueMs = now + inMs;
            r.origin = QStringLiteral("send-later");
            QFuture<SubmitResult> f = engine.submit(r);
            QTRY_VERIFY(f.isFinished());
            QVERIFY2(f.result().ok(), qPrintable(f.result().error));
        };
        submit(QStringLiteral("2@chatroom"), QStringLiteral("周五晚8点VIP专场直播，记得来哦"),
               3 * 3600 * 1000);
        submit(QStringLiteral("1@chatroom"), QStringLiteral("明天上午10点开始发货，请留意物流信息"),
               3600 * 1000);
        submit(QStringLiteral("1@chatroom"), QStringLiteral("双十二活动提醒：满300减50"),
               26 * 3600 * 1000);
        store.flush();

        ScheduledSendsDialog dialog(&store, &engine, QStringLiteral("acc"), names);
        QSignalSpy reloaded(&dialog, &ScheduledSendsDialog::reloaded);
        dialog.show();
        QTRY_COMPARE(dialog.table()->rowCount(), 3);
        // Soonest first, with the group's name.
        QCOMPARE(dialog.table()->item(0, 1)->text(), QStringLiteral("星河电器售后群"));
        QVERIFY(dialog.table()->item(0, 2)->text().contains(QStringLiteral("发货")));
        QCOMPARE(dialog.table()->item(1, 1)->text(), QStringLiteral("VIP客户服务群"));
        saveShot(&dialog, QStringLiteral("send-later-list.png"));

        reloaded.clear();
        dialog.cancelRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.table()->rowCount(), 2, 5000);
        QVERIFY(dialog.table()->item(0, 2)->text().contains(QStringLiteral("直播")));
        // The cancelled row is Cancelled in the outbox: it will never go out.
        store.flush();
        StoreReader reader(store.path(), QStringLiteral("cancel-check"));
        const QVector<OutboxEntry> cancelledRows
            = OutboxRepository::rows(reader, QStringLiteral("acc"), {OutboxState::Cancelled});
        QCOMPARE(cancelledRows.size(), 1);
        // A row no longer Queued is not touched, and the caller hears so
        // (what the list says for a message already on its way).
        int answer = -1;
        engine.outbox()->cancel(cancelledRows.first().id, this,
                                [&answer](bool cancelled) { answer = cancelled ? 1 : 0; });
        QTRY_COMPARE(answer, 0);

        // Edit the live stream's reminder: new text, a later time. The old
        // row is withdrawn, the new one listed in its place by time.
        const QString newText = QStringLiteral("直播改到周六晚8点，不见不散");
        const QDateTime newDue = QDateTime::fromMSecsSinceEpoch(now + 30 * 3600 * 1000);
        bool filled = false;
        QTimer fill;
        fill.setInterval(20);
        connect(&fill, &QTimer::timeout, this, [&] {
            auto *later = qobject_cast<SendLaterDialog *>(QApplication::activeModalWidget());
            if (!later || filled)
                return;
            filled = true;
            QVERIFY(later->text().contains(QStringLiteral("直播")));
            later->setText(newText);
            later->setDue(newDue);
            later->accept();
        });
        fill.start();
        dialog.editRow(0);
        fill.stop();
        QVERIFY(filled);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.table()->rowCount() == 2 && dialog.table()->item(1, 2)->text() == newText, 5000);
        QVERIFY(dialog.table()->item(0, 2)->text().contains(QStringLiteral("双十二")));
        store.flush();
        const QVector<OutboxEntry> queued
            = OutboxRepository::rows(reader, QStringLiteral("acc"), {OutboxState::Queued});
        QCOMPARE(queued.size(), 2);
        for (const OutboxEntry &e : queued) {
            QVERIFY(!e.text.contains(QStringLiteral("周五")));
            if (e.text == newText) {
                QCOMPARE(e.dueMs / 60000, newDue.toMSecsSinceEpoch() / 60000); // to the minute
                QCOMPARE(e.origin, ScheduledSendsDialog::kOrigin);
            }
        }
        QCOMPARE(
            OutboxRepository::rows(reader, QStringLiteral("acc"), {OutboxState::Cancelled}).size(),
            2);
        engine.shutdown();
    }

    void timeInThePastOrNothingToSendIsRefused()
    {
        SendLaterDialog dialog(QStringLiteral("星河电器售后群"));
        dialog.setText(QStringLiteral("提醒"));
        dialog.setDue(QDateTime::currentDateTime().addSecs(-60));
        QVERIFY(!dialog.problem().isEmpty());
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        dialog.setDue(QDateTime::currentDateTime().addSecs(3600));
        QVERIFY(dialog.problem().isEmpty());
        dialog.setText(QString());
        QVERIFY(!dialog.problem().isEmpty()); // no text, no picture
        dialog.setPicture(QStringLiteral("/tmp/poster.png"));
        QVERIFY(dialog.problem().isEmpty());
    }
};

QTEST_MAIN(TestScheduledSends)
#include "tst_scheduled_sends.moc"
