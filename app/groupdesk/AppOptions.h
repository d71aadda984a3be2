#pragma once
// The groupdesk command line, parsed and checked. The help text is translated,
// so parse() runs after the translators are installed.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gd {

struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions)
public:
    QString dataDir;
    bool demo = false;
    bool headless = false;
    // A team console (issue 18): no engine runs here; the window shows the
    // shared archive live and sends go into the shared outbox, where the
    // engine that owns the account takes them.
    bool console = false;
    bool verbose = false; // debug lines (per message, per call) in the log too
    QString connectEndpoint; // host:port
    QString tokenFile;
    QString accountName; // --name: display name of the --connect account
    bool tls = true;
    QString tlsCaFile;
    QString tlsServerName;
    // --database: the archive on a PostgreSQL server (team mode, issue 18)
    // instead of the SQLite file in dataDir. Its password is in the keychain.
    QString database;
    // The address came from the settings (AppSettings::sharedArchive), not
    // the command line: when it cannot be opened the window offers the
    // archive on this computer instead.
    bool databaseFromSettings = false;
    // --store-database-password: read one line from stdin into the keychain
    // as the password of --database, then exit.
    bool storeDatabasePassword = false;
    // --engine-name: how this engine is shown to the team (default: the host name).
    QString engineName;
    // Hidden: a picture of the window after a delay (docs, manual checks).
    QString screenshotFile;
    int screenshotAfterMs = 8000;
    bool quitAfterScreenshot = true;
    // Hidden (bench_startup): print "first-paint-with-rooms <ms>" on stdout
    // once the room list has been painted with rooms, then quit.
    bool exitAfterFirstPaint = false;
    // Hidden (bench_memory): how often live object counters are logged (info).
    int countersLogMs = 60000;

    // Whether argv asks for no window: --headless, or only help/version
    // output (needed before the application object exists, to pick
    // QCoreApplication or QApplication; help must work without a display).
    static bool wantsNoWindow(int argc, char **argv);

    // Parses the application's arguments. On --help / --version it prints and
    // exits; on a mistake it returns false with *error set.
    bool parse(const QStringList &arguments, QString *error);
};

} // namespace gd
