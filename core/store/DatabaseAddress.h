#pragma once
// Where the archive lives, as the user or the command line gives it: an
// SQLite file path (one person, the default) or a PostgreSQL connection
// string (a team sharing one archive, issue 18):
//   postgresql://[user@]host[:port]/database[?sslmode=require&...]
// The host may be a unix socket directory, percent-encoded ("%2Frun%2Fpg").
// This is an outside-input parser: anything it does not understand is
// refused with a sentence saying what is wrong, never guessed. A password
// in the string is refused too: it belongs in the keychain (setPassword).

#include <QHash>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace gd {

class DatabaseAddress
{
public:
    enum class Kind { Invalid, SqliteFile, PostgreSql };

    // `location`: a path or a postgresql:// (postgres://) string. On bad
    // input: an Invalid address and *error (translated) says why.
    static DatabaseAddress parse(const QString &location, QString *error = nullptr);
    // Whether `location` is meant as a server address (it has a scheme),
    // right or wrong; everything else is a file path.
    static bool looksLikeServer(const QString &location);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    bool isServer() const { return m_kind == Kind::PostgreSql; }

    QString filePath() const { return m_path; } // SQLite
    QString host() const { return m_host; } // empty: libpq's default socket
    int port() const { return m_port; } // 0: the default (5432)
    QString user() const { return m_user; }
    QString database() const { return m_database; }
    // The accepted query parameters (sslmode, sslrootcert, ...), by name.
    QHash<QString, QString> parameters() const { return m_parameters; }
    QString sslMode() const { return m_parameters.value(QStringLiteral("sslmode")); }

    // The Qt SQL driver, and its connection options ("k=v;k=v").
    QString driver() const;
    QString connectOptions() const;
    // The address without secrets, for logs and the status bar.
    QString displayName() const;

    // A new named connection to this address (not opened yet). The
    // password comes from passwordFor() (set from the keychain), never
    // from the string.
    QSqlDatabase addConnection(const QString &connectionName) const;
    // Shorthand: parse(location) then addConnection (an address that does
    // not parse gives a connection that cannot open).
    static QSqlDatabase addConnection(const QString &location, const QString &connectionName);
    // What a server connection named `connectionName` of this process
    // writes into change_origin (the gd.origin setting it connects with).
    static QString changeOrigin(const QString &connectionName);

    // The server password for `location`, kept in memory only (read from
    // the keychain at start-up); every connection to it uses it.
    static void setPassword(const QString &location, const QString &password);
    static QString passwordFor(const QString &location);

private:
    Kind m_kind = Kind::Invalid;
    QString m_location;
    QString m_path;
    QString m_host;
    int m_port = 0;
    QString m_user;
    QString m_database;
    QHash<QString, QString> m_parameters;
};

} // namespace gd
