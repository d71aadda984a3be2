// bench_login_burst: ingest as users meet it (issue 12). Two processes, the
// shipped binaries: `groupdesk-sim --auto-login --rate 0 --image-every 0
// --room-events off --rooms 500 --burst 100000` on its own, and `groupdesk
// --headless --connect 127.0.0.1:P --token-file F --no-tls` (data dir in a
// temporary folder) started against it, so the backlog arrives at login while
// the 500 rooms and their members sync, as when a bot reconnects after an outage.
// The app runs in a private D-Bus session with gnome-keyring (its token goes to
// the keychain) when those programs exist and no session is set.
//
// Measured: messages/s from the app's process start to the last commit (its
// database polled read-only every 20 ms); the sync time of the rooms with
// their members from the app's log ("sync started" -> "sync finished"); the CPU
// both processes used; the time the app takes to exit on SIGTERM. Checked
// after the app exited: exactly N rows, N distinct message ids, none left in
// the journal, every talker named, every message that is not a repeat in the
// search index. Exits non-zero when a check fails (speed is reported, never
// asserted).
//
// Then the official Wechaty client (PuppetService, node, tests/interop's
// node_modules) drains the same burst from a fresh simulator, fetching each
// payload (tests/interop/drain-burst.mjs): its rate and the ratio. The speed
// of this machine drifts by a quarter between runs (the simulator, doing the
// same work each time, used 2.0 to 4.3 s of CPU): hence several rounds.
//
// Usage: bench_login_burst [--quick|--smoke] [--messages N] [--rooms R] [--runs N]
//                          [--no-wechaty] [--keep] [--verbose]
//   --quick / --smoke  5,000 messages across 50 rooms, no Wechaty run: only
//                      the exactly-once checks count (ctest runs this)
//   --keep             keep the temporary folder (database, logs) and print it
//   --runs N           N rounds (default 3; 1 with --smoke), each GroupDesk then
//                      Wechaty on fresh simulators: the median rates, and the
//                      median of each round's own ratio (a change in the
//                      machine's speed between rounds cancels out of it)

#include "BenchJson.h"
#include "BenchSimProcess.h"
#include "BenchUtil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <unistd.h>

#ifndef GD_SOURCE_DIR
#define GD_SOURCE_DIR "."
#endif

using namespace gd;
using namespace gd::bench;

namespace {

const QString kToken = QStringLiteral("insecure_groupdesk_bench"); // Wechaty wants the prefix

// The app's stderr, line by line: the exec marker of the keychain wrapper and
// the sync lines, with the log's own timestamps.
struct AppLog
{
    QByteArray pending;
    qint64 pid = 0;
    bool execSeen = false;
    QDateTime syncStarted;
    QDateTime syncFinished;
    int lines = 0;
    int debugLines = 0;
    int warnings = 0;

    static QDateTime stamp(const QByteArray &line)
    {
        return QDateTime::fromString(QString::fromLatin1(line.left(line.indexOf(' '))),
                                     Qt::ISODateWithMs);
    }

    void feed(const QByteArray &bytes, bool echo)
    {
        pending += bytes;
        int nl;
        while ((nl = int(pending.indexOf('\n'))) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.startsWith("gd-bench-exec ")) {
                pid = line.mid(14).trimmed().toLongLong();
                execSeen = true;
                continue;
            }
            ++lines;
            if (line.contains(" debug "))
                ++debugLines;
            if (line.contains(" warning ") || line.contains(" critical "))
                ++warnings;
            if (echo)
                fprintf(stderr, "  app: %s\n", line.constData());
            if (line.contains(" sync started") && !syncStarted.isValid())
                syncStarted = stamp(line);
            if (line.contains(" sync finished") && !syncFinished.isValid())
                syncFinished = stamp(line);
        }
    }
};

