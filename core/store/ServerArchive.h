#pragma once
// The shared archive on a PostgreSQL server that a user points GroupDesk at
// (team mode, issue 18): where its password is kept in the keychain, and a
// connection check for the settings' "Test connection". The check blocks
// for up to the address's connect_timeout (10 s by default): run it off
// the GUI thread (the settings dialog runs it with QtConcurrent).

#include <QString>

namespace gd {

class ServerArchive
{
public:
    // The keychain entry of a server's password: one per user, host, port
    // and database (not per sslmode).
    static QString passwordKey(const QString &location);

    struct Check
    {
        bool ok = false;
        // For the user, in the UI language, plain text: what worked or
        // what to do about it.
        QString message;
        // The server's own words (libpq), for the log and the tests.
        QString detail;
        int schemaVersion = -1; // of a GroupDesk archive; 0: empty database
    };
    // Connects once to `location` (a postgresql:// address; its sslmode and
    // other parameters apply) with `password` (empty: none), reads what is
    // there, and disconnects. Any thread; blocks.
    static Check check(const QString &location, const QString &password);
};

} // namespace gd
