#pragma once
// The message part of an account's session: a MESSAGE event's id is
// journaled first (batched, so a crash cannot lose it), then its payload is
// fetched with many calls in flight, failed fetches are retried with growing
// pauses for hours, talkers are named (NameResolver; strangers looked up),
// repeats under a new id marked (DuplicateDetector), the bot's own messages
// paired with their outbox rows, observers told, and the messages handed to
// the store in batches. Group events (joins, leaves, topic changes) come in
// here too, as system messages carrying their data. Lives in the session's
// thread.

#include "engine/DuplicateDetector.h"
#include "engine/SessionCounters.h"
#include "engine/SessionTuning.h"
#include "model/SystemEvent.h"
#include "model/Types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QVector>

#include <deque>
#include <map>

namespace gd {

class DirectorySync;
class MessageObserver;
class NameResolver;
class OutboxSender;
class PuppetClient;
class Store;
struct GatewayStatus;

class MessageIngest : public QObject
{
    Q_OBJECT
public:
    // account: the session's, read when messages come (its self id changes
    // on login). The parts it asks outlive it (the session owns them all).
    MessageIngest(const AccountInfo &account, PuppetClient *client, Store *store,
                  NameResolver &names, DirectorySync &directory, OutboxSender &sender,
                  const SessionTuning &tuning, SessionCounters &counters,
                  QObject *parent = nullptr);

    void addObserver(MessageObserver *observer);

    // Ids an earlier run journaled but never stored are fetched again.
    void loadJournal();
    // A MESSAGE event's id.
    void messageArrived(const QString &messageId);
    // A ROOM_JOIN / ROOM_LEAVE / ROOM_TOPIC: stored once per event.
    void groupEvent(const QString &roomId, qint64 timestampMs, const SystemEvent &event);
    // Fetches what waits, as far as the window and the store allow.
    void pump();
    // The connection is gone: payloads being fetched go back to the queue.
    void connectionLost();
    // Messages held while the sync learnt names go to the store now.
    void releaseAwaitingNames();
    // Those of one conversation's room (empty: direct chats), whose names
    // the running sync has settled.
    void releaseAwaitingNames(const QString &roomId);
    // Everything held in memory goes to the store (stopping).
    void flush();

    // A connection delivers events: fetching may go on.
    void streamOpened();

    int notFetched() const { return int(m_attempts.size()); }
    int givenUp() const { return m_givenUp; }

signals:
    void fetchStateChanged(); // notFetched / givenUp moved (at most once a second)
    void logLine(const QString &line);

private:
    void flushJournal();
    void enqueueFetch(const QString &messageId);
    void retryDue();
    void onFetched(const QString &messageId, const GatewayStatus &status, Message message);
    void onFetchFailed(const QString &messageId, const GatewayStatus &status);
    void addToBatch(const Message &message);
    void flushBatch();

    const AccountInfo &m_account;
    PuppetClient *m_client;
    Store *m_store;
    NameResolver &m_names;
    DirectorySync &m_directory;
    OutboxSender &m_sender;
    SessionTuning m_tuning;
    SessionCounters &m_counters;
    DuplicateDetector m_duplicates;
    QVector<MessageObserver *> m_observers;

    QTimer m_batchTimer;
    QTimer m_journalTimer;
    QTimer m_retryTimer;
    QTimer m_fetchStateTimer;

    bool m_streamOpen = false;
    std::deque<QString> m_queue;
    QSet<QString> m_queued;
    QSet<QString> m_inFlight;
    QStringList m_journalBuffer; // ids for the next journal write
    QSet<QString> m_journaling; // ids not durable in the journal yet
    QHash<QString, int> m_attempts; // failed fetches, retried
    QHash<QString, qint64> m_seenMs; // of ids that failed (or came from the journal)
    std::multimap<qint64, QString> m_retryDue; // due time -> id
    QSet<QString> m_retryWaiting;
    int m_givenUp = 0;
    QVector<Message> m_batch;
    // Fetched during sync, talker not known yet, by room (empty: direct
    // chats): each room's go to the store once the sync has its members.
    QHash<QString, QVector<Message>> m_awaitingNames;
};

} // namespace gd
