// bench_send_latency: from Engine::sendText (what pressing Enter in the
// composer calls) to the gateway (the in-process simulator) receiving the
// text, with the pacer idle: sends are spaced beyond the pacer's interval.
// Reports p50/p95/max over the sends.
//
// Usage: bench_send_latency [--quick] [--sends N]

#include "BenchJson.h"
#include "BenchUtil.h"

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace gd;
using namespace gd::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const int i = int(args.indexOf(QStringLiteral("--sends")));
    const int sends = i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : (quick ? 10 : 20);

    sim::SimulatorOptions so;
    so.autoLogin = true;
    so.rate = 0;
    so.roomEvents = false;
    so.seed = 7;
    sim::Simulator simulator(so);
    QString error;
    if (!simulator.start(&error)) {
        fprintf(stderr, "simulator: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    Store store;
    if (!store.open(dir.filePath(QStringLiteral("send.sqlite")), &error)) {
        fprintf(stderr, "store: %s\n", qPrintable(error));
        return 1;
    }
    Engine engine(&store);
    const SessionTuning tuning = engine.sessionTuning();
    if (!connectAndSync(engine, store, simulator)) {
        fprintf(stderr, "the engine did not get ready and synced\n");
        return 1;
    }
    const QString roomId = simulator.roomIds().value(0);
    // Beyond the pacer's interval, so every send finds it idle.
    const int spacingMs
        = int(1000.0 / std::max(0.1, tuning.sendRatePerSecond)) + tuning.sendJitterMs + 200;
    fprintf(stderr, "# bench_send_latency: %d sends to %s, %d ms apart\n", sends,
            qPrintable(roomId), spacingMs);

    QVector<double> latencies;
    int lost = 0;
    for (int n = 0; n < sends; ++n) {
        const int before = int(simulator.receivedTexts().size());
        QElapsedTimer t;
        t.start();
        engine.sendText(QStringLiteral("bench"), roomId, QStringLiteral("延迟测试 %1").arg(n + 1));
        bool received = false;
        while (t.elapsed() < 10000) {
            QCoreApplication::processEvents();
            if (simulator.receivedTexts().size() > before) {
                received = true;
                break;
            }
            QThread::usleep(100);
        }
        if (received)
            latencies.append(t.nsecsElapsed() / 1e6);
        else
            ++lost;
        waitUntil([&] { return t.elapsed() >= spacingMs; }, spacingMs + 1000, 10);
    }
    engine.shutdown();
    store.close();
    simulator.shutdown();

    const QJsonObject extra{{QStringLiteral("sends"), sends},
                            {QStringLiteral("lost"), lost},
                            {QStringLiteral("spacing_ms"), spacingMs}};
    printJson(QStringLiteral("send_latency_p50"), percentile(latencies, 50), QStringLiteral("ms"),
              QStringLiteral("<= 50"), extra);
    printJson(QStringLiteral("send_latency_p95"), percentile(latencies, 95), QStringLiteral("ms"),
              QStringLiteral("<= 50"), extra);
    printJson(QStringLiteral("send_latency_max"), percentile(latencies, 100), QStringLiteral("ms"),
              QStringLiteral("report"), extra);
    return lost == 0 ? 0 : 1;
}
