#pragma once
// One bot account's connection to its gateway, living in its own thread.
// It subscribes to the event stream, then calls Start; drives the login state
// machine; syncs contacts, rooms and members after login; fetches message
// payloads with many calls in flight and hands them to the store in batches;
// watches liveness (Ding after silence, "not responding", reconnect after
// long silence); reconnects with exponential backoff, forever, starting over
// after a connection that worked (ExponentialBackoff); and sends the account's
// outbox in order through the pacer once Ready.
// All methods run in the session's thread (use queued calls from elsewhere),
// except counters(), which is thread-safe.

#include "engine/CallWindow.h"
#include "engine/DuplicateDetector.h"
#include "engine/Engine.h"
#include "engine/LoginStateMachine.h"
#include "engine/NameResolver.h"
#include "engine/SessionTuning.h"
#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"
#include "util/ExponentialBackoff.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <deque>
#include <map>

namespace gd {

class OutboxSender;
class PuppetClient;
class Store;

// Live counters of a session, readable from any thread (tests, debug view).
struct SessionCounters
{
    std::atomic<qint64> eventsReceived{0};
    std::atomic<qint64> eventsMalformed{0};
    std::atomic<qint64> eventsIgnored{0};
    std::atomic<qint64> messageIdsQueued{0};
    std::atomic<qint64> messagesFetched{0};
    std::atomic<qint64> messageFetchFailures{0}; // given up after retrying for hours
    std::atomic<qint64> messageIdsJournaled{0};
    std::atomic<qint64> messageIdsFromJournal{0}; // left by an earlier run, fetched again
    std::atomic<qint64> messageFetchRetries{0};
    std::atomic<qint64> connectAttempts{0};
    std::atomic<qint64> dingsSent{0};
    std::atomic<qint64> syncsCompleted{0};
    std::atomic<qint64> duplicatesFound{0}; // repeats under a new id (DuplicateDetector)
};

class AccountSession : public QObject
{
    Q_OBJECT
public:
    AccountSession(const AccountInfo &account, const GatewayEndpoint &endpoint, Store *store,
                   const SessionTuning &tuning = {}, QObject *parent = nullptr);
    ~AccountSession() override;

    QString accountId() const { return m_account.id; }
    AccountStatus status() const { return m_status; }
    const SessionCounters &counters() const { return m_counters; }
    const NameResolver &names() const { return m_names; }

public slots:
    void start();
    // Cancels everything, hands pending messages to the store, goes Offline.
    void stop();
    void reconnectNow();
    // Calls Start again, e.g. after a logout, for a new QR code.
    void restartLogin();

public:
    // A received image (thumbnail) or file, fetched with MessageImage /
    // MessageFile then Download. done runs in this thread.
    void
    fetchMedia(const QString &messageId, bool thumbnail,
               std::function<void(bool ok, const QByteArray &bytes, const QString &error)> done);

signals:
    void statusChanged(const gd::AccountStatus &status);
    void logLine(const QString &line);
    void syncFinished(int contacts, int rooms);
    // Bytes of an outbox file written to the gateway's Upload stream so far.
    void uploadProgress(qint64 outboxId, qint64 done, qint64 total);

private:
    void connectToGateway();
    void callStart();
    void teardown();
    void connectionFailed(const GatewayStatus &status, const char *where);
    void scheduleReconnect();
    void publish();
    void log(const QString &line);
    void onWatchdog();

    void onEvent(int type, const QByteArray &payload);
    void onStreamClosed(const GatewayStatus &status);
    void onLogin(const QString &selfId);
    void onReady();

    void startSync();
    void syncStepDone();
    void fetchRoom(const QString &roomId, bool forSync);
    void fetchContact(const QString &contactId);
    void flushContacts();

    // A MESSAGE event's id: journaled first (batched), fetched once durable.
    void queueMessage(const QString &messageId);
    void flushJournal();
    void loadJournal();
    void enqueueFetch(const QString &messageId);
    void pumpMessages();
    void retryDueMessages();
    void publishFetchState();
    void onMessageFetched(const QString &messageId, const GatewayStatus &status, Message message);
    void addToBatch(const Message &message);
    void flushBatch();
    void releaseAwaitingNames();
    void insertSystemLine(const QString &roomId, const QString &actorId, qint64 timestampMs,
                          const QString &text, const QByteArray &identity);

    AccountInfo m_account;
    GatewayEndpoint m_endpoint;
    Store *m_store;
    SessionTuning m_tuning;
    PuppetClient *m_client;
    LoginStateMachine m_login;
    NameResolver m_names;
    ExponentialBackoff m_backoff;
    OutboxSender *m_sender;
    CallWindow m_syncWindow;
    SessionCounters m_counters;
    AccountStatus m_status;

    QTimer m_reconnectTimer;
    QTimer m_watchdog;
    QTimer m_batchTimer;
    QTimer m_journalTimer;
    QTimer m_retryTimer;
    QTimer m_fetchStateTimer;

    bool m_running = false;
    quint64 m_connectGen = 0;
    bool m_streamOpen = false;
    bool m_startCalled = false;
    qint64 m_nextReconnectMs = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_lastDingMs = 0;
    qint64 m_notRespondingSinceMs = 0; // see AccountStatus

    // sync
    bool m_synced = false;
    bool m_syncing = false;
    bool m_syncFailed = false;
    int m_syncOutstanding = 0;
    int m_syncDone = 0;
    int m_syncTotal = 0;
    int m_syncRooms = 0;
    QVector<Contact> m_contactBatch;
    QSet<QString> m_contactsRequested; // unknown talkers already looked up

    // messages
    std::deque<QString> m_messageQueue;
    QSet<QString> m_messagesQueued;
    QSet<QString> m_messagesInFlight;
    QStringList m_journalBuffer; // ids for the next journal write
    QSet<QString> m_journaling; // ids not durable in the journal yet
    QHash<QString, int> m_messageAttempts; // failed fetches, retried
    QHash<QString, qint64> m_messageSeenMs; // of ids that failed (or came from the journal)
    std::multimap<qint64, QString> m_retryDue; // due time -> id
    QSet<QString> m_retryWaiting;
    int m_messagesGivenUp = 0;
    QVector<Message> m_batch;
    QVector<Message> m_awaitingNames; // fetched during sync, talker not known yet

    DuplicateDetector m_duplicates;
    qint64 m_lastSyncMs = 0; // for the periodic list refresh
};

} // namespace gd
