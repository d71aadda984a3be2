#include "AppOptions.h"

#include "AppSettings.h"
#include "store/DatabaseAddress.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <cstring>

namespace gd {

bool AppOptions::wantsNoWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--headless", "--store-database-password", "--help", "-h",
                                   "--help-all", "-?", "--version", "-v"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

bool AppOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("GroupDesk: a console for customer-service teams running WeChat bot accounts."));
    parser.addHelpOption();
    parser.addVersionOption();

    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        tr("Keep the database and the log in <dir> (default: %1).")
            .arg(QDir::toNativeSeparators(
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))),
        tr("dir"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        tr("Start the built-in demo gateway (a simulated WeChat) and connect a demo bot to it."));
    const QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        tr("Run the engine without a window (for servers); stop with SIGTERM or Ctrl+C."));
    const QCommandLineOption consoleOption(
        QStringLiteral("console"),
        tr("Run as a team console: no bot accounts run here; the shared archive is shown live "
           "and sends are queued for the engines that run the accounts."));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"),
        tr("Log details too: a line per message repeat, per failed call (large logs under "
           "heavy traffic)."));
    const QCommandLineOption connectOption(
        QStringLiteral("connect"), tr("Connect a bot account to the gateway at <host:port>."),
        tr("host:port"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"),
        tr("Read the gateway token from <file> (used with --connect)."), tr("file"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"),
        tr("Show the --connect account as <name> (default: its current name, or host:port)."),
        tr("name"));
    const QCommandLineOption noTlsOption(
        QStringLiteral("no-tls"),
        tr("Connect without TLS (only for gateways on this machine or a trusted network)."));
    const QCommandLineOption tlsCaOption(
        QStringLiteral("tls-ca"),
        tr("Trust the gateway certificate issued by the CA in <file> (PEM)."), tr("file"));
    const QCommandLineOption tlsNameOption(
        QStringLiteral("tls-server-name"),
        tr("Expect <name> in the gateway's certificate (e.g. insecure for the reference gateway)."),
        tr("name"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        tr("Keep the archive on a PostgreSQL server shared by a team, e.g. "
           "postgresql://user@host:5432/groupdesk?sslmode=require (default: a file in the data "
           "directory). The password is taken from the keychain."),
        tr("address"));
    const QCommandLineOption storePasswordOption(
        QStringLiteral("store-database-password"),
        tr("Read the password of the --database server from the first line of standard input, "
           "keep it in the keychain and exit."));
    const QCommandLineOption engineNameOption(
        QStringLiteral("engine-name"),
        tr("With --database: show this engine to the team as <name> (default: the host name)."),
        tr("name"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window."),
                                        QStringLiteral("file"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotAfterOption(QStringLiteral("screenshot-after-ms"),
                                             QStringLiteral("Delay before the screenshot."),
                                             QStringLiteral("ms"));
    screenshotAfterOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption keepRunningOption(QStringLiteral("keep-running"),
                                         QStringLiteral("Do not quit after the screenshot."));
    keepRunningOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption firstPaintOption(
        QStringLiteral("exit-after-first-paint"),
        QStringLiteral("Quit once the room list is painted with rooms."));
    firstPaintOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption countersLogOption(QStringLiteral("counters-log-ms"),
                                         QStringLiteral("Period of the object counters' log line."),
                                         QStringLiteral("ms"));
    countersLogOption.setFlags(QCommandLineOption::HiddenFromHelp);

    parser.addOptions({dataDirOption, demoOption, headlessOption, consoleOption, verboseOption,
                       connectOption, tokenFileOption, nameOption, noTlsOption, tlsCaOption,
                       tlsNameOption, databaseOption, storePasswordOption, engineNameOption,
                       screenshotOption, screenshotAfterOption, keepRunningOption, firstPaintOption,
                       countersLogOption});
    parser.process(arguments); // exits on --help, --version and unknown options

    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }
    // A folder chosen after the archive could not be opened wins over the default.
    const QString chosenDir = QSettings().value(QStringLiteral("storage/dataDir")).toString();
    dataDir = parser.isSet(dataDirOption) ? parser.value(dataDirOption)
        : !chosenDir.isEmpty()            ? chosenDir
                               : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    demo = parser.isSet(demoOption);
    headless = parser.isSet(headlessOption);
    console = parser.isSet(consoleOption);
    verbose = parser.isSet(verboseOption);
    connectEndpoint = parser.value(connectOption).trimmed();
    tokenFile = parser.value(tokenFileOption);
    accountName = parser.value(nameOption).trimmed();
    tls = !parser.isSet(noTlsOption);
    tlsCaFile = parser.value(tlsCaOption);
    tlsServerName = parser.value(tlsNameOption);
    database = parser.value(databaseOption).trimmed();
    storeDatabasePassword = parser.isSet(storePasswordOption);
    engineName = parser.value(engineNameOption).trimmed();
    screenshotFile = parser.value(screenshotOption);
    if (parser.isSet(screenshotAfterOption))
        screenshotAfterMs = parser.value(screenshotAfterOption).toInt();
    quitAfterScreenshot = !parser.isSet(keepRunningOption);
    exitAfterFirstPaint = parser.isSet(firstPaintOption);
    if (parser.isSet(countersLogOption))
        countersLogMs = qMax(100, parser.value(countersLogOption).toInt());

    if (dataDir.isEmpty()) {
        *error = tr("No data directory: pass --data-dir.");
        return false;
    }
    if (!connectEndpoint.isEmpty() && tokenFile.isEmpty()) {
        *error = tr("--connect needs --token-file with the gateway token.");
        return false;
    }
    if (connectEndpoint.isEmpty() && !tokenFile.isEmpty()) {
        *error = tr("--token-file is only used with --connect.");
        return false;
    }
    if (connectEndpoint.isEmpty() && parser.isSet(nameOption)) {
        *error = tr("--name is only used with --connect.");
        return false;
    }
    if (parser.isSet(nameOption) && accountName.isEmpty()) {
        *error = tr("--name needs a name that is not empty.");
        return false;
    }
    if (console && (headless || demo || !connectEndpoint.isEmpty())) {
        *error = tr("--console runs no bot accounts: it cannot be used with --headless, --demo "
                    "or --connect.");
        return false;
    }
    if (demo && !connectEndpoint.isEmpty()) {
        *error = tr("Use either --demo or --connect, not both.");
        return false;
    }
    // The team's shared archive chosen in the settings: a window started
    // without --database, --demo or --connect opens it as a team console.
    // (The dialog saves only addresses that parse; anything else is left
    // alone here, so the window still starts and the setting can be fixed.)
    if (!parser.isSet(databaseOption) && !headless && !demo && connectEndpoint.isEmpty()) {
        const QString saved = AppSettings().sharedArchive();
        if (!saved.isEmpty() && DatabaseAddress::parse(saved).isServer()) {
            database = saved;
            console = true;
            databaseFromSettings = true;
        }
    }
    if (parser.isSet(databaseOption)) {
        QString why;
        if (database.isEmpty() || !DatabaseAddress::parse(database, &why).isServer()) {
            *error = why.isEmpty()
                ? tr("--database needs a postgresql:// address (the default archive is a file "
                     "in the data directory).")
                : tr("--database: %1").arg(why);
            return false;
        }
    }
    // A server archive is run by engines (--headless) and watched by team
    // consoles (--console, the window without accounts); a window that also
    // runs accounts on it would be an engine the others cannot see.
    if (!database.isEmpty() && !headless && !console && !storeDatabasePassword) {
        *error = tr("--database needs --headless (an engine that runs the accounts) or "
                    "--console (a team console).");
        return false;
    }
    if (!database.isEmpty() && demo) {
        *error = tr("The demo gateway runs only with the archive file: use either --demo or "
                    "--database, not both.");
        return false;
    }
    if (parser.isSet(engineNameOption) && database.isEmpty()) {
        *error = tr("--engine-name is only used with --database.");
        return false;
    }
    if (storeDatabasePassword && database.isEmpty()) {
        *error = tr("--store-database-password needs --database with the server's address.");
        return false;
    }
    return true;
}

} // namespace gd
