// Load on the local HTTP API (issue 17), in one process over loopback: the
// real API server, the simulator as gateway with live incoming traffic, and
// N concurrent HTTP clients (libcurl, keep-alive, one thread each) sending
// signed texts for D seconds through a number of apps, each with its rate
// limit. Checks and prints (JSON lines):
//   - no answer but 202 (accepted) and 429 (rate limited): errors = 0;
//   - every accepted send reaches the simulator exactly once, and nothing
//     that was refused does (the simulator counts what it received);
//   - ingest is unaffected: messages stored per second and the latency
//     from the gateway's time to the commit, before and during the load
//     (an app with a webhook endpoint is subscribed throughout);
//   - that webhook receiver is down for the first --hook-outage seconds (the
//     load starts while it is down) and then receives every incoming message
//     stored since its app was issued, each once; how long it took to catch up.
//   bench_api_load [--clients 200] [--seconds 60] [--apps 20] [--rate-per-app 120]
//                  [--sim-rate 50] [--pacer-rate 50] [--hook-outage 60]
//                  [--quick: 50 clients, 15 s, outage 10 s]
// Apps are issued like in the UI, with their secrets in the keychain: without
// a D-Bus session the program runs itself again in a private one with
// gnome-keyring.
#include "BenchJson.h"
#include "BenchUtil.h"
#include "HttpTestServer.h"

#include "api/ApiServer.h"
#include "api/RequestSignature.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "util/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <curl/curl.h>

#include <atomic>
#include <unistd.h>
#include <mutex>
#include <thread>

using namespace gd;
using namespace gd::api;
using namespace gd::bench;

namespace {

struct ClientResult
{
    int accepted = 0;
    int limited = 0;
    int errors = 0;
    QStringList acceptedTexts;
    QList<qint64> acceptedIds;
    QStringList refusedTexts;
    QString firstError;
};

size_t collect(char *data, size_t size, size_t n, void *out)
{
    static_cast<std::string *>(out)->append(data, size * n);
    return size * n;
}

void runClient(int index, quint16 port, const QByteArray &appId, const QByteArray &secret,
               QString room, qint64 deadlineMs, ClientResult *result)
{
    CURL *curl = curl_easy_init();
    const QByteArray path = "/v1/accounts/load/messages/text";
    const std::string url = QStringLiteral("http://127.0.0.1:%1%2")
                                .arg(port)
                                .arg(QString::fromLatin1(path))
                                .toStdString();
    int n = 0;
    while (QDateTime::currentMSecsSinceEpoch() < deadlineMs) {
        const QString text = QStringLiteral("load %1-%2").arg(index).arg(n++);
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("to"), room},
                                                          {QStringLiteral("text"), text}})
                                    .toJson(QJsonDocument::Compact);
        const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const QByteArray nonce = QUuid::createUuid().toRfc4122().toHex();
        const QByteArray sig = RequestSignature::sign(secret, "POST", path, {}, ts, nonce, body);
        curl_slist *headers = nullptr;
        headers = curl_slist_append(headers, "Content-Type: application/json");
        headers = curl_slist_append(headers, ("X-GD-App: " + appId).constData());
        headers = curl_slist_append(headers, ("X-GD-Timestamp: " + ts).constData());
        headers = curl_slist_append(headers, ("X-GD-Nonce: " + nonce).constData());
        headers = curl_slist_append(headers, ("X-GD-Signature: " + sig).constData());
        headers = curl_slist_append(headers, ("Idempotency-Key: " + text.toUtf8()).constData());
        std::string response;
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(body.size()));
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
        const CURLcode rc = curl_easy_perform(curl);
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        if (rc == CURLE_OK && status == 202) {
            ++result->accepted;
            result->acceptedTexts.append(text);
            result->acceptedIds.append(QJsonDocument::fromJson(QByteArray::fromStdString(response))
                                           .object()
                                           .value(QStringLiteral("sendId"))
                                           .toInteger());
        } else if (rc == CURLE_OK && status == 429) {
            ++result->limited;
            result->refusedTexts.append(text);
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        } else {
            ++result->errors;
            result->refusedTexts.append(text);
            if (result->firstError.isEmpty())
                result->firstError = QStringLiteral("curl %1, HTTP %2: %3")
                                         .arg(int(rc))
                                         .arg(status)
                                         .arg(QString::fromStdString(response).left(200));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    curl_easy_cleanup(curl);
}

} // namespace

