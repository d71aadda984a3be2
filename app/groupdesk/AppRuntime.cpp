#include "AppRuntime.h"

#include "AddAccountDialog.h"
#include "engine/AccountLeaseKeeper.h"
#include "engine/Engine.h"
#include "engine/PacerSettings.h"
#include "gateway/GatewayToken.h"
#include "monitor/AlertMailer.h"
#include "api/ApiServer.h"
#include "api/ApiSettings.h"
#include "stats/ReportScheduler.h"
#include "stats/StatsService.h"
#include "monitor/AlertMonitor.h"
#include "push/OutboxOutlet.h"
#include "push/PushService.h"
#include "monitor/Clock.h"
#include "ops/OpsAutomation.h"
#include "ops/OpsStore.h"
#include "outbox/SendRequest.h"
#include "monitor/SignalSources.h"
#include "sim/Simulator.h"
#include "store/DatabaseAddress.h"
#include "store/LiveUpdates.h"
#include "store/ServerArchive.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"
#include "util/SecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTimer>
#include <QUuid>

namespace gd {

AppRuntime::AppRuntime(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

AppRuntime::~AppRuntime()
{
    shutdown();
}

QString AppRuntime::databasePath() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("groupdesk.sqlite"));
}

QString AppRuntime::databaseLocation() const
{
    return sharedArchive() ? m_options.database : databasePath();
}

void AppRuntime::useLocalArchive()
{
    m_options.database.clear();
    m_options.console = false;
}

QString AppRuntime::databasePasswordKey(const QString &location)
{
    return ServerArchive::passwordKey(location);
}

bool AppRuntime::waitForKeychain(const std::function<void(std::function<void()>)> &start)
{
    // Start-up only (before the engine and any window): the keychain
    // answers asynchronously, and a keychain that hangs must not keep the
    // process waiting for ever.
    QEventLoop loop;
    bool done = false;
    start([&done, &loop] {
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done;
}

bool AppRuntime::loadDatabasePassword(QString *why)
{
    SecretStore secrets;
    bool found = false;
    const QString location = m_options.database;
    const bool answered = waitForKeychain([&](std::function<void()> done) {
        secrets.readSecret(databasePasswordKey(location),
                           [&, done](bool ok, const QString &password, const QString &error) {
                               found = ok && !password.isEmpty();
                               if (found)
                                   DatabaseAddress::setPassword(location, password);
                               else
                                   *why = ok ? tr("the saved password is empty") : error;
                               done();
                           });
    });
    if (!answered)
        *why = tr("the keychain did not answer");
    return found;
}

bool AppRuntime::storeDatabasePassword(const QString &password, QString *error)
{
    if (password.isEmpty()) {
        *error = tr("No password was given on standard input: nothing was stored.");
        return false;
    }
    SecretStore secrets;
    bool stored = false;
    QString why;
    const bool answered = waitForKeychain([&](std::function<void()> done) {
        secrets.writeSecret(databasePasswordKey(m_options.database), password,
                            [&, done](bool ok, const QString &e) {
                                stored = ok;
                                why = e;
                                done();
                            });
    });
    if (!answered)
        why = tr("the keychain did not answer");
    if (!stored)
        *error = tr("The password could not be kept in the keychain: %1").arg(why);
    return stored;
}

QString AppRuntime::logPath() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("groupdesk.log"));
}

