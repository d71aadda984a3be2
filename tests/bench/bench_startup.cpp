// bench_startup: wall time from starting the real groupdesk binary to its main
// window painted with the room list, with an archive of N messages (full:
// 1,000,000; quick: 100,000) in 500 rooms. The app's hidden
// --exit-after-first-paint prints a marker after that paint and quits; the
// gateway it is pointed at does not answer, so only start-up is measured.
// Also reported: how long the app takes to quit after that paint (work begun
// at start-up that the quit waits for) and the CPU seconds each run used.
// Runs offscreen unless QT_QPA_PLATFORM says otherwise.
//
// Usage: bench_startup [--quick] [--messages N] [--runs K]

#include "BenchJson.h"
#include "BenchUtil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

#include <sys/resource.h>

using namespace gd;
using namespace gd::bench;

namespace {

// CPU seconds (user and system) of the children this process has waited for.
double childCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

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
    const qint64 messages = intArg(QStringLiteral("--messages"), quick ? 100000 : 1000000);
    const int runs = int(intArg(QStringLiteral("--runs"), quick ? 3 : 5));
    const int rooms = 500;

    QTemporaryDir dir;
    const quint16 port = freeLoopbackPort(); // nothing listens there
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    AccountInfo account;
    account.id = QStringLiteral("gw-127.0.0.1-%1").arg(port); // as --connect names it
    account.displayName = endpoint;
    account.endpoint = endpoint;
    fprintf(stderr, "# bench_startup: writing %lld messages in %d rooms\n", messages, rooms);
    const double writeS
        = writeArchive(dir.filePath(QStringLiteral("groupdesk.sqlite")), account, rooms, messages);
    if (writeS < 0)
        return 1;
    fprintf(stderr, "# archive written in %.1f s\n", writeS);
    QFile token(dir.filePath(QStringLiteral("token")));
    token.open(QIODevice::WriteOnly);
    token.write("bench-token\n");
    token.close();

    const QString program = builtProgram(QStringLiteral("groupdesk/groupdesk"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QVector<double> wall;
    QVector<double> self;
    QVector<double> exitMs; // from the paint to the process gone
    QVector<double> cpuS; // the app's CPU seconds per run
    for (int r = 0; r < runs; ++r) {
        QProcess proc;
        proc.setProcessEnvironment(env);
        proc.setProcessChannelMode(QProcess::SeparateChannels);
        proc.setStandardErrorFile(QProcess::nullDevice());
        const double cpuBefore = childCpuSeconds();
        QElapsedTimer clock;
        clock.start();
        proc.start(program,
                   {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--connect"), endpoint,
                    QStringLiteral("--token-file"), token.fileName(), QStringLiteral("--no-tls"),
                    QStringLiteral("--exit-after-first-paint")});
        double markerMs = -1;
        QByteArray out;
        while (clock.elapsed() < 30000 && markerMs < 0) {
            if (!proc.waitForReadyRead(100) && proc.state() == QProcess::NotRunning)
                break;
            out += proc.readAllStandardOutput();
            const int at = out.indexOf("first-paint-with-rooms ");
            if (at >= 0 && out.indexOf('\n', at) > at) {
                markerMs = clock.nsecsElapsed() / 1e6;
                self.append(out.mid(at + 23, out.indexOf('\n', at) - at - 23).toDouble());
            }
        }
        // After the paint the app quits: what it still does then (work
        // started at start-up that a quit has to wait for) is the user's
        // wait too, and the CPU it burns competes with the first paint.
        QElapsedTimer exitClock;
        exitClock.start();
        if (!proc.waitForFinished(60000)) {
            proc.kill();
            proc.waitForFinished();
        }
        if (markerMs >= 0)
            exitMs.append(double(exitClock.nsecsElapsed()) / 1e6);
        cpuS.append(childCpuSeconds() - cpuBefore);
        if (markerMs < 0) {
            fprintf(stderr, "run %d: no first-paint marker (exit %d)\n", r + 1, proc.exitCode());
            return 1;
        }
        fprintf(stderr, "# run %d: %.0f ms\n", r + 1, markerMs);
        wall.append(markerMs);
    }
    const QString suffix = quick ? QStringLiteral("_%1msgs").arg(messages) : QString();
    const QJsonObject extra{{QStringLiteral("messages"), double(messages)},
                            {QStringLiteral("rooms"), rooms},
                            {QStringLiteral("runs"), runs},
                            {QStringLiteral("app_reported_ms_p50"), percentile(self, 50)},
                            {QStringLiteral("first_run_ms"), wall.value(0)}};
    printJson(QStringLiteral("startup_to_room_list_p50") + suffix, percentile(wall, 50),
              QStringLiteral("ms"), QStringLiteral("<= 1000"), extra);
    printJson(QStringLiteral("startup_to_room_list_max") + suffix, percentile(wall, 100),
              QStringLiteral("ms"), QStringLiteral("<= 1000"), extra);
    printJson(QStringLiteral("startup_quit_after_paint_max") + suffix, percentile(exitMs, 100),
              QStringLiteral("ms"), QStringLiteral("report"), extra);
    printJson(QStringLiteral("startup_app_cpu_p50") + suffix, percentile(cpuS, 50),
              QStringLiteral("s"), QStringLiteral("report"), extra);
    return 0;
}
