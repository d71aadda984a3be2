// Issue 18: messages in flight survive an account takeover. An engine
// process has been told about messages (MESSAGE events: ids only) and has
// journaled their ids, but their payloads have not come back yet (the
// gateway answers MessagePayload slowly) when it is killed with SIGKILL.
// The engine that takes the account over finds those ids in the shared
// database's journal and fetches them: every message the simulator emitted
// is stored exactly once. Real processes, a real simulator, a real server;
// the keychain of the test's dbus session holds the gateway token.

#include "EngineProcess.h"
#include "GatewayTestSupport.h"
#include "SharedArchiveBed.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::test::EngineProcess;
using gd::test::groupdeskBinary;
using gd::test::SharedArchiveBed;

namespace {

const QString kAccount = QStringLiteral("takeover-1");
constexpr int kPayloadDelayMs = 6000;

QJsonObject readStats(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

qint64 countOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.prepare(sql);
    q.addBindValue(kAccount);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestTakeoverJournalPostgres : public QObject
{
    Q_OBJECT

private slots:
    void messagesInFlightAreFetchedByTheEngineThatTakesOver()
    {
        QVERIFY2(QFile::exists(simBinary()), "groupdesk-sim is not built");
        QVERIFY2(QFile::exists(groupdeskBinary()), "groupdesk is not built");
        SharedArchiveBed bed;
        QString error;
        QVERIFY2(bed.start(&error), qPrintable(error));
        const QString url = bed.url();
        StoreReader &reader = bed.reader();
        // One second of traffic; every payload answered only after
        // kPayloadDelayMs: the first engine journals every id and stores
        // none before it dies.
        const QString statsFile = bed.filePath(QStringLiteral("sim-stats.json"));
        SimProcess sim;
        const quint16 port = freePort();
        QVERIFY2(
            sim.start({QStringLiteral("--port"), QString::number(port), QStringLiteral("--rate"),
                       QStringLiteral("40"), QStringLiteral("--duration"), QStringLiteral("1"),
                       QStringLiteral("--auto-login"), QStringLiteral("--room-events"),
                       QStringLiteral("off"), QStringLiteral("--image-every"), QStringLiteral("0"),
                       QStringLiteral("--fault-delay-payload-ms"), QString::number(kPayloadDelayMs),
                       QStringLiteral("--stats-file"), statsFile, QStringLiteral("--stats-every"),
                       QStringLiteral("1")},
                      &error),
            qPrintable(error));

        QVERIFY2(
            bed.addAccounts(
                {{kAccount,
                  QStringLiteral("takeover-token-%1").arg(QDateTime::currentMSecsSinceEpoch())}},
                QStringLiteral("127.0.0.1:%1").arg(port), &error),
            qPrintable(error));

        EngineProcess first;
        QVERIFY2(first.start(groupdeskBinary(), url, bed.filePath(QStringLiteral("first")),
                             QStringLiteral("first"), bed.filePath(QStringLiteral("first.out")),
                             &error),
                 qPrintable(error));
        // The traffic ran and ended; every id it carried is journaled.
        QTRY_VERIFY_WITH_TIMEOUT(
            readStats(statsFile).value(QStringLiteral("traffic_ended")).toBool(), 20000);
        const qint64 emitted
            = readStats(statsFile).value(QStringLiteral("messages_emitted")).toInteger();
        QVERIFY(emitted > 0);
        const QString journaled = QStringLiteral(
            "SELECT count(*) FROM message_journal WHERE account_id = ? AND given_up_ms = 0");
        const QString stored = QStringLiteral("SELECT count(*) FROM messages WHERE account_id = ?");
        QTRY_COMPARE_WITH_TIMEOUT(countOf(reader.database(), journaled), emitted, 5000);
        const qint64 storedBeforeKill = countOf(reader.database(), stored);
        first.kill();
        qInfo() << emitted << "messages emitted;" << storedBeforeKill
                << "stored when the first engine was killed";
        QVERIFY2(storedBeforeKill < emitted / 2, "the payloads came back too early");

        // Another engine takes the account once the lease lapses, and
        // fetches what the journal holds.
        EngineProcess second;
        QVERIFY2(second.start(groupdeskBinary(), url, bed.filePath(QStringLiteral("second")),
                              QStringLiteral("second"), bed.filePath(QStringLiteral("second.out")),
                              &error),
                 qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(countOf(reader.database(), stored), emitted,
                                  30000 + kPayloadDelayMs * 3);
        QCOMPARE(countOf(reader.database(),
                         QStringLiteral("SELECT count(DISTINCT msg_id) FROM messages"
                                        " WHERE account_id = ?")),
                 emitted);
        QTRY_COMPARE(countOf(reader.database(), journaled), qint64(0));
        QVERIFY(second.stop(20000));
        QTest::qWait(500);
        // Nothing more came in while it stopped: still each message once.
        QCOMPARE(countOf(reader.database(), stored), emitted);
        QVERIFY(sim.terminate());
        QCOMPARE(readStats(statsFile).value(QStringLiteral("messages_emitted")).toInteger(),
                 emitted);
    }
};

QTEST_GUILESS_MAIN(TestTakeoverJournalPostgres)
#include "tst_takeover_journal_postgres.moc"