bool AppRuntime::open(QString *error)
{
    if (!QDir().mkpath(m_options.dataDir)) {
        *error = tr("Cannot create the data directory %1.")
                     .arg(QDir::toNativeSeparators(m_options.dataDir));
        return false;
    }
    LogOptions logOptions;
    logOptions.verbose = m_options.verbose;
    installLogHandler(logPath(), logOptions);
    qCInfo(lcUi) << "GroupDesk" << QCoreApplication::applicationVersion() << "starting; data dir"
                 << m_options.dataDir << (m_options.headless ? "(headless)" : "");

    // A server's password: from the keychain only (never the address, the
    // settings, the log or the output). None is fine for a server that
    // trusts this machine; a refusal then says how to store one.
    QString noPassword;
    if (sharedArchive() && !loadDatabasePassword(&noPassword))
        qCInfo(lcStore).noquote() << "no database password in the keychain (" << noPassword
                                  << "): connecting without one";
    // A headless engine shows no messages: on a shared archive it leaves
    // out the rows the other engines store (ten engines would each read
    // all of them).
    LiveUpdates::setFollowOtherProgramsMessages(!m_options.headless);
    m_store = std::make_unique<Store>();
    QString storeError;
    if (!m_store->open(databaseLocation(), &storeError)) {
        qCCritical(lcStore) << "cannot open the database:" << storeError;
        // The store's reason is already a sentence for the user, path included.
        *error = storeError.isEmpty()
            ? tr("Cannot open the database %1.").arg(QDir::toNativeSeparators(databasePath()))
            : storeError;
        if (sharedArchive()
            && storeError.contains(QLatin1String("password"), Qt::CaseInsensitive)) {
            const QString how = QStringLiteral("groupdesk --database %1 --store-database-password")
                                    .arg(DatabaseAddress::parse(m_options.database).displayName());
            *error += QLatin1Char('\n')
                + (noPassword.isEmpty()
                       ? tr("The server refused the password kept in the keychain. Store the "
                            "right one with: %1")
                             .arg(how)
                       : tr("No password for this server is in the keychain (%1). Store it "
                            "with: %2")
                             .arg(noPassword, how));
        }
        m_store.reset();
        return false;
    }
    connect(m_store.get(), &Store::writeFailed, this,
            [](const QString &e) { qCWarning(lcStore) << "write failed:" << e; });
    m_engine = std::make_unique<Engine>(m_store.get());
    SessionTuning tuning = m_engine->sessionTuning();
    applyPacerSettings(tuning, QSettings()); // pacer/messagesPerSecond, pacer/burst, pacer/jitterMs
    // ingest/fetchRetryHours: how long a message whose payload cannot be
    // fetched is retried before it is given up (with a record), default 24 h.
    const double retryHours
        = QSettings().value(QStringLiteral("ingest/fetchRetryHours"), 24.0).toDouble();
    if (retryHours > 0)
        tuning.messageRetryForMs = int(qMin(retryHours * 3600000.0, 2000000000.0));
    m_engine->setSessionTuning(tuning);
    m_secrets = std::make_unique<SecretStore>();
    connect(m_engine.get(), &Engine::accountStatusChanged, this, &AppRuntime::logStateChange);

    // Monitoring runs in every mode (headless too): rules on each stored
    // message, response timers, the offline watch.
    m_clock = std::make_unique<SystemClock>();
    m_monitor = std::make_unique<AlertMonitor>(m_store.get(), m_clock.get(), signalSourceFactory());
    connect(m_engine.get(), &Engine::accountStatusChanged, this, [this](const QString &accountId) {
        m_monitor->setAccountReady(accountId,
                                   m_engine->status(accountId).state == SessionState::Ready);
    });
    connect(m_engine.get(), &Engine::accountRemoved, this,
            [this](const QString &accountId) { m_monitor->removeAccount(accountId); });
    m_monitor->start();
    if (sharedArchive()) {
        // An engine on a shared server archive (team mode): auto-replies,
        // e-mail, the HTTP API, reports and pushes read the archive as a
        // local file today, and with several engines each would run them
        // once more; they are not started here.
        qCInfo(lcUi) << "engine on a shared archive: automation, API, reports and pushes are"
                        " not run by this process";
        if (m_options.console)
            startConsole();
        return true;
    }
    // Welcomes and auto-replies answer in every mode (headless too).
    m_opsStore = std::make_unique<OpsStore>(m_store.get());
    m_automation = std::make_unique<OpsAutomation>(
        m_store.get(), m_opsStore.get(), m_clock.get(),
        [this](const QString &accountId, const QString &conversationId, const QString &text,
               const QString &origin) {
            // The origin marks the row in the outbox (and the feed) as an
            // auto-reply or a welcome.
            SendRequest request;
            request.accountId = accountId;
            request.conversationId = conversationId;
            request.text = text;
            request.origin = origin;
            m_engine->submit(request);
        });
    // A console leaves answering to the engines (each answers its own
    // accounts' messages once).
    if (!m_options.console)
        m_automation->start();
    // E-mail for offline bots and critical alerts (settings under mail/, the
    // password in the keychain).
    QSettings settings;
    m_mailer = std::make_unique<AlertMailer>(
        m_monitor.get(), AlertMailSettings::load(settings), [this](auto done) {
            m_secrets->readSecret(SecretStore::smtpPasswordKey(),
                                  [done](bool ok, const QString &password, const QString &reason) {
                                      done(ok, password, reason);
                                  });
        });
    connect(m_mailer.get(), &AlertMailer::mailFailed, this,
            [](const QString &reason) { qCWarning(lcEngine) << "alert e-mail:" << reason; });
    // The local HTTP API (when enabled in its settings) and the webhooks of
    // its apps; a port that is taken is a notice, not a failed start.
    m_api = std::make_unique<api::ApiServer>(m_store.get(), m_engine.get(), m_monitor.get(),
                                             m_secrets.get());
    connect(m_api.get(), &api::ApiServer::notice, this, &AppRuntime::notice);
    QString apiError;
    if (!m_api->start(api::ApiSettings::load(), &apiError)) {
        QMetaObject::invokeMethod(
            this,
            [this, apiError] { emit notice(tr("The HTTP API is not running: %1").arg(apiError)); },
            Qt::QueuedConnection);
    }
    // The scheduled statistics report (settings under reports/, sent through
    // the same SMTP settings and keychain password).
    m_statsService = std::make_unique<StatsService>(m_store->path());
    m_statsService->setUserWords(
        QSettings().value(QLatin1String(StatsService::kUserWordsSetting)).toStringList());
    m_reports = std::make_unique<ReportScheduler>(m_statsService.get(), [this](auto done) {
        m_secrets->readSecret(SecretStore::smtpPasswordKey(),
                              [done](bool ok, const QString &password, const QString &reason) {
                                  done(ok, password, reason);
                              });
    });
    m_reports->followSettings();
    connect(m_reports.get(), &ReportScheduler::reportFailed, this,
            [](const QString &reason) { qCWarning(lcEngine) << "statistics report:" << reason; });
    // Product pushes and broadcasts: the scheduler looks for due runs every
    // 15 s on the push thread; every send goes through the outbox (with a
    // due time and a campaign per broadcast or run), paced by its sender.
    // The Engine above made the outbox repository in this thread.
    m_push = std::make_unique<PushService>(m_store.get(), m_clock.get(),
                                           std::make_shared<OutboxOutlet>(m_store.get()));
    if (!m_options.console) // the engines' scheduler pushes, once per team
        m_push->start(15000);
    if (m_options.console)
        startConsole();
    return true;
}

