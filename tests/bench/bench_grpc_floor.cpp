// bench_grpc_floor: how many MessagePayload calls a second this machine can
// make at all (issue 12). The Wechaty protocol gives a MESSAGE event only an
// id, so every message costs one unary MessagePayload call (PROTOCOL.md):
// this is the floor under any ingest rate, whatever the app does with the
// answers.
//
// A `groupdesk-sim` process (the shipped binary, the burst flags of
// bench_login_burst) emits N messages; a minimal client in this process (the
// same gRPC C++ library, its callback API, the channel arguments PuppetClient
// uses) collects their ids from the Event stream, then fetches every payload
// with a window of W calls in flight (a finished call starts the next, as
// CallWindow does), for each W asked. Reported per W: calls/s, and the CPU
// per call of both processes (this process's whole CPU time over the phase,
// the simulator's from /proc), with the two-core ceiling they imply
// (2 cores / CPU per call of both sides). Then the same through the app's own
// client (gd::PuppetClient, results delivered on this thread's event loop),
// so the client's overhead over the floor shows.
//
// Usage: bench_grpc_floor [--quick] [--messages N] [--windows 1,16,64,256]
//   --quick  20,000 messages (default 100,000)

#include "BenchJson.h"
#include "BenchSimProcess.h"
#include "BenchUtil.h"

#include "gateway/PuppetClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <grpcpp/grpcpp.h>

#include "wechaty/puppet.grpc.pb.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include <sys/resource.h>

using namespace gd;
using namespace gd::bench;

namespace {

const QString kToken = QStringLiteral("insecure_groupdesk_bench");

double ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The Event stream, keeping the ids of MESSAGE events until `wanted` came.
class IdCollector final : public grpc::ClientReadReactor<wechaty::EventResponse>
{
public:
    IdCollector(wechaty::Puppet::Stub *stub, const std::string &authorization, size_t wanted)
        : m_wanted(wanted)
    {
        m_ctx.AddMetadata("authorization", authorization);
        stub->async()->Event(&m_ctx, &m_req, this);
        StartRead(&m_resp);
        StartCall();
    }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return;
        if (m_resp.type() == wechaty::EVENT_TYPE_MESSAGE) {
            // {"messageId":"..."}
            const std::string &payload = m_resp.payload();
            const size_t key = payload.find("\"messageId\"");
            const size_t open = payload.find('"', payload.find(':', key) + 1);
            const size_t close = payload.find('"', open + 1);
            if (key != std::string::npos && open != std::string::npos
                && close != std::string::npos) {
                std::lock_guard lock(m_mutex);
                m_ids.push_back(payload.substr(open + 1, close - open - 1));
                if (m_ids.size() >= m_wanted)
                    m_changed.notify_all();
            }
        }
        StartRead(&m_resp);
    }

    void OnDone(const grpc::Status &) override
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_changed.notify_all();
    }

    // The ids, once `wanted` came (or the stream ended, or the time passed).
    std::vector<std::string> waitForIds(int timeoutMs)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                           [this] { return m_done || m_ids.size() >= m_wanted; });
        return m_ids;
    }

    void cancelAndWait()
    {
        m_ctx.TryCancel();
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::seconds(10), [this] { return m_done; });
    }

private:
    grpc::ClientContext m_ctx;
    wechaty::EventRequest m_req;
    wechaty::EventResponse m_resp;
    const size_t m_wanted;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::string> m_ids;
    bool m_done = false;
};

// Fetches every id's payload with `window` calls in flight; a finished call
// starts the next one from gRPC's thread.
class PayloadFetcher
{
public:
    PayloadFetcher(wechaty::Puppet::Stub *stub, const std::string &authorization,
                   const std::vector<std::string> &ids)
        : m_stub(stub)
        , m_authorization(authorization)
        , m_ids(ids)
    {}

    // Returns the number of calls that failed or answered the wrong message.
    int run(int window)
    {
        m_next = 0;
        m_completed = 0;
        m_failed = 0;
        const int first = std::min<int>(window, int(m_ids.size()));
        for (int i = 0; i < first; ++i)
            launch();
        std::unique_lock lock(m_mutex);
        m_finished.wait(lock, [this] { return m_completed.load() >= m_ids.size(); });
        return m_failed;
    }

private:
    struct Call
    {
        grpc::ClientContext ctx;
        wechaty::MessagePayloadRequest req;
        wechaty::MessagePayloadResponse resp;
    };

