#pragma once
// Small helpers shared by the end-to-end benchmarks: waiting on a condition
// while the event loop runs, reading a process's resident memory, picking a
// free loopback port, and bringing up an in-process engine against the simulator.

#include "ArchiveGenerator.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <cstdlib>
#include <functional>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gd::bench {

// Runs the event loop until cond() is true (checked every pollMs) or timeoutMs
// passes. Returns cond().
inline bool waitUntil(const std::function<bool()> &cond, int timeoutMs, int pollMs = 5)
{
    QElapsedTimer clock;
    clock.start();
    while (!cond()) {
        if (clock.elapsed() > timeoutMs)
            return cond();
        QEventLoop loop;
        QTimer::singleShot(pollMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A field of /proc/<pid>/status in KiB ("VmRSS", "VmHWM"); pid 0 = this process.
inline qint64 procStatusKb(qint64 pid, const char *field)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid)
                    : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

inline quint16 freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

// Adds account "bench" for the simulator to the engine and waits until it is
// Ready with its sync complete. False on timeout.
inline bool connectAndSync(Engine &engine, Store &store, const sim::Simulator &simulator,
                           int timeoutMs = 120000)
{
    AccountInfo info;
    info.id = QStringLiteral("bench");
    info.displayName = QStringLiteral("bench");
    info.endpoint = simulator.address();
    GatewayEndpoint endpoint;
    endpoint.address = info.endpoint;
    endpoint.token = simulator.options().token;
    store.upsertAccount(info);
    engine.addAccount(info, endpoint);
    return waitUntil(
        [&] {
            const AccountStatus s = engine.status(info.id);
            return s.state == SessionState::Ready && s.syncTotal > 0 && s.syncDone >= s.syncTotal;
        },
        timeoutMs, 20);
}

// Path of a program built next to the benchmarks (build/app/...).
inline QString builtProgram(const QString &relative)
{
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral("../../app/") + relative);
}

// Writes an archive the way the app would have stored it: the account, `rooms`
// groups named as the simulator names them (1001@chatroom, ...) and `messages`
// messages of realistic text, a fifth of them in the first room. Returns seconds taken.
inline double writeArchive(const QString &dbPath, const AccountInfo &account, int rooms,
                           qint64 messages)
{
    QElapsedTimer clock;
    clock.start();
    Store store;
    QString error;
    if (!store.open(dbPath, &error)) {
        fprintf(stderr, "cannot open %s: %s\n", qPrintable(dbPath), qPrintable(error));
        return -1;
    }
    store.upsertAccount(account);
    QVector<Room> list;
    for (int r = 0; r < rooms; ++r) {
        Room room;
        room.accountId = account.id;
        room.id = QStringLiteral("%1@chatroom").arg(1001 + r);
        room.topic = QStringLiteral("星河售后%1群").arg(r + 1);
        list.append(room);
    }
    store.upsertRooms(list);
    ArchiveGenerator gen;
    const qint64 endMs = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    QVector<Message> batch;
    for (qint64 i = 0; i < messages; ++i) {
        const int room = i % 5 == 0 ? 0 : int(i % rooms);
        Message m = gen.message(i, messages, room, endMs);
        m.accountId = account.id;
        m.roomId = QStringLiteral("%1@chatroom").arg(1001 + room);
        batch.append(std::move(m));
        if (batch.size() == 1000) {
            store.insertMessages(batch);
            batch.clear();
        }
    }
    store.insertMessages(batch);
    store.close();
    return clock.nsecsElapsed() / 1e9;
}

// Without a D-Bus session (a plain shell), runs this program again inside a
// private one with an unlocked gnome-keyring, as scripts/test.sh does, with
// a fresh keyring folder (XDG_DATA_HOME): a login keyring left from another
// run, under another password, would keep the collection locked and every
// token write would fail. Returns only when no re-run was needed (or
// dbus-run-session is missing: the keychain then fails visibly).
inline void rerunInPrivateKeyring(int argc, char **argv)
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return;
    char keyrings[] = "/tmp/gd-bench-keyring-XXXXXX";
    if (mkdtemp(keyrings) != nullptr)
        setenv("XDG_DATA_HOME", keyrings, 1);
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

} // namespace gd::bench