MessageSignalSourceFactory AppRuntime::signalSourceFactory()
{
    return defaultSignalSourceFactory();
}

void AppRuntime::logStateChange(const QString &accountId)
{
    const AccountStatus status = m_engine->status(accountId);
    const auto it = m_lastStates.constFind(accountId);
    if (it != m_lastStates.constEnd() && it.value() == status.state)
        return;
    m_lastStates.insert(accountId, status.state);
    qCInfo(lcEngine).noquote() << "account" << accountId << "is now"
                               << sessionStateName(status.state)
                               << (status.detail.isEmpty()
                                       ? QString()
                                       : QStringLiteral("(%1)").arg(status.detail));
}

void AppRuntime::startConsole()
{
    // Said once the window listens (queued), and whenever the live updates
    // of the shared archive stop or come back.
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit notice(m_store->isShared()
                            ? tr("Team console: the shared archive is shown live; sends are "
                                 "queued for the engines that run the accounts.")
                            : tr("Console mode without a shared database: nothing runs the "
                                 "accounts, sends wait in the outbox."));
        },
        Qt::QueuedConnection);
    connect(m_store.get(), &Store::liveUpdatesChanged, this, [this](bool connected) {
        emit notice(connected ? tr("Live updates resumed.")
                              : tr("Live updates paused: connecting to the database again…"));
    });
    qCInfo(lcUi) << "console mode: no engine runs here";
}

