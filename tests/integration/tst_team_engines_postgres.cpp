// Issue 18, "what it must show" 1: one PostgreSQL server, one
// groupdesk-sim process, three `groupdesk --headless --database ...` engine
// processes sharing six accounts (and a seventh whose token no engine has),
// and two consoles (gd-console-probe processes, no engine) following the
// archive. Every account runs on exactly one engine at a time; every
// message an engine commits reaches each console exactly once within 1 s
// of its commit (the server's commit timestamp against the time the
// console printed it); one engine is killed with SIGKILL and its accounts
// run on another engine within 30 s; every send queued in the shared
// outbox (by a test client through Store/OutboxRepository, and by each
// console) reaches the simulator exactly once, also across the kill: a
// send the killed engine had with the gateway is marked Unknown (with a
// reason) and never sent again. On a clean stop the engines give their
// leases back.
// Real processes, real gRPC, a real server; the keychain of the test's
// dbus session holds the gateway tokens (no database password: the test
// server trusts local connections).

#include "CommitTimes.h"
#include "ConsoleProbe.h"
#include "EngineProcess.h"
#include "GatewayTestSupport.h"
#include "SharedArchiveBed.h"
#include "outbox/OutboxRepository.h"
#include "store/AccountLeases.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/SecretStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QtTest>

#include <map>
#include <memory>

using namespace gd;
using namespace gd::testsupport;
using gd::test::ConsoleProbe;
using gd::test::EngineProcess;
using gd::test::groupdeskBinary;
using gd::test::SharedArchiveBed;

namespace {

constexpr int kAccounts = 6;
constexpr int kEngines = 3;
constexpr int kRowsPerAccountBefore = 5;
constexpr int kRowsPerAccountAfter = 4;
constexpr qint64 kFailoverLimitMs = 30000;
constexpr int kConsoles = 2;
constexpr qint64 kConsoleLatencyLimitMs = 1000;

QString probeBinary()
{
    return QStringLiteral(GD_BINARY_DIR "/tests/gd-console-probe");
}

QString accountId(int i)
{
    return QStringLiteral("team-%1").arg(i);
}

} // namespace

