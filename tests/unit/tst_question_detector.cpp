// QuestionDetector: question marks, 吗, question words, A-not-A, asking
// phrases and A还是B count; statements that contain question words
// (没什么, 什么都, 好几天, 还没到呢) do not.
#include "monitor/QuestionDetector.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

class TestQuestionDetector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_empty; // no override: the built-in list
    QuestionDetector m_detector{
        Lexicon::standard(QStringLiteral("question_zh.txt"), m_empty.path())};

private slots:
    void questions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cue");
        QTest::newRow("full-width mark") << "今天发货？"
                                         << "？";
        QTest::newRow("half-width mark") << "ok?"
                                         << "?";
        QTest::newRow("ma") << "还有货吗"
                            << "吗";
        QTest::newRow("zenme") << "发票怎么开"
                               << "怎么";
        QTest::newRow("shenme shihou") << "什么时候发货"
                                       << "什么时候";
        QTest::newRow("duojiu") << "保修多久"
                                << "多久";
        QTest::newRow("neng bu neng") << "能不能便宜点"
                                      << "能不能";
        QTest::newRow("you mei you") << "有没有小号"
                                     << "有没有";
        QTest::newRow("A-not-A any verb") << "你们发不发顺丰"
                                          << "发不发";
        QTest::newRow("qingwen") << "请问一下地址"
                                 << "请问";
        QTest::newRow("ji + measure") << "适合几岁的孩子"
                                      << "几岁";
        QTest::newRow("final me") << "到了么"
                                  << "么";
        QTest::newRow("final mei") << "收到没"
                                   << "没";
        QTest::newRow("short ne") << "我的快递呢"
                                  << "呢";
        QTest::newRow("alternative") << "偏大还是偏小"
                                     << "还是";
        QTest::newRow("full-width ascii mark") << "ＯＫ？"
                                               << "？";
    }
    void questions()
    {
        QFETCH(QString, text);
        QFETCH(QString, cue);
        QCOMPARE(m_detector.cue(text), cue);
        QVERIFY(m_detector.isQuestion(text));
    }

    void statements_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("plain") << "好的，收到";
        QTest::newRow("mei shenme") << "没什么问题";
        QTest::newRow("shenme dou") << "什么都行";
        QTest::newRow("hao ji tian") << "等了好几天了";
        QTest::newRow("le ji") << "用了几天就坏了";
        QTest::newRow("bu zenme") << "不怎么样";
        QTest::newRow("statement ne") << "还没到呢";
        QTest::newRow("long clause ne") << "我已经在路上准备出发了呢";
        QTest::newRow("still, not or") << "问题还是没解决";
        QTest::newRow("suggestion") << "我们还是等等吧";
        QTest::newRow("dong bu dong") << "动不动就坏";
        QTest::newRow("no no no") << "不不不，不用了";
        QTest::newRow("mei in middle") << "没收到货";
        QTest::newRow("exclamation shenme") << "什么破东西";
        QTest::newRow("still, with de") << "外卖还是热的";
        QTest::newRow("indefinite after bie") << "别跟我说什么流程";
        QTest::newRow("indefinite after buguan") << "不管什么时候都行";
        QTest::newRow("surrogates") << QString(QChar(0xD800)) + QStringLiteral("😡😡");
    }
    void statements()
    {
        QFETCH(QString, text);
        QVERIFY2(!m_detector.isQuestion(text), qPrintable(m_detector.cue(text)));
    }

    void longMessageEndingInAQuestion()
    {
        QString text(100000, u'好');
        QVERIFY(!m_detector.isQuestion(text));
        text += QStringLiteral("吗");
        QVERIFY(m_detector.isQuestion(text));
    }

    void emptyListStillSeesQuestionMarks()
    {
        const QuestionDetector bare{Lexicon()};
        QVERIFY(bare.isQuestion(QStringLiteral("发货？")));
        QVERIFY(bare.isQuestion(QStringLiteral("能不能")));
        QVERIFY(!bare.isQuestion(QStringLiteral("发货吗")));
    }
};

QTEST_GUILESS_MAIN(TestQuestionDetector)
#include "tst_question_detector.moc"
