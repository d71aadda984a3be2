// The archive's write state is shown: a full disk (SQLite's SQLITE_FULL from
// PRAGMA max_page_count on a real store) brings up the banner with the cause
// and the number of waiting messages and raises one notification; when space
// returns both go away by themselves. The recovery dialog offers its three
// ways and reports the choice.

#include "StorageBanner.h"
#include "StorageNotifier.h"
#include "StoreRecoveryDialog.h"
#include "store/Store.h"

#include <QAbstractButton>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWidget>

using namespace gd;

namespace {
QVector<Message> makeMessages(int from, int count)
{
    QVector<Message> out;
    for (int i = from; i < from + count; ++i) {
        Message m;
        m.accountId = QStringLiteral("acc");
        m.id = QStringLiteral("m%1").arg(i);
        m.roomId = QStringLiteral("r@chatroom");
        m.talkerId = QStringLiteral("wxid_a");
        m.text = QStringLiteral("<b>不是标记</b> %1 ").arg(i).repeated(10);
        m.timestampMs = 1700000000000 + i;
        out.append(m);
    }
    return out;
}
} // namespace

class TestStorageBanner : public QObject
{
    Q_OBJECT

private slots:
    void fullDiskShowsBannerAndNotificationUntilSpaceReturns()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("g.sqlite")), &error), qPrintable(error));
        QWidget window;
        auto &banner = *new StorageBanner(&store, &window);
        window.resize(600, 80);
        window.show();
        StorageNotifier notifier(&store, QIcon());
        QSignalSpy notes(&notifier, &StorageNotifier::notificationRaised);
        QVERIFY(banner.isHidden());

        store.setPageLimit(1);
        store.insertMessages(makeMessages(0, 1234));
        QTRY_VERIFY_WITH_TIMEOUT(!banner.isHidden(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(banner.text().contains(QStringLiteral("1,234"))
                                     || banner.text().contains(QStringLiteral("1234")),
                                 5000);
        QVERIFY2(
            banner.text().startsWith(QStringLiteral("The archive cannot write: the disk is full.")),
            qPrintable(banner.text()));
        QTRY_COMPARE(notes.size(), 1);
        QVERIFY(notes.at(0).at(1).toString().contains(QStringLiteral("disk is full")));

        store.setPageLimit(0);
        QTRY_VERIFY_WITH_TIMEOUT(banner.isHidden(), 10000);
        QTRY_COMPARE(notes.size(), 2); // "saves messages again"
        QCOMPARE(store.writeState().waitingMessages, qint64(0));
    }

    void recoveryDialogOffersThreeWays()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("groupdesk.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1000, 'x'));
        f.close();
        const QString reason
            = QStringLiteral("GroupDesk cannot use the archive %1: the file is damaged.").arg(path);
        for (int which = 0; which < 3; ++which) {
            StoreRecoveryDialog dialog(reason, path);
            QCOMPARE(dialog.text(), reason);
            QCOMPARE(dialog.textFormat(), Qt::PlainText);
            QVERIFY(dialog.moveAsideButton()->isEnabled());
            QAbstractButton *button = which == 0 ? dialog.chooseFolderButton()
                : which == 1                     ? dialog.moveAsideButton()
                                                 : dialog.quitButton();
            QTimer::singleShot(0, button, &QAbstractButton::click);
            dialog.exec();
            const auto expected = which == 0 ? StoreRecoveryDialog::Choice::ChooseFolder
                : which == 1                 ? StoreRecoveryDialog::Choice::MoveAside
                                             : StoreRecoveryDialog::Choice::Quit;
            QCOMPARE(dialog.choice(), expected);
        }
        // Nothing to move aside when there is no file.
        StoreRecoveryDialog none(reason, dir.filePath(QStringLiteral("missing.sqlite")));
        QVERIFY(!none.moveAsideButton()->isEnabled());
    }
};

QTEST_MAIN(TestStorageBanner)
#include "tst_storage_banner.moc"
