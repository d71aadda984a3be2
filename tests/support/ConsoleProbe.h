#pragma once
// A running gd-console-probe (a headless console on a shared archive, see
// console_probe.cpp) and what it printed so far, parsed as it arrives: the
// team-mode tests and benchmarks measure when each console saw each row.
// The lines are read whenever the calling thread's event loop runs (or on
// read()); a benchmark's tens of thousands of lines are parsed once each.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

class QProcess;

namespace gd::test {

class ConsoleProbe
{
public:
    // One "message" line: a row of the messages table this console got.
    struct SeenMessage
    {
        qint64 seenMs = 0; // when the probe printed it (ms since the epoch)
        qint64 rowId = 0;
        QString accountId;
        QString conversationId;
        QString messageId;
    };

    ConsoleProbe();
    ~ConsoleProbe(); // kills a probe still running
    ConsoleProbe(const ConsoleProbe &) = delete;
    ConsoleProbe &operator=(const ConsoleProbe &) = delete;

    // Starts `program` (the built gd-console-probe) with --database
    // `databaseUrl` and `extraArguments`; false with the reason.
    bool start(const QString &program, const QString &databaseUrl,
               const QStringList &extraArguments, QString *error);
    // Reads what arrived since the last read.
    void read();
    // Whether a line of `kind` ("ready", "outbox", "queued", ...) came.
    bool has(const QString &kind);
    // The lines of `kind` other than "message", their fields after the kind.
    QList<QStringList> linesOf(const QString &kind);
    const QVector<SeenMessage> &messages();
    // Row id -> the times the probe printed it (once is right).
    QHash<qint64, QList<qint64>> seenByRow();
    // Message id -> the times the probe printed it.
    QHash<QString, QList<qint64>> seenByMessageId();

    qint64 processId() const;
    // SIGTERM, and waits for the end.
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_partial;
    QVector<SeenMessage> m_messages;
    QList<QStringList> m_otherLines; // kind first
};

} // namespace gd::test
