// ToneScorer and its lexicon: negative and escalation words, degree adverbs,
// negation and double negation, contrast, repeated punctuation, praise next to
// a problem; the lexicon format with clear errors and the override file.
#include "monitor/Lexicon.h"
#include "monitor/MessageClassifier.h"
#include "monitor/ToneScorer.h"

#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <cmath>

using namespace gd;

namespace {

// A small lexicon written here, so the mechanics are tested apart from the
// shipped word lists (whose words may change as they are tuned).
Lexicon testLexicon()
{
    QString error;
    const std::optional<Lexicon> lexicon = Lexicon::parse(QStringLiteral(R"(
[settings]
complaint_threshold = -1.5
modifier_window = 2
[escalation]
投诉 -3
[negative]
差 -1
慢
不满 -2
坏 -1.5
[positive]
好 1
满意 2
[degree]
很 1.5
太 2
有点 0.5
[negation]
不
没
不是
不太 0.5
[contrast]
但是
结果
[blame]
为什么 -1.5
[blame_marker]
又
不
[neutral]
差不多
)"),
                                                          &error);
    if (!lexicon)
        qFatal("test lexicon: %s", qPrintable(error));
    return *lexicon;
}

} // namespace

class TestToneScorer : public QObject
{
    Q_OBJECT

    ToneScorer m_scorer{testLexicon()};

private slots:
    void plainWordsAndDefaults()
    {
        QCOMPARE(m_scorer.score(QStringLiteral("差")).tone, -1.0);
        QCOMPARE(m_scorer.score(QStringLiteral("慢")).tone, -1.0); // the section's default
        QCOMPARE(m_scorer.score(QStringLiteral("满意")).tone, 2.0);
        QCOMPARE(m_scorer.score(QString()).tone, 0.0);
        QCOMPARE(m_scorer.score(QStringLiteral("今天下雨")).tone, 0.0);
        const ToneResult r = m_scorer.score(QStringLiteral("太差"));
        QCOMPARE(r.tone, -2.0);
        QVERIFY(r.complaint);
        QCOMPARE(r.cues, QStringList{QStringLiteral("差")});
    }

    void degreeAdverbsStrengthenOrSoften()
    {
        QCOMPARE(m_scorer.score(QStringLiteral("很慢")).tone, -1.5);
        QCOMPARE(m_scorer.score(QStringLiteral("有点慢")).tone, -0.5);
        QVERIFY(!m_scorer.score(QStringLiteral("有点慢")).complaint);
    }

    void negationFlipsAndDoubleNegationCancels()
    {
        QCOMPARE(m_scorer.score(QStringLiteral("不满意")).tone, -2.0); // 不满 is listed: -2
        QCOMPARE(m_scorer.score(QStringLiteral("不好")).tone, -1.0);
        QCOMPARE(m_scorer.score(QStringLiteral("不差")).tone, 0.5); // negated negative: mild praise
        QCOMPARE(m_scorer.score(QStringLiteral("不是不好")).tone, 1.0);
        const ToneResult doubled = m_scorer.score(QStringLiteral("不是不满意"));
        QVERIFY(doubled.tone > 0);
        QVERIFY(!doubled.complaint);
        QCOMPARE(m_scorer.score(QStringLiteral("不太满意")).tone, -1.0); // a weak negation
    }

    void negationReachesOnlyNearbyWords()
    {
        // modifier_window = 2: three characters between 不 and 差 is too far.
        QCOMPARE(m_scorer.score(QStringLiteral("不知道为差")).tone, -1.0);
        QCOMPARE(m_scorer.score(QStringLiteral("不算差")).tone, 0.5);
        // A clause break ends a negation.
        QCOMPARE(m_scorer.score(QStringLiteral("不，差")).tone, -1.0);
    }

    void escalationIsAComplaintUnlessNegated()
    {
        const ToneResult threat = m_scorer.score(QStringLiteral("我要投诉"));
        QVERIFY(threat.escalation);
        QVERIFY(threat.complaint);
        const ToneResult negated = m_scorer.score(QStringLiteral("不是投诉"));
        QVERIFY(!negated.escalation);
        QVERIFY(!negated.complaint);
        QCOMPARE(negated.tone, 0.0);
    }

