// bench_gui: the main window (offscreen unless QT_QPA_PLATFORM says otherwise)
// with the busiest room open while the in-process simulator sends 5,000
// messages/s across 500 rooms (a tenth of them to the open room). A 1 ms timer
// probe measures the gaps of the GUI event loop (max and p99); the feed's
// frames per second come from the FeedView paint counter.
//
// Usage: bench_gui [--quick] [--seconds S] [--rate R]

#include "BenchJson.h"
#include "BenchUtil.h"

#include "FeedModel.h"
#include "MainWindow.h"
#include "RoomListModel.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "util/ObjectCounters.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <cstdio>

using namespace gd;
using namespace gd::bench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto numArg = [&](const QString &name, double fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toDouble() : fallback;
    };
    const double seconds = numArg(QStringLiteral("--seconds"), quick ? 10 : 60);
    const double rate = numArg(QStringLiteral("--rate"), 5000);
    const int rooms = 500;

    sim::SimulatorOptions so;
    so.autoLogin = true;
    so.rate = rate; // from login on: the sync itself runs under load, as in real life
    so.rooms = rooms;
    so.roomEvents = false;
    so.imageEvery = 0;
    so.seed = 5;
    so.hotRoomPercent = 10;
    sim::Simulator simulator(so);
    QString error;
    if (!simulator.start(&error)) {
        fprintf(stderr, "simulator: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    Store store;
    if (!store.open(dir.filePath(QStringLiteral("gui.sqlite")), &error)) {
        fprintf(stderr, "store: %s\n", qPrintable(error));
        return 1;
    }
    std::atomic<qint64> stored{0};
    QObject::connect(
        &store, &Store::messagesStored, &store,
        [&](const QVector<Message> &rows) { stored.fetch_add(rows.size()); }, Qt::DirectConnection);
    Engine engine(&store);
    MainWindow window(&store, &engine);
    window.resize(1280, 800);
    window.show();
    if (!connectAndSync(engine, store, simulator)) {
        fprintf(stderr, "the engine did not get ready and synced\n");
        return 1;
    }
    const QString busiest = simulator.roomIds().value(0);
    window.selectAccount(QStringLiteral("bench"));
    waitUntil([&] { return window.roomListModel()->rowOf(busiest) >= 0; }, 30000);
    window.selectRoom(busiest);
    if (!waitUntil(
            [&] { return window.currentRoomId() == busiest && window.feedModel()->size() > 0; },
            30000)) {
        fprintf(stderr, "the busiest room %s did not open\n", qPrintable(busiest));
        return 1;
    }
    fprintf(stderr, "# bench_gui: %.0f s at %.0f messages/s across %d rooms; room %s open\n",
            seconds, rate, rooms, qPrintable(busiest));

    // The probe: a 1 ms timer; every gap beyond its interval is time the loop was busy.
    QVector<double> gaps;
    gaps.reserve(int(seconds * 1000) + 16);
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    qint64 last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.append((now - last) / 1e6);
        last = now;
    });
    const qint64 paintsBefore = ObjectCounters::value(ObjectCounters::FeedPaints);
    const qint64 storedBefore = stored.load();
    clock.start();
    probe.start();
    waitUntil([&] { return clock.elapsed() >= qint64(seconds * 1000); }, int(seconds * 1000) + 5000,
              50);
    probe.stop();
    const double elapsedS = clock.nsecsElapsed() / 1e9;
    const qint64 paints = ObjectCounters::value(ObjectCounters::FeedPaints) - paintsBefore;
    const qint64 ingested = stored.load() - storedBefore;

    const QJsonObject extra{{QStringLiteral("seconds"), elapsedS},
                            {QStringLiteral("offered_rate"), rate},
                            {QStringLiteral("rooms"), rooms},
                            {QStringLiteral("probes"), int(gaps.size())},
                            {QStringLiteral("platform"), QGuiApplication::platformName()}};
    const QString suffix = quick ? QStringLiteral("_quick") : QString();
    printJson(QStringLiteral("gui_loop_gap_p99") + suffix, percentile(gaps, 99),
              QStringLiteral("ms"), QStringLiteral("<= 16"), extra);
    printJson(QStringLiteral("gui_loop_gap_max") + suffix, percentile(gaps, 100),
              QStringLiteral("ms"), QStringLiteral("<= 50"), extra);
    printJson(QStringLiteral("gui_feed_fps") + suffix, paints / elapsedS,
              QStringLiteral("frames/s"), QStringLiteral("report"),
              {{QStringLiteral("paints"), double(paints)},
               {QStringLiteral("counters"), ObjectCounters::summary()}});
    printJson(QStringLiteral("gui_ingested_rate") + suffix, ingested / elapsedS,
              QStringLiteral("messages/s"), QStringLiteral("report (offered 5000)"),
              {{QStringLiteral("stored"), double(ingested)}});

    window.close();
    engine.shutdown();
    store.close();
    simulator.shutdown();
    return 0;
}
