// Schema migrations: an older database is upgraded with its data intact and
// searchable; a newer one is refused and left byte for byte as it was.

#include "store/Schema.h"
#include "store/SearchTokenizer.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs fn on a plain connection to `path`, then closes it.
template<typename Fn> void withConnection(const QString &path, Fn fn)
{
    const QString name = QStringLiteral("migration-test");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        fn(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + " in " + sql));
}

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

private slots:
    void currentVersionMatchesTheMigrationList()
    {
        QCOMPARE(Schema::latestVersion(), Store::kSchemaVersion);
        QVERIFY(Store::kSchemaVersion >= 2); // so v1 -> current is a real migration
    }

    void versionOneDatabaseIsMigratedWithDataIntactAndSearchable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("v1.db");
        withConnection(path, [](QSqlDatabase &db) {
            QString error;
            QVERIFY2(Schema::migrate(db, &error, 1), qPrintable(error));
            QCOMPARE(Schema::userVersion(db), 1);
            exec(db, "INSERT INTO accounts (id, display_name) VALUES ('acc', '老客服号')");
            exec(db,
                 "INSERT INTO rooms (account_id, id, topic, member_ids)"
                 " VALUES ('acc', 'r1@chatroom', '售后群', 'a b c')");
            const QStringList texts
                = {"我要退款，什么时候到账", "发票开好了吗", "退款已经到账了，谢谢",
                   "VIP客户投诉物流太慢", "hello world"};
            for (int i = 0; i < texts.size(); ++i) {
                exec(db,
                     QStringLiteral("INSERT INTO messages (account_id, msg_id, conversation_id,"
                                    " room_id, talker_id, kind, text, ts_ms)"
                                    " VALUES ('acc', 'old-%1', 'r1@chatroom', 'r1@chatroom',"
                                    " 'wxid_c', 7, '%2', %3)")
                         .arg(i)
                         .arg(texts[i])
                         .arg(1000 + i));
            }
            exec(db,
                 "INSERT INTO conversations (account_id, conversation_id, last_ms, last_rowid,"
                 " last_preview, unread) VALUES ('acc', 'r1@chatroom', 1004, 5, 'hello world', 5)");
            exec(db,
                 "INSERT INTO outbox (account_id, conversation_id, text, state, created_ms)"
                 " VALUES ('acc', 'r1@chatroom', '处理中', 1, 900)");
        });

        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        auto reader = store.createReader();
        QCOMPARE(reader->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(reader->messageCount(), 5);
        QCOMPARE(reader->accounts().value(0).displayName, QStringLiteral("老客服号"));
        const QVector<RoomSummary> rooms = reader->roomSummaries("acc");
        QCOMPARE(rooms.size(), 1);
        QCOMPARE(rooms[0].unread, 5);
        QCOMPARE(rooms[0].memberCount, 3);
        // The v1 outbox row that was Sending became Unknown on open.
        QCOMPARE(OutboxRepository::rows(*reader, "acc", {OutboxState::Unknown}).size(), 1);

        // Old rows are in the new index (scanWindow 0: no fallback scan).
        SearchQuery q;
        q.text = "到账";
        q.scanWindow = 0;
        QVector<SearchHit> hits = reader->search(q);
        QCOMPARE(hits.size(), 2);
        QCOMPARE(hits[0].message.id, QStringLiteral("old-2")); // newest first
        QCOMPARE(hits[1].message.id, QStringLiteral("old-0"));
        q.text = "投诉";
        QCOMPARE(reader->search(q).size(), 1);

        // New rows are indexed alongside.
        Message m;
        m.accountId = "acc";
        m.id = "new-1";
        m.roomId = "r1@chatroom";
        m.kind = MessageKind::Text;
        m.text = "退款到账慢";
        m.timestampMs = 2000;
        store.insertMessages({m});
        store.flush();
        q.text = "到账";
        hits = reader->search(q);
        QCOMPARE(hits.size(), 3);
        QCOMPARE(hits[0].message.id, QStringLiteral("new-1"));
    }

    void previousVersionIsMigratedKeepingItsSearchIndex()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("previous.db");
        const int previous = Store::kSchemaVersion - 1;
        withConnection(path, [&](QSqlDatabase &db) {
            QString error;
            QVERIFY2(Schema::migrate(db, &error, previous), qPrintable(error));
            QCOMPARE(Schema::userVersion(db), previous);
            exec(db,
                 "INSERT INTO messages (id, account_id, msg_id, conversation_id, room_id, kind, "
                 "text, ts_ms)"
                 " VALUES (1, 'acc', 'p1', 'r1@chatroom', 'r1@chatroom', 7, '发票抬头写错了', "
                 "1000)");
            exec(db,
                 QStringLiteral("INSERT INTO message_index (rowid, body) VALUES (1, '%1')")
                     .arg(SearchTokenizer::indexText(u"发票抬头写错了")));
        });
        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        store.addTag(TagTarget::Room, "acc", "r1@chatroom", "售后");
        store.flush();
        auto reader = store.createReader();
        QCOMPARE(reader->schemaVersion(), Store::kSchemaVersion);
        QCOMPARE(reader->roomsWithTag("acc", "售后"), QStringList({"r1@chatroom"}));
        SearchQuery q;
        q.text = "抬头";
        q.scanWindow = 0;
        QCOMPARE(reader->search(q).size(), 1);
    }

    void newerDatabaseIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("future.db");
        withConnection(path, [](QSqlDatabase &db) {
            exec(db, "CREATE TABLE future_things (id INTEGER PRIMARY KEY, x TEXT)");
            exec(db, "INSERT INTO future_things (x) VALUES ('keep me')");
            exec(db, "PRAGMA user_version = 999");
        });
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        Store store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY(!store.isOpen());
        QVERIFY2(error.contains("999") && error.contains("newer version"), qPrintable(error));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + "-wal"));
        QVERIFY(!QFile::exists(path + "-shm"));

        // Writes on the refused store go nowhere and do not crash.
        store.insertMessages({Message()});
        store.flush();
        QCOMPARE(fileHash(path), before);
    }

    void notADatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.db");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const QByteArray before = fileHash(path);
        Store store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(fileHash(path), before);
    }

    void migratingTwiceIsHarmless()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("twice.db");
        {
            Store store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
        }
        withConnection(path, [](QSqlDatabase &db) {
            QString error;
            QVERIFY2(Schema::migrate(db, &error), qPrintable(error));
            QCOMPARE(Schema::userVersion(db), Store::kSchemaVersion);
        });
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