    void repeatedPunctuationRaisesTheHeat()
    {
        QCOMPARE(m_scorer.score(QStringLiteral("太差！！！")).tone, -3.0); // x1.5
        QCOMPARE(m_scorer.score(QStringLiteral("太差！")).tone, -2.0);
        // ？？ adds impatience even without a word; one ？ only strengthens a problem.
        QCOMPARE(m_scorer.score(QStringLiteral("在吗？？？")).tone, -1.0);
        QCOMPARE(m_scorer.score(QStringLiteral("在吗？")).tone, 0.0);
        QCOMPARE(m_scorer.score(QStringLiteral("差？")).tone, -1.3);
        QCOMPARE(m_scorer.score(QStringLiteral("太差!!!")).tone, -3.0); // half-width too
    }

    void contrastWeighsWhatFollows()
    {
        // (好 1) x 0.5 + (很慢 -1.5) x 1.5
        QCOMPARE(m_scorer.score(QStringLiteral("好，但是很慢")).tone, -1.75);
        QCOMPARE(m_scorer.score(QStringLiteral("慢，但是很满意")).tone, 4.0);
    }

    void contrastWithNothingAfterItIsIgnored()
    {
        // 结果 as a noun at the end must not halve the complaint before it.
        QCOMPARE(m_scorer.score(QStringLiteral("太差，但是")).tone, -2.0);
        QCOMPARE(m_scorer.score(QStringLiteral("太差结果")).tone, -2.0);
        QCOMPARE(m_scorer.score(QStringLiteral("好，结果很慢")).tone, -1.75);
    }

    void blameNeedsAMarkerInTheSameClause()
    {
        QCOMPARE(m_scorer.score(QStringLiteral("为什么又这样")).tone, -1.5);
        QCOMPARE(m_scorer.score(QStringLiteral("为什么这样")).tone, 0.0);
        QCOMPARE(m_scorer.score(QStringLiteral("为什么，又来了")).tone, 0.0);
        QCOMPARE(m_scorer.score(QStringLiteral("为什么要等七八九天才又")).tone, 0.0); // too far
    }

    void praiseDoesNotCancelAProblem()
    {
        // No contrast word: the problem stands (politeness or sarcasm).
        QCOMPARE(m_scorer.score(QStringLiteral("满意，太差")).tone, -2.0);
        // Below the threshold the praise still counts.
        QCOMPARE(m_scorer.score(QStringLiteral("满意，差")).tone, 1.0);
    }

    void rhetoricalQuestionKeepsTheComplaint()
    {
        // 不坏吗: asking "isn't it broken" means it is.
        QVERIFY(m_scorer.score(QStringLiteral("这能不坏吗")).tone < 0);
        QVERIFY(m_scorer.score(QStringLiteral("这个不坏")).tone > 0);
    }

    void longestWordWins()
    {
        QCOMPARE(m_scorer.score(QStringLiteral("差不多")).tone, 0.0);
        QCOMPARE(m_scorer.score(QStringLiteral("ＡＢＣ太差")).tone, -2.0);
    }

    void hugeAndStrangeInputIsBounded()
    {
        QString text;
        for (int i = 0; i < 20000; ++i)
            text += QStringLiteral("太差！");
        const ToneResult r = m_scorer.score(text);
        QCOMPARE(r.tone, -10.0); // clamped
        // A wall of degree words cannot overflow the sums into inf - inf = NaN.
        const QString intensifiers(100000, u'很');
        const ToneResult walls
            = m_scorer.score(intensifiers + QStringLiteral("满意，") + intensifiers + u'差');
        QVERIFY(std::isfinite(walls.tone));
        QVERIFY(walls.tone < 0);
        QString weird;
        weird += QChar(0xD800);
        weird += QChar(0);
        weird += QStringLiteral("\r\n\t😡");
        QCOMPARE(m_scorer.score(weird).tone, 0.0);
    }

