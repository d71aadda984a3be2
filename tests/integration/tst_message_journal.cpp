// The message journal (issue 9 item 3): ids of MESSAGE events are written
// down before their payloads are fetched. Ids journaled but not stored when
// the process died are fetched after a restart; a payload that keeps failing
// is retried with growing pauses (shown per account) and given up only after
// the configured time, leaving a visible record (its journal row).
#include "GatewayTestSupport.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;
using gd::testsupport::account;
using gd::testsupport::endpoint;

namespace {

SessionTuning fastTuning()
{
    SessionTuning t;
    t.backoffInitialMs = 200;
    t.backoffMaxMs = 1000;
    t.messageRetryDelayMs = 100;
    t.messageRetryLimit = 2;
    t.startFallbackMs = 300;
    return t;
}

// Direct SQL on the archive file, outside the store (the store is closed).
class RawDb
{
public:
    explicit RawDb(const QString &path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawDb()
    {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    bool exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec()) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QStringList column(const QString &sql)
    {
        QStringList out;
        QSqlQuery q(m_db);
        if (q.exec(sql))
            while (q.next())
                out << q.value(0).toString();
        return out;
    }

private:
    QSqlDatabase m_db;
};

} // namespace

class TestMessageJournal : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void idsJournaledButNotStoredAreFetchedAfterRestart()
    {
        const QString path = m_dir.filePath(QStringLiteral("j.db"));
        SimulatorOptions opt;
        opt.autoLogin = true;
        opt.rate = 0.001;
        opt.roomEvents = false;
        Simulator sim(opt);
        QVERIFY(sim.start());
        const QString room = sim.roomIds().at(2);
        const QString talker = sim.roomMemberIds(room).last();

        QStringList ids;
        {
            Store store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            Engine engine(&store);
            engine.setSessionTuning(fastTuning());
            engine.addAccount(account(QStringLiteral("acc"), sim.port()), endpoint(sim.port()));
            QTRY_VERIFY_WITH_TIMEOUT(
                engine.status(QStringLiteral("acc")).state == SessionState::Ready, 20000);
            for (int i = 0; i < 6; ++i)
                sim.injectMessage(room, talker, QStringLiteral("日志里的消息 %1").arg(i));
            auto reader = store.createReader();
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    store.flush();
                    return reader->messagesBefore(QStringLiteral("acc"), room, {}, 100).size() >= 6;
                }(),
                15000);
            for (const Message &m : reader->messagesBefore(QStringLiteral("acc"), room, {}, 100))
                ids << m.id;
            reader.reset();
            engine.shutdown();
            store.close();
        }
        QCOMPARE(ids.size(), 6);

        {
            // What a kill -9 between the journal commit and the message
            // commit leaves: the ids in the journal, the messages not stored.
            RawDb raw(path);
            QVERIFY(raw.column(QStringLiteral("SELECT msg_id FROM message_journal")).isEmpty());
            for (const QString &id : std::as_const(ids)) {
                QVERIFY(raw.exec(QStringLiteral("DELETE FROM messages WHERE msg_id = ?"), {id}));
                QVERIFY(raw.exec(QStringLiteral("INSERT INTO message_journal (account_id, msg_id,"
                                                " seen_ms) VALUES ('acc', ?, ?)"),
                                 {id, QDateTime::currentMSecsSinceEpoch()}));
            }
        }

        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        auto reader = store.createReader();
        QCOMPARE(reader->journaledMessageIds(QStringLiteral("acc")).size(), 6);
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(QStringLiteral("acc"), sim.port()), endpoint(sim.port()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                store.flush();
                return reader->messagesBefore(QStringLiteral("acc"), room, {}, 100).size() >= 6;
            }(),
            15000);
        QStringList again;
        for (const Message &m : reader->messagesBefore(QStringLiteral("acc"), room, {}, 100))
            again << m.id;
        again.sort();
        ids.sort();
        QCOMPARE(again, ids);
        QTRY_VERIFY_WITH_TIMEOUT(reader->journaledMessageIds(QStringLiteral("acc")).isEmpty(),
                                 5000);
        reader.reset();
        engine.shutdown();
        store.close();
        sim.shutdown();
    }

    void failingPayloadIsRetriedShownAndGivenUpWithARecord()
    {
        const QString path = m_dir.filePath(QStringLiteral("f.db"));
        SimulatorOptions opt;
        opt.autoLogin = true;
        opt.rate = 0.001;
        opt.roomEvents = false;
        opt.faultFailPayloadEvery = 1; // every MessagePayload fails
        opt.faultFailCode = 13;
        Simulator sim(opt);
        QVERIFY(sim.start());
        const QString room = sim.roomIds().at(1);

        Store store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        Engine engine(&store);
        SessionTuning tuning = fastTuning();
        tuning.messageRetryMaxDelayMs = 200;
        tuning.messageRetryForMs = 2500;
        engine.setSessionTuning(tuning);
        engine.addAccount(account(QStringLiteral("acc"), sim.port()), endpoint(sim.port()));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("acc")).state == SessionState::Ready,
                                 20000);
        sim.injectMessage(room, sim.roomMemberIds(room).last(), QStringLiteral("拿不到的消息"));

        // Retried past the quick attempts, and shown while it is.
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(QStringLiteral("acc")).messagesNotFetched, 1, 5000);
        auto reader = store.createReader();
        QCOMPARE(reader->journaledMessageIds(QStringLiteral("acc")).size(), 1);

        // Given up after the configured time (not after a few attempts), with a record.
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(QStringLiteral("acc")).messagesGivenUp, 1, 10000);
        QVERIFY(sim.stats().value(QStringLiteral("payload_calls")).toInteger() >= 6);
        QCOMPARE(engine.status(QStringLiteral("acc")).messagesNotFetched, 0);
        store.flush();
        QCOMPARE(reader->givenUpMessageCount(QStringLiteral("acc")), 1);
        QVERIFY(reader->journaledMessageIds(QStringLiteral("acc")).isEmpty());
        reader.reset();
        engine.shutdown();
        store.close();
        {
            RawDb raw(path);
            const QStringList errors
                = raw.column(QStringLiteral("SELECT last_error FROM message_journal"
                                            " WHERE given_up_ms > 0"));
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors.first().contains(QStringLiteral("13")), qPrintable(errors.first()));
        }
        sim.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestMessageJournal)
#include "tst_message_journal.moc"
