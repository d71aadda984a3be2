// Notices that need no answer (the team console's start, live updates
// paused or back) are a strip in the main window, not a modal box: the
// window stays usable, the text is plain (a server's error can carry
// markup), the user can dismiss it, and a later notice shows again.

#include "MainWindow.h"
#include "NoticeBanner.h"
#include "engine/Engine.h"
#include "store/Store.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gd;

class TestNoticeBanner : public QObject
{
    Q_OBJECT
private slots:
    void noticeIsADismissableStripInTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("groupdesk.sqlite")), &error),
                 qPrintable(error));
        Engine engine(&store);
        MainWindow window(&store, &engine);
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        NoticeBanner *banner = window.noticeBanner();
        QVERIFY(banner);
        QVERIFY(banner->isHidden()); // nothing to say yet
        QVERIFY(window.isAncestorOf(banner));

        const QString notice = QStringLiteral("团队控制台：<b>共享档案</b> <img src=x>");
        banner->showNotice(notice);
        QVERIFY(banner->isVisible());
        QVERIFY(!banner->isWindow());
        QCOMPARE(QApplication::activeModalWidget(), nullptr); // the window stays usable
        QCOMPARE(banner->text(), notice);
        QLabel *label = banner->findChild<QLabel *>();
        QVERIFY(label);
        QCOMPARE(label->textFormat(), Qt::PlainText); // markup shown as it is
        QVERIFY(!banner->dismissButton()->text().isEmpty());

        QTest::mouseClick(banner->dismissButton(), Qt::LeftButton);
        QVERIFY(banner->isHidden());
        QVERIFY(banner->text().isEmpty());

        // The next notice (live updates paused) comes back.
        banner->showNotice(QStringLiteral("Live updates paused"));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Live updates paused"));
        banner->showNotice(QStringLiteral("Live updates resumed."));
        QCOMPARE(banner->text(), QStringLiteral("Live updates resumed.")); // replaced, not stacked
    }
};

QTEST_MAIN(TestNoticeBanner)
#include "tst_notice_banner.moc"
