// SqliteStatement: the writer's per-message statements bound straight into
// SQLite. What it binds is what Qt would have bound (a null QString is '',
// not NULL; numbers, blobs, NULL), its errors classify as Qt's do (a full
// file is DiskFull, a constraint is no storage fault), and a connection with
// its statements still alive is closed cleanly once they are gone.

#include "store/DatabaseAddress.h"
#include "store/SqliteStatement.h"
#include "store/StorageFault.h"
#include "store/Store.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase open(const QString &name)
    {
        QSqlDatabase db = DatabaseAddress::addConnection(m_dir.filePath(name + ".sqlite"), name);
        if (!db.open())
            qFatal("cannot open a test database");
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL,"
                              " n INTEGER, b BLOB, d REAL, UNIQUE (s))"));
        return db;
    }

private slots:
    void bindsWhatQtWouldBind()
    {
        {
            QSqlDatabase db = open(QStringLiteral("binds"));
            sqlite3 *handle = SqliteStatement::handleOf(db);
            QVERIFY(handle);
            SqliteStatement insert(handle,
                                   QStringLiteral("INSERT INTO t (s, n, b, d) VALUES (:p0, :p1, "
                                                  ":p2, :p3)"));
            QVERIFY(insert.isPrepared());

            const QString text = QStringLiteral("退款 <b>refund</b> 😀");
            insert.bind(0, text);
            insert.bind(1, qint64(1) << 40);
            insert.bind(2, QVariant(QByteArray("\x00\x01\x02", 3)));
            insert.bind(3, QVariant(2.5));
            QVERIFY(insert.exec());
            QCOMPARE(insert.changes(), 1);
            const qint64 first = insert.lastInsertRowId();
            QVERIFY(first > 0);

            // A null QString is '' (the column is NOT NULL); an invalid
            // QVariant is NULL.
            insert.bind(0, QString());
            insert.bind(1, QVariant());
            QVERIFY(insert.exec());
            QCOMPARE(insert.lastInsertRowId(), first + 1);

            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT s, n, b, d, typeof(n), typeof(b) FROM t"
                                          " ORDER BY id")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), text);
            QCOMPARE(q.value(1).toLongLong(), qint64(1) << 40);
            QCOMPARE(q.value(2).toByteArray(), QByteArray("\x00\x01\x02", 3));
            QCOMPARE(q.value(3).toDouble(), 2.5);
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QString(""));
            QVERIFY(!q.value(0).isNull());
            QCOMPARE(q.value(4).toString(), QStringLiteral("null"));
            // Values of an earlier exec are not kept: b and d were not bound.
            QCOMPARE(q.value(5).toString(), QStringLiteral("null"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("binds"));
    }

    void errorsClassifyAsQtsDo()
    {
        {
            QSqlDatabase db = open(QStringLiteral("errors"));
            SqliteStatement insert(SqliteStatement::handleOf(db),
                                   QStringLiteral("INSERT INTO t (s) VALUES (:p0)"));
            insert.bind(0, QStringLiteral("once"));
            QVERIFY(insert.exec());

            // A statement's own error: reported, no storage fault.
            insert.bind(0, QStringLiteral("once"));
            QVERIFY(!insert.exec());
            QCOMPARE(insert.changes(), 0);
            QCOMPARE(insert.lastError().nativeErrorCode(), QString::number(2067)); // UNIQUE
            QCOMPARE(StorageFaults::of(insert.lastError()), StorageFault::None);
            insert.bind(0, QStringLiteral("twice"));
            QVERIFY(insert.exec()); // usable again after an error
            QVERIFY(!insert.lastError().isValid());

            // The file cannot grow: SQLITE_FULL, a full disk to the writer.
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1")));
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            const QString big(4000, QLatin1Char('x'));
            bool failed = false;
            for (int i = 0; i < 50 && !failed; ++i) {
                const QString value = big + QString::number(i);
                insert.bind(0, value);
                failed = !insert.exec();
            }
            QVERIFY(failed);
            QCOMPARE(StorageFaults::of(insert.lastError()), StorageFault::DiskFull);
            q.exec(QStringLiteral("ROLLBACK"));

            // A statement that cannot be prepared says why and runs nothing.
            SqliteStatement broken(SqliteStatement::handleOf(db),
                                   QStringLiteral("INSERT INTO missing VALUES (1)"));
            QVERIFY(!broken.isPrepared());
            QVERIFY(broken.lastError().databaseText().contains(QLatin1String("missing")));
            QVERIFY(!broken.exec());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("errors"));
    }

    void onlyForOpenSqliteConnections()
    {
        QSqlDatabase closed
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("closed"));
        QVERIFY(!SqliteStatement::handleOf(closed));
        SqliteStatement none(nullptr, QStringLiteral("SELECT 1"));
        QVERIFY(!none.isPrepared());
        QVERIFY(!none.exec());
        closed = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("closed"));
    }

    void theWritersFileClosesCleanly()
    {
        // The writer keeps its statements prepared across batches; closing
        // the store finalizes them first, or SQLite could not close the file
        // (its write-ahead log would stay behind, unmerged).
        const QString path = m_dir.filePath(QStringLiteral("store.sqlite"));
        {
            Store store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QVector<Message> batch;
            for (int i = 0; i < 50; ++i) {
                Message m;
                m.accountId = QStringLiteral("acc");
                m.id = QStringLiteral("m%1").arg(i);
                m.roomId = QStringLiteral("r%1@chatroom").arg(i % 3);
                m.talkerId = QStringLiteral("wxid_%1").arg(i % 5);
                m.kind = MessageKind::Text;
                m.text = QStringLiteral("发票 %1").arg(i);
                m.timestampMs = 1700000000000 + i;
                batch.append(m);
            }
            store.insertMessages(batch);
            store.flush();
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QSqlDatabase db = DatabaseAddress::addConnection(path, QStringLiteral("check"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM messages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 50);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM message_index"
                                      " WHERE message_index MATCH '\"发票\"'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 50);
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlite_statement.moc"
