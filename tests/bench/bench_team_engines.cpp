// Issue 18, "what it must show" 2: N `groupdesk --headless --database`
// engine processes on one PostgreSQL (a PgTestServer), N accounts of R groups
// each, every account served by its own `groupdesk-sim` process
// (--auto-login, text only), T messages/s in total for S seconds; the engines
// share the accounts through their leases; two consoles (gd-console-probe
// processes) follow the archive. Full: 10 engines x 100 rooms, 500 msg/s,
// 300 s; --quick: 3 x 30, 90 msg/s, 30 s; --smoke (ctest): 2 x 5, 20 msg/s,
// 8 s, checks only.
//
// Reported (JSON lines):
// - the simulators' emit rate (their own count, read from --stats-every
//   files once a second) and the commit rate of incoming messages in the
//   shared archive, both as slopes over the middle half of the traffic;
// - the backlog growth: emitted minus committed, per second, over the middle
//   half (about 0 when the engines keep up; the simulators' own rate is not
//   the engines' fault, so it is measured, not assumed);
// - the commit rate's mean and slowest 5 s window, the drain time after the
//   traffic, the engines' CPU (cores used, all engines together);
// - console update latency p50/p95/p99/max: from each row's commit (the
//   server's commit timestamp, track_commit_timestamp) to the time each
//   console printed it.
// Checked (exits non-zero otherwise): every message the simulators emitted
// is stored, none twice, and reached every console exactly once.
// Needs a keychain for the gateway tokens: without a D-Bus session it runs
// itself in a private one with gnome-keyring.

#include "BenchJson.h"
#include "BenchUtil.h"
#include "CommitTimes.h"
#include "ConsoleProbe.h"
#include "EngineProcess.h"
#include "PgTestServer.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace gd;
using namespace gd::bench;
using gd::test::ConsoleProbe;
using gd::test::EngineProcess;

namespace {

void note(const QString &text)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(text));
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

struct Counts
{
    qint64 stored = -1;
    qint64 distinct = -1;
};

Counts countIncoming(StoreReader &reader)
{
    Counts c;
    QSqlQuery q(reader.database());
    if (q.exec(QStringLiteral("SELECT count(*), count(DISTINCT (account_id, msg_id)) FROM messages"
                              " WHERE from_self = 0 AND kind <> 100"))
        && q.next()) {
        c.stored = q.value(0).toLongLong();
        c.distinct = q.value(1).toLongLong();
    }
    return c;
}

// messages_emitted of one simulator's stats file, and when it was written
// (ms since the epoch); -1 while there is none.
struct Emitted
{
    qint64 count = -1;
    qint64 atMs = 0;
    bool trafficEnded = false;
};

Emitted readEmitted(const QString &statsFile)
{
    QFile f(statsFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 at = QFileInfo(f).lastModified().toMSecsSinceEpoch();
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonValue v = o.value(QStringLiteral("messages_emitted"));
    return v.isUndefined()
        ? Emitted{}
        : Emitted{v.toInteger(), at, o.value(QStringLiteral("traffic_ended")).toBool()};
}

// The least-squares slope of (x, y) points: a rate, robust to the one-second
// sampling jitter of a busy machine.
double slope(const QVector<QPointF> &points)
{
    if (points.size() < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const QPointF &p : points) {
        sx += p.x();
        sy += p.y();
        sxx += p.x() * p.x();
        sxy += p.x() * p.y();
    }
    const double n = double(points.size());
    const double d = n * sxx - sx * sx;
    return d == 0 ? 0 : (n * sxy - sx * sy) / d;
}

} // namespace