    void launch()
    {
        const size_t i = m_next.fetch_add(1);
        if (i >= m_ids.size())
            return;
        auto *call = new Call;
        call->ctx.AddMetadata("authorization", m_authorization);
        call->ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
        call->req.set_id(m_ids[i]);
        m_stub->async()->MessagePayload(
            &call->ctx, &call->req, &call->resp, [this, call](const grpc::Status &status) {
                const bool good = status.ok() && call->resp.id() == call->req.id();
                delete call;
                if (!good) {
                    std::lock_guard lock(m_mutex);
                    ++m_failed;
                }
                if (m_completed.fetch_add(1) + 1 >= m_ids.size()) {
                    std::lock_guard lock(m_mutex);
                    m_finished.notify_all();
                } else {
                    launch();
                }
            });
    }

    wechaty::Puppet::Stub *m_stub;
    const std::string &m_authorization;
    const std::vector<std::string> &m_ids;
    std::atomic<size_t> m_next{0};
    std::atomic<size_t> m_completed{0};
    std::mutex m_mutex;
    std::condition_variable m_finished;
    int m_failed = 0;
};

// The same calls through the completion-queue API instead of callbacks: this
// thread starts the calls and takes their answers itself (cq.Next), no
// gRPC callback thread and no hand-over between threads. Whether a client
// built this way would cost less per call than the callback API
// PuppetClient uses.
int fetchWithCompletionQueue(wechaty::Puppet::Stub *stub, const std::string &authorization,
                             const std::vector<std::string> &ids, int window)
{
    struct Call
    {
        grpc::ClientContext ctx;
        wechaty::MessagePayloadRequest req;
        wechaty::MessagePayloadResponse resp;
        grpc::Status status;
        std::unique_ptr<grpc::ClientAsyncResponseReader<wechaty::MessagePayloadResponse>> reader;
    };
    grpc::CompletionQueue cq;
    size_t next = 0;
    size_t completed = 0;
    int failed = 0;
    auto launch = [&] {
        if (next >= ids.size())
            return;
        auto *call = new Call;
        call->ctx.AddMetadata("authorization", authorization);
        call->ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
        call->req.set_id(ids[next++]);
        call->reader = stub->PrepareAsyncMessagePayload(&call->ctx, call->req, &cq);
        call->reader->StartCall();
        call->reader->Finish(&call->resp, &call->status, call);
    };
    for (int i = 0; i < window; ++i)
        launch();
    void *tag = nullptr;
    bool ok = false;
    while (completed < ids.size() && cq.Next(&tag, &ok)) {
        auto *call = static_cast<Call *>(tag);
        ++completed;
        if (!ok || !call->status.ok() || call->resp.id() != call->req.id())
            ++failed;
        delete call;
        launch();
    }
    cq.Shutdown();
    while (cq.Next(&tag, &ok))
        delete static_cast<Call *>(tag);
    return failed + int(ids.size() - completed);
}

// The same through the app's client: callbacks on this thread's event loop.
int fetchWithPuppetClient(PuppetClient &client, const QStringList &ids, int window)
{
    int next = 0;
    int completed = 0;
    int failed = 0;
    std::function<void()> launch = [&] {
        if (next >= ids.size())
            return;
        const QString &id = ids.at(next++);
        client.messagePayload(id, [&, id](const GatewayStatus &status, const Message &m) {
            ++completed;
            if (!status.ok() || m.id != id)
                ++failed;
            launch();
        });
    };
    for (int i = 0; i < window && i < ids.size(); ++i)
        launch();
    waitUntil([&] { return completed >= ids.size(); }, 600000, 1);
    return failed + int(ids.size()) - completed;
}

struct Phase
{
    double seconds = 0;
    double ownCpuS = 0;
    double simCpuS = 0;
};

template<typename Fn> Phase measure(qint64 simPid, Fn &&fn)
{
    Phase p;
    const double own0 = ownCpuSeconds();
    const double sim0 = processCpuSeconds(simPid);
    QElapsedTimer clock;
    clock.start();
    fn();
    p.seconds = clock.nsecsElapsed() / 1e9;
    p.ownCpuS = ownCpuSeconds() - own0;
    p.simCpuS = processCpuSeconds(simPid) - sim0;
    return p;
}

