// The search index on PostgreSQL (posting lists, schema 19) against SQLite's
// (FTS5) on the same archive: the same hits in the same order, archive-wide
// and in one room, with filters, for queries of one to six tokens, prefixes
// and words found nowhere. Test data loaded in bulk (PgBulkLoader) indexes
// exactly what the writer indexes; an archive from schema 18 (one tsvector
// per message) migrates to the same rows; the conversation key never
// changes (rows stored with it are looked up with it).

#include "PgBulkLoader.h"
#include "PgTestServer.h"
#include "store/SearchIndex.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::test::PgBulkLoader;
using gd::test::PgTestServer;

namespace {

const QStringList kPieces = {
    "我要退款",    "退款到账了吗", "什么时候发货", "开发票",  "客服投诉电话",
    "物流太慢",    "谢谢",         "好的",         "VIP客户", "refund please",
    "Refunds",     "order 12345",  "订单12345",    "👍",       "😀退款",
    "，退款，",    "退款退款",     "款款",         "price",   "\"quoted\" {braces}",
    "back\\slash", "a,b",          "まだですか",   "환불",    "售后服务",
};

QString randomText(QRandomGenerator &rng)
{
    const int n = int(rng.bounded(1, 5));
    QString s;
    for (int i = 0; i < n; ++i) {
        if (!s.isEmpty())
            s += rng.bounded(2) ? QStringLiteral(" ") : QString();
        s += kPieces.at(int(rng.bounded(kPieces.size())));
    }
    return s;
}

QVector<Message> corpus()
{
    QRandomGenerator rng(20261202);
    const QStringList rooms = {"big@chatroom", "r1@chatroom", "r2@chatroom", ""};
    QVector<Message> out;
    for (int i = 0; i < 3000; ++i) {
        Message m;
        m.accountId = i % 9 == 0 ? "acc2" : "acc";
        m.id = QStringLiteral("m%1").arg(i);
        // Half the archive in one room: the room search walks its own postings.
        m.roomId = rng.bounded(2) ? rooms.first() : rooms.at(int(rng.bounded(rooms.size())));
        m.talkerId = rng.bounded(3) ? "wxid_a" : "wxid_b";
        m.listenerId = m.roomId.isEmpty() ? "me" : QString();
        m.kind = rng.bounded(6) == 0 ? MessageKind::Url : MessageKind::Text;
        m.text = i % 97 == 0 ? QString() : randomText(rng);
        m.timestampMs = 1'700'000'000'000 + i * 1000;
        out.append(m);
    }
    // A repeat is kept out of the index.
    out[10].duplicateOf = out[9].id;
    return out;
}

QVector<qint64> rowIds(const QVector<SearchHit> &hits)
{
    QVector<qint64> out;
    for (const SearchHit &h : hits)
        out.append(h.message.rowId);
    return out;
}

// message_tokens, every row, in one order.
QStringList postings(const QSqlDatabase &db)
{
    QStringList out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT token, conversation_key, id FROM message_tokens"
                               " ORDER BY token, id")))
        return {QStringLiteral("query failed")};
    while (q.next())
        out.append(QStringLiteral("%1|%2|%3")
                       .arg(q.value(0).toString())
                       .arg(q.value(1).toLongLong())
                       .arg(q.value(2).toLongLong()));
    return out;
}

} // namespace

