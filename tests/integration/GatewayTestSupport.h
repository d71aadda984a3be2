#pragma once
// Shared by the issue-3 integration tests (reconnect, outbox, accounts, TLS):
// short session tuning, endpoints on loopback, a free port, the simulator as
// a separate process (groupdesk-sim) that can be killed, and direct SQL reads
// of the database the client wrote.

#include "engine/SessionTuning.h"
#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

namespace gd::testsupport {

inline SessionTuning fastTuning()
{
    SessionTuning t;
    t.backoffInitialMs = 200;
    t.backoffMaxMs = 1000;
    t.messageRetryDelayMs = 100;
    t.messageRetryLimit = 2;
    t.startFallbackMs = 300;
    t.dingAfterSilenceMs = 2000;
    t.reconnectAfterSilenceMs = 8000;
    t.sendRatePerSecond = 20;
    t.sendJitterMs = 0;
    return t;
}

inline AccountInfo account(const QString &id, quint16 port)
{
    AccountInfo a;
    a.id = id;
    a.displayName = id;
    a.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    return a;
}

inline GatewayEndpoint endpoint(quint16 port, const QString &token = {})
{
    GatewayEndpoint e;
    e.address = QStringLiteral("127.0.0.1:%1").arg(port);
    e.token = token;
    return e;
}

inline quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

inline QString simBinary()
{
    return QStringLiteral(GD_BINARY_DIR "/app/sim/groupdesk-sim");
}

// groupdesk-sim as a child process on a fixed port.
class SimProcess
{
public:
    ~SimProcess() { kill(); }

    // Starts the simulator and waits for its "listening" line (a bind on a
    // port just freed by a killed run may need a few tries).
    bool start(const QStringList &args, QString *error)
    {
        for (int attempt = 0; attempt < 50; ++attempt) {
            m_process = std::make_unique<QProcess>();
            m_process->setProcessChannelMode(QProcess::SeparateChannels);
            m_process->start(simBinary(), args);
            if (!m_process->waitForStarted(10000)) {
                *error = m_process->errorString();
                return false;
            }
            QElapsedTimer t;
            t.start();
            QByteArray out;
            while (t.elapsed() < 10000) {
                if (m_process->state() != QProcess::Running)
                    break;
                m_process->waitForReadyRead(100);
                out += m_process->readAllStandardOutput();
                if (out.contains("listening on")) {
                    m_listeningAtMs = QDateTime::currentMSecsSinceEpoch();
                    return true;
                }
            }
            *error = QString::fromLocal8Bit(m_process->readAllStandardError());
            m_process->kill();
            m_process->waitForFinished(5000);
            QThread::msleep(100);
        }
        return false;
    }
    qint64 listeningAtMs() const { return m_listeningAtMs; }
    // SIGKILL: the gateway dies without a word.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
    // SIGTERM: clean shutdown (stats file written).
    bool terminate()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return false;
        m_process->terminate();
        return m_process->waitForFinished(15000) && m_process->exitCode() == 0;
    }
    QString stderrText()
    {
        return m_process ? QString::fromLocal8Bit(m_process->readAllStandardError()) : QString();
    }

private:
    std::unique_ptr<QProcess> m_process;
    qint64 m_listeningAtMs = 0;
};

// A read-only SQL connection to the client's database (WAL: sees commits).
class DbPeek
{
public:
    explicit DbPeek(const QString &path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        db.open();
    }
    ~DbPeek()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariantList column(const QString &sql)
    {
        QVariantList out;
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql))
            return out;
        while (q.next())
            out.append(q.value(0));
        return out;
    }
    qint64 scalar(const QString &sql)
    {
        const QVariantList v = column(sql);
        return v.isEmpty() ? -1 : v.first().toLongLong();
    }

private:
    QString m_name;
};

} // namespace gd::testsupport
