// The preview shown before a file is queued: it names the group it goes to,
// shows an image's thumbnail and lets it be sent, and refuses a corrupt
// image with FileCheck's message (Send stays disabled).

#include "SendFilePreviewDialog.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

class TestSendFilePreview : public QObject
{
    Q_OBJECT
private slots:
    void showsTargetAndAcceptsAValidImage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.png"));
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(path, "PNG"));

        SendFilePreviewDialog dialog(path, QStringLiteral("售后群 A"));
        QVERIFY(dialog.targetText().contains(QStringLiteral("售后群 A")));
        auto *send = dialog.findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send);
        QVERIFY(!send->isEnabled()); // not before the check is done
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isChecked(), 20000);
        QVERIFY(dialog.canSend());
        QVERIFY(send->isEnabled());
        QVERIFY(dialog.validationMessage().isEmpty());
        auto *preview = dialog.findChild<QLabel *>(QStringLiteral("preview"));
        QVERIFY(preview);
        QCOMPARE(preview->pixmap().size(), QSize(64, 48));
    }

    void refusesACorruptImage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.png"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x89PNG\r\n\x1a\n not really an image at all", 34));
        f.close();

        SendFilePreviewDialog dialog(path, QStringLiteral("Group B"));
        QSignalSpy done(&dialog, &SendFilePreviewDialog::checkFinished);
        dialog.show();
        QVERIFY(done.wait(20000) || done.size() == 1);
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY(!dialog.canSend());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
        QVERIFY2(dialog.validationMessage().size() > 10, qPrintable(dialog.validationMessage()));
        QVERIFY(dialog.targetText().contains(QStringLiteral("Group B")));
    }

    void enterSendsOnceTheFileIsChecked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("photo.png"));
        QImage image(32, 32, QImage::Format_RGB32);
        image.fill(Qt::blue);
        QVERIFY(image.save(path, "PNG"));

        SendFilePreviewDialog dialog(path, QStringLiteral("Group C"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.canSend(), 20000);
        auto *send = dialog.findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send->isDefault());
        // Enter goes to whatever has the focus, as a user's key press would.
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestSendFilePreview)
#include "tst_send_file_preview.moc"
