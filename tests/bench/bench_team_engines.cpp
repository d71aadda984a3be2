// Issue 18, "what it must show" 2, the engines' side: N `groupdesk --headless
// --database` engine processes on one PostgreSQL (a PgTestServer), N accounts
// of R groups each, every account served by its own `groupdesk-sim` process
// (--auto-login, text only), T messages/s in total for S seconds; the engines
// share the accounts through their leases. Full: 10 engines x 100 rooms,
// 500 msg/s, 300 s; --quick: 3 x 30, 90 msg/s, 30 s; --smoke (ctest): 2 x 5,
// 20 msg/s, 8 s, checks only.
//
// Reported (JSON lines): the commit rate of incoming messages in the shared
// archive (mean over the traffic, and the slowest 5 s window), the backlog
// growth (the configured rate minus the committed rate over the middle of the
// run: about 0 when the engines keep up), the time to drain after the traffic
// ended, the load average. Checked (exits non-zero otherwise): every message
// the simulators emitted is stored, none twice. The latency to consoles is
// the console side's (LISTEN/NOTIFY) and is not measured here.
// Needs a keychain for the gateway tokens: without a D-Bus session it runs
// itself in a private one with gnome-keyring.

#include "BenchJson.h"
#include "BenchUtil.h"
#include "PgTestServer.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace gd;
using namespace gd::bench;

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

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        std::vector<char *> args{const_cast<char *>("dbus-run-session"), const_cast<char *>("--"),
                                 const_cast<char *>("sh"), const_cast<char *>("-c"),
                                 const_cast<char *>("printf testpw | gnome-keyring-daemon --unlock "
                                                    "--components=secrets >/dev/null 2>&1; exec "
                                                    "\"$0\" \"$@\"")};
        for (int i = 0; i < argc; ++i)
            args.push_back(argv[i]);
        args.push_back(nullptr);
        execvp("dbus-run-session", args.data());
        qWarning("cannot run dbus-run-session; the keychain is needed");
    }
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
         {QStringLiteral("quick"), QStringLiteral("3 x 30 rooms, 90/s, 30 s")},
         {QStringLiteral("smoke"), QStringLiteral("2 x 5 rooms, 20/s, 8 s, checks")}});
    parser.process(app);
    int engines = parser.value(QStringLiteral("engines")).toInt();
    int rooms = parser.value(QStringLiteral("rooms")).toInt();
    double rate = parser.value(QStringLiteral("rate")).toDouble();
    int seconds = parser.value(QStringLiteral("seconds")).toInt();
    QString suffix;
    if (parser.isSet(QStringLiteral("quick"))) {
        engines = 3, rooms = 30, rate = 90, seconds = 30;
        suffix = QStringLiteral("_quick");
    }
    const bool smoke = parser.isSet(QStringLiteral("smoke"));
    if (smoke)
        engines = 2, rooms = 5, rate = 20, seconds = 8;
    if (engines < 1 || rooms < 1 || rate <= 0 || seconds < 1) {
        note(QStringLiteral("bad sizes"));
        return 2;
    }
    const QString groupdesk = builtProgram(QStringLiteral("groupdesk/groupdesk"));
    const QString simProgram = builtProgram(QStringLiteral("sim/groupdesk-sim"));

    test::PgTestServer server;
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
    QTemporaryDir dir;

    // One simulator (one account) per engine, its own token.
    std::vector<std::unique_ptr<QProcess>> sims;
    SecretStore secrets;
    int tokensWritten = 0;
    const QString tokenBase
        = QStringLiteral("bench-team-%1-").arg(QCoreApplication::applicationPid());
    for (int i = 0; i < engines; ++i) {
        const quint16 port = freeLoopbackPort();
        const QString id = QStringLiteral("bench-%1").arg(i);
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
                    QStringLiteral("--stats-file"), dir.filePath(id + QStringLiteral(".json"))});
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
        secrets.writeToken(id, tokenBase + id, [&tokensWritten](bool ok, const QString &e) {
            if (!ok)
                note(QStringLiteral("keychain: ") + e);
            ++tokensWritten;
        });
    }
    store.flush();
    if (!waitUntil([&] { return tokensWritten == engines; }, 20000)) {
        note(QStringLiteral("the keychain did not answer"));
        return 1;
    }

    std::vector<std::unique_ptr<QProcess>> running;
    for (int i = 0; i < engines; ++i) {
        auto engine = std::make_unique<QProcess>();
        engine->setStandardOutputFile(QProcess::nullDevice());
        engine->setStandardErrorFile(QProcess::nullDevice());
        engine->start(groupdesk,
                      {QStringLiteral("--headless"), QStringLiteral("--database"), url,
                       QStringLiteral("--data-dir"),
                       dir.filePath(QStringLiteral("engine%1").arg(i)),
                       QStringLiteral("--engine-name"), QStringLiteral("b%1").arg(i)});
        if (!engine->waitForStarted(10000)) {
            note(QStringLiteral("groupdesk did not start"));
            return 1;
        }
        running.push_back(std::move(engine));
    }
    note(QStringLiteral("%1 engines x %2 rooms, %3 msg/s, %4 s on %5")
             .arg(engines)
             .arg(rooms)
             .arg(rate)
             .arg(seconds)
             .arg(url));

    // Samples once a second from the first stored message until the traffic
    // has surely ended and nothing more arrives.
    struct Sample
    {
        double s;
        qint64 stored;
    };
    QVector<Sample> samples;
    QElapsedTimer clock;
    clock.start();
    qint64 firstMs = -1;
    qint64 lastChangeMs = 0;
    qint64 last = 0;
    while (clock.elapsed() < qint64(seconds) * 1000 + 180000) {
        waitUntil([] { return false; }, 1000, 50);
        const Counts c = countIncoming(*reader);
        if (c.stored > 0 && firstMs < 0)
            firstMs = clock.elapsed();
        if (firstMs >= 0)
            samples.append({(clock.elapsed() - firstMs) / 1000.0, c.stored});
        if (c.stored != last) {
            last = c.stored;
            lastChangeMs = clock.elapsed();
        }
        // Done: past the traffic and quiet for 5 s.
        if (firstMs >= 0 && clock.elapsed() - firstMs > qint64(seconds) * 1000 + 2000
            && clock.elapsed() - lastChangeMs > 5000)
            break;
    }
    const double load = loadAverage();
    for (auto &engine : running) {
        engine->terminate();
        engine->waitForFinished(30000);
    }
    qint64 emitted = 0;
    for (int i = 0; i < engines; ++i) {
        sims[std::size_t(i)]->terminate();
        sims[std::size_t(i)]->waitForFinished(15000);
        QFile f(dir.filePath(QStringLiteral("bench-%1.json").arg(i)));
        if (f.open(QIODevice::ReadOnly))
            emitted += QJsonDocument::fromJson(f.readAll())
                           .object()
                           .value(QStringLiteral("messages_emitted"))
                           .toInteger();
    }
    const Counts final = countIncoming(*reader);

    // The traffic ends `seconds` after each simulator's first subscriber,
    // about when the first message is stored.
    double rateMean = 0;
    double slowestWindow = -1;
    double growth = 0;
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
    {
        // The middle half of the traffic: what is committed per second
        // against what is offered.
        const Sample *from = nullptr;
        const Sample *to = nullptr;
        for (const Sample &s : samples) {
            if (!from && s.s >= seconds * 0.25)
                from = &s;
            if (s.s <= seconds * 0.75)
                to = &s;
        }
        if (from && to && to->s > from->s)
            growth = rate - (to->stored - from->stored) / (to->s - from->s);
    }
    for (const Sample &s : samples) {
        if (s.stored >= final.stored) {
            drainS = std::max(0.0, s.s - seconds);
            break;
        }
    }
    const QJsonObject extra{{QStringLiteral("engines"), engines},
                            {QStringLiteral("rooms_per_engine"), rooms},
                            {QStringLiteral("rate"), rate},
                            {QStringLiteral("seconds"), seconds},
                            {QStringLiteral("emitted"), emitted},
                            {QStringLiteral("stored"), final.stored},
                            {QStringLiteral("distinct"), final.distinct},
                            {QStringLiteral("load_average"), load}};
    if (!smoke) {
        printJson(QStringLiteral("team_commit_rate") + suffix, rateMean, QStringLiteral("msg/s"),
                  QStringLiteral(">= %1").arg(rate), extra);
        printJson(QStringLiteral("team_commit_rate_slowest_5s") + suffix, slowestWindow,
                  QStringLiteral("msg/s"), QStringLiteral(">= %1").arg(rate), extra);
        printJson(QStringLiteral("team_backlog_growth") + suffix, growth, QStringLiteral("msg/s"),
                  QStringLiteral("<= 0"), extra);
        printJson(QStringLiteral("team_drain_after_traffic") + suffix, drainS, QStringLiteral("s"),
                  QStringLiteral("<= 5"), extra);
    }
    note(QStringLiteral("emitted %1, stored %2, distinct %3; mean %4/s, slowest 5 s %5/s, "
                        "backlog growth %6/s, drained %7 s after the traffic, load %8")
             .arg(emitted)
             .arg(final.stored)
             .arg(final.distinct)
             .arg(rateMean, 0, 'f', 1)
             .arg(slowestWindow, 0, 'f', 1)
             .arg(growth, 0, 'f', 1)
             .arg(drainS, 0, 'f', 1)
             .arg(load));
    if (emitted <= 0 || final.stored != emitted || final.distinct != final.stored) {
        note(QStringLiteral("FAIL: every emitted message must be stored exactly once"));
        return 1;
    }
    return 0;
}