    void lexiconErrorsSayTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("before section") << "差 -1"
                                        << "line 1:";
        QTest::newRow("bad weight") << "[negative]\n差 abc"
                                    << "line 2:";
        QTest::newRow("three fields") << "[negative]\n\n差 -1 2"
                                      << "line 3:";
        QTest::newRow("bad setting") << "[settings]\nx = y"
                                     << "line 2:";
        QTest::newRow("setting without =") << "[settings]\nx"
                                           << "line 2:";
    }
    void lexiconErrorsSayTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!Lexicon::parse(text, &message));
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void lexiconFormatDetails()
    {
        QString error;
        const std::optional<Lexicon> lexicon = Lexicon::parse(
            QStringLiteral(
                "\uFEFF# comment\n[negative]   # trailing\n[怒] -2\n[OK]\n  Ｘ\t-1  # c\n"),
            &error);
        QVERIFY2(lexicon, qPrintable(error));
        const QList<Lexicon::Entry> entries = lexicon->section(QStringLiteral("negative"));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].word, QStringLiteral("[怒]")); // a WeChat code, not a section
        QCOMPARE(entries[1].word, QStringLiteral("[ok]")); // folded
        QVERIFY(!entries[1].hasWeight);
        QCOMPARE(entries[2].word, QStringLiteral("x"));
        QCOMPARE(entries[2].weight, -1.0);
        QCOMPARE(entries[2].line, 5);
    }

    void builtInLexiconLoadsAndAnOverrideReplacesIt()
    {
        QTemporaryDir empty;
        QString error;
        const Lexicon builtIn
            = Lexicon::standard(QStringLiteral("tone_zh.txt"), empty.path(), &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(builtIn.source(), QStringLiteral(":/monitor/tone_zh.txt"));
        QVERIFY(builtIn.section(QStringLiteral("escalation")).size() > 10);
        QVERIFY(ToneScorer(builtIn).score(QStringLiteral("我要去12315投诉")).complaint);

        QTemporaryDir dir;
        QFile own(dir.filePath(QStringLiteral("tone_zh.txt")));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write("[negative]\n蓝色 -5\n");
        own.close();
        const Lexicon overridden
            = Lexicon::standard(QStringLiteral("tone_zh.txt"), dir.path(), &error);
        QCOMPARE(overridden.source(), own.fileName());
        const ToneScorer scorer(overridden);
        QCOMPARE(scorer.score(QStringLiteral("蓝色")).tone, -5.0);
        QCOMPARE(scorer.score(QStringLiteral("投诉")).tone, 0.0);

        // A broken override is reported and the built-in list is used.
        QVERIFY(own.open(QIODevice::WriteOnly | QIODevice::Truncate));
        own.write("蓝色 -5\n");
        own.close();
        const Lexicon fallback
            = Lexicon::standard(QStringLiteral("tone_zh.txt"), dir.path(), &error);
        QVERIFY(error.contains(QStringLiteral("line 1")));
        QCOMPARE(fallback.source(), QStringLiteral(":/monitor/tone_zh.txt"));
    }

    void emptyLexiconScoresZero()
    {
        const ToneScorer empty{Lexicon()};
        QCOMPARE(empty.score(QStringLiteral("垃圾，投诉！！！")).tone, 0.0);
    }

    void classifierCombinesAndIsSafeAcrossThreads()
    {
        QTemporaryDir empty;
        MessageClassifier classifier(
            Lexicon::standard(QStringLiteral("tone_zh.txt"), empty.path()),
            Lexicon::standard(QStringLiteral("question_zh.txt"), empty.path()));
        classifier.setRules(std::make_shared<const RuleSet>(QList<KeywordRule>{KeywordRule{
            QStringLiteral("r"), {}, Severity::High, {}, {QStringLiteral("发票")}, {}, true}}));
        const Classification c = classifier.classify(QStringLiteral("发票怎么还没开？我要投诉"));
        QVERIFY(c.complaint);
        QVERIFY(c.escalation);
        QVERIFY(c.question);
        QVERIFY(c.tone < 0);
        QVERIFY(c.keywords.contains(QStringLiteral("投诉")));
        QVERIFY(c.keywords.contains(QStringLiteral("发票")));
        QCOMPARE(c.rules.size(), 1);

        const QStringList texts{QStringLiteral("发票呢？"), QStringLiteral("太差了，投诉"),
                                QStringLiteral("谢谢，很满意")};
        QList<int> inputs(3000);
        std::iota(inputs.begin(), inputs.end(), 0);
        const QList<int> outcomes = QtConcurrent::blockingMapped(inputs, [&](int i) {
            if (i % 100 == 0) // swap the rules while others classify
                classifier.setRules(std::make_shared<const RuleSet>(
                    QList<KeywordRule>{KeywordRule{QStringLiteral("r"),
                                                   {},
                                                   Severity::High,
                                                   {},
                                                   {QStringLiteral("发票")},
                                                   {},
                                                   true}}));
            const Classification r = classifier.classify(texts[i % 3]);
            return int(r.complaint) * 4 + int(r.question) * 2 + int(r.rules.size());
        });
        for (int i = 0; i < outcomes.size(); ++i)
            QCOMPARE(outcomes[i], (QList<int>{3, 4, 0})[i % 3]);
    }
};

QTEST_GUILESS_MAIN(TestToneScorer)
#include "tst_tone_scorer.moc"
