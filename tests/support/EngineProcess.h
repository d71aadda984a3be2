#pragma once
// A `groupdesk --headless --database <url>` engine process of team mode
// (issue 18), as the tests and benchmarks start it: its own data directory
// (log) and engine name. Reads back what the tests check from outside: the
// "took / stopped account" lines of its log, and its CPU time.

#include <QString>
#include <QVector>

#include <memory>

class QProcess;

namespace gd::test {

class EngineProcess
{
public:
    // One "engine <id> took|stopped account <id>" line of an engine's log.
    struct LeaseEvent
    {
        qint64 ms = 0; // ms since the epoch
        bool took = false;
        QString accountId;
    };

    EngineProcess();
    ~EngineProcess(); // kills an engine still running
    EngineProcess(const EngineProcess &) = delete;
    EngineProcess &operator=(const EngineProcess &) = delete;

    // Starts `program` (the built groupdesk) as engine `name` on
    // `databaseUrl`, with its data in `dataDir`. Its standard output and
    // error go to `outputFile` (empty: discarded). False with the reason.
    bool start(const QString &program, const QString &databaseUrl, const QString &dataDir,
               const QString &name, const QString &outputFile, QString *error);

    QString name() const { return m_name; }
    QString logPath() const;
    qint64 processId() const;
    bool isRunning() const;
    // SIGKILL: the engine dies without a word (no lease given back).
    void kill();
    // SIGTERM: true when it stopped cleanly (exit code 0) within timeoutMs.
    bool stop(int timeoutMs);

    QVector<LeaseEvent> leaseEvents() const;
    // User + system CPU seconds so far (from /proc; -1 when it is gone).
    double cpuSeconds() const;

private:
    std::unique_ptr<QProcess> m_process;
    QString m_name;
    QString m_dataDir;
};

} // namespace gd::test
