// The cleanup dialog: groups are picked by rating, by tag or by hand (left
// ones cannot be), the preview lists exactly the picked ones and says the
// archive stays, confirming leaves them one by one and shows each group's
// outcome, a refusal included. With GD_SCREENSHOT_DIR set it saves the
// preview as a screenshot.

#include "Translations.h"
#include "ops/GroupCleanup.h"
#include "ops/GroupCleanupDialog.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace gd;

namespace {
GroupActivityCounts group(const QString &id, const QString &topic, int customers30, int active30,
                          int staff30, int customers7)
{
    GroupActivityCounts a;
    a.roomId = id;
    a.topic = topic;
    a.customerMessages30 = customers30;
    a.activeCustomers30 = active30;
    a.staffReplies30 = staff30;
    a.customerMessages7 = customers7;
    a.lastCustomerMs = customers30 > 0 ? QDateTime::currentMSecsSinceEpoch() - 86400000LL * 9 : 0;
    return a;
}

void saveShot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("GD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w->grab().save(QDir(dir).filePath(name));
}
} // namespace

class TestGroupCleanupDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("GD_SCREENSHOT_DIR"))
            Translations::install(qApp);
    }

    void pickPreviewConfirmAndReport()
    {
        QStringList quitCalls;
        GroupCleanup cleanup(
            [&quitCalls](const QString &, const QString &roomId,
                         std::function<void(const GatewayStatus &)> done) {
                quitCalls << roomId;
                GatewayStatus status;
                if (roomId == QStringLiteral("3@chatroom")) {
                    status.code = 9;
                    status.message = QStringLiteral("the bot is not a member of this room");
                }
                done(status);
            },
            nullptr);
        cleanup.setPaceMs(50);
        GroupCleanupDialog dialog(QStringLiteral("acc"), &cleanup);
        const QVector<GroupActivityCounts> groups{
            group(QStringLiteral("1@chatroom"), QStringLiteral("星河电器售后1群"), 300, 40, 120,
                  60),
            group(QStringLiteral("2@chatroom"), QStringLiteral("2023双十一活动群"), 0, 0, 0, 0),
            group(QStringLiteral("3@chatroom"), QStringLiteral("旧品试用群"), 2, 1, 0, 0),
            group(QStringLiteral("4@chatroom"), QStringLiteral("华东经销商群"), 40, 6, 12, 3),
            group(QStringLiteral("5@chatroom"), QStringLiteral("已退群的老群"), 0, 0, 0, 0),
        };
        QHash<QString, QStringList> tags{{QStringLiteral("4@chatroom"), {QStringLiteral("经销商")}},
                                         {QStringLiteral("1@chatroom"), {QStringLiteral("售后")}}};
        dialog.setGroups(groups, tags, {QStringLiteral("5@chatroom")},
                         QDateTime::currentMSecsSinceEpoch());
        dialog.show();
        QCOMPARE(dialog.table()->rowCount(), 5);

        // By rating: the silent and the nearly silent group (not the left one).
        dialog.selectUpToStars(1);
        QCOMPARE(dialog.checkedRoomIds(),
                 QStringList({QStringLiteral("2@chatroom"), QStringLiteral("3@chatroom")}));
        // By tag, and by hand (a left group cannot be picked).
        dialog.selectTag(QStringLiteral("经销商"));
        dialog.setChecked(QStringLiteral("5@chatroom"), true);
        QCOMPARE(dialog.checkedRoomIds(),
                 QStringList({QStringLiteral("2@chatroom"), QStringLiteral("3@chatroom"),
                              QStringLiteral("4@chatroom")}));
        dialog.setChecked(QStringLiteral("4@chatroom"), false);
        dialog.setQuietOnly(true); // the quiet groups list
        QCOMPARE(dialog.table()->rowCount(), 3); // 2, 3 and the left 5
        dialog.setQuietOnly(false);

        dialog.showPreview();
        QCOMPARE(dialog.previewTable()->rowCount(), 2);
        QCOMPARE(dialog.previewTable()->item(0, 0)->text(), QStringLiteral("2023双十一活动群"));
        QVERIFY(!dialog.previewSummary()->text().isEmpty());
        QVERIFY(quitCalls.isEmpty()); // nothing happens before confirming
        saveShot(&dialog, QStringLiteral("cleanup-preview.png"));

        QSignalSpy finished(&cleanup, &GroupCleanup::finished);
        dialog.confirm();
        QVERIFY(finished.wait(5000));
        QCOMPARE(quitCalls,
                 QStringList({QStringLiteral("2@chatroom"), QStringLiteral("3@chatroom")}));
        const QString first = dialog.previewTable()->item(0, 2)->text();
        const QString second = dialog.previewTable()->item(1, 2)->text();
        QVERIFY2(first != second, qPrintable(first + " / " + second));
        QVERIFY2(second.contains(QStringLiteral("member"))
                     || second.contains(QStringLiteral("成员")),
                 qPrintable(second));
        saveShot(&dialog, QStringLiteral("cleanup-report.png"));
    }
};

QTEST_MAIN(TestGroupCleanupDialog)
#include "tst_group_cleanup_dialog.moc"
