// Live updates between programs sharing one PostgreSQL archive (issue 18):
// what one store commits reaches every other store on the database as the
// same signals its own writes give (messagesStored, outboxChanged), within
// a second, exactly once; its own writes are not announced twice; a row
// whose transaction commits after a newer row's is not skipped; a server
// restart in between loses nothing. On a real throw-away PostgreSQL 15.

#include "PgTestServer.h"
#include "monitor/AlertMonitor.h"
#include "monitor/AlertRepository.h"
#include "monitor/Clock.h"
#include "monitor/MessageSignals.h"
#include "outbox/OutboxRepository.h"
#include "store/ChangeListener.h"
#include "store/PresenceBoard.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;
using gd::test::PgTestServer;

namespace {

QVector<Message> messages(const QString &prefix, int count)
{
    QVector<Message> out;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        Message m;
        m.accountId = QStringLiteral("acc");
        m.id = QStringLiteral("%1-%2").arg(prefix).arg(i);
        m.roomId = QStringLiteral("r%1@chatroom").arg(i % 3);
        m.talkerId = QStringLiteral("wxid_c%1").arg(i % 7);
        m.talkerName = QStringLiteral("顾客%1").arg(i % 7);
        m.text = QStringLiteral("第%1条 %2").arg(i).arg(prefix);
        m.timestampMs = now + i;
        out.append(m);
    }
    return out;
}

// Every message id the spy saw, counting repeats.
QMap<QString, int> seenIds(const QSignalSpy &spy)
{
    QMap<QString, int> ids;
    for (const QList<QVariant> &args : spy) {
        for (const Message &m : args.at(0).value<QVector<Message>>())
            ++ids[m.id];
    }
    return ids;
}

bool allOnce(const QMap<QString, int> &seen, const QString &prefix, int count)
{
    for (int i = 0; i < count; ++i) {
        if (seen.value(QStringLiteral("%1-%2").arg(prefix).arg(i)) != 1)
            return false;
    }
    return true;
}

// A complaint says 投诉 (the classifier has its own tests).
class MarkerSignals : public MessageSignalSource
{
public:
    MessageSignals analyse(const QString &text) override
    {
        MessageSignals s;
        s.complaint = text.contains(QStringLiteral("投诉"));
        s.tone = s.complaint ? -2 : 0;
        if (s.complaint)
            s.keywords = {QStringLiteral("投诉")};
        return s;
    }
};

std::unique_ptr<AlertMonitor> startMonitor(Store &store, const Clock &clock)
{
    auto monitor = std::make_unique<AlertMonitor>(&store, &clock,
                                                  [] { return std::make_unique<MarkerSignals>(); });
    QSignalSpy loaded(monitor.get(), &AlertMonitor::alertsLoaded);
    monitor->start();
    if (!loaded.wait(5000))
        qWarning() << "the monitor did not load";
    return monitor;
}

} // namespace

class TestLiveUpdatesPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void otherStoresMessagesArriveWithinOneSecondOnce()
    {
        Store engine, console;
        QString error;
        QVERIFY2(openOnFreshDatabase({&engine, &console}, &error), qPrintable(error));
        QVERIFY(console.isShared());
        QSignalSpy atConsole(&console, &Store::messagesStored);
        QSignalSpy atEngine(&engine, &Store::messagesStored);

        QElapsedTimer sinceCommit;
        engine.insertMessages(messages(QStringLiteral("a"), 40));
        engine.flush();
        sinceCommit.start();
        QTRY_VERIFY_WITH_TIMEOUT(seenIds(atConsole).size() == 40, 1000);
        QVERIFY2(sinceCommit.elapsed() < 1000, qPrintable(QString::number(sinceCommit.elapsed())));
        QVERIFY(allOnce(seenIds(atConsole), QStringLiteral("a"), 40));
        const QVector<Message> first = atConsole.first().at(0).value<QVector<Message>>();
        QVERIFY(first.first().rowId > 0);
        QVERIFY(first.first().text.startsWith(QStringLiteral("第")));

        // The engine's own store announced its rows once, when it wrote
        // them: its listener leaves them out.
        QTest::qWait(2 * 300);
        QVERIFY(allOnce(seenIds(atEngine), QStringLiteral("a"), 40));
        QCOMPARE(seenIds(atEngine).size(), 40);
        // Nothing more comes to the console either (the safety catch-up
        // finds nothing new).
        QTest::qWait(ChangeListener::kSafetyCatchUpMs + 500);
        QCOMPARE(seenIds(atConsole).size(), 40);
        QVERIFY(allOnce(seenIds(atConsole), QStringLiteral("a"), 40));

        // And the other way round.
        console.insertMessages(messages(QStringLiteral("b"), 5));
        QTRY_VERIFY_WITH_TIMEOUT(allOnce(seenIds(atEngine), QStringLiteral("b"), 5), 2000);
        QVERIFY(allOnce(seenIds(atConsole), QStringLiteral("b"), 5));
    }

    void outboxChangesOfOtherStoresArrive()
    {
        Store engine, console;
        QString error;
        QVERIFY2(openOnFreshDatabase({&engine, &console}, &error), qPrintable(error));
        OutboxRepository::of(&engine); // follows the outbox from here on
        OutboxRepository::of(&console);
        QSignalSpy atEngine(&engine, &Store::outboxChanged);
        QSignalSpy atConsole(&console, &Store::outboxChanged);

        // A console queues a send: the engine hears of it.
        SendRequest request;
        request.accountId = QStringLiteral("acc");
        request.conversationId = QStringLiteral("r1@chatroom");
        request.text = QStringLiteral("稍等，马上给您查");
        const qint64 id = OutboxRepository::of(&console)->submit(request).result().id;
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(atEngine.size() >= 1, 1000);
        const OutboxEntry queued = atEngine.first().at(0).value<OutboxEntry>();
        QCOMPARE(queued.id, id);
        QCOMPARE(queued.state, OutboxState::Queued);
        QCOMPARE(queued.text, request.text);
        QCOMPARE(atConsole.size(), 1); // its own, once

        // The engine's state changes come back to the console.
        OutboxRepository::of(&engine)->update(id, OutboxState::Failed, QString(),
                                              QStringLiteral("blocked"));
        QTRY_VERIFY_WITH_TIMEOUT(atConsole.size() >= 2, 1000);
        const OutboxEntry failed = atConsole.last().at(0).value<OutboxEntry>();
        QCOMPARE(failed.id, id);
        QCOMPARE(failed.state, OutboxState::Failed);
    }

    void alertsAndTheirAssigneesAreSharedAndRaisedOnce()
    {
        Store engine, console;
        QString error;
        QVERIFY2(openOnFreshDatabase({&engine, &console}, &error), qPrintable(error));
        SystemClock clock;
        auto engineMonitor = startMonitor(engine, clock);
        auto consoleMonitor = startMonitor(console, clock);
        QSignalSpy raisedAtConsole(consoleMonitor.get(), &AlertMonitor::alertRaised);
        QSignalSpy changedAtEngine(engineMonitor.get(), &AlertMonitor::alertChanged);

        // The engine stores a complaint: its monitor raises the alert, the
        // console's shows it (and does not raise one of its own).
        Message complaint = messages(QStringLiteral("c"), 1).first();
        complaint.text = QStringLiteral("再不发货我就投诉");
        engine.insertMessages({complaint});
        QTRY_COMPARE_WITH_TIMEOUT(raisedAtConsole.size(), 1, 2000);
        const Alert raised = raisedAtConsole.first().at(0).value<Alert>();
        QCOMPARE(raised.excerpt, complaint.text);
        QCOMPARE(consoleMonitor->activeAlerts().size(), 1);

        // An agent at the console takes it: the engine's monitor (and every
        // other console) sees who has it.
        consoleMonitor->assign(raised.id, QStringLiteral("王芳"), QStringLiteral("wangfang"));
        QTRY_VERIFY_WITH_TIMEOUT(!changedAtEngine.isEmpty(), 1000);
        const Alert taken = changedAtEngine.last().at(0).value<Alert>();
        QCOMPARE(taken.id, raised.id);
        QCOMPARE(taken.assignedTo, QStringLiteral("王芳"));
        QCOMPARE(taken.state, AlertState::Acknowledged);
        QTRY_COMPARE_WITH_TIMEOUT(engineMonitor->activeAlerts().first().assignedTo,
                                  QStringLiteral("王芳"), 1000);
        // Still one alert in the archive: the console classified nothing.
        QTest::qWait(500);
        std::unique_ptr<StoreReader> reader = engine.createReader();
        QSqlDatabase db = reader->database();
        QCOMPARE(AlertRepository::search(db, QString(), true, 10).size(), 1);
        consoleMonitor->stop();
        engineMonitor->stop();
    }

    void everyConsoleSeesWhoIsTypingAnAnswer()
    {
        Store first, second;
        QString error;
        QVERIFY2(openOnFreshDatabase({&first, &second}, &error), qPrintable(error));
        PresenceBoard wang(&first, QStringLiteral("王芳"));
        PresenceBoard li(&second, QStringLiteral("李雷"));
        QSignalSpy atLi(&li, &PresenceBoard::changed);
        const auto others = [](PresenceBoard &board, const QString &conversation) -> QStringList {
            QStringList names;
            bool answered = false;
            board.othersTyping(QStringLiteral("acc"), conversation, &board,
                               [&](const QStringList &got) {
                                   names = got;
                                   answered = true;
                               });
            QElapsedTimer waited;
            waited.start();
            while (!answered && waited.elapsed() < 2000)
                QTest::qWait(10);
            return answered ? names : QStringList{QStringLiteral("(no answer)")};
        };

        wang.typing(QStringLiteral("acc"), QStringLiteral("r1@chatroom"));
        QTRY_VERIFY_WITH_TIMEOUT(!atLi.isEmpty(), 1000);
        QCOMPARE(atLi.last().at(1).toString(), QStringLiteral("r1@chatroom"));
        QCOMPARE(others(li, QStringLiteral("r1@chatroom")), QStringList{QStringLiteral("王芳")});
        QCOMPARE(others(li, QStringLiteral("r2@chatroom")), QStringList());
        QCOMPARE(others(wang, QStringLiteral("r1@chatroom")), QStringList()); // not oneself

        // Sent: the others hear that it stopped.
        atLi.clear();
        wang.stopped();
        QTRY_VERIFY_WITH_TIMEOUT(!atLi.isEmpty(), 1000);
        QCOMPARE(others(li, QStringLiteral("r1@chatroom")), QStringList());
    }

    void aRowCommittedAfterANewerOneIsNotSkipped()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store console;
        QVERIFY2(console.open(m_server.url(name), &error), qPrintable(error));
        QSignalSpy spy(&console, &Store::messagesStored);

        // Two other writers: the first takes the lower id and commits last.
        QSqlDatabase slow = plainConnection(name, QStringLiteral("slow"));
        QSqlDatabase fast = plainConnection(name, QStringLiteral("fast"));
        QVERIFY2(slow.isOpen(), qPrintable(slow.lastError().text()));
        QVERIFY2(fast.isOpen(), qPrintable(fast.lastError().text()));
        const QString insert = QStringLiteral(
            "INSERT INTO messages (account_id, msg_id, conversation_id, text, ts_ms)"
            " VALUES ('acc', '%1', 'r@chatroom', '%1', 1) RETURNING id");
        QSqlQuery s(slow), f(fast);
        QVERIFY(s.exec(QStringLiteral("BEGIN")));
        QVERIFY2(s.exec(insert.arg(QStringLiteral("older"))) && s.next(),
                 qPrintable(s.lastError().text()));
        const qint64 olderId = s.value(0).toLongLong();
        s.finish();
        QVERIFY2(f.exec(insert.arg(QStringLiteral("newer"))) && f.next(),
                 qPrintable(f.lastError().text()));
        QVERIFY(f.value(0).toLongLong() > olderId);
        f.finish();
        QTRY_VERIFY_WITH_TIMEOUT(seenIds(spy).contains(QStringLiteral("newer")), 1000);
        // Let the listener catch up a few times while the older one runs.
        QTest::qWait(3500);
        QVERIFY(!seenIds(spy).contains(QStringLiteral("older")));
        QVERIFY(s.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY_WITH_TIMEOUT(seenIds(spy).contains(QStringLiteral("older")), 1000);
        QCOMPARE(seenIds(spy).value(QStringLiteral("older")), 1);
        QCOMPARE(seenIds(spy).value(QStringLiteral("newer")), 1);
        slow.close();
        fast.close();
        slow = fast = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("slow"));
        QSqlDatabase::removeDatabase(QStringLiteral("fast"));
    }

    void aRowInFlightWhenAConsoleStartsIsNotSkipped()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        {
            Store setUp; // creates the schema
            QVERIFY2(setUp.open(m_server.url(name), &error), qPrintable(error));
        }
        // An engine's transaction holds a lower number and is still open when
        // the console starts; a newer row has committed before.
        QSqlDatabase slow = plainConnection(name, QStringLiteral("slow2"));
        QSqlDatabase fast = plainConnection(name, QStringLiteral("fast2"));
        QVERIFY2(slow.isOpen(), qPrintable(slow.lastError().text()));
        QVERIFY2(fast.isOpen(), qPrintable(fast.lastError().text()));
        const QString insert = QStringLiteral(
            "INSERT INTO messages (account_id, msg_id, conversation_id, text, ts_ms)"
            " VALUES ('acc', '%1', 'r@chatroom', '%1', 1)");
        QSqlQuery s(slow), f(fast);
        QVERIFY(s.exec(QStringLiteral("BEGIN")));
        QVERIFY2(s.exec(insert.arg(QStringLiteral("in-flight"))), qPrintable(s.lastError().text()));
        QVERIFY2(f.exec(insert.arg(QStringLiteral("before"))), qPrintable(f.lastError().text()));

        Store console;
        QVERIFY2(console.open(m_server.url(name), &error), qPrintable(error));
        QSignalSpy spy(&console, &Store::messagesStored);
        QTest::qWait(1500); // the listener has started following
        QVERIFY(s.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY_WITH_TIMEOUT(seenIds(spy).contains(QStringLiteral("in-flight")), 4000);
        QCOMPARE(seenIds(spy).value(QStringLiteral("in-flight")), 1);
        // What had committed before the console started is not news.
        QTest::qWait(ChangeListener::kSafetyCatchUpMs + 500);
        QVERIFY(!seenIds(spy).contains(QStringLiteral("before")));
        QCOMPARE(seenIds(spy).value(QStringLiteral("in-flight")), 1);
        slow.close();
        fast.close();
        slow = fast = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("slow2"));
        QSqlDatabase::removeDatabase(QStringLiteral("fast2"));
    }

    void aServerRestartLosesNothing()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store console;
        QVERIFY2(console.open(m_server.url(name), &error), qPrintable(error));
        QSignalSpy spy(&console, &Store::messagesStored);
        QSignalSpy live(&console, &Store::liveUpdatesChanged);
        {
            Store engine;
            QVERIFY2(engine.open(m_server.url(name), &error), qPrintable(error));
            engine.insertMessages(messages(QStringLiteral("before"), 20));
            engine.flush();
            QTRY_VERIFY_WITH_TIMEOUT(seenIds(spy).size() == 20, 1000);
        }

        QVERIFY2(m_server.restart(&error, 300), qPrintable(error));
        // Written right after the restart, while the console's listener is
        // still away: found by its catch-up once it is back.
        {
            Store engine;
            QVERIFY2(engine.open(m_server.url(name), &error), qPrintable(error));
            engine.insertMessages(messages(QStringLiteral("after"), 30));
            engine.flush();
        }
        QTRY_VERIFY_WITH_TIMEOUT(allOnce(seenIds(spy), QStringLiteral("after"), 30), 15000);
        QVERIFY(allOnce(seenIds(spy), QStringLiteral("before"), 20));
        QCOMPARE(seenIds(spy).size(), 50);
        // It noticed the loss and connected again.
        bool wentDown = false;
        for (const QList<QVariant> &args : std::as_const(live))
            wentDown = wentDown || !args.at(0).toBool();
        QVERIFY(wentDown);
        QVERIFY(live.last().at(0).toBool());

        // Live again: a new row arrives within a second.
        Store engine;
        QVERIFY2(engine.open(m_server.url(name), &error), qPrintable(error));
        engine.insertMessages(messages(QStringLiteral("later"), 1));
        engine.flush();
        QTRY_VERIFY_WITH_TIMEOUT(seenIds(spy).contains(QStringLiteral("later-0")), 1000);
    }

    void anSqliteArchiveHasNoListener()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("a.db")), &error), qPrintable(error));
        QVERIFY(!store.isShared());
    }

private:
    // Another program's plain connection to a test database.
    QSqlDatabase plainConnection(const QString &database, const QString &connectionName)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(m_server.socketDir());
        db.setPort(m_server.port());
        db.setUserName(m_server.user());
        db.setDatabaseName(database);
        db.open();
        return db;
    }

    // Two programs' stores on one new database.
    bool openOnFreshDatabase(std::initializer_list<Store *> stores, QString *error)
    {
        const QString name = m_server.createFreshDatabase(error);
        if (name.isEmpty())
            return false;
        for (Store *store : stores) {
            if (!store->open(m_server.url(name), error))
                return false;
        }
        return true;
    }

    PgTestServer m_server;
};

QTEST_GUILESS_MAIN(TestLiveUpdatesPostgres)
#include "tst_live_updates_postgres.moc"
