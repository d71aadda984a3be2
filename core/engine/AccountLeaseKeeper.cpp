#include "engine/AccountLeaseKeeper.h"

#include "engine/Engine.h"
#include "gateway/GatewayEndpoint.h"
#include "store/AccountLeases.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRandomGenerator>
#include <QSysInfo>

namespace gd {

EngineIdentity EngineIdentity::make(const QString &name)
{
    const QString host = QSysInfo::machineHostName();
    EngineIdentity identity;
    identity.name = name.isEmpty() ? host : name;
    identity.id = QStringLiteral("%1@%2#%3-%4")
                      .arg(identity.name, host)
                      .arg(QCoreApplication::applicationPid())
                      .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    return identity;
}

AccountLeaseKeeper::AccountLeaseKeeper(Store *store, Engine *engine, const EngineIdentity &identity,
                                       TokenSource tokens, QObject *parent)
    : AccountLeaseKeeper(store, engine, identity, std::move(tokens), Timing{}, parent)
{}

AccountLeaseKeeper::AccountLeaseKeeper(Store *store, Engine *engine, const EngineIdentity &identity,
                                       TokenSource tokens, const Timing &timing, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_identity(identity)
    , m_tokens(std::move(tokens))
    , m_timing(timing)
    , m_leases(new AccountLeases(store))
{
    m_engine->setLeaseHolder(m_identity.id);
    m_clock.start();
    m_scanTimer.setSingleShot(true);
    connect(&m_scanTimer, &QTimer::timeout, this, &AccountLeaseKeeper::scan);
    m_heartbeatTimer.setInterval(m_timing.heartbeatMs);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &AccountLeaseKeeper::heartbeat);
    // Often: a session must stop within a fraction of the safety margin.
    m_deadlineTimer.setInterval(std::max(50, m_timing.safetyMarginMs / 8));
    connect(&m_deadlineTimer, &QTimer::timeout, this, &AccountLeaseKeeper::checkDeadlines);
}

AccountLeaseKeeper::~AccountLeaseKeeper()
{
    stop();
    delete m_leases;
}

void AccountLeaseKeeper::log(const QString &line)
{
    qCInfo(lcEngine).noquote() << "engine" << m_identity.id << line;
    emit logLine(line);
}

void AccountLeaseKeeper::start()
{
    if (m_running)
        return;
    m_running = true;
    log(QStringLiteral("started (lease %1 s, heartbeat %2 s)")
            .arg(m_timing.ttlMs / 1000.0)
            .arg(m_timing.heartbeatMs / 1000.0));
    m_heartbeatTimer.start();
    m_deadlineTimer.start();
    scan();
}

void AccountLeaseKeeper::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_scanTimer.stop();
    m_heartbeatTimer.stop();
    m_deadlineTimer.stop();
    const QStringList ids = m_held.keys();
    for (const QString &id : ids) {
        // Stopped first: its last writes are queued before the release,
        // which waits for them (no longer than the lease would have held).
        // Said before the release: another engine may take it at once.
        m_engine->removeAccount(id);
        log(QStringLiteral("stopped account %1: the engine is stopping").arg(id));
        m_leases->release(id, m_identity.id, m_timing.ttlMs);
    }
    m_held.clear();
    m_taking.clear();
    if (!ids.isEmpty())
        log(QStringLiteral("stopped; gave back %1 account(s)").arg(ids.size()));
}

void AccountLeaseKeeper::tokenSaved(const QString &accountId)
{
    m_noTokenSince.remove(accountId);
}

QStringList AccountLeaseKeeper::heldAccounts() const
{
    QStringList ids = m_held.keys();
    ids.sort();
    return ids;
}

QStringList AccountLeaseKeeper::accountsWithoutToken() const
{
    QStringList ids = m_noTokenSince.keys();
    ids.sort();
    return ids;
}

// --- taking accounts nobody holds ------------------------------------------------

void AccountLeaseKeeper::scan()
{
    if (!m_running)
        return;
    // The next look, with jitter, so engines started together do not take
    // accounts in lockstep.
    const int jitter = int(QRandomGenerator::global()->bounded(m_timing.scanMs / 2 + 1));
    m_scanTimer.start(m_timing.scanMs - m_timing.scanMs / 4 + jitter);
    if (m_scanning)
        return;
    m_scanning = true;
    m_store->read<QVector<AccountInfo>>(
        this, std::function<QVector<AccountInfo>(StoreReader &)>([](StoreReader &reader) {
            const QStringList unheld = AccountLeases::unheld(reader.database());
            QVector<AccountInfo> out;
            for (const AccountInfo &account : reader.accounts()) {
                if (unheld.contains(account.id))
                    out.append(account);
            }
            return out;
        }),
        std::function<void(QVector<AccountInfo>)>(
            [this](const QVector<AccountInfo> &unheld) { scanned(unheld); }));
}

void AccountLeaseKeeper::scanned(const QVector<AccountInfo> &unheld)
{
    m_scanning = false;
    if (!m_running)
        return;
    // One account per look: the engines share the accounts out between
    // them instead of the first one taking all.
    QVector<AccountInfo> candidates;
    const qint64 now = m_clock.elapsed();
    for (const AccountInfo &account : unheld) {
        if (m_held.contains(account.id) || m_taking.contains(account.id))
            continue;
        if (account.demo)
            continue; // its gateway runs inside the console that made it
        const auto missing = m_noTokenSince.constFind(account.id);
        if (missing != m_noTokenSince.constEnd() && now - *missing < m_timing.missingTokenRetryMs)
            continue;
        candidates.append(account);
    }
    if (candidates.isEmpty())
        return;
    withToken(candidates.at(int(QRandomGenerator::global()->bounded(candidates.size()))));
}

