#pragma once
// Sends one account's outbox through its gateway: picks the rows that are
// due, oldest due first, at the pace SendPacer allows; claims each in the
// database before the gateway sees it (so a cancel or pause that committed
// first wins, and a crash leaves it Unknown, never sent twice); sends text,
// or a file inline or through Upload; records the sent message once and
// pairs it with its echo (EchoMatcher); marks the row Sent or Failed with a
// reason. Rows due later wait on a timer, also across restarts (they are
// read back from the database).
// Lives in its session's thread; every method runs there.

#include "model/Types.h"
#include "outbox/Campaign.h"
#include "outbox/EchoMatcher.h"
#include "outbox/SendPacer.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <functional>
#include <map>
#include <utility>

namespace gd {

struct GatewayStatus;
class OutboxRepository;
class PuppetClient;
class Store;

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    struct Counters
    {
        std::atomic<qint64> sendsOk{0};
        std::atomic<qint64> sendsFailed{0};
    };
    // What the sender asks of its session.
    struct SessionView
    {
        std::function<bool()> canSend; // connected, logged in and ready
        std::function<QString()> selfContactId;
        std::function<QString()> selfName;
    };

    // Call in the thread that owns `store` (the repository is made there);
    // then move to the session's thread with the session.
    OutboxSender(const QString &accountId, Store *store, PuppetClient *client, SessionView session,
                 const SendPacer &pacer, QObject *parent = nullptr);

    // Team mode (several engines on one server archive): claims only while
    // this engine (`engineId`) holds the account's lease, and reads the
    // account's rows again as soon as the live updates say another program
    // queued one (LISTEN/NOTIFY), and every kSharedPollMs besides, in case
    // a notification was lost with the connection. Call before start().
    void setLeaseHolder(const QString &engineId);
    static constexpr int kSharedPollMs = 10000;

    void start();
    void stop();
    // Reads the account's sendable rows (after login, after a reconnect).
    void load();
    // Sends the next due row if it may; cheap to call often.
    void pump();
    // The connection is gone: a send with the gateway has an unknown outcome
    // (marked so, never re-sent by itself); a claimed one not sent yet goes
    // back to the queue.
    void connectionLost();
    // One of the bot's own messages came in (talker = self): the id of the
    // outbox row it echoes, now marked Sent, or 0.
    qint64 ownMessageArrived(const Message &message);

    const Counters &counters() const { return m_counters; }
    int waiting() const { return int(m_queue.size()); }

signals:
    // Bytes of an outbox file written to the gateway's Upload stream so far.
    void uploadProgress(qint64 outboxId, qint64 done, qint64 total);
    void logLine(const QString &line);

private:
    using Key = std::pair<qint64, qint64>; // (due, id): the sending order

    void onEntryChanged(const OutboxEntry &entry);
    void onCampaignChanged(const Campaign &campaign);
    void enqueue(const OutboxEntry &entry);
    void remove(qint64 outboxId);
    void wakeIn(qint64 ms);
    void claimed(const OutboxEntry &entry, quint64 generation, bool ok);
    void sendText(const OutboxEntry &entry);
    // File rows: checked again, then sent inline (small) or uploaded first.
    void sendFile(const OutboxEntry &entry);
    void answered(const OutboxEntry &entry, const GatewayStatus &status, const QString &messageId,
                  const char *call);
    // The sent message as the archive keeps it (its echo carries the same id).
    void recordSent(const OutboxEntry &entry, const QString &messageId);
    void log(const QString &line);

    QString m_accountId;
    Store *m_store;
    OutboxRepository *m_repo;
    PuppetClient *m_client;
    SessionView m_session;
    SendPacer m_pacer;
    EchoMatcher m_echoes;
    Counters m_counters;
    QTimer m_timer; // the pacer's wait or the next due time
    QTimer m_poll; // team mode: rows queued by other processes, if unannounced
    QString m_leaseHolder; // team mode: this engine's id
    bool m_loading = false; // a load() read is on its way
    bool m_loadAgain = false; // load() was asked for meanwhile

    bool m_running = false;
    quint64 m_generation = 0; // a new one per connection
    std::map<Key, OutboxEntry> m_queue; // Queued rows, in sending order
    QHash<qint64, Key> m_keys; // id -> its place in m_queue
    QSet<qint64> m_handled; // claimed by this sender (a stale read must not bring them back)
    QHash<QString, qint64> m_sentIds; // gateway id -> outbox id of recent sends (their echoes)
    qint64 m_sendingId = 0; // claimed or with the gateway
    bool m_withGateway = false; // the send call went out
};

} // namespace gd