bool AppRuntime::startAccounts(QString *error)
{
    if (m_options.console)
        return true; // the engines run the accounts
    if (m_options.demo)
        return addDemoAccount(QStringLiteral("demo"), tr("Demo bot"), error);
    if (!m_options.connectEndpoint.isEmpty() && !connectFromCommandLine(error))
        return false;
    if (sharedArchive())
        startLeaseKeeper();
    else if (m_options.connectEndpoint.isEmpty())
        restoreAccounts();
    return true;
}

void AppRuntime::startLeaseKeeper()
{
    const EngineIdentity identity = EngineIdentity::make(m_options.engineName);
    auto tokens = [this](const AccountInfo &account, AccountLeaseKeeper::TokenDone done) {
        m_secrets->readToken(
            account.id, [done](bool ok, const QString &token, const QString &error) {
                const QString saved = GatewayToken::normalized(token);
                const QString problem = ok ? GatewayToken::problem(saved) : QString();
                if (!ok || !problem.isEmpty())
                    done(false, {}, ok ? problem : error);
                else
                    done(true, saved, {});
            });
    };
    m_keeper
        = std::make_unique<AccountLeaseKeeper>(m_store.get(), m_engine.get(), identity, tokens);
    qCInfo(lcUi).noquote() << "engine" << identity.name << "(" << identity.id
                           << ") runs the accounts it holds on"
                           << DatabaseAddress::parse(m_options.database).displayName();
    m_keeper->start();
}

bool AppRuntime::ensureSimulator(QString *error)
{
    if (m_simulator)
        return true;
    sim::SimulatorOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = 0;
    // A fresh random token per run: the demo gateway listens on loopback only,
    // but other local users should not be able to drive it.
    m_simulatorToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    options.token = m_simulatorToken;
    options.rate = 3.0; // lively but readable
    options.imageEvery = 4; // customers send photos often: thumbnails show in the feed
    options.scanDelayMs = 1800; // long enough to see the QR code
    options.confirmDelayMs = 1200;
    options.seed = quint32(QDateTime::currentMSecsSinceEpoch() & 0xffff);
    auto simulator = std::make_unique<sim::Simulator>(options);
    QString simError;
    if (!simulator->start(&simError)) {
        qCCritical(lcSim) << "the demo gateway did not start:" << simError;
        *error = tr("The demo gateway did not start: %1").arg(simError);
        return false;
    }
    qCInfo(lcSim) << "demo gateway listening on 127.0.0.1 port" << simulator->port();
    m_simulator = std::move(simulator);
    return true;
}

bool AppRuntime::addDemoAccount(const QString &accountId, const QString &displayName,
                                QString *error)
{
    if (!ensureSimulator(error))
        return false;
    AccountInfo info;
    info.id = accountId;
    info.displayName = displayName;
    info.endpoint = QStringLiteral("127.0.0.1:%1").arg(m_simulator->port());
    info.tls = false;
    info.demo = true;
    GatewayEndpoint endpoint;
    endpoint.address = info.endpoint;
    endpoint.token = m_simulatorToken;
    endpoint.tls = false;
    m_store->upsertAccount(info);
    // The simulated world's staff (售后, 客服, ...) answer customers: their
    // replies stop response timers, as staff tagged "staff" do in real use.
    QStringList staff;
    for (const QString &id : m_simulator->contactIds()) {
        if (m_simulator->isStaff(id))
            staff.append(id);
    }
    m_monitor->setStaffContacts(accountId, staff);
    // Tagged too, as staff mark their colleagues in real use, so the
    // statistics count their replies as staff's.
    for (const QString &id : std::as_const(staff))
        m_store->addTag(TagTarget::Contact, accountId, id, QStringLiteral("staff"));
    m_engine->addAccount(info, endpoint);
    return true;
}

