// Issue 4, "what it must show" 2: in the demo (the in-process simulator
// logged in at once, chatting fast), searching 退款 through the archive
// search finds every stored message containing it, and only those: the ids
// from paging through StoreReader::search equal the ids from a brute-force
// scan of the messages table.

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

class TestDemoSearch : public QObject
{
    Q_OBJECT

private:
    // Every message id whose text contains `term`, straight from the table.
    // Repeats the store marked as duplicates (same sender and text again
    // within seconds, a new id: the fast demo's canned staff replies) are
    // kept out of feeds and search alike, so out of the reference too.
    static QSet<QString> scan(const QString &dbPath, const QString &term,
                              const QString &conversationId = {})
    {
        QSet<QString> ids;
        const QString name = QStringLiteral("demo-scan");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath);
            db.setConnectOptions(
                QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
            if (!db.open()) {
                qWarning() << db.lastError().text();
            } else {
                QSqlQuery q(db);
                q.prepare(
                    QStringLiteral("SELECT msg_id FROM messages WHERE instr(text, ?) > 0"
                                   " AND (? = '' OR conversation_id = ?) AND duplicate_of = ''"));
                q.addBindValue(term);
                // A null QString binds as NULL: bind the empty string instead.
                const QString scope
                    = conversationId.isEmpty() ? QStringLiteral("") : conversationId;
                q.addBindValue(scope);
                q.addBindValue(scope);
                if (!q.exec())
                    qWarning() << q.lastError().text();
                while (q.next())
                    ids.insert(q.value(0).toString());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ids;
    }

    // Every hit of `text`, page by page as the search panel's "load more" does.
    static QSet<QString> searchAll(StoreReader &reader, const QString &text, int *pages,
                                   const QString &accountId = {},
                                   const QString &conversationId = {})
    {
        QSet<QString> ids;
        SearchQuery query;
        query.text = text;
        query.accountId = accountId;
        query.conversationId = conversationId;
        query.limit = 25; // small pages: the paging itself is under test
        *pages = 0;
        for (;;) {
            const QVector<SearchHit> hits = reader.search(query);
            if (hits.isEmpty())
                break;
            ++*pages;
            for (const SearchHit &hit : hits) {
                if (ids.contains(hit.message.id))
                    qWarning() << "hit returned twice:" << hit.message.id;
                ids.insert(hit.message.id);
                if (hit.matches.isEmpty())
                    qWarning() << "hit without a highlighted match:" << hit.message.id;
            }
            query.beforeRowId = hits.last().message.rowId;
        }
        return ids;
    }

private slots:
    void searchingRefundFindsExactlyTheMessagesContainingIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(QStringLiteral("demo.db"));
        Store store;
        QString error;
        QVERIFY2(store.open(dbPath, &error), qPrintable(error));

        SimulatorOptions opt;
        opt.autoLogin = true;
        opt.rate = 300;
        opt.durationS = 4;
        opt.heartbeatS = 0;
        opt.roomEvents
            = false; // system lines would make the stored count differ from the emitted one
        Simulator sim(opt);
        QVERIFY2(sim.start(&error), qPrintable(error));

        Engine engine(&store);
        AccountInfo account;
        account.id = QStringLiteral("demo");
        account.displayName = QStringLiteral("演示账号");
        account.demo = true;
        account.endpoint = sim.address();
        GatewayEndpoint endpoint;
        endpoint.address = sim.address();
        engine.addAccount(account, endpoint);

        QTRY_VERIFY_WITH_TIMEOUT(engine.status(account.id).state == SessionState::Ready, 30000);
        std::unique_ptr<StoreReader> reader = store.createReader();
        // The traffic ends after durationS; then everything emitted is stored.
        qint64 lastEmitted = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                store.flush();
                const qint64 emitted
                    = sim.stats().value(QStringLiteral("messages_emitted")).toInteger();
                const bool settled = emitted == lastEmitted && emitted > 500
                    && reader->incomingMessageCount(account.id) >= emitted;
                lastEmitted = emitted;
                return settled;
            }(),
            60000);
        engine.shutdown();
        store.flush();

        const QString term = QStringLiteral("退款");
        const QSet<QString> expected = scan(dbPath, term);
        QVERIFY2(!expected.isEmpty(), "the demo traffic holds no 退款 at all");
        int pages = 0;
        const QSet<QString> found = searchAll(*reader, term, &pages);
        qInfo() << "messages:" << reader->messageCount() << "containing" << term << ":"
                << expected.size() << "found in" << pages << "pages";
        QVERIFY(pages > 1);
        QCOMPARE(found.size(), expected.size());
        QCOMPARE(found, expected);
        // In one group ("search in this group": a small room is scanned, not
        // looked up in the index) the same holds.
        const QString room = sim.roomIds().first();
        const QSet<QString> inRoom = scan(dbPath, term, room);
        QCOMPARE(searchAll(*reader, term, &pages, account.id, room), inRoom);
        QVERIFY(inRoom.size() < expected.size());
        // Nothing but the term: a neighbour like 退货 is not a hit of 退款.
        for (const Message &m : reader->messagesAfterRow(account.id, 0, 0, 0, 100000)) {
            if (found.contains(m.id))
                QVERIFY2(m.text.contains(term), qPrintable(m.text));
        }
        sim.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestDemoSearch)
#include "tst_demo_search.moc"