// The number of rows in a contentless FTS5 index: the first varint of its
// averages record (rowid 1 of the %_data table).
qint64 ftsRowCount(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT block FROM %1_data WHERE id = 1").arg(table)) || !q.next())
        return -1;
    const QByteArray block = q.value(0).toByteArray();
    quint64 value = 0;
    for (int i = 0; i < block.size() && i < 9; ++i) {
        const auto byte = quint8(block.at(i));
        if (i == 8)
            return qint64((value << 8) | byte);
        value = (value << 7) | (byte & 0x7f);
        if (!(byte & 0x80))
            return qint64(value);
    }
    return -1;
}

struct Checks
{
    qint64 rows = -1;
    qint64 distinct = -1;
    qint64 journal = -1;
    qint64 unnamed = -1;
    qint64 notRepeats = -1;
    qint64 indexed = -1;
    qint64 repeats = -1;
};

Checks checkDatabase(const QString &path)
{
    Checks c;
    const QString name = QStringLiteral("bench-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            auto one = [&db](const QString &sql) {
                QSqlQuery q(db);
                if (!q.exec(sql) || !q.next()) {
                    fprintf(stderr, "check failed: %s: %s\n", qPrintable(sql),
                            qPrintable(q.lastError().text()));
                    return qint64(-1);
                }
                return q.value(0).toLongLong();
            };
            c.rows = one(QStringLiteral("SELECT count(*) FROM messages"));
            c.distinct = one(
                QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT msg_id FROM messages)"));
            c.journal = one(QStringLiteral("SELECT count(*) FROM message_journal"));
            c.unnamed = one(QStringLiteral("SELECT count(*) FROM messages WHERE talker_name = ''"
                                           " OR talker_name = talker_id"));
            c.notRepeats = one(QStringLiteral(
                "SELECT count(*) FROM messages WHERE duplicate_of = '' AND text <> ''"));
            c.repeats
                = one(QStringLiteral("SELECT count(*) FROM messages WHERE duplicate_of <> ''"));
            c.indexed = ftsRowCount(db, QStringLiteral("message_index"));
            db.close();
        } else {
            fprintf(stderr, "cannot open %s: %s\n", qPrintable(path),
                    qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return c;
}

struct AppRun
{
    bool ok = false;
    qint64 stored = 0;
    double seconds = 0; // process start -> last commit
    qint64 storedAtSyncEnd = -1; // rows committed when the sync finished
    double rateAfterSync = 0; // messages/s from the sync's end to the last commit
    double syncSeconds = -1;
    double appCpuS = -1;
    QMap<QString, double> appThreads; // CPU seconds by thread name
    double simCpuS = -1;
    double exitSeconds = -1;
    int exitCode = -1;
    AppLog log;
    Checks checks;
};

AppRun runGroupDesk(const QString &dir, int rooms, int messages, bool verbose)
{
    AppRun run;
    BenchSimProcess sim;
    if (!sim.start(kToken, rooms, messages))
        return run;
    const QString dbPath = dir + QStringLiteral("/groupdesk.sqlite");
    const QString tokenFile = dir + QStringLiteral("/token");
    {
        QFile token(tokenFile);
        token.open(QIODevice::WriteOnly);
        token.write(kToken.toUtf8() + '\n');
    }
    const QString app = builtProgram(QStringLiteral("groupdesk/groupdesk"));
    QStringList appArgs{QStringLiteral("--headless"),
                        QStringLiteral("--data-dir"),
                        dir,
                        QStringLiteral("--connect"),
                        QStringLiteral("127.0.0.1:%1").arg(sim.port),
                        QStringLiteral("--token-file"),
                        tokenFile,
                        QStringLiteral("--no-tls")};
    // The token goes to the keychain as the app does for users: a private
    // D-Bus session with an unlocked gnome-keyring, as scripts/test.sh runs.
    const bool wrap = qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && !QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty();
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    QObject::connect(&process, &QProcess::readyReadStandardError,
                     [&] { run.log.feed(process.readAllStandardError(), verbose); });
    QElapsedTimer clock;
    if (wrap) {
        const QString script = QStringLiteral(
            "printf groupdesk-bench | gnome-keyring-daemon --unlock --components=secrets "
            ">/dev/null 2>&1; echo \"gd-bench-exec $$\" >&2; exec \"$0\" \"$@\"");
        process.start(QStringLiteral("dbus-run-session"),
                      QStringList{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                  script, app}
                          + appArgs);
        // The clock starts when the app's own process starts (after the keyring).
        waitUntil([&] { return run.log.execSeen || process.state() == QProcess::NotRunning; },
                  30000, 1);
        clock.start();
        if (!run.log.execSeen) {
            fprintf(stderr, "the D-Bus session for the app did not start\n");
            return run;
        }
    } else {
        clock.start();
        process.start(app, appArgs);
        process.waitForStarted(10000);
        run.log.pid = process.processId();
    }
    fprintf(stderr, "# app pid %lld%s, simulator on port %u\n", run.log.pid,
            wrap ? " (in a private D-Bus session with gnome-keyring)" : "", unsigned(sim.port));

    // Poll the archive read-only for the highest row id (cheap: the rowid b-tree).
    const QString pollName = QStringLiteral("bench-poll");
    qint64 lastCommitNs = 0;
    QVector<QPair<qint64, qint64>> counts; // (ms since the epoch, rows) at each change
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), pollName);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        qint64 seen = 0;
        QElapsedTimer stall;
        stall.start();
        waitUntil(
            [&] {
                if (process.state() == QProcess::NotRunning)
                    return true;
                if (!db.isOpen() && (!QFileInfo::exists(dbPath) || !db.open()))
                    return false;
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages"))
                    && q.next()) {
                    const qint64 n = q.value(0).toLongLong();
                    if (n != seen) {
                        seen = n;
                        lastCommitNs = clock.nsecsElapsed();
                        counts.append({QDateTime::currentMSecsSinceEpoch(), n});
                        stall.restart();
                    }
                }
                return seen >= messages || stall.elapsed() > 60000;
            },
            3600000, 20);
        run.appCpuS = processCpuSeconds(run.log.pid);
        run.appThreads = threadCpuSeconds(run.log.pid);
        run.simCpuS = processCpuSeconds(sim.process.processId());
        // Anything beyond N (a message stored twice) would show up now.
        waitUntil([] { return false; }, 1000);
        db.close();
    }
    QSqlDatabase::removeDatabase(pollName);
    run.seconds = lastCommitNs / 1e9;
    if (run.log.syncStarted.isValid() && run.log.syncFinished.isValid()) {
        run.syncSeconds = run.log.syncStarted.msecsTo(run.log.syncFinished) / 1000.0;
        // How the burst splits: what was stored while the directory synced
        // (fewer payloads in flight then, messages of unnamed talkers held),
        // and the rate after it.
        const qint64 syncEndMs = run.log.syncFinished.toMSecsSinceEpoch();
        run.storedAtSyncEnd = 0;
        for (const auto &[ms, rows] : std::as_const(counts)) {
            if (ms <= syncEndMs)
                run.storedAtSyncEnd = rows;
        }
        if (!counts.isEmpty() && counts.last().first > syncEndMs)
            run.rateAfterSync = (counts.last().second - run.storedAtSyncEnd) * 1000.0
                / double(counts.last().first - syncEndMs);
    }

    // SIGTERM: pending writes are committed and the app exits 0 (README).
    QElapsedTimer exitClock;
    exitClock.start();
    if (run.log.pid > 0)
        ::kill(pid_t(run.log.pid), SIGTERM);
    if (!waitUntil([&] { return process.state() == QProcess::NotRunning; }, 120000, 20)) {
        fprintf(stderr, "the app did not exit within 120 s of SIGTERM: killed\n");
        ::kill(pid_t(run.log.pid), SIGKILL);
        process.waitForFinished(10000);
    } else {
        run.exitSeconds = exitClock.nsecsElapsed() / 1e9;
        run.exitCode = process.exitCode();
    }
    run.log.feed(process.readAllStandardError() + '\n', verbose);
    sim.stop();

    run.checks = checkDatabase(dbPath);
    run.stored = run.checks.rows;
    run.ok = run.checks.rows == messages && run.checks.distinct == messages
        && run.checks.journal == 0 && run.checks.unnamed == 0
        && run.checks.indexed == run.checks.notRepeats;
    return run;
}

