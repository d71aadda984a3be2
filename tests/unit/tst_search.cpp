// Archive search: the index answers exactly what a brute-force substring scan
// answers (Chinese 2/3/4-character terms, mixed scripts, emoji, FTS syntax),
// odd input never errors, filters and paging hold.

#include "store/SearchTokenizer.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "TestArchive.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::test::TestArchive;

namespace {

// Pieces the corpus is made of. Latin words are chosen so that no word
// contains another query word in its middle (the index matches latin words
// from their start; a scan matches anywhere).
const QStringList kPieces = {
    "我要退款",
    "退款到账了吗",
    "发票",
    "开发票",
    "投诉",
    "客服投诉电话",
    "物流太慢",
    "什么时候发货",
    "谢谢",
    "好的",
    "在吗",
    "到账",
    "款到了",
    "VIP客户",
    "vip",
    "Refund",
    "refund please",
    "order 12345",
    "订单12345",
    "👍",
    "😀退款",
    "👨‍👩‍👧",
    "价格多少",
    "price",
    "hello",
    "\"退款\"",
    "退款*",
    "(发票)",
    "a:b",
    "^_^",
    "-",
    "NEAR",
    "AND",
    "OR",
    "。",
    "，",
    "！",
    "？",
    "退",
    "款",
    "发",
    "票",
    "，退款，",
    "退款退款",
    "款款",
    "ok",
    "invoice",
    "まだですか",
    "환불",
};

struct Fixture
{
    QVector<Message> messages; // as stored, rowId set
};

bool isLatinWordChar(QChar c)
{
    return c.isLetterOrNumber() && c.script() != QChar::Script_Han
        && c.script() != QChar::Script_Hiragana && c.script() != QChar::Script_Katakana
        && c.script() != QChar::Script_Hangul;
}

QString randomText(QRandomGenerator &rng)
{
    const int n = rng.bounded(1, 6);
    QString s;
    for (int i = 0; i < n; ++i) {
        const QString &piece = kPieces.at(rng.bounded(kPieces.size()));
        // Latin words written together are one word: keep them apart, as
        // people do, so a word-start match and a substring match agree.
        const bool glued
            = !s.isEmpty() && isLatinWordChar(s.back()) && isLatinWordChar(piece.front());
        if (!s.isEmpty() && (glued || rng.bounded(3) == 0))
            s += QLatin1Char(' ');
        s += piece;
    }
    return s;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<StoreReader> m_reader;
    QVector<Message> m_corpus;

    QSet<qint64> bruteForce(const SearchQuery &q) const
    {
        const QStringList terms = q.text.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
        QSet<qint64> out;
        if (terms.isEmpty())
            return out;
        for (const Message &m : m_corpus) {
            if (!q.accountId.isEmpty() && m.accountId != q.accountId)
                continue;
            if (!q.conversationId.isEmpty() && m.conversationId() != q.conversationId)
                continue;
            if (!q.talkerId.isEmpty() && m.talkerId != q.talkerId)
                continue;
            if (q.fromMs > 0 && m.timestampMs < q.fromMs)
                continue;
            if (q.toMs > 0 && m.timestampMs > q.toMs)
                continue;
            if (!q.kinds.isEmpty() && !q.kinds.contains(m.kind))
                continue;
            bool all = true;
            for (const QString &t : terms)
                all = all && m.text.contains(t, Qt::CaseInsensitive);
            if (all)
                out.insert(m.rowId);
        }
        return out;
    }

    QVector<SearchHit> searchAll(SearchQuery q)
    {
        q.limit = 100000;
        return m_reader->search(q);
    }

    static QSet<qint64> rowIds(const QVector<SearchHit> &hits)
    {
        QSet<qint64> out;
        for (const SearchHit &h : hits)
            out.insert(h.message.rowId);
        return out;
    }

private slots:
    void initTestCase()
    {
        // Any SQL error (or other warning) during a search fails the test.
        QVERIFY(m_dir.isValid());
        QString error;
        const QString location = TestArchive::fresh(m_dir, QStringLiteral("search.db"), &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        QVERIFY2(m_store.open(location, &error), qPrintable(error));
        QRandomGenerator rng(20240601);
        QVector<Message> batch;
        const QStringList rooms = {"r1@chatroom", "r2@chatroom", "r3@chatroom", ""};
        for (int i = 0; i < 4000; ++i) {
            Message m;
            m.accountId = i % 7 == 0 ? "acc2" : "acc";
            m.id = QStringLiteral("m%1").arg(i);
            m.roomId = rooms.at(rng.bounded(rooms.size()));
            m.talkerId = rng.bounded(2) ? "wxid_a" : "wxid_b";
            m.listenerId = m.roomId.isEmpty() ? "me" : QString();
            m.kind = rng.bounded(5) == 0 ? MessageKind::Url : MessageKind::Text;
            m.text = randomText(rng);
            m.timestampMs = 1'700'000'000'000 + i * 1000;
            batch.append(m);
        }
        QObject::connect(
            &m_store, &Store::messagesStored, this,
            [this](const QVector<Message> &stored) { m_corpus += stored; }, Qt::DirectConnection);
        m_store.insertMessages(batch);
        m_store.flush();
        QCOMPARE(m_corpus.size(), 4000);
        m_reader = m_store.createReader();
    }

    void init() { QTest::failOnWarning(QRegularExpression(".*")); }

    void indexAnswersLikeABruteForceScan_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fromIndex");
        // 2, 3, 4 Chinese characters, also across the corpus' piece borders.
        QTest::newRow("退款") << "退款" << true;
        QTest::newRow("发票") << "发票" << true;
        QTest::newRow("投诉") << "投诉" << true;
        QTest::newRow("到账") << "到账" << true;
        QTest::newRow("款到") << "款到" << true;
        QTest::newRow("款款") << "款款" << true;
        QTest::newRow("退款到") << "退款到" << true;
        QTest::newRow("开发票") << "开发票" << true;
        QTest::newRow("退款到账") << "退款到账" << true;
        QTest::newRow("要退款发") << "要退款发" << true;
        QTest::newRow("退款退款") << "退款退款" << true;
        QTest::newRow("five tokens") << "退款到账了吗" << true;
        QTest::newRow("five tokens, two pieces") << "什么时候发货" << true;
        QTest::newRow("two terms") << "退款 发票" << true;
        QTest::newRow("term with punctuation") << "退款，" << true;
        QTest::newRow("punctuation inside") << "，退款，" << true;
        QTest::newRow("single char then punct") << "款，" << true;
        QTest::newRow("japanese") << "まだ" << true;
        QTest::newRow("korean") << "환불" << true;
        // Mixed scripts.
        QTest::newRow("VIP客户") << "VIP客户" << true;
        QTest::newRow("vip客") << "vip客" << true;
        QTest::newRow("vip") << "vip" << true;
        QTest::newRow("Refund") << "Refund" << true;
        QTest::newRow("REFUND please") << "REFUND please" << true;
        QTest::newRow("ref") << "ref" << true;
        QTest::newRow("订单12345") << "订单12345" << true;
        QTest::newRow("order 123") << "order 123" << true;
        QTest::newRow("单1") << "单1" << true;
        // Emoji.
        QTest::newRow("thumbs") << "👍" << true;
        QTest::newRow("emoji+cjk") << "😀退款" << true;
        QTest::newRow("zwj family") << "👨‍👩‍👧" << true;
        QTest::newRow("emoji and word") << "👍 发票" << true;
        // FTS syntax and quotes.
        QTest::newRow("quoted") << "\"退款\"" << true;
        QTest::newRow("star") << "退款*" << true;
        QTest::newRow("parens") << "(发票)" << true;
        QTest::newRow("colon") << "a:b" << true;
        QTest::newRow("caret") << "^退款" << true;
        QTest::newRow("minus") << "-退款" << true;
        QTest::newRow("OR") << "退款 OR 发票" << true;
        QTest::newRow("AND") << "AND" << true;
        QTest::newRow("NEAR(") << "NEAR(退款 发票)" << true;
        QTest::newRow("unbalanced quote") << "\"退款" << true;
        QTest::newRow("single quote") << "退款'" << true;
        // Not from the index: single characters and punctuation only.
        QTest::newRow("one char 退") << "退" << false;
        QTest::newRow("one char 款") << "款" << false;
        QTest::newRow("one latin char") << "a" << false;
        QTest::newRow("star only") << "*" << false;
        QTest::newRow("quote only") << "\"" << false;
        QTest::newRow("punct only") << "^_^" << false;
        QTest::newRow("full stop") << "。" << false;
        QTest::newRow("one char and punct") << "退 ：" << false;
        QTest::newRow("absent") << "不存在的词" << true;
    }

    void indexAnswersLikeABruteForceScan()
    {
        QFETCH(QString, text);
        QFETCH(bool, fromIndex);
        QCOMPARE(StoreReader::searchUsesIndex(text), fromIndex);
        SearchQuery q;
        q.text = text;
        // Index queries get no scan window: they must not fall back to a scan.
        q.scanWindow = fromIndex ? 0 : 1'000'000;
        const QVector<SearchHit> hits = searchAll(q);
        const QSet<qint64> expected = bruteForce(q);
        QCOMPARE(hits.size(), expected.size());
        QCOMPARE(rowIds(hits), expected);
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY(hits[i - 1].message.rowId > hits[i].message.rowId); // newest first
        for (const SearchHit &h : hits) {
            QVERIFY(!h.matches.isEmpty());
            for (const auto &[start, length] : h.matches) {
                const QString found = h.message.text.mid(start, length);
                bool isTerm = false;
                for (const QString &t : text.split(' ', Qt::SkipEmptyParts))
                    isTerm = isTerm || found.compare(t, Qt::CaseInsensitive) == 0;
                QVERIFY2(isTerm, qPrintable(found));
            }
        }
        if (text == "退款" || text == "发票")
            QVERIFY(hits.size() > 100); // the corpus really contains them
    }

    void oddQueriesNeverError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << "    \t  ";
        QTest::newRow("10000 chinese") << QString("退款到账").repeated(2500);
        QTest::newRow("10000 latin words") << QString("ab ").repeated(3334);
        QTest::newRow("10000 mixed") << QString("退a\"*( ").repeated(1429);
        QTest::newRow("emoji only") << "😀😀👍";
        QTest::newRow("fts operators") << "AND OR NOT NEAR ( ) * ^ : \" - +";
        QTest::newRow("column filter") << "body:退款";
        QTest::newRow("braces") << "{body} : 退款";
        QTest::newRow("control chars") << QString("退款") + QChar(0) + QChar(7) + "发票";
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + "退款";
        QTest::newRow("sql quote") << "'; DROP TABLE messages; --";
    }

