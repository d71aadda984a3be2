// Issue 18: ten `groupdesk --headless --database ...` engine processes
// started at the same moment against one PostgreSQL, all competing for the
// same accounts. Every account ends owned by exactly one engine, no engine
// ever took an account another one held, and the server detected no
// deadlock (pg_stat_database.deadlocks, and "deadlock detected" in the
// engines' output). Real processes, a real simulator, a real server; the
// keychain of the test's dbus session holds the gateway tokens.

#include "EngineProcess.h"
#include "GatewayTestSupport.h"
#include "SharedArchiveBed.h"
#include "store/AccountLeases.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QtTest>

#include <map>

using namespace gd;
using namespace gd::testsupport;
using gd::test::EngineProcess;
using gd::test::groupdeskBinary;
using gd::test::SharedArchiveBed;

namespace {

constexpr int kEngines = 10;
constexpr int kAccounts = 12;

qint64 deadlocksDetected(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"))
        || !q.exec(QStringLiteral(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"))
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestLeaseStartupPostgres : public QObject
{
    Q_OBJECT

private slots:
    void tenEnginesStartingTogetherOwnEachAccountOnce()
    {
        QVERIFY2(QFile::exists(simBinary()), "groupdesk-sim is not built");
        QVERIFY2(QFile::exists(groupdeskBinary()), "groupdesk is not built");
        SharedArchiveBed bed;
        QString error;
        QVERIFY2(bed.start(&error), qPrintable(error));
        SimProcess sim;
        const quint16 port = freePort();
        QVERIFY2(
            sim.start({QStringLiteral("--port"), QString::number(port), QStringLiteral("--rate"),
                       QStringLiteral("200"), QStringLiteral("--auto-login")},
                      &error),
            qPrintable(error));
        const QString tokenBase
            = QStringLiteral("startup-token-%1-").arg(QDateTime::currentMSecsSinceEpoch());
        QVector<QPair<QString, QString>> accounts;
        for (int i = 0; i < kAccounts; ++i) {
            const QString id = QStringLiteral("start-%1").arg(i, 2, 10, QLatin1Char('0'));
            accounts.append({id, tokenBase + id});
        }
        QVERIFY2(bed.addAccounts(accounts, QStringLiteral("127.0.0.1:%1").arg(port), &error),
                 qPrintable(error));
        StoreReader &reader = bed.reader();
        const qint64 deadlocksBefore = deadlocksDetected(reader.database());
        QVERIFY(deadlocksBefore >= 0);

        // All at once.
        EngineProcess engines[kEngines];
        for (int e = 0; e < kEngines; ++e) {
            QVERIFY2(engines[e].start(groupdeskBinary(), bed.url(),
                                      bed.filePath(QStringLiteral("engine%1").arg(e)),
                                      QStringLiteral("s%1").arg(e),
                                      bed.filePath(QStringLiteral("engine%1.out").arg(e)), &error),
                     qPrintable(error));
        }
        auto held = [&reader] {
            std::map<QString, QString> byAccount;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const AccountLease &l : AccountLeases::all(reader.database())) {
                if (l.expiresMs > now)
                    byAccount[l.accountId] = l.engineId;
            }
            return byAccount;
        };
        QTRY_VERIFY_WITH_TIMEOUT(held().size() == std::size_t(kAccounts), 40000);
        // Settled: a few more heartbeats change nothing.
        const auto owners = held();
        QTest::qWait(3000);
        QCOMPARE(held(), owners);

        // Each account was taken exactly once (nobody took one that another
        // engine held, nobody stopped one), by the engine the lease names.
        std::map<QString, QStringList> takenBy;
        for (int e = 0; e < kEngines; ++e) {
            for (const EngineProcess::LeaseEvent &event : engines[e].leaseEvents()) {
                QVERIFY2(event.took, qPrintable(engines[e].name() + " stopped " + event.accountId));
                takenBy[event.accountId].append(engines[e].name());
            }
        }
        QCOMPARE(takenBy.size(), std::size_t(kAccounts));
        for (const auto &[account, names] : takenBy) {
            QVERIFY2(names.size() == 1, qPrintable(account + ": " + names.join(',')));
            QVERIFY2(owners.at(account).startsWith(names.first() + QLatin1Char('@')),
                     qPrintable(account + " is held by " + owners.at(account)));
        }

        // Killed, not stopped one after the other: the accounts would move
        // from engine to engine for a while (kept short).
        for (EngineProcess &engine : engines)
            engine.kill();
        for (int e = 0; e < kEngines; ++e) {
            QFile out(bed.filePath(QStringLiteral("engine%1.out").arg(e)));
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray text = out.readAll();
            QVERIFY2(!text.contains("deadlock detected"), qPrintable(engines[e].name()));
        }
        QTest::qWait(1000); // the server's statistics lag behind a little
        const qint64 deadlocks = deadlocksDetected(reader.database()) - deadlocksBefore;
        QVERIFY2(deadlocks == 0, qPrintable(QStringLiteral("%1 deadlock(s)").arg(deadlocks)));
        QVERIFY(sim.terminate());
    }
};

QTEST_GUILESS_MAIN(TestLeaseStartupPostgres)
#include "tst_lease_startup_postgres.moc"
