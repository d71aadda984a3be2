// Engines sharing one PostgreSQL database (issue 18). Leases: engines
// racing for the same accounts at once, each account ends up with exactly
// one engine. The shared outbox: two engines
// (two stores, two writer connections) claiming the same account's due
// rows at once each get different rows, and together every row exactly
// once; a claim skips rows another transaction holds locked instead of
// waiting for them.

#include "PgTestServer.h"
#include "outbox/OutboxRepository.h"
#include "store/AccountLeases.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace gd;
using gd::test::PgTestServer;

namespace {

QVector<qint64> queueRows(Store &store, int count)
{
    QVector<qint64> ids;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        SendRequest request;
        request.accountId = QStringLiteral("acc");
        request.conversationId = QStringLiteral("r%1@chatroom").arg(i % 5);
        request.text = QStringLiteral("第%1条").arg(i);
        request.dueMs = now - 1000;
        ids.append(OutboxRepository::of(&store)->submit(request).result().id);
    }
    return ids;
}

} // namespace

class TestSharedArchivePostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void twoEnginesClaimEveryRowExactlyOnce()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store engines[2];
        for (Store &s : engines)
            QVERIFY2(s.open(m_server.url(name), &error), qPrintable(error));
        const QVector<qint64> queued = queueRows(engines[0], 300);
        QCOMPARE(QSet<qint64>(queued.begin(), queued.end()).size(), 300);

        // Both engines ask at once, in small claims, until nothing is left.
        QVector<qint64> claimed[2];
        int outstanding = 0;
        bool empty[2] = {false, false};
        bool oversized = false; // a claim must never take more than asked
        std::function<void(int)> ask = [&](int e) {
            ++outstanding;
            OutboxRepository::of(&engines[e])
                ->claimDue(QStringLiteral("acc"), 7, this, [&, e](const QVector<qint64> &ids) {
                    --outstanding;
                    if (ids.size() > 7)
                        oversized = true;
                    claimed[e] += ids;
                    if (ids.isEmpty())
                        empty[e] = true;
                    else
                        ask(e);
                });
        };
        for (int k = 0; k < 3; ++k) { // several claims in flight per engine
            ask(0);
            ask(1);
        }
        QTRY_VERIFY_WITH_TIMEOUT(empty[0] && empty[1] && outstanding == 0, 60000);

        QVERIFY(!oversized);
        QVERIFY2(!claimed[0].isEmpty() && !claimed[1].isEmpty(), "both engines got work");
        const QSet<qint64> a(claimed[0].begin(), claimed[0].end());
        const QSet<qint64> b(claimed[1].begin(), claimed[1].end());
        QCOMPARE(a.size(), claimed[0].size()); // no row twice to one engine
        QCOMPARE(b.size(), claimed[1].size());
        QVERIFY(!a.intersects(b)); // no row to both
        QCOMPARE(a + b, QSet<qint64>(queued.begin(), queued.end())); // every row
        auto reader = engines[1].createReader();
        const QVector<OutboxEntry> sending
            = OutboxRepository::rows(*reader, QStringLiteral("acc"), {OutboxState::Sending});
        QCOMPARE(sending.size(), 300);
        for (const OutboxEntry &row : sending)
            QCOMPARE(row.attempts, 1);
    }

    void aClaimSkipsRowsAnotherTransactionHoldsInsteadOfWaiting()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store store;
        QVERIFY2(store.open(m_server.url(name), &error), qPrintable(error));
        const QVector<qint64> queued = queueRows(store, 30);

        // Another engine is in the middle of claiming the ten oldest rows.
        QSet<qint64> held;
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), "other");
            other.setHostName(m_server.socketDir());
            other.setPort(m_server.port());
            other.setUserName(m_server.user());
            other.setDatabaseName(name);
            QVERIFY2(other.open(), qPrintable(other.lastError().text()));
            QVERIFY(other.transaction());
            QSqlQuery lock(other);
            QVERIFY2(lock.exec(QStringLiteral("SELECT id FROM outbox ORDER BY due_ms, id LIMIT 10"
                                              " FOR UPDATE")),
                     qPrintable(lock.lastError().text()));
            while (lock.next())
                held.insert(lock.value(0).toLongLong());
            QCOMPARE(held.size(), 10);

            std::optional<QVector<qint64>> got;
            QElapsedTimer timer;
            timer.start();
            OutboxRepository::of(&store)->claimDue(
                QStringLiteral("acc"), 15, this, [&got](const QVector<qint64> &ids) { got = ids; });
            // Without SKIP LOCKED the claim would wait for this transaction.
            QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 3000);
            QVERIFY(timer.elapsed() < 3000);
            QCOMPARE(got->size(), 15);
            for (qint64 id : *got)
                QVERIFY2(!held.contains(id), "a row another engine holds was claimed");
            QVERIFY(other.rollback());
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        Q_UNUSED(queued);
    }

    void enginesRacingForAccountsGetEachAccountOnce()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store engines[3];
        for (Store &s : engines)
            QVERIFY2(s.open(m_server.url(name), &error), qPrintable(error));
        AccountLeases leases[3]
            = {AccountLeases(&engines[0]), AccountLeases(&engines[1]), AccountLeases(&engines[2])};
        constexpr int kAccounts = 40;
        QMap<QString, QStringList> holders;
        int answers = 0;
        // All three ask for every account at once (three writer connections).
        for (int a = 0; a < kAccounts; ++a) {
            for (int e = 0; e < 3; ++e) {
                const QString account = QStringLiteral("acc-%1").arg(a);
                const QString engine = QStringLiteral("engine-%1").arg(e);
                leases[e].acquire(account, engine, 60000, this, [&, account, engine](bool held) {
                    ++answers;
                    if (held)
                        holders[account] << engine;
                });
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(answers, 3 * kAccounts, 30000);
        QCOMPARE(holders.size(), kAccounts);
        for (auto it = holders.cbegin(); it != holders.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(it.key() + ": " + it.value().join(',')));
        auto reader = engines[0].createReader();
        const QVector<AccountLease> rows = AccountLeases::all(reader->database());
        QCOMPARE(rows.size(), kAccounts);
        for (const AccountLease &row : rows)
            QCOMPARE(QStringList{row.engineId}, holders.value(row.accountId));
    }

    void leaseStatementsOfBusyEnginesNeverDeadlock()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        auto deadlocks = [&] {
            Store probe;
            QString e;
            if (!probe.open(m_server.url(name), &e))
                return qint64(-1);
            auto reader = probe.createReader();
            QSqlQuery q(reader->database());
            if (!q.exec(QStringLiteral("SELECT deadlocks FROM pg_stat_database"
                                       " WHERE datname = current_database()"))
                || !q.next())
                return qint64(-1);
            return q.value(0).toLongLong();
        };
        const qint64 before = deadlocks();
        QVERIFY(before >= 0);
        {
            Store engines[2];
            for (Store &s : engines)
                QVERIFY2(s.open(m_server.url(name), &error), qPrintable(error));
            QSignalSpy failed0(&engines[0], &Store::writeFailed);
            QSignalSpy failed1(&engines[1], &Store::writeFailed);
            AccountLeases leases[2] = {AccountLeases(&engines[0]), AccountLeases(&engines[1])};
            const QString account[2] = {QStringLiteral("acc-x"), QStringLiteral("acc-y")};
            const QString engine[2] = {QStringLiteral("engine-0"), QStringLiteral("engine-1")};
            std::optional<bool> took[2];
            for (int e = 0; e < 2; ++e)
                leases[e].acquire(account[e], engine[e], 60000, this,
                                  [&took, e](bool held) { took[e] = held; });
            QTRY_VERIFY(took[0].has_value() && took[1].has_value());
            QVERIFY(*took[0] && *took[1]);

            // Each engine renews its own lease and, at once, tries the
            // other's (its look for free accounts was a moment old), while
            // its writer has a slow job to run: in one writer transaction
            // these would lock the two lease rows in opposite orders.
            std::optional<LeaseRenewal> renewed[2];
            std::optional<bool> stole[2];
            for (int e = 0; e < 2; ++e) {
                leases[e].renew(account[e], engine[e], 60000, this,
                                [&renewed, e](LeaseRenewal r) { renewed[e] = r; });
                engines[e].submitWrite([](StoreWriter::Batch &b) {
                    QSqlQuery q(b.db());
                    q.exec(QStringLiteral("SELECT pg_sleep(0.5)"));
                });
                leases[e].acquire(account[1 - e], engine[e], 60000, this,
                                  [&stole, e](bool held) { stole[e] = held; });
            }
            QTRY_VERIFY_WITH_TIMEOUT(renewed[0] && renewed[1] && stole[0] && stole[1], 10000);
            for (int e = 0; e < 2; ++e) {
                QCOMPARE(*renewed[e], LeaseRenewal::Renewed);
                QVERIFY(!*stole[e]); // two engines never hold one account
            }
            for (const QSignalSpy *spy : {&failed0, &failed1}) {
                for (const QList<QVariant> &args : *spy)
                    QVERIFY2(!args.at(0).toString().contains(QLatin1String("deadlock")),
                             qPrintable(args.at(0).toString()));
            }
        }
        // The servers' statistics count what their backends saw (flushed
        // when those connections closed).
        QTest::qWait(1500);
        QCOMPARE(deadlocks() - before, qint64(0));
    }

private:
    PgTestServer m_server;
};

QTEST_GUILESS_MAIN(TestSharedArchivePostgres)
#include "tst_shared_archive_postgres.moc"
