// bench_memory: resident memory of the real groupdesk GUI process (offscreen
// unless QT_QPA_PLATFORM says otherwise) after it synced R rooms of 500
// members each from a groupdesk-sim process (full: 1,000 rooms = 500,000
// member records; quick: 200 rooms) with an archive of N messages (full:
// 1,000,000; quick: 100,000) already in its database. Then steady traffic for
// T seconds (full: 600; quick: 30) and the growth of resident memory over it.
// The app's live object counters (an info line of its log) are printed alongside.
//
// Usage: bench_memory [--quick] [--rooms R] [--members M] [--messages N] [--seconds T] [--rate X]

#include "BenchJson.h"
#include "BenchUtil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace gd;
using namespace gd::bench;

namespace {

// Reads what the process wrote to stderr so far, keeping the lines that matter.
struct LogWatch
{
    QByteArray pending;
    bool synced = false;
    QString lastCounters;

    void feed(const QByteArray &bytes)
    {
        pending += bytes;
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.contains("sync finished"))
                synced = true;
            const int at = line.indexOf("object counters: ");
            if (at >= 0)
                lastCounters = QString::fromUtf8(line.mid(at + 17));
        }
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto intArg = [&](const QString &name, qint64 fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toLongLong() : fallback;
    };
    const int rooms = int(intArg(QStringLiteral("--rooms"), quick ? 200 : 1000));
    const int members = int(intArg(QStringLiteral("--members"), 500));
    const qint64 messages = intArg(QStringLiteral("--messages"), quick ? 100000 : 1000000);
    const int steadyS = int(intArg(QStringLiteral("--seconds"), quick ? 30 : 600));
    const int rate = int(intArg(QStringLiteral("--rate"), 50));

    QTemporaryDir dir;
    const quint16 port = freeLoopbackPort();
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    AccountInfo account;
    account.id = QStringLiteral("gw-127.0.0.1-%1").arg(port);
    account.displayName = endpoint;
    account.endpoint = endpoint;
    fprintf(
        stderr,
        "# bench_memory: archive of %lld messages; %d rooms x %d members; %d s of %d messages/s\n",
        messages, rooms, members, steadyS, rate);
    if (writeArchive(dir.filePath(QStringLiteral("groupdesk.sqlite")), account, rooms, messages)
        < 0)
        return 1;
    QFile token(dir.filePath(QStringLiteral("token")));
    token.open(QIODevice::WriteOnly);
    token.write("bench-token\n");
    token.close();

    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.setStandardOutputFile(QProcess::nullDevice());
    sim.setStandardErrorFile(QProcess::nullDevice());
    sim.start(builtProgram(QStringLiteral("sim/groupdesk-sim")),
              {QStringLiteral("--port"), QString::number(port), QStringLiteral("--token"),
               QStringLiteral("bench-token"), QStringLiteral("--auto-login"),
               QStringLiteral("--rooms"), QString::number(rooms),
               QStringLiteral("--members-per-room"), QString::number(members),
               QStringLiteral("--rate"), QString::number(rate), QStringLiteral("--room-events"),
               QStringLiteral("off"), QStringLiteral("--image-every"), QStringLiteral("0")});
    if (!sim.waitForStarted()) {
        fprintf(stderr, "groupdesk-sim did not start\n");
        return 1;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.setStandardOutputFile(QProcess::nullDevice());
    LogWatch log;
    QObject::connect(&gui, &QProcess::readyReadStandardError,
                     [&] { log.feed(gui.readAllStandardError()); });
    QElapsedTimer clock;
    waitUntil([] { return false; }, 500); // let the simulator bind its port
    clock.start();
    gui.start(builtProgram(QStringLiteral("groupdesk/groupdesk")),
              {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--connect"), endpoint,
               QStringLiteral("--token-file"), token.fileName(), QStringLiteral("--no-tls"),
               QStringLiteral("--counters-log-ms"), QString::number(quick ? 5000 : 60000)});
    if (!gui.waitForStarted()) {
        fprintf(stderr, "groupdesk did not start\n");
        return 1;
    }
    const qint64 pid = gui.processId();
    auto stop = [&] {
        gui.terminate();
        if (!gui.waitForFinished(15000))
            gui.kill();
        sim.terminate();
        if (!sim.waitForFinished(15000))
            sim.kill();
    };
    if (!waitUntil([&] { return log.synced || gui.state() == QProcess::NotRunning; },
                   quick ? 150000 : 600000, 50)
        || !log.synced) {
        fprintf(stderr, "groupdesk did not finish its sync\n");
        stop();
        return 1;
    }
    const double syncS = clock.nsecsElapsed() / 1e9;
    fprintf(stderr, "# synced after %.1f s\n", syncS);
    waitUntil([] { return false; }, 3000); // the store commits the last member lists
    const double rssSyncMb = procStatusKb(pid, "VmRSS") / 1024.0;
    const double peakMb = procStatusKb(pid, "VmHWM") / 1024.0;
    const QString countersAfterSync = log.lastCounters;

    QVector<double> samples;
    QElapsedTimer steady;
    steady.start();
    while (steady.elapsed() < steadyS * 1000LL && gui.state() == QProcess::Running) {
        waitUntil([] { return false; }, 1000);
        samples.append(procStatusKb(pid, "VmRSS") / 1024.0);
    }
    const double rssEndMb = samples.isEmpty() ? 0 : samples.constLast();
    const double rssMaxMb
        = samples.isEmpty() ? 0 : *std::max_element(samples.cbegin(), samples.cend());
    stop();

    const QString suffix = quick ? QStringLiteral("_quick") : QString();
    const QJsonObject extra{{QStringLiteral("rooms"), rooms},
                            {QStringLiteral("members"), double(rooms) * members},
                            {QStringLiteral("archive_messages"), double(messages)},
                            {QStringLiteral("sync_seconds"), syncS},
                            {QStringLiteral("peak_mb"), peakMb},
                            {QStringLiteral("counters"), countersAfterSync}};
    printJson(QStringLiteral("memory_rss_after_sync") + suffix, rssSyncMb, QStringLiteral("MB"),
              QStringLiteral("<= 300"), extra);
    printJson(QStringLiteral("memory_growth_steady_traffic") + suffix,
              rssSyncMb > 0 ? (rssEndMb - rssSyncMb) / rssSyncMb * 100 : 0, QStringLiteral("%"),
              QStringLiteral("<= 5"),
              {{QStringLiteral("seconds"), steadyS},
               {QStringLiteral("rate"), rate},
               {QStringLiteral("start_mb"), rssSyncMb},
               {QStringLiteral("end_mb"), rssEndMb},
               {QStringLiteral("max_mb"), rssMaxMb},
               {QStringLiteral("counters"), log.lastCounters}});
    return 0;
}