void report(const QString &name, const Phase &p, int calls, int window, int failed,
            const QString &goal)
{
    const double appUs = p.ownCpuS * 1e6 / calls;
    const double simUs = p.simCpuS * 1e6 / calls;
    fprintf(stderr,
            "# %s: %d calls, window %d: %.0f calls/s; CPU per call: client %.1f us, simulator "
            "%.1f us; %d failed; load %s\n",
            qPrintable(name), calls, window, calls / p.seconds, appUs, simUs, failed,
            qPrintable(loadAverage()));
    printJson(name, calls / p.seconds, QStringLiteral("calls/s"), goal,
              {{QStringLiteral("calls"), calls},
               {QStringLiteral("window"), window},
               {QStringLiteral("seconds"), p.seconds},
               {QStringLiteral("client_cpu_us_per_call"), appUs},
               {QStringLiteral("sim_cpu_us_per_call"), simUs},
               // Both sides on this machine's two cores, nothing else running.
               {QStringLiteral("two_core_ceiling_per_s"), 2e6 / std::max(1e-9, appUs + simUs)},
               {QStringLiteral("failed"), failed},
               {QStringLiteral("load"), loadAverage()}});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto arg = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const int messages = arg(QStringLiteral("--messages"),
                             quick ? QStringLiteral("20000") : QStringLiteral("100000"))
                             .toInt();
    QVector<int> windows;
    for (const QString &w :
         arg(QStringLiteral("--windows"), QStringLiteral("1,16,64,256")).split(QLatin1Char(',')))
        windows.append(std::max(1, w.toInt()));

    fprintf(stderr, "# bench_grpc_floor: %d MessagePayload calls per window; load %s\n", messages,
            qPrintable(loadAverage()));
    BenchSimProcess sim;
    if (!sim.start(kToken, 500, messages))
        return 1;
    const std::string address = QStringLiteral("127.0.0.1:%1").arg(sim.port).toStdString();
    const std::string authorization = "Wechaty " + kToken.toStdString();

    // The channel as PuppetClient makes it.
    grpc::ChannelArguments channelArgs;
    channelArgs.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    channelArgs.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    channelArgs.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
    auto channel
        = grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), channelArgs);
    auto stub = wechaty::Puppet::NewStub(channel);

    // The ids: subscribe, Start (the simulator logs in and bursts).
    auto *collector = new IdCollector(stub.get(), authorization, size_t(messages));
    QElapsedTimer eventClock;
    eventClock.start();
    {
        grpc::ClientContext ctx;
        ctx.AddMetadata("authorization", authorization);
        wechaty::StartRequest req;
        wechaty::StartResponse resp;
        const grpc::Status st = stub->Start(&ctx, req, &resp);
        if (!st.ok()) {
            fprintf(stderr, "Start failed: %s\n", st.error_message().c_str());
            return 1;
        }
    }
    const std::vector<std::string> ids = collector->waitForIds(300000);
    const double eventSeconds = eventClock.nsecsElapsed() / 1e9;
    if (ids.size() < size_t(messages)) {
        fprintf(stderr, "only %zu of %d message ids came\n", ids.size(), messages);
        return 1;
    }
    fprintf(stderr, "# %zu ids from the Event stream in %.2f s (with Start and login)\n",
            ids.size(), eventSeconds);

    bool allGood = true;
    for (int window : windows) {
        // One call in flight is slow: a tenth of the calls tells its rate.
        const std::vector<std::string> some = window == 1
            ? std::vector<std::string>(ids.begin(), ids.begin() + ids.size() / 10)
            : ids;
        PayloadFetcher part(stub.get(), authorization, some);
        int failed = 0;
        const Phase p = measure(sim.pid(), [&] { failed = part.run(window); });
        allGood = allGood && failed == 0;
        report(QStringLiteral("grpc_floor_payload_w%1").arg(window), p, int(some.size()), window,
               failed, QStringLiteral(">= 20000 (one call per message)"));
    }

    for (int window : windows) {
        if (window == 1)
            continue;
        int failed = 0;
        const Phase p = measure(sim.pid(), [&] {
            failed = fetchWithCompletionQueue(stub.get(), authorization, ids, window);
        });
        allGood = allGood && failed == 0;
        report(QStringLiteral("grpc_floor_cq_w%1").arg(window), p, int(ids.size()), window, failed,
               QStringLiteral("report (completion queue, one thread)"));
    }

    // The app's client over the same ids.
    QStringList qids;
    qids.reserve(int(ids.size()));
    for (const std::string &id : ids)
        qids.append(QString::fromStdString(id));
    {
        PuppetClient client;
        client.setEndpoint({QString::fromStdString(address), kToken});
        for (int window : windows) {
            if (window == 1)
                continue;
            int failed = 0;
            const Phase p
                = measure(sim.pid(), [&] { failed = fetchWithPuppetClient(client, qids, window); });
            allGood = allGood && failed == 0;
            report(QStringLiteral("grpc_floor_puppetclient_w%1").arg(window), p, int(qids.size()),
                   window, failed, QStringLiteral("report"));
        }
    }

    collector->cancelAndWait();
    delete collector;
    sim.stop();
    return allGood ? 0 : 1;
}
