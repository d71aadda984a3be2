// KeywordMatcher: literal words through Hyperscan and regular expressions
// through RE2, each hit with its UTF-16 position; bad patterns refused with a
// reason while the rest keep working; pathological input stays bounded.
#include "monitor/KeywordMatcher.h"

#include <QElapsedTimer>
#include <QtConcurrent>
#include <QtTest>

using namespace gd;

namespace {

KeywordPattern literal(const QString &word, Severity severity = Severity::Medium, int tag = 0)
{
    return {word, KeywordPattern::Kind::Literal, severity, tag};
}

KeywordPattern regex(const QString &pattern, Severity severity = Severity::Medium, int tag = 0)
{
    return {pattern, KeywordPattern::Kind::Regex, severity, tag};
}

QStringList matchedTexts(const KeywordMatcher &matcher, const QString &text)
{
    QStringList out;
    for (const KeywordHit &hit : matcher.match(text))
        out.append(text.mid(hit.start, hit.length));
    return out;
}

} // namespace

class TestKeywordMatcher : public QObject
{
    Q_OBJECT
private slots:
    void emptyMatcherMatchesNothing()
    {
        KeywordMatcher none;
        QVERIFY(none.isEmpty());
        QVERIFY(none.match(QStringLiteral("投诉")).isEmpty());
        KeywordMatcher fromEmptyList(QList<KeywordPattern>{});
        QVERIFY(fromEmptyList.isEmpty());
        QVERIFY(fromEmptyList.errors().isEmpty());
        QVERIFY(fromEmptyList.match(QStringLiteral("投诉")).isEmpty());
    }

