// DuplicateDetector: the same text from the same talker in the same
// conversation within the window under a new id is a duplicate of the first;
// anything that differs (talker, room, text, time, the bot itself, the same
// id again) is not. The store keeps a duplicate but out of the feed, the
// live signal and the unread count.
#include "engine/DuplicateDetector.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

namespace {

Message msg(const QString &id, const QString &room, const QString &talker, const QString &text,
            qint64 ts)
{
    Message m;
    m.accountId = QStringLiteral("acc");
    m.id = id;
    m.roomId = room;
    m.talkerId = talker;
    m.talkerName = talker;
    m.kind = MessageKind::Text;
    m.text = text;
    m.timestampMs = ts;
    return m;
}

} // namespace

class TestDuplicateDetector : public QObject
{
    Q_OBJECT
private slots:
    void sameTextSameTalkerSameRoomWithinWindowIsDuplicate()
    {
        DuplicateDetector d(5000);
        QCOMPARE(d.check(msg("1", "r@chatroom", "alice", "refund?", 1000)), QString());
        QCOMPARE(d.check(msg("2", "r@chatroom", "alice", "refund?", 4000)), QStringLiteral("1"));
        QCOMPARE(d.check(msg("3", "r@chatroom", "alice", "refund?", 5900)), QStringLiteral("1"));
        QCOMPARE(d.duplicatesFound(), 2);
    }

    void anyDifferenceIsNotDuplicate()
    {
        DuplicateDetector d(5000);
        QCOMPARE(d.check(msg("1", "r@chatroom", "alice", "refund?", 1000)), QString());
        QCOMPARE(d.check(msg("2", "r@chatroom", "bob", "refund?", 1100)),
                 QString()); // other talker
        QCOMPARE(d.check(msg("3", "s@chatroom", "alice", "refund?", 1200)),
                 QString()); // other room
        QCOMPARE(d.check(msg("4", "r@chatroom", "alice", "refund!", 1300)),
                 QString()); // other text
        QCOMPARE(d.check(msg("5", "r@chatroom", "alice", "refund?", 6001)), QString()); // too late
        QCOMPARE(d.check(msg("1", "r@chatroom", "alice", "refund?", 1000)),
                 QString()); // same id again
        Message own = msg("6", "r@chatroom", "bot", "hello", 1400);
        own.fromSelf = true;
        QCOMPARE(d.check(own), QString());
        own.id = QStringLiteral("7");
        QCOMPARE(d.check(own), QString()); // the bot may say the same thing twice
        QCOMPARE(d.duplicatesFound(), 0);
    }

    void windowZeroTurnsItOff()
    {
        DuplicateDetector d(0);
        QCOMPARE(d.check(msg("1", "r@chatroom", "alice", "hi", 1000)), QString());
        QCOMPARE(d.check(msg("2", "r@chatroom", "alice", "hi", 1000)), QString());
    }

    void memoryStaysBounded()
    {
        DuplicateDetector d(5000);
        for (int i = 0; i < 100000; ++i)
            d.check(msg(QString::number(i), "r@chatroom", "alice", QString::number(i),
                        qint64(i) * 100));
        QVERIFY2(d.remembered() < 200, qPrintable(QString::number(d.remembered())));
    }

    void storeKeepsDuplicateOutOfFeedAndUnread()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        const QString path = dir.filePath(QStringLiteral("d.db"));
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QSignalSpy stored(&store, &Store::messagesStored);
        Message first = msg("1", "r@chatroom", "alice", "refund?", 1000);
        Message again = msg("2", "r@chatroom", "alice", "refund?", 2000);
        again.duplicateOf = QStringLiteral("1");
        store.insertMessages({first, again});
        store.flush();
        QTRY_COMPARE(stored.size(), 1);
        QCOMPARE(stored.first().first().value<QVector<Message>>().size(), 1);

        auto reader = store.createReader();
        const QVector<Message> feed
            = reader->messagesBefore(QStringLiteral("acc"), QStringLiteral("r@chatroom"), {}, 50);
        QCOMPARE(feed.size(), 1);
        QCOMPARE(feed.first().id, QStringLiteral("1"));
        QCOMPARE(reader->messageCount(QStringLiteral("acc")), 2); // stored, marked

        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT unread FROM conversations WHERE conversation_id = 'r@chatroom'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QVERIFY(q.exec(QStringLiteral("SELECT duplicate_of FROM messages WHERE msg_id = '2'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("1"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }
};

QTEST_GUILESS_MAIN(TestDuplicateDetector)
#include "tst_duplicate_detector.moc"