int main(int argc, char **argv)
{
    rerunInPrivateKeyring(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("clients"), QStringLiteral("HTTP clients"), QStringLiteral("n"),
          QStringLiteral("200")},
         {QStringLiteral("seconds"), QStringLiteral("load duration"), QStringLiteral("s"),
          QStringLiteral("60")},
         {QStringLiteral("apps"), QStringLiteral("apps the clients share"), QStringLiteral("n"),
          QStringLiteral("20")},
         {QStringLiteral("rate-per-app"), QStringLiteral("requests/min per app"),
          QStringLiteral("n"), QStringLiteral("120")},
         {QStringLiteral("sim-rate"), QStringLiteral("incoming messages/s"), QStringLiteral("n"),
          QStringLiteral("50")},
         {QStringLiteral("pacer-rate"), QStringLiteral("sends/s of the account"),
          QStringLiteral("n"), QStringLiteral("50")},
         {QStringLiteral("hook-outage"), QStringLiteral("seconds the webhook receiver is down"),
          QStringLiteral("s"), QStringLiteral("60")},
         {QStringLiteral("quick"), QStringLiteral("50 clients for 15 s")}});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const int clients = quick ? 50 : parser.value(QStringLiteral("clients")).toInt();
    const int seconds = quick ? 15 : parser.value(QStringLiteral("seconds")).toInt();
    const int appCount = parser.value(QStringLiteral("apps")).toInt();
    const int ratePerApp = parser.value(QStringLiteral("rate-per-app")).toInt();
    const int outageS = quick ? 10 : parser.value(QStringLiteral("hook-outage")).toInt();
    curl_global_init(CURL_GLOBAL_DEFAULT);

    QTemporaryDir dir;
    Store store;
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("load.db")), &error))
        qFatal("store: %s", qPrintable(error));
    sim::SimulatorOptions so;
    so.port = freeLoopbackPort();
    so.autoLogin = true;
    so.rate = parser.value(QStringLiteral("sim-rate")).toDouble();
    so.roomEvents = false;
    so.imageEvery = 0;
    sim::Simulator simulator(so);
    if (!simulator.start(&error))
        qFatal("sim: %s", qPrintable(error));
    const QString room = simulator.roomIds().first();
    Engine engine(&store);
    SessionTuning tuning;
    tuning.sendRatePerSecond = parser.value(QStringLiteral("pacer-rate")).toDouble();
    tuning.sendBurst = 10;
    tuning.sendJitterMs = 0;
    engine.setSessionTuning(tuning);
    AccountInfo account;
    account.id = QStringLiteral("load");
    account.displayName = account.id;
    account.endpoint = QStringLiteral("127.0.0.1:%1").arg(so.port);
    GatewayEndpoint endpoint;
    endpoint.address = account.endpoint;
    engine.addAccount(account, endpoint);
    if (!waitUntil([&] { return engine.status(account.id).state == SessionState::Ready; }, 60000))
        qFatal("account not ready");

    // Ingest latency: gateway time to commit, per stored incoming message.
    std::mutex latencyMutex;
    QVector<double> latencies;
    qint64 storedIncoming = 0;
    // What the webhook receiver must get: every incoming message stored after
    // its app was issued, and which of them were stored before it came back.
    bool hookSubscribed = false;
    bool hookUp = false;
    QSet<QString> hookExpected, hookExpectedBeforeUp;
    QObject::connect(&store, &Store::messagesStored, &app, [&](const QVector<Message> &batch) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        std::lock_guard<std::mutex> lock(latencyMutex);
        for (const Message &m : batch) {
            if (!m.fromSelf) {
                latencies.append(double(now - m.timestampMs));
                ++storedIncoming;
            }
            if (hookSubscribed && !m.fromSelf && m.duplicateOf.isEmpty()
                && m.kind != MessageKind::System) {
                hookExpected.insert(m.id);
                if (!hookUp)
                    hookExpectedBeforeUp.insert(m.id);
            }
        }
    });
    testsupport::HttpTestServer receiver;
    if (!receiver.listen())
        qFatal("cannot listen for the webhook receiver");
    const quint16 hookPort = receiver.port();
    receiver.stop(); // down: connections refused
    auto hookMessageIds = [&] {
        QHash<QString, int> seen;
        for (const testsupport::RecordedRequest &req : std::as_const(receiver.requests)) {
            const QJsonArray events = QJsonDocument::fromJson(req.body)
                                          .object()
                                          .value(QStringLiteral("events"))
                                          .toArray();
            for (const auto &v : events) {
                const QJsonObject e = v.toObject();
                if (e.value(QStringLiteral("type")).toString()
                    == QStringLiteral("message.received"))
                    seen[e.value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("messageId"))
                             .toString()]++;
            }
        }
        return seen;
    };
    QElapsedTimer sinceHookUp;
    qint64 hookCatchUpMs = -1;
    QTimer catchUp;
    catchUp.setInterval(200);
    QObject::connect(&catchUp, &QTimer::timeout, &app, [&] {
        const QHash<QString, int> seen = hookMessageIds();
        for (const QString &id : std::as_const(hookExpectedBeforeUp)) {
            if (!seen.contains(id))
                return;
        }
        hookCatchUpMs = sinceHookUp.elapsed();
        catchUp.stop();
    });
    auto window = [&](int ms) {
        {
            std::lock_guard<std::mutex> lock(latencyMutex);
            latencies.clear();
            storedIncoming = 0;
        }
        waitUntil([] { return false; }, ms, 50);
        std::lock_guard<std::mutex> lock(latencyMutex);
        return std::make_tuple(storedIncoming * 1000.0 / ms, percentile(latencies, 50),
                               percentile(latencies, 99));
    };

    SecretStore secrets;
    ApiServer api(&store, &engine, nullptr, &secrets);
    ApiSettings settings;
    settings.enabled = true;
    settings.port = 0;
    if (!api.start(settings, &error))
        qFatal("api: %s", qPrintable(error));
    QVector<QPair<QByteArray, QByteArray>> apps;
    for (int i = 0; i <= appCount; ++i) {
        ApiApp draft;
        draft.name = QStringLiteral("load %1").arg(i);
        draft.canSend = true;
        draft.ratePerMinute = ratePerApp;
        if (i == appCount) // the receiver, down at first, subscribed to every message
            draft.webhookUrl = QStringLiteral("http://127.0.0.1:%1/hook").arg(hookPort);
        bool done = false;
        api.issueApp(draft, [&](bool ok, const ApiApp &a, const QString &s, const QString &e) {
            if (!ok)
                qFatal("issue: %s (run under a D-Bus session with a keychain)", qPrintable(e));
            if (i < appCount)
                apps.append({a.id.toUtf8(), s.toUtf8()});
            done = true;
        });
        waitUntil([&] { return done; }, 20000);
    }
    {
        std::lock_guard<std::mutex> lock(latencyMutex);
        hookSubscribed = true;
    }
    QTimer::singleShot(outageS * 1000, &app, [&] {
        {
            std::lock_guard<std::mutex> lock(latencyMutex);
            hookUp = true;
        }
        if (!receiver.listen(hookPort))
            qFatal("cannot listen again on the webhook port");
        sinceHookUp.start();
        catchUp.start();
    });
    waitUntil([] { return false; }, 3000, 50); // rooms synced, traffic flowing
    const auto [baseRate, baseP50, baseP99] = window(15000);

    std::vector<ClientResult> results(static_cast<size_t>(clients));
    std::vector<std::thread> threads;
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + seconds * 1000LL;
    for (int c = 0; c < clients; ++c) {
        const auto &[id, secret] = apps.at(c % apps.size());
        threads.emplace_back(runClient, c, api.port(), id, secret, room, deadline,
                             &results[size_t(c)]);
    }
    const auto [loadRate, loadP50, loadP99] = window(seconds * 1000 - 1000);
    waitUntil([&] { return QDateTime::currentMSecsSinceEpoch() > deadline + 2000; }, 60000, 50);
    for (std::thread &t : threads)
        t.join();

    int accepted = 0, limited = 0, errors = 0;
    QString firstError;
    QSet<QString> acceptedTexts, refusedTexts;
    for (const ClientResult &r : results) {
        accepted += r.accepted;
        limited += r.limited;
        errors += r.errors;
        if (firstError.isEmpty())
            firstError = r.firstError;
        for (const QString &t : r.acceptedTexts)
            acceptedTexts.insert(t);
        for (const QString &t : r.refusedTexts)
            refusedTexts.insert(t);
    }
    // Wait until the outbox has delivered every accepted send.
    QElapsedTimer drain;
    drain.start();
    auto received = [&] {
        QHash<QString, int> counts;
        for (const auto &t : simulator.receivedTextSends()) {
            if (t.text.startsWith(QStringLiteral("load ")))
                counts[t.text]++;
        }
        return counts;
    };
    waitUntil([&] { return received().size() >= acceptedTexts.size(); }, 600000, 200);
    const qint64 drainMs = drain.elapsed();
    waitUntil([] { return false; }, 2000, 50); // anything sent twice would show now
    const QHash<QString, int> counts = received();
    // The webhook receiver: everything once (the dispatcher's longest retry
    // delay is a minute).
    {
        std::lock_guard<std::mutex> lock(latencyMutex);
        hookSubscribed = false;
    }
    waitUntil(
        [&] {
            const QHash<QString, int> seen = hookMessageIds();
            for (const QString &id : std::as_const(hookExpected)) {
                if (!seen.contains(id))
                    return false;
            }
            return hookUp;
        },
        300000, 200);
    waitUntil([] { return false; }, 2000, 50); // anything delivered twice would show now
    const QHash<QString, int> hookSeen = hookMessageIds();
    int hookMissing = 0, hookTwice = 0;
    for (const QString &id : std::as_const(hookExpected)) {
        const int n = hookSeen.value(id);
        hookMissing += n == 0 ? 1 : 0;
        hookTwice += n > 1 ? 1 : 0;
    }
    int missing = 0, twice = 0, refusedButSent = 0;
    for (const QString &t : acceptedTexts) {
        const int n = counts.value(t);
        missing += n == 0 ? 1 : 0;
        twice += n > 1 ? 1 : 0;
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        refusedButSent += acceptedTexts.contains(it.key()) ? 0 : 1;

    const QJsonObject setup{{QStringLiteral("clients"), clients},
                            {QStringLiteral("seconds"), seconds},
                            {QStringLiteral("apps"), appCount},
                            {QStringLiteral("rate_per_app_per_min"), ratePerApp},
                            {QStringLiteral("sim_rate"), so.rate},
                            {QStringLiteral("pacer_rate"), tuning.sendRatePerSecond}};
    printJson(QStringLiteral("api_load_accepted"), accepted, QStringLiteral("sends"),
              QStringLiteral("> 0"), setup);
    printJson(QStringLiteral("api_load_rate_limited"), limited, QStringLiteral("requests"),
              QStringLiteral("any"));
    printJson(QStringLiteral("api_load_errors"), errors, QStringLiteral("requests"),
              QStringLiteral("0"), {{QStringLiteral("first"), firstError}});
    printJson(QStringLiteral("api_load_accepted_per_s"), accepted / double(seconds),
              QStringLiteral("sends/s"), QStringLiteral("info"));
    printJson(QStringLiteral("api_load_delivered_missing"), missing, QStringLiteral("sends"),
              QStringLiteral("0"));
    printJson(QStringLiteral("api_load_delivered_twice"), twice, QStringLiteral("sends"),
              QStringLiteral("0"));
    printJson(QStringLiteral("api_load_refused_but_sent"), refusedButSent, QStringLiteral("sends"),
              QStringLiteral("0"));
    printJson(QStringLiteral("api_load_drain_after_load"), drainMs / 1000.0, QStringLiteral("s"),
              QStringLiteral("info"));
    printJson(QStringLiteral("webhook_events_expected"), hookExpected.size(),
              QStringLiteral("events"), QStringLiteral("info"),
              {{QStringLiteral("outage_s"), outageS},
               {QStringLiteral("stored_during_outage"), hookExpectedBeforeUp.size()}});
    printJson(QStringLiteral("webhook_events_missing"), hookMissing, QStringLiteral("events"),
              QStringLiteral("0"));
    printJson(QStringLiteral("webhook_events_twice"), hookTwice, QStringLiteral("events"),
              QStringLiteral("0"));
    printJson(QStringLiteral("webhook_catch_up_after_outage"), hookCatchUpMs / 1000.0,
              QStringLiteral("s"), QStringLiteral("<= 60 (longest retry delay)"));
    printJson(QStringLiteral("ingest_rate_before"), baseRate, QStringLiteral("msg/s"),
              QStringLiteral("= sim rate"));
    printJson(QStringLiteral("ingest_rate_during_load"), loadRate, QStringLiteral("msg/s"),
              QStringLiteral("= before"));
    printJson(QStringLiteral("ingest_latency_p50_before"), baseP50, QStringLiteral("ms"),
              QStringLiteral("info"));
    printJson(QStringLiteral("ingest_latency_p50_during_load"), loadP50, QStringLiteral("ms"),
              QStringLiteral("info"));
    printJson(QStringLiteral("ingest_latency_p99_before"), baseP99, QStringLiteral("ms"),
              QStringLiteral("info"));
    printJson(QStringLiteral("ingest_latency_p99_during_load"), loadP99, QStringLiteral("ms"),
              QStringLiteral("info"));
    api.stop();
    engine.shutdown();
    simulator.shutdown();
    store.close();
    curl_global_cleanup();
    return (errors == 0 && missing == 0 && twice == 0 && refusedButSent == 0 && hookMissing == 0
            && hookTwice == 0 && hookCatchUpMs >= 0)
        ? 0
        : 1;
}
