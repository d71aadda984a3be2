// Writes that fail at runtime lose nothing: a batch whose commit fails (here
// SQLite's own SQLITE_FULL, from PRAGMA max_page_count: the file cannot grow,
// as on a full disk) is rolled back, kept and run again until it commits; the
// state says why and how many messages wait, and clears by itself once space
// returns. Past the congestion limit the store says so (sessions then keep
// only ids).

#include "store/Store.h"
#include "store/StoreReader.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

QVector<Message> makeMessages(int from, int count)
{
    QVector<Message> batch;
    for (int i = from; i < from + count; ++i) {
        Message m;
        m.accountId = QStringLiteral("acc");
        m.id = QStringLiteral("m%1").arg(i);
        m.roomId = QStringLiteral("room%1@chatroom").arg(i % 7);
        m.talkerId = QStringLiteral("wxid_%1").arg(i % 13);
        m.kind = MessageKind::Text;
        m.text = QStringLiteral("磁盘满了也不能丢消息 %1 ").arg(i).repeated(6);
        m.timestampMs = 1700000000000 + i;
        batch.append(m);
    }
    return batch;
}

qint64 storedCount(Store &store)
{
    auto reader = store.createReader();
    return reader->messageCount(QStringLiteral("acc"));
}

} // namespace

class TestStoreWriteFaults : public QObject
{
    Q_OBJECT

private slots:
    void fullDiskKeepsEveryMessageAndRecovers()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("g.sqlite")), &error), qPrintable(error));
        store.setCongestionLimit(1500);
        store.insertMessages(makeMessages(0, 200));
        store.flush();
        QCOMPARE(storedCount(store), 200);

        QSignalSpy states(&store, &Store::writeStateChanged);
        QSignalSpy stored(&store, &Store::messagesStored);
        store.setPageLimit(1); // no room to grow: every new page fails with SQLITE_FULL
        for (int i = 0; i < 20; ++i)
            store.insertMessages(makeMessages(200 + i * 100, 100));

        QTRY_VERIFY_WITH_TIMEOUT(store.writeState().fault == StorageFault::DiskFull, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(store.writeState().waitingMessages, qint64(2000), 5000);
        QVERIFY(store.isCongested()); // 2000 rows wait, the limit is 1500
        const StoreWriteState failing = store.writeState();
        QVERIFY2(failing.userText().contains(QStringLiteral("the disk is full")),
                 qPrintable(failing.userText()));
        QVERIFY2(failing.userText().contains(QStringLiteral("2,000"))
                     || failing.userText().contains(QStringLiteral("2000")),
                 qPrintable(failing.userText()));
        QVERIFY(failing.sinceMs > 0);
        QCOMPARE(storedCount(store), 200); // nothing committed meanwhile...
        QCOMPARE(stored.size(), 0); // ...and nothing announced as stored

        // Retries keep failing while the disk is full: still nothing dropped.
        QTest::qWait(1500);
        QCOMPARE(store.writeState().waitingMessages, qint64(2000));

        store.setPageLimit(0); // space returns
        QTRY_VERIFY_WITH_TIMEOUT(store.writeState().writing(), 10000);
        store.flush();
        QCOMPARE(storedCount(store), 2200);
        QCOMPARE(store.writeState().waitingMessages, qint64(0));
        QVERIFY(!store.isCongested());
        int announced = 0;
        for (const QList<QVariant> &args : stored)
            announced += int(args.at(0).value<QVector<Message>>().size());
        QCOMPARE(announced, 2000);

        // The state was published: failing (with the count), then writing again.
        bool sawFull = false;
        for (const QList<QVariant> &args : states) {
            const auto s = args.at(0).value<StoreWriteState>();
            if (s.fault == StorageFault::DiskFull && s.waitingMessages > 0)
                sawFull = true;
        }
        QVERIFY(sawFull);
        QTRY_VERIFY(!states.isEmpty()
                    && states.constLast().at(0).value<StoreWriteState>().writing());
    }

    void faultsAreToldFromCodesAndFromTexts()
    {
        auto err = [](const char *text, const QString &code) {
            return QSqlError(QStringLiteral("Unable to commit transaction"),
                             QString::fromLatin1(text), QSqlError::TransactionError, code);
        };
        QCOMPARE(StorageFaults::of(err("database or disk is full", QStringLiteral("13"))),
                 StorageFault::DiskFull);
        QCOMPARE(StorageFaults::of(err("disk I/O error", QStringLiteral("778"))), // IOERR_WRITE
                 StorageFault::IoError);
        QCOMPARE(
            StorageFaults::of(err("attempt to write a readonly database", QStringLiteral("8"))),
            StorageFault::ReadOnly);
        QCOMPARE(StorageFaults::of(err("database disk image is malformed", QStringLiteral("11"))),
                 StorageFault::Damaged);
        // Driver paths that drop the code keep SQLite's words.
        QCOMPARE(StorageFaults::of(err("database or disk is full", {})), StorageFault::DiskFull);
        // A statement's own error is not a storage fault: the batch goes on.
        QCOMPARE(StorageFaults::of(err("UNIQUE constraint failed: x.y", QStringLiteral("2067"))),
                 StorageFault::None);
        QCOMPARE(StorageFaults::of(QSqlError()), StorageFault::None);
    }

    void closingWhileFullSaysWhatIsLost()
    {
        // Shutting down with the disk still full ends (it does not hang) and
        // the rows that could not be kept are counted in the log.
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY(store.open(dir.filePath(QStringLiteral("g.sqlite")), &error));
        store.insertMessages(makeMessages(0, 50));
        store.flush();
        store.setPageLimit(1);
        store.insertMessages(makeMessages(50, 500));
        QTRY_VERIFY_WITH_TIMEOUT(!store.writeState().writing(), 5000);
        QTest::ignoreMessage(QtCriticalMsg,
                             QRegularExpression("stopping while the archive cannot write"));
        QElapsedTimer t;
        t.start();
        store.close();
        QVERIFY(t.elapsed() < 10000);
    }
};

QTEST_GUILESS_MAIN(TestStoreWriteFaults)
#include "tst_store_write_faults.moc"
