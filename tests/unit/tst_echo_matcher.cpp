// The bot's own sends are paired with their echoes when the gateway answers
// a send without a message id, whichever arrives first.

#include "outbox/EchoMatcher.h"

#include <QtTest>

using namespace gd;

class EchoMatcherTest : public QObject
{
    Q_OBJECT

private slots:
    void echoAfterAnswerIsLinkedToTheSend()
    {
        EchoMatcher matcher;
        QCOMPARE(matcher.sendAnsweredWithoutId(7, QStringLiteral("r@chatroom"),
                                               QStringLiteral("您好"), 1000),
                 QString());
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("m1"), QStringLiteral("r@chatroom"),
                                           QStringLiteral("您好"), 1200),
                 7);
        QCOMPARE(matcher.pendingSends(), 0);
        QCOMPARE(matcher.unclaimedEchoes(), 0);
    }

    void echoBeforeAnswerIsFoundWhenTheAnswerComes()
    {
        EchoMatcher matcher;
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("m1"), QStringLiteral("r@chatroom"),
                                           QStringLiteral("好的"), 1000),
                 0);
        QCOMPARE(matcher.sendAnsweredWithoutId(3, QStringLiteral("r@chatroom"),
                                               QStringLiteral("好的"), 1100),
                 QStringLiteral("m1"));
        QCOMPARE(matcher.unclaimedEchoes(), 0);
    }

    void sameTextTwiceMatchesOldestFirst()
    {
        EchoMatcher matcher;
        matcher.sendAnsweredWithoutId(1, QStringLiteral("r"), QStringLiteral("ok"), 1000);
        matcher.sendAnsweredWithoutId(2, QStringLiteral("r"), QStringLiteral("ok"), 1001);
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("a"), QStringLiteral("r"),
                                           QStringLiteral("ok"), 1002),
                 1);
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("b"), QStringLiteral("r"),
                                           QStringLiteral("ok"), 1003),
                 2);
    }

    void otherConversationOrTextDoesNotMatch()
    {
        EchoMatcher matcher;
        matcher.sendAnsweredWithoutId(1, QStringLiteral("r1"), QStringLiteral("ok"), 1000);
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("a"), QStringLiteral("r2"),
                                           QStringLiteral("ok"), 1001),
                 0);
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("b"), QStringLiteral("r1"),
                                           QStringLiteral("ok!"), 1002),
                 0);
        QCOMPARE(matcher.pendingSends(), 1);
    }

    void oldEntriesExpire()
    {
        EchoMatcher matcher(5000);
        matcher.sendAnsweredWithoutId(1, QStringLiteral("r"), QStringLiteral("ok"), 1000);
        QCOMPARE(matcher.ownMessageArrived(QStringLiteral("a"), QStringLiteral("r"),
                                           QStringLiteral("ok"), 9000),
                 0);
    }

    void answeredWithIdIsForgotten()
    {
        EchoMatcher matcher;
        matcher.ownMessageArrived(QStringLiteral("m9"), QStringLiteral("r"), QStringLiteral("hi"),
                                  1000);
        matcher.forgetMessage(QStringLiteral("m9"));
        // A later send of the same text without an id must not claim m9.
        QCOMPARE(matcher.sendAnsweredWithoutId(4, QStringLiteral("r"), QStringLiteral("hi"), 1100),
                 QString());
    }
};

QTEST_GUILESS_MAIN(EchoMatcherTest)
#include "tst_echo_matcher.moc"
