#include "engine/MessageIngest.h"

#include "engine/DirectorySync.h"
#include "engine/MessageObserver.h"
#include "engine/NameResolver.h"
#include "gateway/PuppetClient.h"
#include "outbox/OutboxSender.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>

namespace gd {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

MessageIngest::MessageIngest(const AccountInfo &account, PuppetClient *client, Store *store,
                             NameResolver &names, DirectorySync &directory, OutboxSender &sender,
                             const SessionTuning &tuning, SessionCounters &counters,
                             QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_client(client)
    , m_store(store)
    , m_names(names)
    , m_directory(directory)
    , m_sender(sender)
    , m_tuning(tuning)
    , m_counters(counters)
    , m_duplicates(tuning.duplicateWindowMs)
    , m_batchTimer(this)
    , m_journalTimer(this)
    , m_retryTimer(this)
    , m_fetchStateTimer(this)
{
    m_batchTimer.setSingleShot(true);
    m_journalTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_fetchStateTimer.setSingleShot(true);
    connect(&m_batchTimer, &QTimer::timeout, this, &MessageIngest::flushBatch);
    connect(&m_journalTimer, &QTimer::timeout, this, &MessageIngest::flushJournal);
    connect(&m_retryTimer, &QTimer::timeout, this, &MessageIngest::retryDue);
    connect(&m_fetchStateTimer, &QTimer::timeout, this, &MessageIngest::fetchStateChanged);
    if (m_store) {
        // The store caught up: fetch what waited (queued to this thread).
        connect(m_store, &Store::writeStateChanged, this, [this](const StoreWriteState &state) {
            if (!state.congested)
                pump();
        });
    }
}

void MessageIngest::addObserver(MessageObserver *observer)
{
    if (observer && !m_observers.contains(observer))
        m_observers.append(observer);
}

// --- the journal ------------------------------------------------------------------

void MessageIngest::messageArrived(const QString &messageId)
{
    if (m_journaling.contains(messageId) || m_queued.contains(messageId)
        || m_inFlight.contains(messageId) || m_retryWaiting.contains(messageId))
        return;
    if (!m_store) {
        enqueueFetch(messageId);
        return;
    }
    // The gateway has no replay: the id is written down before its payload
    // is asked for, so a crash, a kill or a full disk cannot make it vanish.
    m_journaling.insert(messageId);
    m_journalBuffer.append(messageId);
    if (m_journalBuffer.size() >= 256)
        flushJournal();
    else if (!m_journalTimer.isActive())
        m_journalTimer.start(m_tuning.journalBatchDelayMs);
}

void MessageIngest::flushJournal()
{
    m_journalTimer.stop();
    if (m_journalBuffer.isEmpty() || !m_store)
        return;
    const QStringList ids = std::exchange(m_journalBuffer, {});
    m_counters.messageIdsJournaled += ids.size();
    m_store->journalMessageIds(m_account.id, ids, this, [this, ids] {
        for (const QString &id : ids) {
            if (m_journaling.remove(id))
                enqueueFetch(id);
        }
    });
}

void MessageIngest::loadJournal()
{
    if (!m_store)
        return;
    // Ids an earlier run journaled but never stored (killed, crashed, the
    // disk was full, fetches kept failing): fetched again.
    const QString accountId = m_account.id;
    m_store->read<QVector<QPair<QString, qint64>>>(
        this,
        std::function<QVector<QPair<QString, qint64>>(StoreReader &)>(
            [accountId](StoreReader &reader) { return reader.journaledMessageIds(accountId); }),
        std::function<void(QVector<QPair<QString, qint64>>)>(
            [this](QVector<QPair<QString, qint64>> ids) {
                if (ids.isEmpty())
                    return;
                emit logLine(QStringLiteral("%1 message ids from the journal are fetched again")
                                 .arg(ids.size()));
                m_counters.messageIdsFromJournal += ids.size();
                for (const auto &[id, seenMs] : std::as_const(ids)) {
                    if (!m_seenMs.contains(id))
                        m_seenMs.insert(id, seenMs);
                    if (!m_journaling.contains(id) && !m_retryWaiting.contains(id))
                        enqueueFetch(id);
                }
            }));
}

// --- fetching ---------------------------------------------------------------------

void MessageIngest::enqueueFetch(const QString &messageId)
{
    if (m_queued.contains(messageId) || m_inFlight.contains(messageId))
        return;
    ++m_counters.messageIdsQueued;
    m_queue.push_back(messageId);
    m_queued.insert(messageId);
    pump();
}

void MessageIngest::retryDue()
{
    const qint64 now = nowMs();
    while (!m_retryDue.empty() && m_retryDue.begin()->first <= now) {
        const QString id = m_retryDue.begin()->second;
        m_retryDue.erase(m_retryDue.begin());
        if (m_retryWaiting.remove(id))
            enqueueFetch(id);
    }
    if (!m_retryDue.empty())
        m_retryTimer.start(int(std::clamp<qint64>(m_retryDue.begin()->first - now, 0, 60000)));
}

void MessageIngest::streamOpened()
{
    m_streamOpen = true;
    pump(); // ids left from before a reconnect
}

void MessageIngest::connectionLost()
{
    m_streamOpen = false;
    releaseAwaitingNames();
    // Ids whose payload was being fetched go back to the front of the queue:
    // they are fetched again after the reconnect, nothing is lost.
    for (const QString &id : std::as_const(m_inFlight)) {
        m_queue.push_front(id);
        m_queued.insert(id);
    }
    m_inFlight.clear();
}

void MessageIngest::pump()
{
    // The archive is behind (a full or failing disk): payloads would pile up
    // in memory. Only the ids wait, until the store catches up.
    if (m_store && m_store->isCongested())
        return;
    // While the directory syncs, fewer payloads are in flight: the sync's
    // calls would wait behind the backlog's, and the names they bring are
    // what held messages wait for.
    const int window = m_directory.isSyncing()
        ? std::min(m_tuning.messagePayloadsInFlight, m_tuning.messagePayloadsInFlightDuringSync)
        : m_tuning.messagePayloadsInFlight;
    while (m_streamOpen && !m_queue.empty() && m_inFlight.size() < window) {
        const QString id = m_queue.front();
        m_queue.pop_front();
        m_queued.remove(id);
        m_inFlight.insert(id);
        m_client->messagePayload(id, [this, id](const GatewayStatus &st, const Message &m) {
            m_inFlight.remove(id);
            if (st.ok())
                onFetched(id, st, m);
            else
                onFetchFailed(id, st);
            pump();
        });
    }
}

void MessageIngest::onFetched(const QString &messageId, const GatewayStatus &, Message message)
{
    m_seenMs.remove(messageId);
    if (m_attempts.remove(messageId) > 0 && !m_fetchStateTimer.isActive())
        m_fetchStateTimer.start(1000);
    ++m_counters.messagesFetched;
    message.accountId = m_account.id;
    message.fromSelf
        = !m_account.selfContactId.isEmpty() && message.talkerId == m_account.selfContactId;
    // Resolve with what is known now (sync may still run); fall back to the id.
    message.talkerName = m_names.resolve(message.roomId, message.talkerId);
    if (message.fromSelf)
        message.outboxId = m_sender.ownMessageArrived(message);
    message.duplicateOf = m_duplicates.check(message);
    if (!message.duplicateOf.isEmpty()) {
        ++m_counters.duplicatesFound;
        // Counted in the session counters; per message only at debug level:
        // a burst of repeats must not flood the log or the GUI.
        qCDebug(lcEngine).noquote() << m_account.id << "message" << message.id << "repeats"
                                    << message.duplicateOf << "(kept out of the feed)";
    }
    if (!message.fromSelf)
        m_directory.lookUpStranger(message.roomId, message.talkerId);
    // A talker nobody knows yet while the sync runs: held until the sync has
    // this room's members (and every contact), not until the whole sync ends;
    // the others go on meanwhile.
    if (message.talkerName == message.talkerId && !message.talkerId.isEmpty()
        && !m_directory.namesSettled(message.roomId))
        m_awaitingNames[message.roomId].append(message);
    else
        addToBatch(message);
}

void MessageIngest::onFetchFailed(const QString &messageId, const GatewayStatus &status)
{
    const int attempt = ++m_attempts[messageId];
    const qint64 now = nowMs();
    const qint64 seenMs = m_seenMs.value(messageId, 0) > 0
        ? m_seenMs.value(messageId)
        : m_seenMs.insert(messageId, now).value();
    if (now - seenMs < m_tuning.messageRetryForMs) {
        ++m_counters.messageFetchRetries;
        // A few quick retries, then doubling pauses, for hours: the
        // gateway has no replay, so the id is all there is.
        const int limit = std::max(1, m_tuning.messageRetryLimit);
        qint64 delay = qint64(m_tuning.messageRetryDelayMs) * std::min(attempt, limit);
        if (attempt > limit)
            delay <<= std::min(attempt - limit, 20);
        delay = std::min<qint64>(delay, m_tuning.messageRetryMaxDelayMs);
        if (attempt == limit + 1)
            emit logLine(QStringLiteral("MessagePayload %1 failed %2 times (code %3: %4); retrying "
                                        "with longer pauses for up to %5 h")
                             .arg(messageId)
                             .arg(attempt)
                             .arg(status.code)
                             .arg(status.message.left(300))
                             .arg(m_tuning.messageRetryForMs / 3600000.0, 0, 'g', 3));
        m_retryWaiting.insert(messageId);
        m_retryDue.emplace(now + delay, messageId);
        if (!m_retryTimer.isActive() || m_retryDue.begin()->first <= now + delay)
            m_retryTimer.start(int(std::clamp<qint64>(m_retryDue.begin()->first - now, 0, 60000)));
    } else {
        m_attempts.remove(messageId);
        m_seenMs.remove(messageId);
        ++m_counters.messageFetchFailures;
        ++m_givenUp;
        const QString reason
            = QStringLiteral("code %1: %2").arg(status.code).arg(status.message.left(300));
        qCWarning(lcEngine).noquote()
            << m_account.id << "MessagePayload" << messageId << "given up after" << attempt
            << "attempts over" << (now - seenMs) / 60000 << "min:" << reason;
        emit logLine(QStringLiteral("message %1 given up after %2 attempts (%3)")
                         .arg(messageId)
                         .arg(attempt)
                         .arg(reason));
        if (m_store)
            m_store->giveUpMessage(m_account.id, messageId, reason);
    }
    // Failures can come by the hundred a second: the count is published at
    // most once a second.
    if (!m_fetchStateTimer.isActive())
        m_fetchStateTimer.start(1000);
}

// --- batches ----------------------------------------------------------------------

void MessageIngest::addToBatch(const Message &message)
{
    for (MessageObserver *observer : std::as_const(m_observers))
        observer->messageResolved(message);
    m_batch.append(message);
    if (m_batch.size() >= m_tuning.messageBatchSize)
        flushBatch();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start(m_tuning.messageBatchDelayMs);
}

void MessageIngest::releaseAwaitingNames()
{
    // Messages that arrived during sync from talkers not known yet: name them
    // with what the sync learnt (or the id, if it did not) and store them.
    const QHash<QString, QVector<Message>> waiting = std::exchange(m_awaitingNames, {});
    for (const QVector<Message> &room : waiting) {
        for (Message m : room) {
            m.talkerName = m_names.resolve(m.roomId, m.talkerId);
            addToBatch(m);
        }
    }
    pump(); // fewer payloads are asked for while a sync runs
}

void MessageIngest::releaseAwaitingNames(const QString &roomId)
{
    const auto it = m_awaitingNames.find(roomId);
    if (it == m_awaitingNames.end())
        return;
    const QVector<Message> waiting = std::move(it.value());
    m_awaitingNames.erase(it);
    for (Message m : waiting) {
        m.talkerName = m_names.resolve(m.roomId, m.talkerId);
        addToBatch(m);
    }
}

void MessageIngest::flushBatch()
{
    m_batchTimer.stop();
    if (m_batch.isEmpty())
        return;
    if (m_store)
        m_store->insertMessages(m_batch);
    m_batch.clear();
}

void MessageIngest::flush()
{
    flushBatch();
    flushJournal();
}

void MessageIngest::groupEvent(const QString &roomId, qint64 timestampMs, const SystemEvent &event)
{
    // The same event replayed (or seen twice) gives the same id: stored once.
    QByteArray identity;
    switch (event.kind) {
    case SystemEvent::Kind::Join:
        identity = "join|" + event.actorId.toUtf8() + "|" + event.targetIds.join(',').toUtf8();
        break;
    case SystemEvent::Kind::Leave:
        identity = "leave|" + event.actorId.toUtf8() + "|" + event.targetIds.join(',').toUtf8();
        break;
    case SystemEvent::Kind::TopicChange:
        identity = "topic|" + event.actorId.toUtf8() + "|" + event.topic.toUtf8();
        break;
    case SystemEvent::Kind::None:
        return;
    }
    const QByteArray hash
        = QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(12);
    Message m;
    m.accountId = m_account.id;
    m.id = QStringLiteral("sys:%1:%2:%3")
               .arg(roomId)
               .arg(timestampMs)
               .arg(QString::fromLatin1(hash));
    m.roomId = roomId;
    m.talkerId = event.actorId;
    m.talkerName = event.actorId.isEmpty() ? QString() : event.actorName;
    m.kind = MessageKind::System;
    // The text is for search, previews and older readers; the feed shows
    // the event in the reader's language from its data.
    m.text = event.describe();
    m.systemEvent = event.toJson();
    m.timestampMs = timestampMs > 0 ? timestampMs : nowMs();
    addToBatch(m);
}

} // namespace gd