struct WechatyRun
{
    bool ran = false;
    bool ok = false;
    qint64 fetched = 0;
    double seconds = 0;
    double loginSeconds = 0;
};

WechatyRun runWechaty(const QString &dir, int rooms, int messages)
{
    WechatyRun run;
    const QString interop = QStringLiteral(GD_SOURCE_DIR "/tests/interop");
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()
        || !QFileInfo::exists(interop + QStringLiteral("/node_modules/wechaty-puppet-service"))) {
        fprintf(stderr, "# no node or no %s/node_modules (npm ci there): Wechaty run skipped\n",
                qPrintable(interop));
        return run;
    }
    BenchSimProcess sim;
    if (!sim.start(kToken, rooms, messages))
        return run;
    run.ran = true;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir); // its payload cache (~/.wechaty)
    env.insert(QStringLiteral("WECHATY_LOG"), QStringLiteral("warn"));
    process.setProcessEnvironment(env);
    process.setStandardErrorFile(QProcess::nullDevice());
    QByteArray out;
    QJsonObject done;
    process.start(node,
                  {interop + QStringLiteral("/drain-burst.mjs"), QStringLiteral("--endpoint"),
                   QStringLiteral("127.0.0.1:%1").arg(sim.port), QStringLiteral("--token"), kToken,
                   QStringLiteral("--count"), QString::number(messages)});
    waitUntil(
        [&] {
            out += process.readAllStandardOutput();
            int nl;
            while ((nl = int(out.indexOf('\n'))) >= 0) {
                const QJsonObject o = QJsonDocument::fromJson(out.left(nl)).object();
                out.remove(0, nl + 1);
                const QString event = o.value(QStringLiteral("event")).toString();
                if (event == QLatin1String("login"))
                    run.loginSeconds = o.value(QStringLiteral("ms")).toDouble() / 1000;
                else if (event == QLatin1String("done") || event == QLatin1String("timeout"))
                    done = o;
            }
            return !done.isEmpty() || process.state() == QProcess::NotRunning;
        },
        900000, 20);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    sim.stop();
    run.fetched = done.value(QStringLiteral("fetched")).toInteger();
    run.seconds = done.value(QStringLiteral("ms")).toDouble() / 1000;
    run.ok = done.value(QStringLiteral("event")).toString() == QLatin1String("done")
        && run.fetched == messages;
    if (!run.ok)
        fprintf(stderr, "the Wechaty client fetched %lld of %d payloads\n", run.fetched, messages);
    return run;
}