void AccountLeaseKeeper::withToken(const AccountInfo &account)
{
    m_taking.insert(account.id);
    // The keychain answers later: the keeper may be gone by then.
    const QPointer<AccountLeaseKeeper> self(this);
    m_tokens(account, [this, self, account](bool ok, const QString &token, const QString &error) {
        if (!self || !m_running || !m_taking.contains(account.id))
            return;
        if (!ok || token.isEmpty()) {
            m_taking.remove(account.id);
            if (!m_noTokenSince.contains(account.id))
                log(QStringLiteral("not taking account %1: no usable gateway token in this "
                                   "machine's keychain (%2)")
                        .arg(account.id, error));
            m_noTokenSince.insert(account.id, m_clock.elapsed());
            return;
        }
        m_noTokenSince.remove(account.id);
        take(account, token);
    });
}

void AccountLeaseKeeper::take(const AccountInfo &account, const QString &token)
{
    const qint64 sentMs = m_clock.elapsed();
    const QString reason = QCoreApplication::translate(
        "AccountLeaseKeeper",
        "The engine sending this message stopped before the gateway answered. Check the chat "
        "before retrying.");
    m_leases->take(account.id, m_identity.id, m_timing.ttlMs, reason, this,
                   [this, account, token, sentMs](bool held, int interrupted) {
                       m_taking.remove(account.id);
                       if (!held)
                           return; // another engine was quicker
                       if (!m_running) {
                           m_leases->release(account.id, m_identity.id);
                           return;
                       }
                       m_held.insert(account.id, Held{sentMs + m_timing.ttlMs, false});
                       log(QStringLiteral("took account %1%2")
                               .arg(account.id,
                                    interrupted > 0 ? QStringLiteral(" (%1 interrupted send(s) "
                                                                     "marked unknown)")
                                                          .arg(interrupted)
                                                    : QString()));
                       GatewayEndpoint endpoint;
                       endpoint.address = account.endpoint;
                       endpoint.token = token;
                       endpoint.tls = account.tls;
                       endpoint.caFile = account.caFile;
                       endpoint.serverName = account.serverName;
                       m_engine->addAccount(account, endpoint);
                       emit accountTaken(account.id);
                   });
}

// --- keeping them ------------------------------------------------------------------

void AccountLeaseKeeper::heartbeat()
{
    if (!m_running)
        return;
    for (auto it = m_held.begin(); it != m_held.end(); ++it) {
        // The last one has not come back (the database is slow or gone):
        // another goes out once it has waited about a heartbeat, so one
        // late answer does not let the lease run out before the next
        // renewal; the database being gone still bounds them (one per
        // heartbeat, each failing after the lease statement timeout).
        if (it->renewing && m_clock.elapsed() - it->renewSentMs < m_timing.heartbeatMs * 3 / 4)
            continue;
        it->renewing = true;
        const QString &accountId = it.key();
        const qint64 sentMs = m_clock.elapsed();
        it->renewSentMs = sentMs;
        m_leases->renew(accountId, m_identity.id, m_timing.ttlMs, this,
                        [this, accountId, sentMs](LeaseRenewal renewal) {
                            renewed(accountId, sentMs, renewal);
                        });
    }
}

void AccountLeaseKeeper::renewed(const QString &accountId, qint64 sentMs, LeaseRenewal renewal)
{
    const auto found = m_held.find(accountId);
    if (found == m_held.end()) {
        // Given up meanwhile (too late): not ours to keep. Not waiting for
        // the writer, which would hold up the other accounts' renewals.
        if (renewal == LeaseRenewal::Renewed)
            m_leases->release(accountId, m_identity.id, 0);
        return;
    }
    found->renewing = false;
    // A slow renewal is the warning before an account stops (the lease
    // connection or the server is behind).
    if (const qint64 took = m_clock.elapsed() - sentMs; took > m_timing.heartbeatMs)
        log(QStringLiteral("renewing the lease of %1 took %2 ms").arg(accountId).arg(took));
    switch (renewal) {
    case LeaseRenewal::Renewed:
        found->validUntilMs = std::max(found->validUntilMs, sentMs + m_timing.ttlMs);
        break;
    case LeaseRenewal::Lost:
        giveUp(accountId, QStringLiteral("its lease was lost"));
        break;
    case LeaseRenewal::Unconfirmed:
        // The next heartbeat asks again; checkDeadlines stops the account
        // if none is confirmed in time.
        log(QStringLiteral("the lease of %1 could not be renewed this time").arg(accountId));
        break;
    }
}

void AccountLeaseKeeper::checkDeadlines()
{
    const qint64 now = m_clock.elapsed();
    QHash<QString, qint64> late; // account -> how long its renewal has waited (-1: none out)
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (now >= it->validUntilMs - m_timing.safetyMarginMs)
            late.insert(it.key(), it->renewing ? now - it->renewSentMs : -1);
    }
    for (auto it = late.cbegin(); it != late.cend(); ++it) {
        giveUp(it.key(),
               it.value() < 0 ? QStringLiteral("its lease could not be renewed in time")
                              : QStringLiteral("its lease could not be renewed in time (the "
                                               "renewal has waited %1 ms)")
                                    .arg(it.value()));
    }
}

void AccountLeaseKeeper::giveUp(const QString &accountId, const QString &reason)
{
    if (!m_held.remove(accountId))
        return;
    // At once, before the lease can lapse and another engine take it.
    m_engine->removeAccount(accountId);
    log(QStringLiteral("stopped account %1: %2").arg(accountId, reason));
    emit accountGivenUp(accountId, reason);
}

} // namespace gd
