#include "PgTestServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <atomic>
#include <cerrno>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gd::test {
namespace {

std::atomic<int> g_connections{0};

// A port nobody listens on now (the kernel's choice, then released).
int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool giveToUser(const QString &path, const passwd *pw)
{
    return ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

// Servers whose test program died without its destructor (ctest's
// timeout kills it) are stopped and removed by the next one that starts:
// each data root names its owner's process id.
void reapOrphans(const QString &binDir, bool asPostgres)
{
    const QDir tmp(QDir::tempPath());
    for (const QString &root :
         tmp.entryList({QStringLiteral("gd-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile owner(tmp.filePath(root + QStringLiteral("/owner.pid")));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const pid_t pid = pid_t(owner.readAll().trimmed().toLongLong());
        owner.close();
        if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH)
            continue; // its program still runs
        const QString data = tmp.filePath(root + QStringLiteral("/data"));
        QProcess stop;
        const QStringList args = {QStringLiteral("-D"), data,
                                  QStringLiteral("-m"), QStringLiteral("immediate"),
                                  QStringLiteral("-w"), QStringLiteral("stop")};
        if (asPostgres)
            stop.start(QStringLiteral("runuser"),
                       QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                   QStringLiteral("--"), binDir + QStringLiteral("/pg_ctl")}
                           + args);
        else
            stop.start(binDir + QStringLiteral("/pg_ctl"), args);
        stop.waitForFinished(30000);
        QDir(tmp.filePath(root)).removeRecursively();
    }
}

} // namespace

PgTestServer::PgTestServer() = default;

PgTestServer::~PgTestServer()
{
    if (m_running) {
        QString output;
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dataRoot->filePath(QStringLiteral("data")),
             QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
             QStringLiteral("stop")},
            &output, 30000);
    }
}

QString PgTestServer::binDir()
{
    const QByteArray fromEnv = qgetenv("GD_PG_BINDIR");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin")
                             : QString::fromLocal8Bit(fromEnv);
}

QString PgTestServer::socketDir() const
{
    return m_socketRoot ? m_socketRoot->path() : QString();
}

bool PgTestServer::run(const QString &program, const QStringList &args, QString *output,
                       int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (m_asPostgres) {
        // initdb and postgres refuse to run as root.
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), program}
                          + args);
    } else {
        process.start(program, args);
    }
    if (!process.waitForStarted(10000)) {
        *output = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return false;
    }
    const bool finished = process.waitForFinished(timeoutMs);
    *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        *output = QStringLiteral("%1 timed out: %2").arg(program, *output);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PgTestServer::start(QString *error, bool tcp)
{
    if (m_running)
        return true;
    if (!QFile::exists(binDir() + QStringLiteral("/initdb"))) {
        *error = QStringLiteral("PostgreSQL 15 is not installed: no %1/initdb"
                                " (scripts/install-deps.sh installs postgresql-15)")
                     .arg(binDir());
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("Qt's QPSQL driver is missing (libqt6sql6-psql)");
        return false;
    }
    m_dataRoot
        = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/gd-pg-XXXXXX"));
    // Short: a unix socket path is limited to about 100 bytes.
    m_socketRoot = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/gd-pgs-XXXXXX"));
    if (!m_dataRoot->isValid() || !m_socketRoot->isValid()) {
        *error = QStringLiteral("cannot create temporary directories for PostgreSQL");
        return false;
    }
    m_asPostgres = ::geteuid() == 0;
    if (m_asPostgres) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw) {
            *error = QStringLiteral("running as root, but there is no postgres user to run the"
                                    " server as");
            return false;
        }
        if (!giveToUser(m_dataRoot->path(), pw) || !giveToUser(m_socketRoot->path(), pw)) {
            *error = QStringLiteral("cannot give the temporary directories to postgres: %1")
                         .arg(QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
    }
    reapOrphans(binDir(), m_asPostgres);
    {
        QFile owner(m_dataRoot->filePath(QStringLiteral("owner.pid")));
        if (owner.open(QIODevice::WriteOnly))
            owner.write(QByteArray::number(qint64(::getpid())));
    }
    const QString data = m_dataRoot->filePath(QStringLiteral("data"));
    QString output;
    if (!run(binDir() + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"),
              QStringLiteral("-U"), user(), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")},
             &output, 120000)) {
        *error = QStringLiteral("initdb failed: ") + output;
        return false;
    }
    m_port = freePort();
    if (m_port == 0) {
        *error = QStringLiteral("no free TCP port for PostgreSQL");
        return false;
    }
    // Durability is not what these tests check: fsync off keeps them fast.
    const QString options
        = QStringLiteral("-c listen_addresses='%1' -c unix_socket_directories='%2' -p %3"
                         " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                         " -c max_connections=200")
              .arg(tcp ? QStringLiteral("127.0.0.1") : QString(), socketDir())
              .arg(m_port)
        + m_extraSettings
        // Extra server settings for a diagnosis (auto_explain, logging).
        + QLatin1Char(' ') + QString::fromLocal8Bit(qgetenv("GD_PG_SERVER_OPTIONS"));
    // GD_PG_LOG: keep the server's log there (default: in the data dir, removed).
    const QByteArray keptLog = qgetenv("GD_PG_LOG");
    const QString logFile = keptLog.isEmpty() ? m_dataRoot->filePath(QStringLiteral("server.log"))
                                              : QString::fromLocal8Bit(keptLog);
    m_serverOptions = options;
    m_logFile = logFile;
    if (!run(binDir() + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
              logFile, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
              QStringLiteral("start")},
             &output, 90000)) {
        QFile log(logFile);
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("pg_ctl start failed: %1\n%2")
                     .arg(output, QString::fromLocal8Bit(log.readAll().right(2000)));
        return false;
    }
    m_running = true;
    return true;
}

