#include "sim/SimCommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace gd::sim {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SimCommandLine", text);
}

struct IntOption
{
    const char *name;
    int SimulatorOptions::*field;
    int minimum;
    const char *help;
};

// Integer options that map one to one onto a SimulatorOptions field.
const IntOption kIntOptions[] = {
    {"scan-delay-ms", &SimulatorOptions::scanDelayMs, 0,
     QT_TRANSLATE_NOOP("SimCommandLine", "Delay from SCAN Waiting to Scanned (default 1500).")},
    {"confirm-delay-ms", &SimulatorOptions::confirmDelayMs, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Delay from Scanned to Confirmed and LOGIN (default 1000).")},
    {"qr-rounds", &SimulatorOptions::qrRounds, 1,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "QR codes shown before the scan; all but the last time out (default 1).")},
    {"qr-timeout-ms", &SimulatorOptions::qrTimeoutMs, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "How long a QR code that times out stays up (default 3000).")},
    {"heartbeat-s", &SimulatorOptions::heartbeatS, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Seconds between HEARTBEAT events; 0 = only on subscribe (default 10).")},
    {"rooms", &SimulatorOptions::rooms, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Number of groups; 0 = the default world of 10 (default 0).")},
    {"members-per-room", &SimulatorOptions::membersPerRoom, 0,
     QT_TRANSLATE_NOOP("SimCommandLine", "Members of every group; 0 = 8 to 25 (default 0).")},
    {"burst", &SimulatorOptions::burstMessages, 0,
     QT_TRANSLATE_NOOP(
         "SimCommandLine",
         "Once logged in and listened to, emit this many messages as fast as possible.")},
    {"hot-room-percent", &SimulatorOptions::hotRoomPercent, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Share of traffic (in %) that goes to the first group (default 0).")},
    {"room-event-every", &SimulatorOptions::roomEventEvery, 1,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "About one room event per this many messages (default 200).")},
    {"image-every", &SimulatorOptions::imageEvery, 0,
     QT_TRANSLATE_NOOP(
         "SimCommandLine",
         "Every Nth message is a photo or a PDF receipt; 0 = text only (default 15).")},
    {"fault-corrupt-image-every", &SimulatorOptions::faultCorruptImageEvery, 0,
     QT_TRANSLATE_NOOP("SimCommandLine", "Every Nth photo is served truncated (a corrupt image).")},
    {"fault-malformed-every", &SimulatorOptions::faultMalformedEvery, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Every Nth MESSAGE event carries broken JSON (never counted).")},
    {"fault-repeat-every", &SimulatorOptions::faultRepeatEvery, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Every Nth MESSAGE event is written twice (counted once).")},
    {"fault-fail-payload-every", &SimulatorOptions::faultFailPayloadEvery, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Every Nth MessagePayload call fails with --fault-fail-code.")},
    {"fault-fail-code", &SimulatorOptions::faultFailCode, 1,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "gRPC status code for failed payload calls (default 14, UNAVAILABLE).")},
    {"fault-delay-payload-ms", &SimulatorOptions::faultDelayPayloadMs, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Delay every MessagePayload answer by this many milliseconds.")},
    {"fault-drop-stream-after", &SimulatorOptions::faultDropStreamAfter, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "End each Event stream with UNAVAILABLE after N MESSAGE events.")},
    {"fault-logout-after-s", &SimulatorOptions::faultLogoutAfterS, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Log the bot out this many seconds after its first login.")},
    {"fault-stall-after-s", &SimulatorOptions::faultStallAfterS, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Stop answering calls and events this many seconds after the first login.")},
    {"fault-exit-after-s", &SimulatorOptions::faultExitAfterS, 0,
     QT_TRANSLATE_NOOP("SimCommandLine",
                       "Exit abruptly, without stats, this many seconds after starting.")},
};

} // namespace

void addSimulatorOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("host"), tr("Address to listen on (default 127.0.0.1)."), tr("host"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), tr("Port to listen on; 0 picks a free one (default 0)."),
         tr("port"), QStringLiteral("0")},
        {QStringLiteral("token"), tr("Token every call must carry; empty accepts all."),
         tr("token")},
        {QStringLiteral("rate"), tr("MESSAGE events per second while traffic runs (default 5)."),
         tr("messages/s"), QStringLiteral("5")},
        {QStringLiteral("duration"),
         tr("Stop traffic this many seconds after the first subscribe; keep serving (0 = never)."),
         tr("seconds"), QStringLiteral("0")},
        {QStringLiteral("stats-file"), tr("Write statistics as JSON to this file on exit."),
         tr("file")},
        {QStringLiteral("served-log"),
         tr("Append one line per message payload served to this file (survives a crash)."),
         tr("file")},
        {QStringLiteral("tls-cert"), tr("Serve TLS with this PEM certificate (needs --tls-key)."),
         tr("file")},
        {QStringLiteral("tls-key"), tr("PEM private key of --tls-cert."), tr("file")},
        {QStringLiteral("seed"), tr("Seed of the world and the traffic (default 1)."), tr("n"),
         QStringLiteral("1")},
        {QStringLiteral("auto-login"), tr("Log the bot in right after Start, without a QR scan.")},
        {QStringLiteral("room-events"),
         tr("Occasional joins, leaves and topic changes: on or off (default on)."), tr("on|off"),
         QStringLiteral("on")},
    });
    for (const IntOption &o : kIntOptions) {
        parser.addOption({QString::fromLatin1(o.name), tr(o.help), tr("n")});
    }
}