class TestSearchPostgres : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    QTemporaryDir m_dir;
    Store m_lite;
    Store m_pg;
    QString m_pgName;
    std::unique_ptr<StoreReader> m_liteReader;
    std::unique_ptr<StoreReader> m_pgReader;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_pgName = m_server.createFreshDatabase(&error);
        QVERIFY2(!m_pgName.isEmpty(), qPrintable(error));
        QVERIFY2(m_pg.open(m_server.url(m_pgName), &error), qPrintable(error));
        QVERIFY2(m_lite.open(m_dir.filePath(QStringLiteral("same.db")), &error), qPrintable(error));
        const QVector<Message> messages = corpus();
        for (Store *store : {&m_lite, &m_pg}) {
            store->insertMessages(messages);
            store->flush();
        }
        QVERIFY2(m_server.exec(m_pgName, QStringLiteral("VACUUM ANALYZE"), &error),
                 qPrintable(error));
        m_liteReader = m_lite.createReader();
        m_pgReader = m_pg.createReader();
        QCOMPARE(m_pgReader->messageCount(), 3000);
    }

    void sameHitsAsSqliteInTheSameOrder_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("two characters") << "退款";
        QTest::newRow("three") << "开发票";
        QTest::newRow("six, more tokens than are joined") << "什么时候发货";
        QTest::newRow("across pieces") << "款到";
        QTest::newRow("two terms") << "退款 发票";
        QTest::newRow("end of a run") << "款，";
        QTest::newRow("latin prefix") << "ref";
        QTest::newRow("latin word then prefix") << "refund pl";
        QTest::newRow("latin and cjk") << "vip客";
        QTest::newRow("number prefix") << "123";
        QTest::newRow("emoji") << "👍";
        QTest::newRow("one letter before a sign") << "a%";
        QTest::newRow("quotes and braces") << "\"quoted\" {braces}";
        QTest::newRow("backslash") << "back\\slash";
        QTest::newRow("nowhere") << "不存在的词";
        QTest::newRow("each token somewhere, never together") << "退款物流";
        QTest::newRow("japanese") << "まだ";
    }

    void sameHitsAsSqliteInTheSameOrder()
    {
        QFETCH(QString, text);
        struct Scope
        {
            QString account, conversation, talker;
            qint64 fromMs = 0;
            bool urls = false;
        };
        const QVector<Scope> scopes = {
            {},
            {"acc", {}, {}, 0, false},
            {"acc", "big@chatroom", {}, 0, false},
            {"acc", "r1@chatroom", "wxid_b", 1'700'000'500'000, false},
            {"acc", "wxid_a", {}, 0, false},
            {"acc2", "big@chatroom", "wxid_a", 0, true},
        };
        for (const Scope &scope : scopes) {
            SearchQuery q;
            q.text = text;
            q.accountId = scope.account;
            q.conversationId = scope.conversation;
            q.talkerId = scope.talker;
            q.fromMs = scope.fromMs;
            if (scope.urls)
                q.kinds = {MessageKind::Url};
            q.roomScanThreshold = 0; // the index, not the room's rows
            q.limit = 7; // pages: the cursor on every posting list
            QVector<qint64> lite, pg;
            for (int guard = 0; guard < 1000; ++guard) {
                const QVector<qint64> page = rowIds(m_liteReader->search(q));
                lite += page;
                if (page.size() < q.limit)
                    break;
                q.beforeRowId = page.last();
            }
            q.beforeRowId = 0;
            for (int guard = 0; guard < 1000; ++guard) {
                const QVector<qint64> page = rowIds(m_pgReader->search(q));
                pg += page;
                if (page.size() < q.limit)
                    break;
                q.beforeRowId = page.last();
            }
            QCOMPARE(pg, lite);
        }
        if (text == QLatin1String("退款") || text == QLatin1String("ref")) {
            SearchQuery q;
            q.text = text;
            QVERIFY(m_pgReader->search(q).size() > 20); // really there
        }
    }

    void bulkLoadedIndexIsTheWritersIndex()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store bulk;
        QVERIFY2(bulk.open(m_server.url(name), &error), qPrintable(error));
        QVector<Message> messages = corpus();
        QVERIFY2(PgBulkLoader::append(m_server, name, &messages, &error), qPrintable(error));
        QCOMPARE(messages.last().rowId, qint64(3000));
        const auto reader = bulk.createReader();
        const QStringList loaded = postings(reader->database());
        QVERIFY(loaded.size() > 10000);
        QCOMPARE(loaded, postings(m_pgReader->database()));
        // The writer numbers its rows after the loaded ones.
        Message next = messages.at(1); // (the first has no text)
        next.id = QStringLiteral("after");
        bulk.insertMessages({next});
        bulk.flush();
        QCOMPARE(reader->messageCount(), 3001);
        SearchQuery q;
        q.text = next.text;
        const QVector<SearchHit> hits = reader->search(q);
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().message.rowId, qint64(3001));
    }

    void archiveFromSchema18MovesItsIndexToPostings()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        QStringList expected;
        {
            Store store;
            QVERIFY2(store.open(m_server.url(name), &error), qPrintable(error));
            store.insertMessages(corpus());
            store.flush();
            expected = postings(store.createReader()->database());
        }
        // Back to version 18 as its writer left it: one tsvector a message
        // (and the statistics tables keyed by time, as before version 20).
        const QString back = QStringLiteral(
            "ALTER TABLE stats_hourly DROP CONSTRAINT stats_hourly_pkey,"
            " ADD PRIMARY KEY (hour, account_id, room_id);"
            " CREATE INDEX stats_hourly_by_room ON stats_hourly (account_id, room_id, hour);"
            " ALTER TABLE stats_customer_days DROP CONSTRAINT stats_customer_days_pkey,"
            " ADD PRIMARY KEY (day, account_id, room_id, customer_id);"
            " CREATE INDEX stats_customer_days_by_room ON stats_customer_days"
            " (account_id, room_id, day, customer_id, messages);"
            " DROP TABLE message_tokens; DROP FUNCTION gd_conversation_key(TEXT, TEXT);"
            " CREATE TABLE message_index (id BIGINT PRIMARY KEY, tokens TSVECTOR NOT NULL);"
            " CREATE INDEX message_index_tokens ON message_index USING GIN (tokens);"
            " UPDATE gd_schema_version SET version = 18");
        QVERIFY2(m_server.exec(name, back, &error), qPrintable(error));
        QStringList rows;
        for (const Message &m : corpus()) {
            if (m.text.isEmpty() || !m.duplicateOf.isEmpty())
                continue;
            QString tokens = SearchIndex::postgresBigrams().indexedText(m.text);
            tokens.replace(QLatin1Char('\''), QLatin1String("''"));
            rows << QStringLiteral("((SELECT id FROM messages WHERE msg_id = '%1'),"
                                   " array_to_tsvector(string_to_array('%2', ' ')))")
                        .arg(m.id, tokens);
        }
        QVERIFY2(m_server.exec(name,
                               QStringLiteral("INSERT INTO message_index (id, tokens) VALUES ")
                                   + rows.join(QLatin1Char(',')),
                               &error),
                 qPrintable(error));

        Store store;
        QVERIFY2(store.open(m_server.url(name), &error), qPrintable(error));
        const auto reader = store.createReader();
        QCOMPARE(reader->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(postings(reader->database()), expected);
        QSqlQuery q(reader->database());
        QVERIFY(q.exec(QStringLiteral("SELECT to_regclass('message_index') IS NULL")) && q.next());
        QVERIFY(q.value(0).toBool());
    }

    void conversationKeyNeverChanges()
    {
        // Stored keys are compared with keys computed at search time: a
        // different function would silently hide every room's hits.
        QSqlQuery q(m_pgReader->database());
        QVERIFY(q.exec(QStringLiteral("SELECT gd_conversation_key('bench', '100000@chatroom'),"
                                      " gd_conversation_key('acc', '客户群@chatroom')")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), -949224333LL);
        QCOMPARE(q.value(1).toLongLong(), 729136112LL);
    }
};

QTEST_GUILESS_MAIN(TestSearchPostgres)
#include "tst_search_postgres.moc"