    void literalsReportPositionsInUtf16()
    {
        // The emoji before the word is two UTF-16 units and four UTF-8 bytes:
        // positions must be QString indices, not byte offsets.
        KeywordMatcher matcher(
            {literal(QStringLiteral("退款"), Severity::High, 7), literal(QStringLiteral("投诉"))});
        QVERIFY(matcher.errors().isEmpty());
        const QString text = QStringLiteral("😡我要退款，不然投诉");
        const QList<KeywordHit> hits = matcher.match(text);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].pattern, 0);
        QCOMPARE(hits[0].start, 4);
        QCOMPARE(hits[0].length, 2);
        QCOMPARE(text.mid(hits[1].start, hits[1].length), QStringLiteral("投诉"));
        QCOMPARE(matcher.patterns().at(hits[0].pattern).tag, 7);
        QCOMPARE(matcher.patterns().at(hits[0].pattern).severity, Severity::High);
    }

    void eachWordIsReportedOnceAtItsFirstOccurrence()
    {
        KeywordMatcher matcher({literal(QStringLiteral("差"))});
        const QList<KeywordHit> hits = matcher.match(QStringLiteral("好差，真差，太差"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].start, 1);
    }

    void overlappingWordsAreAllFound()
    {
        KeywordMatcher matcher({literal(QStringLiteral("差评")), literal(QStringLiteral("给差评")),
                                literal(QStringLiteral("评价"))});
        QCOMPARE(matchedTexts(matcher, QStringLiteral("我要给差评价")),
                 (QStringList{QStringLiteral("给差评"), QStringLiteral("差评"),
                              QStringLiteral("评价")}));
    }

    void caseAndFullWidthAreFolded()
    {
        KeywordMatcher matcher({literal(QStringLiteral("12315")), literal(QStringLiteral("VIP")),
                                regex(QStringLiteral("退款\\d+元"))});
        QCOMPARE(matchedTexts(matcher, QStringLiteral("打１２３１５")),
                 QStringList{QStringLiteral("１２３１５")});
        QCOMPARE(matchedTexts(matcher, QStringLiteral("我是vip")),
                 QStringList{QStringLiteral("vip")});
        QCOMPARE(matchedTexts(matcher, QStringLiteral("ＶＩＰ客户")),
                 QStringList{QStringLiteral("ＶＩＰ")});
        QCOMPARE(matchedTexts(matcher, QStringLiteral("退款３０元")),
                 QStringList{QStringLiteral("退款３０元")});
    }

    void regexesReportTheirFirstMatch()
    {
        KeywordMatcher matcher({regex(QStringLiteral("订单号?\\s*[0-9]{6,}")),
                                regex(QStringLiteral("(?i)wx[a-z0-9]{4}"))});
        QVERIFY2(matcher.errors().isEmpty(), qPrintable(matcher.errors().value(0).reason));
        const QString text = QStringLiteral("订单 123456789，联系 WXabcd");
        const QList<KeywordHit> hits = matcher.match(text);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(text.mid(hits[0].start, hits[0].length), QStringLiteral("订单 123456789"));
        QCOMPARE(text.mid(hits[1].start, hits[1].length), QStringLiteral("WXabcd"));
    }

    void badRegexIsRefusedWithReasonOthersStillWork()
    {
        KeywordMatcher matcher({regex(QStringLiteral("退(款")), literal(QStringLiteral("投诉")),
                                regex(QStringLiteral("a*")), literal(QStringLiteral("   ")),
                                regex(QStringLiteral("(?<name>x)\\1")),
                                regex(QStringLiteral("曝光"))});
        QCOMPARE(matcher.errors().size(), 4);
        QCOMPARE(matcher.errors()[0].pattern, 0);
        QVERIFY(matcher.errors()[0].reason.contains(QStringLiteral("missing )")));
        QCOMPARE(matcher.errors()[1].pattern, 2);
        QVERIFY(matcher.errors()[1].reason.contains(QStringLiteral("empty")));
        QCOMPARE(matcher.errors()[2].pattern, 3);
        QCOMPARE(matcher.errors()[3].pattern, 4); // backreferences: RE2 has none
        QCOMPARE(matchedTexts(matcher, QStringLiteral("投诉并曝光")),
                 (QStringList{QStringLiteral("投诉"), QStringLiteral("曝光")}));
        QVERIFY(KeywordMatcher::regexError(QStringLiteral("退(款"))
                    .contains(QStringLiteral("missing )")));
        QVERIFY(KeywordMatcher::regexError(QStringLiteral("退款")).isEmpty());
    }

    void regexOverMemoryBudgetIsRefused()
    {
        // Nested counted repetition: a huge program. RE2 refuses it within the
        // budget instead of allocating it.
        const QString huge = QStringLiteral("((a{100}){100}){100}");
        QVERIFY(!KeywordMatcher::regexError(huge).isEmpty());
        KeywordMatcher matcher({regex(huge), literal(QStringLiteral("ok"))});
        QCOMPARE(matcher.errors().size(), 1);
        QCOMPARE(matchedTexts(matcher, QStringLiteral("ok")), QStringList{QStringLiteral("ok")});
    }

    void catastrophicBacktrackingPatternRunsInLinearTime()
    {
        // (a+)+b hangs a backtracking engine on "aaaa...c"; RE2 does not backtrack.
        KeywordMatcher matcher({regex(QStringLiteral("(a+)+b")), regex(QStringLiteral("(x|x)*y"))});
        QVERIFY(matcher.errors().isEmpty());
        const QString text = QString(50000, u'a') + QString(50000, u'x') + u'c';
        QElapsedTimer timer;
        timer.start();
        QVERIFY(matcher.match(text).isEmpty());
        // Generous bound: linear is milliseconds; backtracking would be forever.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void tenThousandKeywordsAndALongMessage()
    {
        QList<KeywordPattern> patterns;
        for (int i = 0; i < 10000; ++i)
            patterns.append(literal(QStringLiteral("词%1号").arg(i), Severity::Low, i));
        KeywordMatcher matcher(patterns);
        QVERIFY(matcher.errors().isEmpty());
        QString text;
        while (text.size() < 100000)
            text += QStringLiteral("这是一条很长的消息，没有关键词。");
        text += QStringLiteral("词9999号");
        const QList<KeywordHit> hits = matcher.match(text);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(matcher.patterns().at(hits[0].pattern).tag, 9999);
        QCOMPARE(hits[0].start, text.size() - 6);
        // A word present everywhere in the long message is still reported once.
        KeywordMatcher common({literal(QStringLiteral("消息"))});
        QCOMPARE(common.match(text).size(), 1);
    }

    void unpairedSurrogatesAndControlCharactersAreHarmless()
    {
        KeywordMatcher matcher({literal(QStringLiteral("退款")), regex(QStringLiteral("退."))});
        QString text = QStringLiteral("x");
        text += QChar(0xD800); // lone high surrogate
        text += QStringLiteral("退款");
        text += QChar(0xDC00);
        text += QChar(0);
        const QList<KeywordHit> hits = matcher.match(text);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].start, 2);
        QCOMPARE(hits[1].start, 2);
    }

    void concurrentMatchesAgree()
    {
        QList<KeywordPattern> patterns;
        for (int i = 0; i < 500; ++i)
            patterns.append(literal(QStringLiteral("商品%1号").arg(i)));
        patterns.append(regex(QStringLiteral("退.{0,3}款")));
        const KeywordMatcher matcher(patterns);
        QList<int> inputs(2000);
        std::iota(inputs.begin(), inputs.end(), 0);
        const QList<int> counts = QtConcurrent::blockingMapped(inputs, [&](int i) {
            return int(matcher.match(QStringLiteral("要商品%1号退了款").arg(i % 500)).size());
        });
        for (int c : counts)
            QCOMPARE(c, 2);
    }
};

QTEST_GUILESS_MAIN(TestKeywordMatcher)
#include "tst_keyword_matcher.moc"
