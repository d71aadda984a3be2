#pragma once
// Everything the groupdesk process runs besides its window: the store, the
// engine, the keychain, and the in-process demo gateway. Owns the account
// lifecycle (the store row, the token in the keychain, the running session),
// for the command line and the GUI alike, and shuts it all down in order.

#include "AppOptions.h"
#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"
#include "monitor/MessageSignals.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace gd {

class AccountLeaseKeeper;
class AlertMailer;
class ReportScheduler;
class StatsService;
class AlertMonitor;
class PushService;
class Engine;
class OpsAutomation;
class OpsStore;
class SecretStore;
class SystemClock;
class Store;
namespace sim {
class Simulator;
}
namespace api {
class ApiServer;
}

class AppRuntime : public QObject
{
    Q_OBJECT
public:
    explicit AppRuntime(const AppOptions &options, QObject *parent = nullptr);
    ~AppRuntime() override;

    // Creates the data dir, installs the log file and opens the database.
    // May be called again after a failure (another data dir, the file moved).
    bool open(QString *error);
    void setDataDir(const QString &dataDir) { m_options.dataDir = dataDir; }
    // Opens the archive file in the data dir instead of the shared one
    // (a window whose saved server address did not open), as a normal window.
    void useLocalArchive();
    // --demo, --connect, or the accounts of the last run.
    bool startAccounts(QString *error);

    Store *store() const { return m_store.get(); }
    Engine *engine() const { return m_engine.get(); }
    // Team mode (--database): which accounts this engine runs; null otherwise.
    AccountLeaseKeeper *leaseKeeper() const { return m_keeper.get(); }
    AlertMonitor *alertMonitor() const { return m_monitor.get(); }
    // Group operations: their tables, and welcomes / auto-replies (every mode).
    OpsStore *opsStore() const { return m_opsStore.get(); }
    OpsAutomation *opsAutomation() const { return m_automation.get(); }
    AlertMailer *alertMailer() const { return m_mailer.get(); }
    PushService *pushService() const { return m_push.get(); }
    SecretStore *secretStore() const { return m_secrets.get(); }
    // The local HTTP API and webhooks (settings under api/ in QSettings).
    api::ApiServer *apiServer() const { return m_api.get(); }
    // The classifier the monitor uses, for other threads (the rule editor's dry run).
    static MessageSignalSourceFactory signalSourceFactory();
    QString databasePath() const;
    // Where the archive is opened: --database, or databasePath().
    QString databaseLocation() const;
    // Whether the archive is on a server shared with other engines and consoles.
    bool sharedArchive() const { return !m_options.database.isEmpty(); }
    // The keychain entry of a database server's password: one per user,
    // host, port and database (not per sslmode).
    static QString databasePasswordKey(const QString &location);
    // Keeps `password` in the keychain for --database (waits for the keychain).
    bool storeDatabasePassword(const QString &password, QString *error);
    QString logPath() const;

    void addAccount(const AccountInfo &account, const GatewayEndpoint &endpoint);
    bool addDemoAccount(const QString &accountId, const QString &displayName, QString *error);
    void removeAccount(const QString &accountId);
    // Saves edited settings and reconnects with them. An empty token keeps
    // the one in the keychain; a new one replaces it there.
    void editAccount(const AccountInfo &account, const GatewayEndpoint &endpoint);

    // Stops the engines, commits pending writes, stops the demo gateway.
    // Safe to call more than once.
    void shutdown();

signals:
    // Something the user should know that is not an account state (keychain).
    void notice(const QString &text);
    // A token write to the keychain finished (either way).
    void keychainWriteDone();

private:
    bool ensureSimulator(QString *error);
    // Reads the --database password from the keychain into DatabaseAddress
    // (memory only); false with the keychain's reason when there is none.
    bool loadDatabasePassword(QString *why);
    // Waits (bounded) for a keychain job started by `start`, which calls
    // the function it is given when done.
    static bool waitForKeychain(const std::function<void(std::function<void()>)> &start);
    bool connectFromCommandLine(QString *error);
    void restoreAccounts();
    // Team mode: the engine runs the shared archive's accounts it holds leases on.
    void startLeaseKeeper();
    void logStateChange(const QString &accountId);
    void startConsole(); // --console: says so, and when live updates stop or resume

    AppOptions m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<AccountLeaseKeeper> m_keeper; // team mode only
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<AlertMonitor> m_monitor;
    std::unique_ptr<api::ApiServer> m_api;
    std::unique_ptr<AlertMailer> m_mailer;
    std::unique_ptr<StatsService> m_statsService;
    std::unique_ptr<ReportScheduler> m_reports;
    std::unique_ptr<PushService> m_push; // the push scheduler and broadcasts
    std::unique_ptr<OpsStore> m_opsStore;
    std::unique_ptr<OpsAutomation> m_automation;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<sim::Simulator> m_simulator;
    QString m_simulatorToken;
    QHash<QString, SessionState> m_lastStates;
    int m_keychainWrites = 0; // token writes not finished yet (shutdown waits)
    bool m_shutDown = false;
};

} // namespace gd