// The middle value (the lower middle of an even count).
double median(QVector<double> values)
{
    return values.isEmpty() ? 0 : percentile(std::move(values), 49.9);
}

// One round: GroupDesk, then (unless skipped) the Wechaty client, on fresh
// simulators. Printed as it ends.
struct Round
{
    AppRun gd;
    double rate = 0;
    bool wechatyRan = false;
    bool wechatyOk = true;
    double wechatyRate = 0;
};

Round runRound(const QString &dir, int round, int rooms, int messages, bool wechaty, bool verbose)
{
    Round r;
    QDir().mkpath(dir + QStringLiteral("/app"));
    r.gd = runGroupDesk(dir + QStringLiteral("/app"), rooms, messages, verbose);
    r.rate = r.gd.seconds > 0 ? r.gd.stored / r.gd.seconds : 0;
    const Checks &c = r.gd.checks;
    fprintf(stderr,
            "# round %d: %.0f messages/s (%.2f s), sync %.2f s (%lld stored by its end, then "
            "%.0f messages/s), app CPU %.2f s, simulator CPU %.2f s; stored %lld rows (%lld "
            "distinct ids, %lld repeats), journal %lld, unnamed %lld, indexed %lld of %lld; exit "
            "after %.1f s with code %d; %d log lines (%d debug)\n",
            round, r.rate, r.gd.seconds, r.gd.syncSeconds, r.gd.storedAtSyncEnd, r.gd.rateAfterSync,
            r.gd.appCpuS, r.gd.simCpuS, c.rows, c.distinct, c.repeats, c.journal, c.unnamed,
            c.indexed, c.notRepeats, r.gd.exitSeconds, r.gd.exitCode, r.gd.log.lines,
            r.gd.log.debugLines);
    if (!wechaty)
        return r;
    QDir().mkpath(dir + QStringLiteral("/wechaty"));
    const WechatyRun w = runWechaty(dir + QStringLiteral("/wechaty"), rooms, messages);
    if (!w.ran)
        return r;
    r.wechatyRan = true;
    r.wechatyOk = w.ok;
    r.wechatyRate = w.seconds > 0 ? w.fetched / w.seconds : 0;
    fprintf(stderr,
            "# round %d: Wechaty client %.0f messages/s (%.2f s, login %.2f s); ratio %.2fx\n",
            round, r.wechatyRate, w.seconds, w.loginSeconds,
            r.wechatyRate > 0 ? r.rate / r.wechatyRate : 0);
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smoke
        = args.contains(QStringLiteral("--quick")) || args.contains(QStringLiteral("--smoke"));
    auto intArg = [&](const QString &name, int fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int messages = intArg(QStringLiteral("--messages"), smoke ? 5000 : 100000);
    const int rooms = intArg(QStringLiteral("--rooms"), smoke ? 50 : 500);
    const int runs = std::max(1, intArg(QStringLiteral("--runs"), smoke ? 1 : 3));
    const bool wechaty = !smoke && !args.contains(QStringLiteral("--no-wechaty"));
    const bool verbose = args.contains(QStringLiteral("--verbose"));

    QTemporaryDir dir;
    if (args.contains(QStringLiteral("--keep"))) {
        dir.setAutoRemove(false);
        fprintf(stderr, "# keeping %s\n", qPrintable(dir.path()));
    }
    const QString loadBefore = loadAverage();
    fprintf(stderr,
            "# bench_login_burst: %d messages across %d rooms at login, two processes, %d "
            "round(s); load %s\n",
            messages, rooms, runs, qPrintable(loadBefore));

    QVector<Round> rounds;
    bool exact = true;
    bool wechatyOk = true;
    for (int i = 0; i < runs; ++i) {
        rounds.append(runRound(dir.filePath(QStringLiteral("round%1").arg(i + 1)), i + 1, rooms,
                               messages, wechaty, verbose));
        exact = exact && rounds.last().gd.ok;
        wechatyOk = wechatyOk && rounds.last().wechatyOk;
    }
    const QString loadAfter = loadAverage();

    // The round with the median rate stands for the run: its checks, CPU
    // and threads are printed with it; every round's rate is listed.
    QVector<double> rates, syncs, wechatyRates, ratios;
    for (const Round &r : std::as_const(rounds)) {
        rates.append(r.rate);
        syncs.append(r.gd.syncSeconds);
        if (r.wechatyRan && r.wechatyRate > 0) {
            wechatyRates.append(r.wechatyRate);
            ratios.append(r.rate / r.wechatyRate);
        }
    }
    const double rate = median(rates);
    const Round *middle = &rounds.first();
    for (const Round &r : std::as_const(rounds)) {
        if (r.rate == rate)
            middle = &r;
    }
    const AppRun &gd = middle->gd;
    const Checks &c = gd.checks;
    QJsonObject threads;
    for (auto it = gd.appThreads.cbegin(); it != gd.appThreads.cend(); ++it) {
        if (it.value() >= 0.05)
            threads.insert(it.key(), qRound(it.value() * 100) / 100.0);
    }
    fprintf(stderr, "# app CPU by thread (the median round): %s\n",
            QJsonDocument(threads).toJson(QJsonDocument::Compact).constData());
    auto list = [](const QVector<double> &values) {
        QJsonArray a;
        for (double v : values)
            a.append(qRound64(v * 100) / 100.0);
        return a;
    };

    const QString suffix = smoke ? QStringLiteral("_smoke_%1msgs").arg(messages) : QString();
    printJson(QStringLiteral("login_burst_ingest") + suffix, rate, QStringLiteral("messages/s"),
              smoke ? QStringLiteral("exactly once") : QStringLiteral(">= 20000"),
              {{QStringLiteral("messages"), messages},
               {QStringLiteral("rooms"), rooms},
               {QStringLiteral("rounds"), runs},
               {QStringLiteral("rates"), list(rates)},
               {QStringLiteral("stored"), double(c.rows)},
               {QStringLiteral("distinct_ids"), double(c.distinct)},
               {QStringLiteral("left_in_journal"), double(c.journal)},
               {QStringLiteral("unnamed"), double(c.unnamed)},
               {QStringLiteral("indexed"), double(c.indexed)},
               {QStringLiteral("repeats"), double(c.repeats)},
               {QStringLiteral("exact"), exact},
               {QStringLiteral("seconds"), gd.seconds},
               {QStringLiteral("stored_at_sync_end"), double(gd.storedAtSyncEnd)},
               {QStringLiteral("rate_after_sync"), gd.rateAfterSync},
               {QStringLiteral("app_cpu_s"), gd.appCpuS},
               {QStringLiteral("sim_cpu_s"), gd.simCpuS},
               // The simulator's work is the same every round: its CPU time
               // shows how fast the machine ran, and the app's over it how
               // much the app costs whatever the speed of the moment.
               {QStringLiteral("app_over_sim_cpu"), gd.simCpuS > 0 ? gd.appCpuS / gd.simCpuS : 0},
               {QStringLiteral("app_cpu_s_by_thread"), threads},
               {QStringLiteral("exit_s"), gd.exitSeconds},
               {QStringLiteral("exit_code"), gd.exitCode},
               {QStringLiteral("log_lines"), gd.log.lines},
               {QStringLiteral("load"), loadBefore},
               {QStringLiteral("load_after"), loadAfter}});
    printJson(QStringLiteral("login_burst_sync") + suffix, median(syncs), QStringLiteral("s"),
              smoke ? QStringLiteral("report") : QStringLiteral("<= 2"),
              {{QStringLiteral("rooms"), rooms}, {QStringLiteral("rounds"), list(syncs)}});
    if (!wechatyRates.isEmpty()) {
        printJson(QStringLiteral("login_burst_wechaty_client"), median(wechatyRates),
                  QStringLiteral("messages/s"), QStringLiteral("report"),
                  {{QStringLiteral("messages"), messages},
                   {QStringLiteral("rates"), list(wechatyRates)},
                   {QStringLiteral("load"), loadBefore},
                   {QStringLiteral("load_after"), loadAfter}});
        // Each round's two runs follow each other: their ratio is paired,
        // so a change in the machine's speed between rounds cancels out.
        printJson(QStringLiteral("login_burst_vs_wechaty"), median(ratios), QStringLiteral("x"),
                  QStringLiteral(">= 5"), {{QStringLiteral("rounds"), list(ratios)}});
    }
    if (!exact) {
        fprintf(stderr, "bench_login_burst: NOT exactly once, named and indexed (see above)\n");
        return 1;
    }
    return wechatyOk ? 0 : 1;
}
