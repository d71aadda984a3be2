// bench_ingest: the simulator emits N text messages across 500 rooms as fast as
// it can; the engine (in this process, headless) fetches every payload and
// stores it with the search index. Reports messages/s from the first event to
// the last commit, for the real window of payload calls in flight and for a
// simple client that fetches one payload at a time. Exits non-zero unless
// exactly N messages were stored.
//
// Usage: bench_ingest [--quick] [--messages N] [--rooms R] [--baseline-messages N]

#include "BenchJson.h"
#include "BenchUtil.h"

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <atomic>
#include <cstdio>

using namespace gd;
using namespace gd::bench;

namespace {

struct IngestResult
{
    bool ok = false;
    qint64 stored = 0;
    double seconds = 0;
    double syncSeconds = 0;
};

IngestResult runIngest(int messages, int rooms, int inFlight, const QString &dir)
{
    IngestResult result;
    sim::SimulatorOptions so;
    so.autoLogin = true;
    so.rate = 0; // no paced traffic: only the burst below
    so.rooms = rooms;
    so.roomEvents = false;
    so.imageEvery = 0; // text messages only
    so.seed = 42;
    sim::Simulator simulator(so);
    QString error;
    if (!simulator.start(&error)) {
        fprintf(stderr, "simulator: %s\n", qPrintable(error));
        return result;
    }

    Store store;
    if (!store.open(dir + QStringLiteral("/ingest-%1.sqlite").arg(inFlight), &error)) {
        fprintf(stderr, "store: %s\n", qPrintable(error));
        return result;
    }
    std::atomic<qint64> stored{0};
    QElapsedTimer clock;
    std::atomic<qint64> lastCommitNs{0};
    QObject::connect(
        &store, &Store::messagesStored, &store,
        [&](const QVector<Message> &rows) {
            stored.fetch_add(rows.size());
            if (clock.isValid())
                lastCommitNs.store(clock.nsecsElapsed());
        },
        Qt::DirectConnection);

    Engine engine(&store);
    SessionTuning tuning;
    tuning.messagePayloadsInFlight = inFlight;
    // The burst draws texts from a small corpus, so a talker "repeats" himself
    // within seconds far more often than people do; marked repeats skip the
    // search index and the stored signal. Every message takes the full path.
    tuning.duplicateWindowMs = 0;
    engine.setSessionTuning(tuning);
    QElapsedTimer syncClock;
    syncClock.start();
    if (!connectAndSync(engine, store, simulator)) {
        fprintf(stderr, "the engine did not get ready and synced\n");
        return result;
    }
    result.syncSeconds = syncClock.nsecsElapsed() / 1e9;
    store.flush();
    stored.store(0);

    clock.start();
    simulator.burst(messages);
    qint64 lastSeen = -1;
    QElapsedTimer stall;
    stall.start();
    waitUntil(
        [&] {
            const qint64 n = stored.load();
            if (n != lastSeen) {
                lastSeen = n;
                stall.restart();
            }
            return n >= messages || stall.elapsed() > 20000;
        },
        600000, 2);
    result.seconds = lastCommitNs.load() / 1e9;
    // Anything beyond N (repeats stored twice) would show up now.
    waitUntil([] { return false; }, 500);
    store.flush();
    result.stored = stored.load();
    result.ok = result.stored == messages;
    engine.shutdown();
    store.close();
    simulator.shutdown();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto intArg = [&](const QString &name, int fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int messages = intArg(QStringLiteral("--messages"), quick ? 20000 : 100000);
    const int rooms = intArg(QStringLiteral("--rooms"), 500);
    const int baselineMessages
        = intArg(QStringLiteral("--baseline-messages"), quick ? 5000 : 20000);
    const QString suffix = quick ? QStringLiteral("_%1msgs").arg(messages) : QString();

    QTemporaryDir dir;
    const int window = SessionTuning().messagePayloadsInFlight;
    fprintf(stderr, "# bench_ingest: %d messages across %d rooms, %d payload calls in flight\n",
            messages, rooms, window);
    const IngestResult fast = runIngest(messages, rooms, window, dir.path());
    fprintf(stderr, "# baseline: %d messages, one payload call in flight\n", baselineMessages);
    const IngestResult slow = runIngest(baselineMessages, rooms, 1, dir.path());

    const double fastRate = fast.seconds > 0 ? fast.stored / fast.seconds : 0;
    const double slowRate = slow.seconds > 0 ? slow.stored / slow.seconds : 0;
    printJson(QStringLiteral("ingest_throughput") + suffix, fastRate, QStringLiteral("messages/s"),
              QStringLiteral(">= 20000"),
              {{QStringLiteral("messages"), messages},
               {QStringLiteral("stored"), double(fast.stored)},
               {QStringLiteral("exact"), fast.ok},
               {QStringLiteral("rooms"), rooms},
               {QStringLiteral("payloads_in_flight"), window},
               {QStringLiteral("seconds"), fast.seconds},
               {QStringLiteral("sync_seconds"), fast.syncSeconds}});
    printJson(QStringLiteral("ingest_baseline_one_in_flight") + suffix, slowRate,
              QStringLiteral("messages/s"), QStringLiteral("report"),
              {{QStringLiteral("messages"), baselineMessages},
               {QStringLiteral("stored"), double(slow.stored)},
               {QStringLiteral("exact"), slow.ok},
               {QStringLiteral("seconds"), slow.seconds}});
    printJson(QStringLiteral("ingest_speedup_vs_baseline") + suffix,
              slowRate > 0 ? fastRate / slowRate : 0, QStringLiteral("x"), QStringLiteral(">= 2"));
    if (!fast.ok || !slow.ok) {
        fprintf(stderr, "bench_ingest: stored %lld of %d and %lld of %d messages\n",
                qint64(fast.stored), messages, qint64(slow.stored), baselineMessages);
        return 1;
    }
    return 0;
}