bool AppRuntime::connectFromCommandLine(QString *error)
{
    const QString problem = AddAccountDialog::validateEndpoint(m_options.connectEndpoint);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QFile file(m_options.tokenFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error
            = tr("Cannot read the token file %1: %2").arg(m_options.tokenFile, file.errorString());
        return false;
    }
    // Bounded: a wrong file (an image, a log) must not be read whole.
    const QString token = GatewayToken::normalized(
        QString::fromUtf8(file.read(4 * qint64(GatewayToken::kMaxLength) + 1)));
    if (token.isEmpty()) {
        *error = tr("The token file %1 is empty.").arg(m_options.tokenFile);
        return false;
    }
    const QString tokenProblem = GatewayToken::problem(token);
    if (!tokenProblem.isEmpty()) {
        *error = tr("The token in %1 cannot be used: %2").arg(m_options.tokenFile, tokenProblem);
        return false;
    }
    AccountInfo info;
    info.id = AddAccountDialog::accountIdForEndpoint(m_options.connectEndpoint);
    info.endpoint = m_options.connectEndpoint;
    info.tls = m_options.tls;
    info.caFile = m_options.tlsCaFile;
    info.serverName = m_options.tlsServerName;
    GatewayEndpoint endpoint;
    endpoint.address = info.endpoint;
    endpoint.token = token; // never logged, never stored but in the keychain
    endpoint.tls = info.tls;
    endpoint.caFile = info.caFile;
    endpoint.serverName = info.serverName;
    // The name: --name, else the one the account already has (it may have
    // been given in the GUI), else the endpoint.
    m_store->read<QVector<AccountInfo>>(
        this, [](StoreReader &reader) { return reader.accounts(); },
        [this, info, endpoint](QVector<AccountInfo> accounts) mutable {
            if (m_shutDown)
                return;
            info.displayName = m_options.accountName;
            for (const AccountInfo &existing : std::as_const(accounts)) {
                if (existing.id == info.id && info.displayName.isEmpty())
                    info.displayName = existing.displayName;
            }
            if (info.displayName.isEmpty())
                info.displayName = info.endpoint;
            qCInfo(lcEngine) << "connecting account" << info.id << "to" << info.endpoint
                             << (info.tls ? "with TLS" : "without TLS");
            // Like the Add-account dialog: the token goes to the keychain, so
            // a later start without --connect reconnects this account.
            addAccount(info, endpoint);
        });
    return true;
}

void AppRuntime::restoreAccounts()
{
    m_store->read<QVector<AccountInfo>>(
        this, [](StoreReader &reader) { return reader.accounts(); },
        [this](QVector<AccountInfo> accounts) {
            if (m_shutDown)
                return;
            qCInfo(lcUi) << "restoring" << accounts.size() << "account(s)";
            for (const AccountInfo &account : std::as_const(accounts)) {
                if (account.demo) {
                    // The demo gateway of the last run is gone: start a new one.
                    QString error;
                    if (!addDemoAccount(account.id, account.displayName, &error))
                        emit notice(error);
                    continue;
                }
                m_secrets->readToken(
                    account.id,
                    [this, account](bool ok, const QString &token, const QString &error) {
                        if (m_shutDown)
                            return;
                        GatewayEndpoint endpoint;
                        endpoint.address = account.endpoint;
                        endpoint.tls = account.tls;
                        endpoint.caFile = account.caFile;
                        endpoint.serverName = account.serverName;
                        const QString saved = GatewayToken::normalized(token);
                        const QString tokenProblem = ok ? GatewayToken::problem(saved) : QString();
                        if (ok && tokenProblem.isEmpty()) {
                            endpoint.token = saved;
                        } else if (ok) {
                            // Saved by an older version or another tool: gRPC
                            // would abort on it. Connect without it, like a
                            // missing token; the account shows the refusal.
                            qCWarning(lcUi) << "the keychain token of account" << account.id
                                            << "cannot be used:" << tokenProblem;
                            emit notice(tr("The token of %1 saved in the keychain cannot be "
                                           "used: %2 Remove the account and add it again "
                                           "with the right token.")
                                            .arg(account.displayName, tokenProblem));
                        } else {
                            // Connect anyway: the gateway's refusal shows up as the
                            // account's state, where staff look for it.
                            qCWarning(lcUi) << "no token for account" << account.id
                                            << "in the keychain:" << error;
                            emit notice(
                                tr("The token of %1 could not be read from the keychain: %2")
                                    .arg(account.displayName, error));
                        }
                        m_engine->addAccount(account, endpoint);
                    });
            }
        });
}