int main(int argc, char **argv)
{
    rerunInPrivateKeyring(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("engines"), QStringLiteral("engine processes"), QStringLiteral("n"),
          QStringLiteral("10")},
         {QStringLiteral("rooms"), QStringLiteral("groups per account"), QStringLiteral("n"),
          QStringLiteral("100")},
         {QStringLiteral("rate"), QStringLiteral("messages/s in total"), QStringLiteral("n"),
          QStringLiteral("500")},
         {QStringLiteral("seconds"), QStringLiteral("traffic duration"), QStringLiteral("s"),
          QStringLiteral("300")},
         {QStringLiteral("consoles"), QStringLiteral("gd-console-probe processes"),
          QStringLiteral("n"), QStringLiteral("2")},
         {QStringLiteral("send-every"),
          QStringLiteral("each console queues a send every this many seconds (0: none)"),
          QStringLiteral("s"), QStringLiteral("2")},
         {QStringLiteral("keep"), QStringLiteral("keep the engines' logs in this directory"),
          QStringLiteral("dir")},
         {QStringLiteral("quick"), QStringLiteral("3 x 30 rooms, 90/s, 30 s")},
         {QStringLiteral("smoke"), QStringLiteral("2 x 5 rooms, 20/s, 8 s, checks")}});
    parser.process(app);
    int engines = parser.value(QStringLiteral("engines")).toInt();
    int rooms = parser.value(QStringLiteral("rooms")).toInt();
    double rate = parser.value(QStringLiteral("rate")).toDouble();
    int seconds = parser.value(QStringLiteral("seconds")).toInt();
    const int consoleCount = parser.value(QStringLiteral("consoles")).toInt();
    const double sendEveryS = parser.value(QStringLiteral("send-every")).toDouble();
    QString suffix;
    if (parser.isSet(QStringLiteral("quick"))) {
        engines = 3, rooms = 30, rate = 90, seconds = 30;
        suffix = QStringLiteral("_quick");
    }
    const bool smoke = parser.isSet(QStringLiteral("smoke"));
    if (smoke)
        engines = 2, rooms = 5, rate = 20, seconds = 8;
    if (engines < 1 || rooms < 1 || rate <= 0 || seconds < 1 || consoleCount < 0) {
        note(QStringLiteral("bad sizes"));
        return 2;
    }
    const QString groupdesk = builtProgram(QStringLiteral("groupdesk/groupdesk"));
    const QString simProgram = builtProgram(QStringLiteral("sim/groupdesk-sim"));
    const QString probeProgram = QDir(QCoreApplication::applicationDirPath())
                                     .absoluteFilePath(QStringLiteral("../gd-console-probe"));

    test::PgTestServer server;
    // Each row's commit time: the console latency is measured from it.
    server.addSetting(QStringLiteral("track_commit_timestamp"), QStringLiteral("on"));
    QString error;
    if (!server.start(&error)) {
        note(QStringLiteral("PostgreSQL: ") + error);
        return 1;
    }
    const QString database = server.createFreshDatabase(&error);
    if (database.isEmpty()) {
        note(error);
        return 1;
    }
    const QString url = server.url(database);
    Store store;
    if (!store.open(url, &error)) {
        note(error);
        return 1;
    }
    auto reader = store.createReader();
    QTemporaryDir tempDir;
    const QString dirPath = parser.isSet(QStringLiteral("keep"))
        ? parser.value(QStringLiteral("keep"))
        : tempDir.path();
    QDir().mkpath(dirPath);
    const QDir dir(dirPath);

    // One simulator (one account) per engine, its own token; each rewrites
    // its statistics once a second, so what it emitted is known as it goes.
    std::vector<std::unique_ptr<QProcess>> sims;
    QStringList statsFiles;
    SecretStore secrets;
    int tokensWritten = 0;
    int tokensFailed = 0;
    const QString tokenBase
        = QStringLiteral("bench-team-%1-").arg(QCoreApplication::applicationPid());
    for (int i = 0; i < engines; ++i) {
        const quint16 port = freeLoopbackPort();
        const QString id = QStringLiteral("bench-%1").arg(i);
        statsFiles << dir.filePath(id + QStringLiteral(".json"));
        QFile::remove(statsFiles.last());
        auto sim = std::make_unique<QProcess>();
        sim->setStandardOutputFile(QProcess::nullDevice());
        sim->setStandardErrorFile(dir.filePath(id + QStringLiteral("-sim.err")));
        sim->start(simProgram,
                   {QStringLiteral("--port"), QString::number(port), QStringLiteral("--token"),
                    tokenBase + id, QStringLiteral("--rate"), QString::number(rate / engines),
                    QStringLiteral("--duration"), QString::number(seconds),
                    QStringLiteral("--rooms"), QString::number(rooms),
                    QStringLiteral("--auto-login"), QStringLiteral("--image-every"),
                    QStringLiteral("0"), QStringLiteral("--room-events"), QStringLiteral("off"),
                    QStringLiteral("--stats-file"), statsFiles.last(),
                    QStringLiteral("--stats-every"), QStringLiteral("1")});
        if (!sim->waitForStarted(10000)) {
            note(QStringLiteral("groupdesk-sim did not start"));
            return 1;
        }
        sims.push_back(std::move(sim));
        AccountInfo account;
        account.id = id;
        account.displayName = id;
        account.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
        store.upsertAccount(account);
        secrets.writeToken(id, tokenBase + id,
                           [&tokensWritten, &tokensFailed](bool ok, const QString &e) {
                               if (!ok) {
                                   note(QStringLiteral("keychain: ") + e);
                                   ++tokensFailed;
                               }
                               ++tokensWritten;
                           });
    }
    store.flush();
    if (!waitUntil([&] { return tokensWritten == engines; }, 20000)) {
        note(QStringLiteral("the keychain did not answer"));
        return 1;
    }
    if (tokensFailed > 0) { // no engine could run those accounts: minutes of nothing
        note(QStringLiteral("%1 gateway tokens could not be kept in the keychain")
                 .arg(tokensFailed));
        return 1;
    }

    // The consoles follow the archive from before the first message.
    std::vector<std::unique_ptr<ConsoleProbe>> consoles;
    for (int c = 0; c < consoleCount; ++c) {
        auto probe = std::make_unique<ConsoleProbe>();
        QStringList sends;
        if (sendEveryS > 0) // to one account per console, below its pacer's rate
            sends
                = {QStringLiteral("--send"),
                   QStringLiteral("bench-%1/1001@chatroom/控制台%2的回复").arg(c % engines).arg(c),
                   QStringLiteral("--send-every"), QString::number(sendEveryS)};
        if (!probe->start(probeProgram, url, sends, &error)) {
            note(error);
            return 1;
        }
        consoles.push_back(std::move(probe));
    }
    if (!waitUntil(
            [&] {
                for (auto &c : consoles) {
                    if (!c->has(QStringLiteral("ready")))
                        return false;
                }
                return true;
            },
            20000)) {
        note(QStringLiteral("a console did not start"));
        return 1;
    }

    std::vector<std::unique_ptr<EngineProcess>> running;
    for (int i = 0; i < engines; ++i) {
        auto engine = std::make_unique<EngineProcess>();
        if (!engine->start(groupdesk, url, dir.filePath(QStringLiteral("engine%1").arg(i)),
                           QStringLiteral("b%1").arg(i), QString(), &error)) {
            note(error);
            return 1;
        }
        running.push_back(std::move(engine));
    }
    note(QStringLiteral("%1 engines x %2 rooms, %3 msg/s, %4 s, %5 consoles on %6")
             .arg(engines)
             .arg(rooms)
             .arg(rate)
             .arg(seconds)
             .arg(consoleCount)
             .arg(url));

    // Samples once a second from the first stored message until the traffic
    // has surely ended and nothing more arrives: what is committed (when it
    // was counted) and what the simulators emitted (when they wrote it).
    struct Sample
    {
        double s; // since the first stored message
        qint64 stored;
        double emittedS; // the simulators' files' mean write time, same scale
        qint64 emitted;
    };
    QVector<Sample> samples;
    QElapsedTimer clock;
    clock.start();
    qint64 firstMs = -1; // on the epoch clock
    qint64 lastChangeMs = 0;
    qint64 last = 0;
    bool allEnded = false; // every simulator's traffic is over
    qint64 emittedSoFar = 0;
    double engineCpuAtStart = -1;
    double engineCpuAtEnd = -1;
    double cpuFromS = 0;
    double cpuToS = 0;
    const auto engineCpu = [&running] {
        double sum = 0;
        for (const auto &e : running)
            sum += std::max(0.0, e->cpuSeconds());
        return sum;
    };
    while (clock.elapsed() < qint64(seconds) * 1000 + 180000) {
        waitUntil([] { return false; }, 1000, 50);
        const Counts c = countIncoming(*reader);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (c.stored > 0 && firstMs < 0)
            firstMs = nowMs;
        if (firstMs >= 0) {
            qint64 emitted = 0;
            double atSum = 0;
            int files = 0;
            int ended = 0;
            for (const QString &file : std::as_const(statsFiles)) {
                const Emitted e = readEmitted(file);
                if (e.count < 0)
                    continue;
                emitted += e.count;
                atSum += double(e.atMs);
                ++files;
                ended += e.trafficEnded;
            }
            allEnded = ended == engines;
            emittedSoFar = emitted;
            const double s = (nowMs - firstMs) / 1000.0;
            samples.append(
                {s, c.stored, files ? (atSum / files - double(firstMs)) / 1000.0 : s, emitted});
            // The engines' CPU over the middle half of the traffic.
            if (engineCpuAtStart < 0 && s >= seconds * 0.25) {
                engineCpuAtStart = engineCpu();
                cpuFromS = s;
            }
            if (engineCpuAtEnd < 0 && s >= seconds * 0.75) {
                engineCpuAtEnd = engineCpu();
                cpuToS = s;
            }
        }
        if (c.stored != last) {
            last = c.stored;
            lastChangeMs = clock.elapsed();
        }
        // Done: every simulator's traffic is over and all of it is stored,
        // or nothing came for 30 s (what is missing then is reported).
        if (firstMs >= 0
            && QDateTime::currentMSecsSinceEpoch() - firstMs > qint64(seconds) * 1000 + 2000
            && ((allEnded && c.stored >= emittedSoFar && clock.elapsed() - lastChangeMs > 2000)
                || clock.elapsed() - lastChangeMs > 30000))
            break;
    }
    const double load = loadAverage();
    // Accounts an engine stopped while it ran (its lease not renewed in
    // time, or lost): each is a gap in that account's traffic.
    int leaseLosses = 0;
    for (const auto &engine : running) {
        for (const EngineProcess::LeaseEvent &e : engine->leaseEvents())
            leaseLosses += !e.took;
    }
    for (auto &engine : running)
        engine->stop(30000);
    qint64 emitted = 0;
    for (int i = 0; i < engines; ++i) {
        sims[std::size_t(i)]->terminate();
        sims[std::size_t(i)]->waitForFinished(15000);
        emitted += std::max<qint64>(0, readEmitted(statsFiles[i]).count);
    }
    const Counts final = countIncoming(*reader);

    // Every committed row against the time each console printed it.
    const QHash<qint64, qint64> committedAt = test::messageCommitTimes(reader->database(), &error);
    if (committedAt.isEmpty())
        note(QStringLiteral("no commit times: ") + error);
    waitUntil(
        [&] {
            for (auto &c : consoles) {
                if (c->messages().size() < committedAt.size())
                    return false;
            }
            return true;
        },
        10000, 50);
    // The consoles' sends, from "queued" to the gateway (the simulators'
    // texts and their arrival times, in one order).
    QHash<QString, QList<qint64>> receivedAt;
    for (const QString &file : std::as_const(statsFiles)) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray texts = o.value(QStringLiteral("received_texts")).toArray();
        const QJsonArray times = o.value(QStringLiteral("text_received_ms")).toArray();
        for (qsizetype i = 0; i < texts.size() && i < times.size(); ++i)
            receivedAt[texts.at(i).toString()].append(times.at(i).toInteger());
    }
    QVector<double> sendDelays;
    int sendsLost = 0;
    int sendsRepeated = 0;
    const qint64 middleFromMs = firstMs + qint64(seconds * 250);
    const qint64 middleToMs = firstMs + qint64(seconds * 750);
    for (auto &c : consoles) {
        for (const QStringList &queued : c->linesOf(QStringLiteral("queued"))) {
            const qint64 queuedMs = queued.value(0).toLongLong();
            const QList<qint64> got = receivedAt.value(queued.value(2));
            sendsRepeated += got.size() > 1;
            if (queuedMs < middleFromMs || queuedMs > middleToMs)
                continue; // before its account ran, or near the engines' stop
            if (got.isEmpty())
                ++sendsLost;
            else
                sendDelays.append(double(got.first() - queuedMs));
        }
    }

    QVector<double> delays;
    qint64 missedAtConsoles = 0;
    qint64 repeatedAtConsoles = 0;
    for (auto &c : consoles) {
        c->stop();
        const QHash<qint64, QList<qint64>> seen = c->seenByRow();
        for (auto it = committedAt.cbegin(); it != committedAt.cend(); ++it) {
            const QList<qint64> times = seen.value(it.key());
            if (times.isEmpty()) {
                ++missedAtConsoles;
                continue;
            }
            repeatedAtConsoles += times.size() - 1;
            delays.append(double(times.first() - it.value()));
        }
    }

    // The traffic ends `seconds` after each simulator's first subscriber,
    // about when the first message is stored.
    double rateMean = 0;
    double slowestWindow = -1;
    double drainS = 0;
    for (const Sample &s : samples) {
        if (s.s <= seconds && s.s > 0)
            rateMean = s.stored / s.s;
    }
    for (int i = 0; i + 5 < samples.size() && samples[i + 5].s <= seconds; ++i) {
        const double r
            = (samples[i + 5].stored - samples[i].stored) / (samples[i + 5].s - samples[i].s);
        slowestWindow = slowestWindow < 0 ? r : std::min(slowestWindow, r);
    }
    // The middle half of the traffic, when every simulator runs: what the
    // simulators emit per second, what is committed per second, and the
    // difference, which is how fast the backlog grows.
    QVector<QPointF> emittedPoints;
    QVector<QPointF> storedPoints;
    for (const Sample &s : samples) {
        if (s.s >= seconds * 0.25 && s.s <= seconds * 0.75) {
            storedPoints.append({s.s, double(s.stored)});
            emittedPoints.append({s.emittedS, double(s.emitted)});
        }
    }
    const double emitRate = slope(emittedPoints);
    const double commitRate = slope(storedPoints);
    const double growth = emitRate - commitRate;
    for (const Sample &s : samples) {
        if (s.stored >= final.stored) {
            drainS = std::max(0.0, s.s - seconds);
            break;
        }
    }
    const double engineCores = cpuToS > cpuFromS && engineCpuAtStart >= 0 && engineCpuAtEnd >= 0
        ? (engineCpuAtEnd - engineCpuAtStart) / (cpuToS - cpuFromS)
        : -1;
    const QJsonObject extra{{QStringLiteral("engines"), engines},
                            {QStringLiteral("rooms_per_engine"), rooms},
                            {QStringLiteral("rate"), rate},
                            {QStringLiteral("seconds"), seconds},
                            {QStringLiteral("consoles"), consoleCount},
                            {QStringLiteral("emitted"), emitted},
                            {QStringLiteral("stored"), final.stored},
                            {QStringLiteral("distinct"), final.distinct},
                            {QStringLiteral("load_average"), load}};
    if (!smoke) {
        printJson(QStringLiteral("team_sim_emit_rate") + suffix, emitRate, QStringLiteral("msg/s"),
                  QStringLiteral("= %1 (the simulators' accuracy)").arg(rate), extra);
        printJson(QStringLiteral("team_commit_rate_middle") + suffix, commitRate,
                  QStringLiteral("msg/s"), QStringLiteral("= emit rate"), extra);
        printJson(QStringLiteral("team_backlog_growth") + suffix, growth, QStringLiteral("msg/s"),
                  QStringLiteral("<= 0 (emitted minus committed)"), extra);
        printJson(QStringLiteral("team_commit_rate") + suffix, rateMean, QStringLiteral("msg/s"),
                  QStringLiteral(">= %1").arg(rate), extra);
        printJson(QStringLiteral("team_commit_rate_slowest_5s") + suffix, slowestWindow,
                  QStringLiteral("msg/s"), QStringLiteral(">= %1").arg(rate), extra);
        printJson(QStringLiteral("team_drain_after_traffic") + suffix, drainS, QStringLiteral("s"),
                  QStringLiteral("<= 5"), extra);
        printJson(QStringLiteral("team_engines_cpu") + suffix, engineCores, QStringLiteral("cores"),
                  QStringLiteral("for information"), extra);
        printJson(QStringLiteral("team_lease_losses") + suffix, leaseLosses,
                  QStringLiteral("accounts stopped"), QStringLiteral("0"), extra);
        for (const double p : {50.0, 95.0, 100.0}) {
            const QString name = p == 100.0 ? QStringLiteral("team_send_latency_max")
                                            : QStringLiteral("team_send_latency_p%1").arg(int(p));
            QJsonObject sendExtra = extra;
            sendExtra.insert(QStringLiteral("sends"), int(sendDelays.size()));
            printJson(name + suffix, percentile(sendDelays, p), QStringLiteral("ms"),
                      QStringLiteral("for information (console queued -> gateway)"), sendExtra);
        }
        for (const double p : {50.0, 95.0, 99.0, 100.0}) {
            const QString name = p == 100.0
                ? QStringLiteral("team_console_latency_max")
                : QStringLiteral("team_console_latency_p%1").arg(int(p));
            printJson(name + suffix, percentile(delays, p), QStringLiteral("ms"),
                      p == 99.0 ? QStringLiteral("<= 1000") : QStringLiteral("for information"),
                      extra);
        }
    }
    note(QStringLiteral("emitted %1, stored %2, distinct %3; simulators %4/s, committed %5/s, "
                        "backlog growth %6/s (middle half); mean %7/s, slowest 5 s %8/s, drained "
                        "%9 s after the traffic; engines %10 cores; %11 accounts stopped while "
                        "running (lease); load %12")
             .arg(emitted)
             .arg(final.stored)
             .arg(final.distinct)
             .arg(emitRate, 0, 'f', 1)
             .arg(commitRate, 0, 'f', 1)
             .arg(growth, 0, 'f', 2)
             .arg(rateMean, 0, 'f', 1)
             .arg(slowestWindow, 0, 'f', 1)
             .arg(drainS, 0, 'f', 1)
             .arg(engineCores, 0, 'f', 2)
             .arg(leaseLosses)
             .arg(load));
    note(QStringLiteral("consoles: %1 rows x %2, latency p50 %3 ms, p95 %4, p99 %5, max %6; "
                        "missed %7, repeated %8")
             .arg(committedAt.size())
             .arg(consoleCount)
             .arg(percentile(delays, 50))
             .arg(percentile(delays, 95))
             .arg(percentile(delays, 99))
             .arg(percentile(delays, 100))
             .arg(missedAtConsoles)
             .arg(repeatedAtConsoles));
    if (emitted <= 0 || final.stored != emitted || final.distinct != final.stored) {
        note(QStringLiteral("FAIL: every emitted message must be stored exactly once"));
        return 1;
    }
    note(QStringLiteral("console sends: %1 in the middle half, console -> gateway p50 %2 ms, p95 "
                        "%3, max %4; lost %5, sent twice %6")
             .arg(sendDelays.size())
             .arg(percentile(sendDelays, 50))
             .arg(percentile(sendDelays, 95))
             .arg(percentile(sendDelays, 100))
             .arg(sendsLost)
             .arg(sendsRepeated));
    if (sendsLost > 0 || sendsRepeated > 0
        || (sendEveryS > 0 && consoleCount > 0 && sendDelays.isEmpty())) {
        note(QStringLiteral("FAIL: every console send must reach the gateway exactly once"));
        return 1;
    }
    if (committedAt.isEmpty() || missedAtConsoles > 0 || repeatedAtConsoles > 0) {
        note(QStringLiteral("FAIL: every row must reach every console exactly once"));
        return 1;
    }
    return 0;
}
