#pragma once
// A groupdesk-sim process for the two-process benchmarks: started with the
// burst flags users meet at login (--auto-login, text only, no room events),
// its port read from its first line of output. Stopped (SIGTERM, then kill)
// when destroyed.

#include "BenchUtil.h"

#include <QDir>
#include <QMap>
#include <QProcess>
#include <QStringList>

#include <cstdio>

namespace gd::bench {

struct BenchSimProcess
{
    QProcess process;
    quint16 port = 0;

    bool start(const QString &token, int rooms, int messages)
    {
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(builtProgram(QStringLiteral("sim/groupdesk-sim")),
                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
                       token, QStringLiteral("--auto-login"), QStringLiteral("--rate"),
                       QStringLiteral("0"), QStringLiteral("--image-every"), QStringLiteral("0"),
                       QStringLiteral("--room-events"), QStringLiteral("off"),
                       QStringLiteral("--rooms"), QString::number(rooms), QStringLiteral("--burst"),
                       QString::number(messages)});
        if (!process.waitForStarted(10000)) {
            fprintf(stderr, "groupdesk-sim did not start\n");
            return false;
        }
        QByteArray out;
        waitUntil(
            [&] {
                out += process.readAllStandardOutput();
                return out.contains('\n') || process.state() != QProcess::Running;
            },
            30000, 5);
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
        if (port == 0) {
            fprintf(stderr, "groupdesk-sim did not say its port: %s\n", line.constData());
            return false;
        }
        return true;
    }

    qint64 pid() const { return process.processId(); }

    void stop()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(15000))
            process.kill();
        process.waitForFinished(5000);
    }

    ~BenchSimProcess() { stop(); }
};

// utime + stime of a process, in seconds; -1 when it is gone.
inline double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces) in parentheses.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// CPU seconds of a process's threads, summed by thread name (gRPC's, the
// session's, the store writer's...); empty when it is gone.
inline QMap<QString, double> threadCpuSeconds(qint64 pid)
{
    QMap<QString, double> out;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const qsizetype open = stat.indexOf('(');
        const qsizetype close = stat.lastIndexOf(')');
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (open < 0 || close < 0 || fields.size() < 13)
            continue;
        out[QString::fromUtf8(stat.mid(open + 1, close - open - 1))]
            += (fields.at(11).toLongLong() + fields.at(12).toLongLong())
            / double(sysconf(_SC_CLK_TCK));
    }
    return out;
}

inline QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

} // namespace gd::bench