void AppRuntime::addAccount(const AccountInfo &account, const GatewayEndpoint &endpoint)
{
    m_store->upsertAccount(account);
    ++m_keychainWrites;
    m_secrets->writeToken(
        account.id, endpoint.token, [this, account](bool ok, const QString &error) {
            --m_keychainWrites;
            emit keychainWriteDone();
            if (ok && m_keeper)
                m_keeper->tokenSaved(account.id);
            if (!ok) {
                qCWarning(lcUi) << "cannot keep the token of" << account.id
                                << "in the keychain:" << error;
                emit notice(tr("The token of %1 could not be saved in the keychain (%2). "
                               "The account works now but must be added again after a restart.")
                                .arg(account.displayName, error));
            }
        });
    // Team mode: the account runs on whichever engine takes its lease.
    if (!sharedArchive())
        m_engine->addAccount(account, endpoint);
}

void AppRuntime::editAccount(const AccountInfo &account, const GatewayEndpoint &endpoint)
{
    qCInfo(lcUi) << "account" << account.id << "edited";
    m_store->upsertAccount(account);
    GatewayEndpoint e = endpoint;
    if (account.demo) {
        // Only the name of a demo account is editable; its gateway is ours.
        e.address = account.endpoint;
        e.token = m_simulatorToken;
        e.tls = false;
        m_engine->updateAccount(account, e);
        return;
    }
    if (!e.token.isEmpty()) {
        m_secrets->writeToken(account.id, e.token, [this, account](bool ok, const QString &error) {
            if (!ok) {
                qCWarning(lcUi) << "cannot keep the token of" << account.id
                                << "in the keychain:" << error;
                emit notice(tr("The token of %1 could not be saved in the keychain (%2). "
                               "The account works now but must be edited again after a "
                               "restart.")
                                .arg(account.displayName, error));
            }
        });
        m_engine->updateAccount(account, e);
        return;
    }
    m_secrets->readToken(account.id,
                         [this, account, e](bool ok, const QString &token, const QString &error) {
                             if (m_shutDown)
                                 return;
                             GatewayEndpoint withToken = e;
                             if (ok) {
                                 withToken.token = token;
                             } else {
                                 qCWarning(lcUi) << "no token for account" << account.id
                                                 << "in the keychain:" << error;
                                 emit notice(tr("The token of %1 could not be read from the "
                                                "keychain: %2")
                                                 .arg(account.displayName, error));
                             }
                             m_engine->updateAccount(account, withToken);
                         });
}

void AppRuntime::removeAccount(const QString &accountId)
{
    qCInfo(lcUi) << "removing account" << accountId;
    m_engine->removeAccount(accountId);
    m_store->removeAccount(accountId);
    m_secrets->deleteToken(accountId, [accountId](bool ok, const QString &error) {
        if (!ok)
            qCWarning(lcUi) << "cannot delete the token of" << accountId << ":" << error;
    });
}

void AppRuntime::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    qCInfo(lcUi) << "shutting down";
    if (m_keychainWrites > 0) {
        // A token being saved (--connect, or an account just added) must
        // reach the keychain, or the next start has no token. Bounded: a
        // keychain that hangs must not keep the process alive.
        QEventLoop loop;
        connect(this, &AppRuntime::keychainWriteDone, &loop, [this, &loop] {
            if (m_keychainWrites == 0)
                loop.quit();
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        if (m_keychainWrites > 0)
            qCWarning(lcUi) << "the keychain did not confirm saving a token in time";
    }
    if (m_api)
        m_api->stop(); // before the engine and the store: its last writes go through the writer
    if (m_push)
        m_push->stop(); // before the engine and the store: a run in progress finishes
    if (m_keeper)
        m_keeper->stop(); // the sessions stop, then the leases are given back
    m_keeper.reset();
    if (m_engine)
        m_engine->shutdown();
    m_mailer.reset();
    m_reports.reset(); // waits for a report being sent
    m_statsService.reset();
    m_automation.reset();
    if (m_monitor)
        m_monitor->stop(); // before the store: its last writes go through the writer
    if (m_store)
        m_store->close(); // pending writes are committed here
    if (m_simulator)
        m_simulator->shutdown();
    qCInfo(lcUi) << "stopped cleanly";
}

} // namespace gd