class TestTeamEnginesPostgres : public QObject
{
    Q_OBJECT

private slots:
    void threeEnginesAndTwoConsolesShareOneArchive()
    {
        QVERIFY2(QFile::exists(simBinary()), "groupdesk-sim is not built");
        QVERIFY2(QFile::exists(groupdeskBinary()), "groupdesk is not built");
        QVERIFY2(QFile::exists(probeBinary()), "gd-console-probe is not built");
        QElapsedTimer wall;
        wall.start();

        SharedArchiveBed bed;
        // Each row's commit time, to measure from it to every console.
        bed.server().addSetting(QStringLiteral("track_commit_timestamp"), QStringLiteral("on"));
        QString error;
        QVERIFY2(bed.start(&error), qPrintable(error));
        const QString url = bed.url();
        // The test client: a console writing into the shared archive.
        Store &store = bed.store();
        OutboxRepository *outbox = OutboxRepository::of(&store);
        StoreReader &reader = bed.reader();
        // One token per account: the simulator (started without a token of
        // its own) then serves one Event stream per account and refuses a
        // second one for the same token, so two engines running one account
        // would show there too.
        const QString tokenBase
            = QStringLiteral("team-token-%1-").arg(QDateTime::currentMSecsSinceEpoch());
        const QString statsFile = bed.filePath(QStringLiteral("sim-stats.json"));
        SimProcess sim;
        const quint16 port = freePort();
        QVERIFY2(
            sim.start({QStringLiteral("--port"), QString::number(port), QStringLiteral("--rate"),
                       QStringLiteral("2"), QStringLiteral("--auto-login"),
                       QStringLiteral("--stats-file"), statsFile},
                      &error),
            qPrintable(error));

        // The accounts live in the shared database, their tokens in the
        // keychain (one keychain here: the engines run on one machine).
        QStringList ids;
        QVector<QPair<QString, QString>> tokens; // account id, token
        for (int i = 1; i <= kAccounts; ++i) {
            ids << accountId(i);
            tokens.append({ids.last(), tokenBase + ids.last()});
        }
        const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
        QVERIFY2(bed.addAccounts(tokens, endpoint, &error), qPrintable(error));
        const QString noToken = QStringLiteral("team-without-token");
        AccountInfo info;
        info.id = noToken;
        info.displayName = noToken;
        info.endpoint = endpoint;
        store.upsertAccount(info);
        SecretStore secrets;
        bool deleted = false;
        secrets.deleteToken(noToken, [&deleted](bool, const QString &) { deleted = true; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted, 15000);
        // What an engine that died earlier left behind: a row per account
        // it had claimed (Sending). Whoever takes the account settles it as
        // Unknown, with a reason, and never sends it.
        QSet<qint64> leftSending;
        for (const QString &id : std::as_const(ids)) {
            SendRequest request;
            request.accountId = id;
            request.conversationId = QStringLiteral("1001@chatroom");
            request.text = QStringLiteral("left sending by a dead engine %1").arg(id);
            const SubmitResult r = outbox->submit(request).result();
            QVERIFY2(r.id > 0, qPrintable(r.error));
            outbox->update(r.id, OutboxState::Sending);
            leftSending.insert(r.id);
        }
        store.flush();

        // Two consoles follow the archive from before the first message;
        // each queues one send of its own (any console can send).
        QHash<qint64, QString> textOf;
        ConsoleProbe consoles[kConsoles];
        for (int c = 0; c < kConsoles; ++c) {
            const QString text = QStringLiteral("控制台%1 马上为您处理").arg(c);
            QVERIFY2(consoles[c].start(
                         probeBinary(), url,
                         {QStringLiteral("--send"),
                          QStringLiteral("%1/1001@chatroom/%2").arg(accountId(c + 1), text)},
                         &error),
                     qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(consoles[c].has(QStringLiteral("queued")), 10000);
            const qint64 id
                = consoles[c].linesOf(QStringLiteral("queued")).first().value(1).toLongLong();
            QVERIFY(id > 0);
            textOf.insert(id, text);
        }

        // Three engines.
        EngineProcess engines[kEngines];
        for (int e = 0; e < kEngines; ++e) {
            QVERIFY2(engines[e].start(groupdeskBinary(), url,
                                      bed.filePath(QStringLiteral("engine%1").arg(e)),
                                      QStringLiteral("e%1").arg(e),
                                      bed.filePath(QStringLiteral("engine%1.out").arg(e)), &error),
                     qPrintable(error));
        }

        auto leases = [&reader] {
            std::map<QString, QString> byAccount; // account -> engine name
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const AccountLease &l : AccountLeases::all(reader.database())) {
                if (l.expiresMs > now)
                    byAccount[l.accountId] = l.engineId.section(QLatin1Char('@'), 0, 0);
            }
            return byAccount;
        };
        QTRY_VERIFY_WITH_TIMEOUT(leases().size() == std::size_t(kAccounts), 20000);
        QVERIFY(!leases().count(noToken)); // no engine has its token
        qInfo() << "all accounts held after" << wall.elapsed() << "ms";

        // Sends queued by the client, 5 per account, to the simulator's groups.
        auto queue = [&](int perAccount, const QString &tag) {
            for (int i = 1; i <= kAccounts; ++i) {
                for (int n = 0; n < perAccount; ++n) {
                    SendRequest request;
                    request.accountId = accountId(i);
                    request.conversationId = QStringLiteral("%1@chatroom").arg(1001 + n % 10);
                    request.text = QStringLiteral("%1 账号%2 第%3条").arg(tag).arg(i).arg(n);
                    const SubmitResult r = outbox->submit(request).result();
                    QVERIFY2(r.id > 0, qPrintable(r.error));
                    textOf.insert(r.id, request.text);
                }
            }
        };
        queue(kRowsPerAccountBefore, QStringLiteral("before"));
        if (QTest::currentTestFailed())
            return;
        auto countIn = [&](const QVector<OutboxState> &states) {
            int n = 0;
            for (const QString &id : std::as_const(ids))
                n += OutboxRepository::rows(reader, id, states).size();
            return n;
        };
        // Kill once sending is under way.
        QTRY_VERIFY_WITH_TIMEOUT(countIn({OutboxState::Sent}) >= kAccounts * 2, 20000);

        // The engine with the most accounts dies without a word.
        std::map<QString, QStringList> byEngine;
        for (const auto &[account, engine] : leases())
            byEngine[engine].append(account);
        QString victim;
        for (const auto &[engine, accounts] : byEngine) {
            if (victim.isEmpty() || accounts.size() > byEngine[victim].size())
                victim = engine;
        }
        const int victimIndex = victim.mid(1).toInt();
        const QStringList moved = byEngine[victim];
        qInfo() << "engines hold" << byEngine.size() << "sets; killing" << victim << "with"
                << moved;
        const qint64 killedAtMs = QDateTime::currentMSecsSinceEpoch();
        engines[victimIndex].kill();
        QVERIFY(!engines[victimIndex].isRunning());
        queue(kRowsPerAccountAfter, QStringLiteral("after"));
        if (QTest::currentTestFailed())
            return;

        // Its accounts run on another engine within 30 s.
        qint64 movedAfterMs = -1;
        while (QDateTime::currentMSecsSinceEpoch() - killedAtMs < kFailoverLimitMs + 5000) {
            const auto now = leases();
            bool all = true;
            for (const QString &account : moved) {
                const auto it = now.find(account);
                all = all && it != now.end() && it->second != victim;
            }
            if (all) {
                movedAfterMs = QDateTime::currentMSecsSinceEpoch() - killedAtMs;
                break;
            }
            QTest::qWait(100);
        }
        qInfo() << "failover took" << movedAfterMs << "ms";
        QVERIFY2(movedAfterMs >= 0 && movedAfterMs <= kFailoverLimitMs,
                 "the killed engine's accounts did not move within 30 s");

        // Every row ends Sent, or Unknown when it was with the killed engine.
        const int total
            = kAccounts * (kRowsPerAccountBefore + kRowsPerAccountAfter + 1) + kConsoles;
        QTRY_VERIFY_WITH_TIMEOUT(countIn({OutboxState::Sent, OutboxState::Unknown}) == total,
                                 30000);
        QCOMPARE(countIn({OutboxState::Queued, OutboxState::Sending, OutboxState::Failed}), 0);

        // A send queued now, with nothing else waiting, goes out within
        // moments: its engine hears of the row (LISTEN/NOTIFY) instead of
        // finding it with its 10 s fallback read.
        {
            SendRequest request;
            request.accountId = moved.first();
            request.conversationId = QStringLiteral("1002@chatroom");
            request.text = QStringLiteral("最后一条 %1").arg(moved.first());
            const int sentBefore = countIn({OutboxState::Sent});
            QElapsedTimer sinceQueued;
            sinceQueued.start();
            const SubmitResult r = outbox->submit(request).result();
            QVERIFY2(r.id > 0, qPrintable(r.error));
            textOf.insert(r.id, request.text);
            QTRY_VERIFY_WITH_TIMEOUT(countIn({OutboxState::Sent}) == sentBefore + 1, 4000);
            qInfo() << "a send queued with nothing waiting was sent after" << sinceQueued.elapsed()
                    << "ms";
        }

        // A clean stop gives the leases back at once.
        for (int e = 0; e < kEngines; ++e) {
            if (e != victimIndex)
                QVERIFY2(engines[e].stop(20000), qPrintable(engines[e].name()));
        }
        QVERIFY(leases().empty());
        QVERIFY(sim.terminate());

        // Every message row committed (incoming, and the sends' own
        // records) reached each console once, within 1 s of its commit.
        const QHash<qint64, qint64> committedAt
            = test::messageCommitTimes(reader.database(), &error);
        QVERIFY2(!committedAt.isEmpty(), qPrintable(error));
        for (int c = 0; c < kConsoles; ++c) {
            // Every committed row arrives (a row marked a repeat after it
            // was shown is no longer among them, and may have been seen).
            const auto missing = [&] {
                const QHash<qint64, QList<qint64>> seen = consoles[c].seenByRow();
                int n = 0;
                for (auto it = committedAt.cbegin(); it != committedAt.cend(); ++it)
                    n += !seen.contains(it.key());
                return n;
            };
            // Waited for, then the missing rows are described before failing.
            if (!QTest::qWaitFor([&] { return missing() == 0; }, 5000)) {
                const QHash<qint64, QList<qint64>> seen = consoles[c].seenByRow();
                for (auto it = committedAt.cbegin(); it != committedAt.cend(); ++it) {
                    if (seen.contains(it.key()))
                        continue;
                    QSqlQuery q(reader.database());
                    q.exec(QStringLiteral("SELECT id, account_id, msg_id, from_self, kind, "
                                          "change_origin, ts_ms FROM messages WHERE id = %1")
                               .arg(it.key()));
                    if (q.next())
                        qWarning()
                            << "console" << c << "never showed row" << q.value(0) << q.value(1)
                            << q.value(2) << "from_self" << q.value(3) << "kind" << q.value(4)
                            << "origin" << q.value(5) << "committed" << it.value();
                }
                QFAIL(qPrintable(
                    QStringLiteral("console %1 missed %2 row(s)").arg(c).arg(missing())));
            }
            const QHash<qint64, QList<qint64>> seen = consoles[c].seenByRow();
            QVector<qint64> delays;
            for (auto it = committedAt.cbegin(); it != committedAt.cend(); ++it) {
                const QList<qint64> times = seen.value(it.key());
                QVERIFY2(times.size() == 1,
                         qPrintable(QStringLiteral("console %1 saw row %2 %3 times")
                                        .arg(c)
                                        .arg(it.key())
                                        .arg(times.size())));
                delays.append(times.first() - it.value());
            }
            const qint64 worst = test::percentile(delays, 100);
            qInfo().noquote() << QStringLiteral("{\"console\": %1, \"rows\": %2, \"p50_ms\": %3, "
                                                "\"p99_ms\": %4, \"max_ms\": %5}")
                                     .arg(c)
                                     .arg(delays.size())
                                     .arg(test::percentile(delays, 50))
                                     .arg(test::percentile(delays, 99))
                                     .arg(worst);
            QVERIFY2(worst <= kConsoleLatencyLimitMs,
                     qPrintable(QStringLiteral("console %1 saw a row %2 ms after its commit")
                                    .arg(c)
                                    .arg(worst)));
            consoles[c].stop();
        }
        QVERIFY(committedAt.size() > kAccounts * 10); // the traffic ran meanwhile

        // What the simulator received: each Sent row exactly once, an Unknown
        // row at most once, nothing else and nothing twice.
        QFile stats(statsFile);
        QVERIFY(stats.open(QIODevice::ReadOnly));
        const QJsonArray received
            = QJsonDocument::fromJson(stats.readAll()).object().value("received_texts").toArray();
        QHash<QString, int> times;
        for (const auto &v : received)
            ++times[v.toString()];
        int sent = 0;
        int unknown = 0;
        for (const QString &id : std::as_const(ids)) {
            for (const OutboxEntry &e :
                 OutboxRepository::rows(reader, id, {OutboxState::Sent, OutboxState::Unknown})) {
                if (leftSending.contains(e.id)) {
                    QCOMPARE(e.state, OutboxState::Unknown);
                    QVERIFY(!e.error.isEmpty()); // the reason shows
                    QCOMPARE(times.value(e.text), 0);
                    ++unknown;
                    continue;
                }
                QVERIFY(textOf.contains(e.id));
                const int got = times.value(textOf.value(e.id));
                if (e.state == OutboxState::Sent) {
                    ++sent;
                    QVERIFY2(got == 1,
                             qPrintable(QStringLiteral("row %1 (%2) reached the gateway "
                                                       "%3 times")
                                            .arg(e.id)
                                            .arg(textOf.value(e.id))
                                            .arg(got)));
                } else {
                    ++unknown;
                    QVERIFY2(got <= 1, qPrintable(textOf.value(e.id)));
                    QVERIFY(!e.error.isEmpty()); // the reason shows
                    QVERIFY(moved.contains(id));
                }
            }
        }
        for (auto it = times.cbegin(); it != times.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QCOMPARE(sent + unknown, total + 1);
        QVERIFY(unknown >= kAccounts);
        qInfo().noquote() << QStringLiteral("{\"rows\": %1, \"sent\": %2, \"unknown\": %3, "
                                            "\"received\": %4, \"failover_ms\": %5, "
                                            "\"wall_ms\": %6}")
                                 .arg(total)
                                 .arg(sent)
                                 .arg(unknown)
                                 .arg(received.size())
                                 .arg(movedAfterMs)
                                 .arg(wall.elapsed());

        // One engine per account at any time, from the engines' own logs:
        // an engine takes an account only after the one before stopped it
        // or was killed.
        struct LeaseEvent : EngineProcess::LeaseEvent
        {
            int engine = 0;
        };
        QVector<LeaseEvent> events;
        for (int e = 0; e < kEngines; ++e) {
            for (const EngineProcess::LeaseEvent &ev : engines[e].leaseEvents())
                events.append({ev, e});
        }
        std::sort(events.begin(), events.end(),
                  [](const LeaseEvent &a, const LeaseEvent &b) { return a.ms < b.ms; });
        QHash<QString, int> runningOn; // account -> engine, -1 none
        int takes = 0;
        for (const LeaseEvent &ev : std::as_const(events)) {
            const int current = runningOn.value(ev.accountId, -1);
            if (ev.took) {
                ++takes;
                const bool previousGone
                    = current == -1 || (current == victimIndex && ev.ms >= killedAtMs);
                QVERIFY2(previousGone,
                         qPrintable(QStringLiteral("%1 ran on engines %2 and %3 at "
                                                   "once")
                                        .arg(ev.accountId)
                                        .arg(current)
                                        .arg(ev.engine)));
                runningOn.insert(ev.accountId, ev.engine);
            } else if (current == ev.engine) {
                runningOn.insert(ev.accountId, -1);
            }
        }
        QVERIFY(takes >= kAccounts + moved.size());
        QVERIFY(!runningOn.contains(noToken));
        // The engines said why they left that account alone; no token in any log.
        for (int e = 0; e < kEngines; ++e) {
            QFile log(engines[e].logPath());
            QVERIFY(log.open(QIODevice::ReadOnly));
            const QByteArray text = log.readAll();
            if (e != victimIndex) // it may have died before it looked
                QVERIFY(text.contains("not taking account team-without-token"));
            QVERIFY(!text.contains(tokenBase.toUtf8()));
        }
        QVERIFY2(wall.elapsed() < 90000, "the test should stay under about a minute");
    }
};

QTEST_GUILESS_MAIN(TestTeamEnginesPostgres)
#include "tst_team_engines_postgres.moc"