void PgTestServer::addSetting(const QString &name, const QString &value)
{
    m_extraSettings += QStringLiteral(" -c %1='%2'").arg(name, value);
}

bool PgTestServer::restart(QString *error, int downMs)
{
    if (!m_running) {
        *error = QStringLiteral("the PostgreSQL test server is not running");
        return false;
    }
    const QString data = m_dataRoot->filePath(QStringLiteral("data"));
    QString output;
    if (!run(binDir() + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("fast"),
              QStringLiteral("-w"), QStringLiteral("stop")},
             &output, 60000)) {
        *error = QStringLiteral("pg_ctl stop failed: ") + output;
        return false;
    }
    m_running = false;
    if (downMs > 0)
        QThread::msleep(downMs);
    if (!run(binDir() + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-o"), m_serverOptions,
              QStringLiteral("-l"), m_logFile, QStringLiteral("-w"), QStringLiteral("-t"),
              QStringLiteral("60"), QStringLiteral("start")},
             &output, 90000)) {
        *error = QStringLiteral("pg_ctl start (restart) failed: ") + output;
        return false;
    }
    m_running = true;
    return true;
}

bool PgTestServer::requirePassword(const QString &password, QString *error)
{
    QString escaped = password;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    if (!exec(QStringLiteral("postgres"),
              QStringLiteral("ALTER ROLE \"%1\" PASSWORD '%2'").arg(user(), escaped), error))
        return false;
    const QString data = m_dataRoot->filePath(QStringLiteral("data"));
    QFile hba(data + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot rewrite pg_hba.conf: ") + hba.errorString();
        return false;
    }
    hba.write("local all all scram-sha-256\n"
              "host all all 127.0.0.1/32 scram-sha-256\n");
    hba.close();
    QString output;
    if (!run(binDir() + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("reload")}, &output, 30000)) {
        *error = QStringLiteral("pg_ctl reload failed: ") + output;
        return false;
    }
    QThread::msleep(300); // the postmaster rereads the file asynchronously
    return true;
}

QString PgTestServer::url(const QString &name) const
{
    // Concatenated, not arg(): the encoded socket path is full of "%2F".
    return QStringLiteral("postgresql://") + user() + QLatin1Char('@')
        + QString::fromLatin1(QUrl::toPercentEncoding(socketDir())) + QLatin1Char(':')
        + QString::number(m_port) + QLatin1Char('/') + name;
}

bool PgTestServer::exec(const QString &name, const QString &sql, QString *error)
{
    const QString connection = QStringLiteral("gd-pg-test-%1").arg(++g_connections);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(socketDir());
        db.setPort(m_port);
        db.setUserName(user());
        db.setDatabaseName(name);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool PgTestServer::createDatabase(const QString &name, QString *error)
{
    if (!m_running) {
        *error = QStringLiteral("the PostgreSQL test server is not running");
        return false;
    }
    return exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name),
                error);
}

QString PgTestServer::createFreshDatabase(QString *error)
{
    const QString name = QStringLiteral("gd_test_%1").arg(++m_databases);
    return createDatabase(name, error) ? name : QString();
}

} // namespace gd::test