bool readSimulatorOptions(const QCommandLineParser &parser, SimulatorOptions *options,
                          QString *error)
{
    SimulatorOptions o;
    auto fail = [error](const QString &name, const QString &value) {
        if (error)
            *error = tr("Invalid value for --%1: %2").arg(name, value);
        return false;
    };
    bool ok = false;
    o.host = parser.value(QStringLiteral("host"));
    const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("port"), parser.value(QStringLiteral("port")));
    o.port = quint16(port);
    o.token = parser.value(QStringLiteral("token"));
    o.rate = parser.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok || o.rate < 0)
        return fail(QStringLiteral("rate"), parser.value(QStringLiteral("rate")));
    o.durationS = parser.value(QStringLiteral("duration")).toDouble(&ok);
    if (!ok || o.durationS < 0)
        return fail(QStringLiteral("duration"), parser.value(QStringLiteral("duration")));
    o.statsFile = parser.value(QStringLiteral("stats-file"));
    o.servedLog = parser.value(QStringLiteral("served-log"));
    o.tlsCert = parser.value(QStringLiteral("tls-cert"));
    o.tlsKey = parser.value(QStringLiteral("tls-key"));
    if (o.tlsCert.isEmpty() != o.tlsKey.isEmpty()) {
        if (error)
            *error = tr("--tls-cert and --tls-key go together.");
        return false;
    }
    o.seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return fail(QStringLiteral("seed"), parser.value(QStringLiteral("seed")));
    o.autoLogin = parser.isSet(QStringLiteral("auto-login"));
    const QString roomEvents = parser.value(QStringLiteral("room-events")).toLower();
    if (roomEvents != QLatin1String("on") && roomEvents != QLatin1String("off"))
        return fail(QStringLiteral("room-events"), roomEvents);
    o.roomEvents = roomEvents == QLatin1String("on");
    for (const IntOption &io : kIntOptions) {
        const QString name = QString::fromLatin1(io.name);
        if (!parser.isSet(name))
            continue;
        const int value = parser.value(name).toInt(&ok);
        if (!ok || value < io.minimum)
            return fail(name, parser.value(name));
        o.*(io.field) = value;
    }
    *options = o;
    return true;
}

} // namespace gd::sim
