// Issue 3, "what it must show" 2: under traffic, the simulator PROCESS is
// killed with SIGKILL and restarted on the same port 10 times while one
// Engine + Store stays up. The client must reconnect every time, never
// crash, store no message twice, and store every message the simulator
// served while it was up.
//
// What is compared, exactly: each simulator run appends one line per
// MessagePayload it answered to its --served-log (written with one write()
// before the answer goes out, so it survives the SIGKILL). Every id served
// more than kKillMarginMs before that run's kill must be in the database
// once. Ids served in the last kKillMarginMs may have been lost on the wire
// with the process (the answer was still in the dying process), so those are
// only counted and printed, not required.
// Also measured and printed: time from a restarted simulator listening to the
// first new message stored by the client.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "store/Store.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace gd;
using namespace gd::testsupport;

namespace {

constexpr int kKills = 10;
constexpr qint64 kKillMarginMs = 100;

struct ServedLine
{
    qint64 ms = 0;
    QString id;
};

QVector<ServedLine> readServed(const QString &path)
{
    QVector<ServedLine> lines;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    while (!f.atEnd()) {
        const QList<QByteArray> parts = f.readLine().trimmed().split(' ');
        if (parts.size() == 2)
            lines.append({parts[0].toLongLong(), QString::fromLatin1(parts[1])});
    }
    return lines;
}

} // namespace

class TestReconnectSimProcess : public QObject
{
    Q_OBJECT
private slots:
    void killedGatewayTenTimesLosesAndDoublesNothing()
    {
        QVERIFY2(QFile::exists(simBinary()), "groupdesk-sim is not built");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const quint16 port = freePort();
        const QString dbPath = dir.filePath(QStringLiteral("gd.db"));

        Store store;
        QString error;
        QVERIFY2(store.open(dbPath, &error), qPrintable(error));

        // Time of the first incoming message stored after each restart.
        // Direct connection: stamped on the writer thread at commit time, not
        // when this (often busy) thread gets round to it.
        std::atomic<qint64> firstStoredAfterMs{0};
        std::atomic<qint64> restartAtMs{0};
        std::atomic<qint64> storedIncoming{0};
        connect(
            &store, &Store::messagesStored, this,
            [&](const QVector<Message> &messages) {
                for (const Message &m : messages) {
                    if (m.fromSelf || m.kind == MessageKind::System)
                        continue;
                    ++storedIncoming;
                    // Simulator ids start at (its start time in ms) * 1000: a late
                    // commit of the previous run's messages does not count.
                    qint64 expected = 0;
                    if (restartAtMs != 0 && m.id.toLongLong() >= restartAtMs * 1000)
                        firstStoredAfterMs.compare_exchange_strong(
                            expected, QDateTime::currentMSecsSinceEpoch());
                }
            },
            Qt::DirectConnection);

        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(QStringLiteral("acc"), port), endpoint(port));

        QVector<qint64> reconnectMs;
        QVector<qint64> killAtMs;
        for (int run = 0; run <= kKills; ++run) {
            SimProcess sim;
            const QString served = dir.filePath(QStringLiteral("served-%1.log").arg(run));
            firstStoredAfterMs = 0;
            restartAtMs = QDateTime::currentMSecsSinceEpoch(); // the gateway process restarts now
            QVERIFY2(sim.start({QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--auto-login"), QStringLiteral("--rate"),
                                QStringLiteral("40"), QStringLiteral("--room-events"),
                                QStringLiteral("off"), QStringLiteral("--heartbeat-s"),
                                QStringLiteral("1"), QStringLiteral("--served-log"), served},
                               &error),
                     qPrintable(error));
            const qint64 before = storedIncoming;
            QTRY_VERIFY2_WITH_TIMEOUT(
                firstStoredAfterMs != 0,
                qPrintable(QStringLiteral("run %1: no message after restart").arg(run)), 30000);
            reconnectMs.append(firstStoredAfterMs - restartAtMs);
            // Let traffic flow a while, then kill it mid-stream.
            QTRY_VERIFY_WITH_TIMEOUT(storedIncoming >= before + 20, 30000);
            QTest::qWait(300);
            if (run < kKills) {
                killAtMs.append(QDateTime::currentMSecsSinceEpoch());
                sim.kill();
            } else {
                killAtMs.append(QDateTime::currentMSecsSinceEpoch());
                QVERIFY(sim.terminate()); // the last run ends cleanly
            }
        }
        // Whatever was fetched is written before we look.
        QTest::qWait(500);
        engine.shutdown();
        store.flush();

        DbPeek db(dbPath);
        const QVariantList ids
            = db.column(QStringLiteral("SELECT msg_id FROM messages WHERE account_id = 'acc' AND "
                                       "from_self = 0 AND kind <> 100"));
        QSet<QString> stored;
        for (const QVariant &v : ids)
            stored.insert(v.toString());
        QCOMPARE(qint64(stored.size()), qint64(ids.size())); // none twice (the UNIQUE key holds)

        qint64 required = 0;
        qint64 inMargin = 0;
        qint64 inMarginStored = 0;
        QStringList missing;
        QSet<QString> allServed;
        for (int run = 0; run <= kKills; ++run) {
            const QVector<ServedLine> lines
                = readServed(dir.filePath(QStringLiteral("served-%1.log").arg(run)));
            QVERIFY2(!lines.isEmpty(),
                     qPrintable(QStringLiteral("run %1 served nothing").arg(run)));
            QSet<QString> seen;
            for (const ServedLine &l : lines) {
                if (seen.contains(l.id))
                    continue; // served twice (a retry): one message
                seen.insert(l.id);
                allServed.insert(l.id);
                if (l.ms < killAtMs[run] - kKillMarginMs) {
                    ++required;
                    if (!stored.contains(l.id))
                        missing << QStringLiteral("run %1: %2").arg(run).arg(l.id);
                } else {
                    ++inMargin;
                    if (stored.contains(l.id))
                        ++inMarginStored;
                }
            }
        }
        // Nothing stored that no simulator served.
        qint64 unserved = 0;
        for (const QString &id : std::as_const(stored))
            unserved += allServed.contains(id) ? 0 : 1;

        std::vector<qint64> sorted(reconnectMs.begin(), reconnectMs.end());
        std::sort(sorted.begin(), sorted.end());
        qInfo(
            "kills: %d, messages stored: %lld, served before the kill margin: %lld (missing %lld), "
            "served within %lld ms of a kill: %lld (stored %lld)",
            kKills, qint64(stored.size()), required, qint64(missing.size()), kKillMarginMs,
            inMargin, inMarginStored);
        QStringList figures;
        for (qint64 ms : reconnectMs)
            figures << QString::number(ms);
        qInfo("restart -> first message stored (ms): %s; median %lld, max %lld",
              qPrintable(figures.join(u' ')), sorted[sorted.size() / 2], sorted.back());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 20).join(u'\n')));
        QCOMPARE(unserved, qint64(0));
        QCOMPARE(reconnectMs.size(), kKills + 1); // reconnected after every restart
    }
};

QTEST_GUILESS_MAIN(TestReconnectSimProcess)
#include "tst_reconnect_sim_process.moc"