    void oddQueriesNeverError()
    {
        QFETCH(QString, text);
        SearchQuery q;
        q.text = text;
        const QVector<SearchHit> hits = searchAll(q);
        // Whatever comes back really contains every term.
        const QStringList terms = text.split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
        for (const SearchHit &h : hits) {
            for (const QString &t : terms)
                QVERIFY(h.message.text.contains(t, Qt::CaseInsensitive));
        }
        if (terms.isEmpty())
            QVERIFY(hits.isEmpty());
        QCOMPARE(m_reader->messageCount(), 4000); // and the table is still there
    }

    void filtersNarrowLikeTheScan_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("conversation");
        QTest::addColumn<QString>("talker");
        QTest::addColumn<qint64>("fromMs");
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<bool>("urlsOnly");
        const qint64 t0 = 1'700'000'000'000;
        QTest::newRow("account") << "acc2"
                                 << ""
                                 << "" << qint64(0) << qint64(0) << false;
        QTest::newRow("room") << "acc"
                              << "r2@chatroom"
                              << "" << qint64(0) << qint64(0) << false;
        QTest::newRow("direct chat") << "acc"
                                     << "wxid_a"
                                     << "" << qint64(0) << qint64(0) << false;
        QTest::newRow("talker") << ""
                                << ""
                                << "wxid_b" << qint64(0) << qint64(0) << false;
        QTest::newRow("date range") << ""
                                    << ""
                                    << "" << t0 + 1000'000 << t0 + 2000'000 << false;
        QTest::newRow("kind") << ""
                              << ""
                              << "" << qint64(0) << qint64(0) << true;
        QTest::newRow("all") << "acc"
                             << "r1@chatroom"
                             << "wxid_a" << t0 + 500'000 << t0 + 3500'000 << true;
    }

    void filtersNarrowLikeTheScan()
    {
        QFETCH(QString, account);
        QFETCH(QString, conversation);
        QFETCH(QString, talker);
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(bool, urlsOnly);
        for (const QString &text :
             {QStringLiteral("退款"), QStringLiteral("发票 好的"), QStringLiteral("款")}) {
            SearchQuery q;
            q.text = text;
            q.accountId = account;
            q.conversationId = conversation;
            q.talkerId = talker;
            q.fromMs = fromMs;
            q.toMs = toMs;
            if (urlsOnly)
                q.kinds = {MessageKind::Url};
            const QSet<qint64> expected = bruteForce(q);
            QCOMPARE(rowIds(searchAll(q)), expected);
        }
    }

    void emptyTextWithASenderListsEverythingTheyWrote()
    {
        // "Messages from this person": no text, a sender; newest first.
        SearchQuery q;
        q.accountId = "acc";
        q.talkerId = "wxid_a";
        const QVector<SearchHit> hits = searchAll(q);
        QSet<qint64> expected;
        for (const Message &m : m_corpus) {
            if (m.accountId == "acc" && m.talkerId == "wxid_a" && m.duplicateOf.isEmpty())
                expected.insert(m.rowId);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(rowIds(hits), expected);
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY(hits.at(i - 1).message.rowId > hits.at(i).message.rowId);
        // Without a sender (or an account) an empty text still finds nothing.
        q.talkerId.clear();
        QVERIFY(searchAll(q).isEmpty());
        q.talkerId = "wxid_a";
        q.accountId.clear();
        QVERIFY(searchAll(q).isEmpty());
    }

    void roomSearchAnswersLikeTheScanWhetherScannedOrIndexed_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::newRow("room scanned") << 1000000;
        QTest::newRow("index with room predicate") << 0;
    }

    void roomSearchAnswersLikeTheScanWhetherScannedOrIndexed()
    {
        QFETCH(int, threshold);
        const qint64 t0 = 1'700'000'000'000;
        for (const QString &room : {QStringLiteral("r1@chatroom"), QStringLiteral("wxid_b")}) {
            for (const QString &text :
                 {QStringLiteral("退款"), QStringLiteral("VIP 发票"), QStringLiteral("😀"),
                  QStringLiteral("refund"), QStringLiteral("\"退款\""), QStringLiteral("款到")}) {
                SearchQuery q;
                q.text = text;
                q.accountId = "acc";
                q.conversationId = room;
                q.roomScanThreshold = threshold;
                const QSet<qint64> expected = bruteForce(q);
                QCOMPARE(rowIds(searchAll(q)), expected);
                // Narrowed further, and paged in small steps, newest first.
                q.talkerId = "wxid_a";
                q.fromMs = t0 + 400'000;
                q.toMs = t0 + 3'600'000;
                const QSet<qint64> narrowed = bruteForce(q);
                QSet<qint64> seen;
                qint64 previous = std::numeric_limits<qint64>::max();
                q.limit = 7;
                for (int guard = 0; guard < 1000; ++guard) {
                    const QVector<SearchHit> page = m_reader->search(q);
                    for (const SearchHit &h : page) {
                        QVERIFY(h.message.rowId < previous);
                        previous = h.message.rowId;
                        seen.insert(h.message.rowId);
                    }
                    if (page.size() < q.limit)
                        break;
                    q.beforeRowId = page.last().message.rowId;
                }
                QCOMPARE(seen, narrowed);
            }
        }
    }

    void roomSizeCheckIsBounded()
    {
        qint64 n = 0;
        for (const Message &m : m_corpus)
            n += m.accountId == "acc" && m.conversationId() == "r1@chatroom";
        QVERIFY(n > 10);
        QVERIFY(m_reader->conversationSizeAtMost("acc", "r1@chatroom", int(n)));
        QVERIFY(!m_reader->conversationSizeAtMost("acc", "r1@chatroom", int(n) - 1));
        QVERIFY(m_reader->conversationSizeAtMost("acc", "nobody@chatroom", 1));
    }

    void pagingWithCursorCoversEveryHitOnce()
    {
        SearchQuery q;
        q.text = "退款";
        const QSet<qint64> expected = bruteForce(q);
        QSet<qint64> seen;
        q.limit = 17;
        for (int guard = 0; guard < 1000; ++guard) {
            const QVector<SearchHit> page = m_reader->search(q);
            if (page.isEmpty())
                break;
            QVERIFY(page.size() <= 17);
            for (const SearchHit &h : page) {
                QVERIFY(!seen.contains(h.message.rowId));
                seen.insert(h.message.rowId);
            }
            q.beforeRowId = page.last().message.rowId;
        }
        QCOMPARE(seen, expected);
    }

    void singleCharacterSearchIsBoundedToTheNewestMessages()
    {
        SearchQuery q;
        q.text = "退";
        q.scanWindow = 500;
        const QVector<SearchHit> hits = searchAll(q);
        QVERIFY(!hits.isEmpty());
        const qint64 newest = m_corpus.last().rowId;
        for (const SearchHit &h : hits)
            QVERIFY(h.message.rowId > newest - 500);
        QVERIFY(hits.size() < bruteForce(q).size());
    }

    void latinWordsMatchFromTheirStart()
    {
        SearchQuery q;
        q.text = "fund";
        QVERIFY(searchAll(q).isEmpty()); // "refund" is not found by its middle
        q.text = "REF";
        QVERIFY(!searchAll(q).isEmpty());
    }

    void tokenizerStoresBigramsAndTheLastCharacter()
    {
        QCOMPARE(SearchTokenizer::indexText(u"退款到账"), QStringLiteral("退款 款到 到账 账"));
        QCOMPARE(SearchTokenizer::indexText(u"VIP客户，Hello!"),
                 QStringLiteral("vip 客户 户 hello"));
        QCOMPARE(SearchTokenizer::indexText(u"好👍"), QStringLiteral("好 emo1f44d"));
        QCOMPARE(SearchTokenizer::plan("退款到账").match, QStringLiteral("\"退款 款到 到账\""));
        QCOMPARE(SearchTokenizer::plan("vip").match, QStringLiteral("\"vip\"*"));
        QVERIFY(SearchTokenizer::plan("退").match.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
