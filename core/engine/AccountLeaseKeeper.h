#pragma once
// Which accounts this engine runs when several engines share one server
// archive (team mode, issue 18). The keeper takes the lease of an account
// nobody holds (none yet, or its engine died and the lease lapsed), starts
// the account's session in the Engine only while it holds the lease, renews
// every lease with a heartbeat, and stops a session at once when its lease
// is lost or cannot be renewed in time, before the lease can lapse and
// another engine take it: two engines never run one account. On a clean
// stop it gives its leases back, so a restart hands over at once.
// Gateway tokens stay in each engine machine's keychain: an account whose
// token this machine lacks is left to the engines that have it (and said so
// in the log). Lives in the thread of the Engine (the GUI or headless main).

#include "model/Types.h"
#include "store/AccountLeases.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace gd {

class Engine;
class Store;

// Who an engine is: a name people read, and an id unique to this process
// (name, host, process id and a random part: a restarted engine is a new
// holder, and settles what its previous run left Sending).
struct EngineIdentity
{
    QString id;
    QString name;
    static EngineIdentity make(const QString &name = {});
};

class AccountLeaseKeeper : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        int ttlMs = 15000; // a lease lapses this long after its last renewal
        int heartbeatMs = 3000; // renewals
        int scanMs = 2000; // looking for accounts nobody holds (with jitter)
        // A session stops when its lease was not renewed by this long
        // before it would lapse (clocks, a slow stop): a third of the
        // lease, so an engine whose renewals fail stops at two thirds.
        int safetyMarginMs = 5000;
        int missingTokenRetryMs = 30000; // a keychain without the token is asked again
    };
    // Reads the gateway token of `account` from this machine's keychain;
    // done(ok, token, error) may run later, in this thread.
    using TokenDone = std::function<void(bool ok, const QString &token, const QString &error)>;
    using TokenSource = std::function<void(const AccountInfo &account, TokenDone done)>;

    AccountLeaseKeeper(Store *store, Engine *engine, const EngineIdentity &identity,
                       TokenSource tokens, const Timing &timing, QObject *parent = nullptr);
    AccountLeaseKeeper(Store *store, Engine *engine, const EngineIdentity &identity,
                       TokenSource tokens, QObject *parent = nullptr);
    ~AccountLeaseKeeper() override;

    const EngineIdentity &identity() const { return m_identity; }
    void start();
    // Stops the sessions and gives their leases back (the writes are queued
    // in the store: close or flush it after this).
    void stop();

    // The account's token was just saved in this keychain: look again now.
    void tokenSaved(const QString &accountId);

    QStringList heldAccounts() const;
    // Accounts this engine cannot run: no usable token in this keychain.
    QStringList accountsWithoutToken() const;

signals:
    void accountTaken(const QString &accountId);
    void accountGivenUp(const QString &accountId, const QString &reason);
    void logLine(const QString &line);

private:
    struct Held
    {
        qint64 validUntilMs = 0; // on m_clock: the lease surely holds until then
        bool renewing = false;
        qint64 renewSentMs = 0; // on m_clock: when the renewal on its way was queued
    };

    void scan();
    void scanned(const QVector<AccountInfo> &unheld);
    void withToken(const AccountInfo &account);
    void take(const AccountInfo &account, const QString &token);
    void heartbeat();
    void renewed(const QString &accountId, qint64 sentMs, LeaseRenewal renewal);
    void checkDeadlines();
    void giveUp(const QString &accountId, const QString &reason);
    void log(const QString &line);

    Store *m_store;
    Engine *m_engine;
    EngineIdentity m_identity;
    TokenSource m_tokens;
    Timing m_timing;
    AccountLeases *m_leases;
    QElapsedTimer m_clock;
    QTimer m_scanTimer;
    QTimer m_heartbeatTimer;
    QTimer m_deadlineTimer;
    bool m_running = false;
    bool m_scanning = false;
    QHash<QString, Held> m_held;
    QSet<QString> m_taking; // a take or a token read on its way
    QHash<QString, qint64> m_noTokenSince; // account -> m_clock ms of the last failed read
};

} // namespace gd
