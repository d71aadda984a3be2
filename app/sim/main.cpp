// groupdesk-sim: serves the scripted wechaty.Puppet world on a port until
// SIGTERM/SIGINT, then writes its statistics (see --stats-file; with
// --stats-every also while it runs, for a benchmark that follows how many
// messages it has emitted so far).

#include "sim/SimCommandLine.h"
#include "sim/Simulator.h"
#include "util/Log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through a pipe.
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("groupdesk-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    gd::installLogHandler();

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "GroupDesk gateway simulator: a wechaty.Puppet gRPC server with a scripted world."));
    parser.addHelpOption();
    parser.addVersionOption();
    gd::sim::addSimulatorOptions(parser);
    const QCommandLineOption statsEveryOption(
        QStringLiteral("stats-every"),
        QCoreApplication::translate(
            "main",
            "Also write --stats-file every this many seconds while running (default 0: "
            "only on exit)."),
        QCoreApplication::translate("main", "seconds"), QStringLiteral("0"));
    parser.addOption(statsEveryOption);
    parser.process(app);
    bool statsEveryOk = false;
    const double statsEveryS = parser.value(statsEveryOption).toDouble(&statsEveryOk);
    if (!statsEveryOk || statsEveryS < 0) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Invalid --stats-every: %1")
                                    .arg(parser.value(statsEveryOption))));
        return 2;
    }

    gd::sim::SimulatorOptions options;
    QString error;
    if (!gd::sim::readSimulatorOptions(parser, &options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        std::perror("socketpair");
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    gd::sim::Simulator simulator(options);
    if (!simulator.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // Scripts read the port from this line.
    std::printf("groupdesk-sim listening on %s:%u\n", qPrintable(options.host),
                unsigned(simulator.port()));
    std::fflush(stdout);

    if (options.faultExitAfterS > 0) {
        // Fault: die like a crashed gateway, without goodbyes or stats.
        QTimer::singleShot(options.faultExitAfterS * 1000, [] { std::_Exit(70); });
    }

    QTimer statsTimer;
    if (statsEveryS > 0 && !options.statsFile.isEmpty()) {
        QObject::connect(&statsTimer, &QTimer::timeout, &app, [&simulator, &options] {
            QString why;
            if (!simulator.writeStatsFile(options.statsFile, &why))
                std::fprintf(stderr, "%s\n", qPrintable(why));
        });
        statsTimer.start(int(statsEveryS * 1000));
    }

    const int rc = app.exec();
    simulator.shutdown(); // writes --stats-file
    return rc;
}
