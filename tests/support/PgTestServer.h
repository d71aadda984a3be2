#pragma once
// A throw-away PostgreSQL 15 server for tests: initdb into a temporary
// directory, started with pg_ctl on a unix socket in another temporary
// directory (no TCP unless asked), trust authentication, stopped and removed
// by the destructor. As root the server runs as the postgres user (initdb
// refuses root). Real server, no mock: a test that cannot start it fails
// with start()'s reason.

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace gd::test {

class PgTestServer
{
public:
    PgTestServer();
    ~PgTestServer(); // stops the server (immediate shutdown) and removes its files
    PgTestServer(const PgTestServer &) = delete;
    PgTestServer &operator=(const PgTestServer &) = delete;

    // initdb + pg_ctl start; false with the reason (the tool's output).
    // `tcp`: also listen on 127.0.0.1 (the port is free at start).
    bool start(QString *error, bool tcp = false);
    // A server setting (`name` = `value`, as for postgres -c) for start()
    // and restart(); call before start(). The team-mode tests turn on
    // track_commit_timestamp to measure from each row's commit.
    void addSetting(const QString &name, const QString &value);
    bool isRunning() const { return m_running; }
    // Stops the server (fast shutdown: every connection is cut), waits
    // `downMs`, and starts it again on the same port with the same data:
    // what clients see when the database server restarts.
    bool restart(QString *error, int downMs = 0);

    QString socketDir() const;
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("postgres"); }

    // CREATE DATABASE `name` (a new empty database); false with the reason.
    bool createDatabase(const QString &name, QString *error);
    // A fresh database with a unique name, or an empty string (and *error).
    QString createFreshDatabase(QString *error);
    // The connection string of database `name` over the unix socket
    // (postgresql://postgres@%2Ftmp%2Fx:port/name).
    QString url(const QString &name) const;

    // From now on the server asks for `password` (SCRAM) on every
    // connection, the socket's too: for tests of how clients handle a
    // missing or wrong password. exec() and createDatabase() stop working.
    bool requirePassword(const QString &password, QString *error);

    // Runs one statement on database `name` (set-up and checks in tests).
    bool exec(const QString &name, const QString &sql, QString *error);

    // The directory of PostgreSQL's programs (initdb, pg_ctl).
    static QString binDir();

private:
    bool run(const QString &program, const QStringList &args, QString *output, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dataRoot;
    std::unique_ptr<QTemporaryDir> m_socketRoot;
    int m_port = 0;
    QString m_serverOptions; // pg_ctl -o, kept for restart()
    QString m_extraSettings; // addSetting(): " -c name='value'" each
    QString m_logFile;
    bool m_running = false;
    bool m_asPostgres = false;
    int m_databases = 0;
};

} // namespace gd::test
