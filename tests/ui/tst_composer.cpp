// Composer: Enter sends, Shift+Enter breaks the line, nothing empty or too long is sent.

#include "Composer.h"
#include "ComposerEdit.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QApplication>
#include <QKeyEvent>
#include <QTest>

using namespace gd;

namespace {
// QTest::keyClicks only knows ASCII: send key events that carry the text, as
// an input method commit would arrive for a plain key.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(ch));
        QApplication::sendEvent(widget, &release);
    }
}
} // namespace

class TestComposer : public QObject
{
    Q_OBJECT
private slots:
    void enterSendsAndClears()
    {
        Composer composer;
        composer.setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                 QStringLiteral("Room"));
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        typeText(composer.editor(), QStringLiteral("你好 hello"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("acc"));
        QCOMPARE(sent.at(0).at(1).toString(), QStringLiteral("1@chatroom"));
        QCOMPARE(sent.at(0).at(2).toString(), QStringLiteral("你好 hello"));
        QVERIFY(composer.editor()->toPlainText().isEmpty());
    }

    void shiftEnterInsertsNewLineWithoutSending()
    {
        Composer composer;
        composer.setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                 QStringLiteral("Room"));
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("line one"));
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer.editor(), QStringLiteral("line two"));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(composer.editor()->toPlainText(), QStringLiteral("line one\nline two"));
        QTest::keyClick(composer.editor(), Qt::Key_Enter); // keypad Enter sends too
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(2).toString(), QStringLiteral("line one\nline two"));
    }

    void whitespaceOnlyIsNotSent()
    {
        Composer composer;
        composer.setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                 QStringLiteral("Room"));
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QTest::keyClicks(composer.editor(), QStringLiteral("   "));
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
    }

    void overlongTextIsRefusedWithAMessage()
    {
        Composer composer;
        composer.setConversation(QStringLiteral("acc"), QStringLiteral("1@chatroom"),
                                 QStringLiteral("Room"));
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.editor()->setPlainText(QString(Composer::kMaxTextLength + 1, QLatin1Char('a')));
        QVERIFY(!composer.submit());
        QCOMPARE(sent.count(), 0);
        auto *error = composer.findChild<QLabel *>(QStringLiteral("composerError"));
        QVERIFY(error);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QString::number(Composer::kMaxTextLength)));
        QCOMPARE(composer.editor()->toPlainText().size(),
                 Composer::kMaxTextLength + 1); // kept for editing

        composer.editor()->setPlainText(QString(Composer::kMaxTextLength, QLatin1Char('a')));
        QVERIFY(composer.submit());
        QCOMPARE(sent.count(), 1);
    }

    void disabledWithoutConversation()
    {
        Composer composer;
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QVERIFY(!composer.editor()->isEnabled());
        QVERIFY(!composer.findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
        composer.editor()->setPlainText(QStringLiteral("hello"));
        QVERIFY(!composer.submit());
        QCOMPARE(sent.count(), 0);
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
