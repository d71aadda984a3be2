#include "engine/AccountSession.h"

#include "engine/EventParser.h"
#include "gateway/FileBox.h"
#include "gateway/PuppetClient.h"
#include "outbox/OutboxSender.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

#include <algorithm>

namespace gd {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("AccountSession", text);
}

bool isRoomId(const QString &id)
{
    return id.contains(QLatin1Char('@'));
}

} // namespace

AccountSession::AccountSession(const AccountInfo &account, const GatewayEndpoint &endpoint,
                               Store *store, const SessionTuning &tuning, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_endpoint(endpoint)
    , m_store(store)
    , m_tuning(tuning)
    , m_client(new PuppetClient(this))
    , m_backoff(tuning.backoffInitialMs, tuning.backoffMaxMs, 0.2, 30000, tuning.backoffFlapLimit,
                tuning.backoffFlapWindowMs)
    , m_sender(new OutboxSender(
          account.id, store, m_client,
          OutboxSender::SessionView{[this] {
                                        return m_running && m_streamOpen
                                            && m_login.state() == SessionState::Ready;
                                    },
                                    [this] { return m_account.selfContactId; },
                                    [this] {
                                        return m_account.selfName.isEmpty()
                                            ? m_names.resolve({}, m_account.selfContactId)
                                            : m_account.selfName;
                                    }},
          SendPacer(tuning.sendRatePerSecond, tuning.sendBurst, tuning.sendJitterMs), this))
    , m_syncWindow(tuning.syncCallsInFlight)
    , m_duplicates(tuning.duplicateWindowMs)
    , m_reconnectTimer(this)
    , m_watchdog(this)
    , m_batchTimer(this)
    , m_journalTimer(this)
    , m_retryTimer(this)
    , m_fetchStateTimer(this)
{
    qRegisterMetaType<gd::AccountStatus>();
    qRegisterMetaType<gd::OutboxEntry>();
    qRegisterMetaType<gd::GatewayStatus>();
    m_status.info = m_account;

    m_reconnectTimer.setSingleShot(true);
    m_batchTimer.setSingleShot(true);
    m_watchdog.setInterval(std::clamp(m_tuning.dingAfterSilenceMs / 4, 20, 1000));
    connect(&m_reconnectTimer, &QTimer::timeout, this, &AccountSession::connectToGateway);
    connect(&m_watchdog, &QTimer::timeout, this, &AccountSession::onWatchdog);
    connect(&m_batchTimer, &QTimer::timeout, this, &AccountSession::flushBatch);
    connect(m_sender, &OutboxSender::uploadProgress, this, &AccountSession::uploadProgress);
    connect(m_sender, &OutboxSender::logLine, this, &AccountSession::log);
    m_journalTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_fetchStateTimer.setSingleShot(true);
    connect(&m_journalTimer, &QTimer::timeout, this, &AccountSession::flushJournal);
    connect(&m_retryTimer, &QTimer::timeout, this, &AccountSession::retryDueMessages);
    connect(&m_fetchStateTimer, &QTimer::timeout, this, &AccountSession::publish);

    connect(m_client, &PuppetClient::eventReceived, this, &AccountSession::onEvent);
    connect(m_client, &PuppetClient::eventStreamClosed, this, &AccountSession::onStreamClosed);
    if (m_store) {
        // The store caught up: fetch what waited (queued to this thread).
        connect(m_store, &Store::writeStateChanged, this, [this](const StoreWriteState &state) {
            if (!state.congested)
                pumpMessages();
        });
    }
}

AccountSession::~AccountSession()
{
    if (m_running)
        stop();
}

void AccountSession::log(const QString &line)
{
    qCInfo(lcEngine).noquote() << m_account.id << line;
    emit logLine(line);
}

void AccountSession::publish()
{
    m_status.info = m_account;
    m_status.state = m_login.state();
    m_status.detail = m_login.detail();
    m_status.qrCode = m_login.qrCode();
    m_status.scanStatus = m_login.scanStatus();
    m_status.syncDone = m_syncDone;
    m_status.syncTotal = m_syncTotal;
    m_status.nextReconnectMs = m_reconnectTimer.isActive() ? m_nextReconnectMs : 0;
    m_status.messagesNotFetched = int(m_messageAttempts.size());
    m_status.messagesGivenUp = m_messagesGivenUp;
    m_status.notRespondingSinceMs = m_notRespondingSinceMs;
    emit statusChanged(m_status);
}

// --- connection ---------------------------------------------------------------

void AccountSession::start()
{
    if (m_running)
        return;
    m_running = true;
    m_sender->start();
    m_watchdog.start();
    loadJournal();
    connectToGateway();
}

void AccountSession::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_connectGen;
    m_watchdog.stop();
    m_reconnectTimer.stop();
    m_sender->stop();
    teardown();
    flushContacts();
    flushBatch();
    flushJournal();
    m_login.disconnected();
    publish();
}

void AccountSession::connectToGateway()
{
    if (!m_running)
        return;
    teardown();
    const quint64 gen = ++m_connectGen;
    m_reconnectTimer.stop();
    m_nextReconnectMs = 0;
    ++m_counters.connectAttempts;
    // A fresh channel each attempt: no inherited backoff from a dead one.
    m_client->setEndpoint(m_endpoint);
    m_login.connecting();
    m_lastActivityMs = nowMs();
    m_client->subscribeEvents();
    publish();

    // Start follows the first event (the stream is surely registered then);
    // a gateway that stays quiet gets Start anyway after a while.
    QTimer::singleShot(m_tuning.startFallbackMs, this, [this, gen] {
        if (gen == m_connectGen && m_running && !m_startCalled && m_client->isSubscribed())
            callStart();
    });
}

void AccountSession::callStart()
{
    m_startCalled = true;
    const quint64 gen = m_connectGen;
    m_client->start([this, gen](const GatewayStatus &st) {
        if (gen != m_connectGen || !m_running)
            return;
        if (!st.ok())
            connectionFailed(st, "Start");
    });
}

void AccountSession::teardown()
{
    m_client->reset(); // results of calls in flight are dropped from here on
    m_streamOpen = false;
    m_startCalled = false;
    m_notRespondingSinceMs = 0; // a new connection gets its own verdict
    // Their results will never come (the client dropped them): free the window.
    m_syncWindow.clear();
    m_syncing = false;
    m_syncOutstanding = 0;
    flushContacts();
    releaseAwaitingNames();
    // Ids whose payload was being fetched go back to the front of the queue:
    // they are fetched again after the reconnect, nothing is lost.
    for (const QString &id : std::as_const(m_messagesInFlight)) {
        m_messageQueue.push_front(id);
        m_messagesQueued.insert(id);
    }
    m_messagesInFlight.clear();
    m_sender->connectionLost();
}

void AccountSession::connectionFailed(const GatewayStatus &status, const char *where)
{
    log(QStringLiteral("%1 failed: code %2: %3")
            .arg(QLatin1String(where))
            .arg(status.code)
            .arg(status.message));
    teardown();
    ++m_connectGen;
    m_login.error(status);
    scheduleReconnect();
}

void AccountSession::scheduleReconnect()
{
    if (!m_running)
        return;
    const int delay = m_backoff.nextDelayMs(nowMs());
    m_nextReconnectMs = nowMs() + delay;
    m_reconnectTimer.start(delay);
    if (m_backoff.flapping())
        qCWarning(lcEngine).noquote()
            << m_account.id << "the gateway keeps dropping working connections: waiting longer";
    log(QStringLiteral("reconnecting in %1 ms").arg(delay));
    publish();
}

void AccountSession::reconnectNow()
{
    if (!m_running) {
        start();
        return;
    }
    m_backoff.reset();
    connectToGateway();
}

void AccountSession::restartLogin()
{
    if (!m_running) {
        start();
        return;
    }
    if (!m_streamOpen) {
        connectToGateway();
        return;
    }
    m_synced = false;
    m_login.connecting();
    publish();
    callStart();
}

void AccountSession::onWatchdog()
{
    if (!m_running || m_reconnectTimer.isActive())
        return;
    const qint64 now = nowMs();
    const qint64 silence = now - m_lastActivityMs;
    if (silence >= m_tuning.reconnectAfterSilenceMs) {
        connectionFailed(GatewayStatus{4, QStringLiteral("no event for %1 ms").arg(silence)},
                         m_streamOpen ? "Liveness check" : "Connect");
        return;
    }
    // Contacts and rooms change without events too (names, aliases): fetch
    // them again now and then, while nothing else is going on.
    if (m_tuning.listRefreshIntervalMs > 0 && m_synced && !m_syncing && m_lastSyncMs > 0
        && m_login.state() == SessionState::Ready
        && now - m_lastSyncMs >= m_tuning.listRefreshIntervalMs) {
        log(QStringLiteral("refreshing contacts and rooms"));
        m_synced = false;
        startSync();
    }
    if (m_streamOpen && silence >= m_tuning.notRespondingAfterMs && m_notRespondingSinceMs == 0) {
        // A Ding went out a while ago and nothing came back: say so now
        // rather than look "ready" until the reconnect.
        m_notRespondingSinceMs = m_lastActivityMs;
        qCWarning(lcEngine).noquote()
            << m_account.id << "the gateway has not answered for" << silence
            << "ms (no event, no DONG): not responding; reconnecting after"
            << m_tuning.reconnectAfterSilenceMs << "ms of silence";
        publish();
    }
    if (m_streamOpen && silence >= m_tuning.dingAfterSilenceMs
        && now - m_lastDingMs >= m_tuning.dingAfterSilenceMs) {
        m_lastDingMs = now;
        ++m_counters.dingsSent;
        m_client->ding(QStringLiteral("groupdesk-%1").arg(now),
                       [id = m_account.id](const GatewayStatus &st) {
                           if (!st.ok())
                               qCWarning(lcEngine).noquote()
                                   << id << "Ding failed: code" << st.code << st.message;
                       });
    }
}

void AccountSession::onStreamClosed(const GatewayStatus &status)
{
    if (!m_running)
        return;
    GatewayStatus st = status;
    if (st.ok()) // the server ended the stream without an error
        st = GatewayStatus{14, QStringLiteral("the gateway closed the event stream")};
    connectionFailed(st, "Event stream");
}

// --- events -------------------------------------------------------------------

void AccountSession::onEvent(int type, const QByteArray &payload)
{
    ++m_counters.eventsReceived;
    const qint64 now = nowMs();
    m_lastActivityMs = now;
    if (m_notRespondingSinceMs != 0) {
        log(QStringLiteral("the gateway answers again after %1 ms")
                .arg(now - m_notRespondingSinceMs));
        m_notRespondingSinceMs = 0;
        publish();
    }
    if (!m_streamOpen) {
        m_streamOpen = true;
        m_backoff.connectionEstablished(now);
        // It delivered events: if it drops now, try again from the first step.
        m_backoff.connectionWorked();
        if (m_login.streamOpened())
            publish();
        if (!m_startCalled)
            callStart();
        pumpMessages(); // ids left from before a reconnect
    }

    using namespace events;
    const GatewayEvent event = EventParser::parse(type, payload);

    if (const auto *e = std::get_if<MessageEvent>(&event)) {
        queueMessage(e->messageId);
    } else if (std::holds_alternative<HeartbeatEvent>(event)
               || std::holds_alternative<DongEvent>(event)) {
        // liveness only
    } else if (const auto *e = std::get_if<ScanEvent>(&event)) {
        if (m_login.scan(e->status, e->qrcode))
            publish();
    } else if (const auto *e = std::get_if<LoginEvent>(&event)) {
        onLogin(e->contactId);
    } else if (std::holds_alternative<ReadyEvent>(event)) {
        onReady();
    } else if (const auto *e = std::get_if<LogoutEvent>(&event)) {
        log(QStringLiteral("logged out: %1").arg(e->reason));
        m_synced = false;
        if (m_syncing) {
            m_syncing = false;
            m_syncWindow.clear();
            m_syncOutstanding = 0;
            releaseAwaitingNames();
        }
        m_login.logout(e->reason);
        publish();
    } else if (const auto *e = std::get_if<RoomJoinEvent>(&event)) {
        QStringList names;
        for (const QString &id : e->inviteeIds)
            names << m_names.resolve(e->roomId, id);
        const QString who = names.join(tr(", "));
        const QString text = e->inviterId.isEmpty() || e->inviteeIds.contains(e->inviterId)
            ? tr("%1 joined the group").arg(who)
            : tr("%1 invited %2 to the group").arg(m_names.resolve(e->roomId, e->inviterId), who);
        insertSystemLine(e->roomId, e->inviterId, e->timestampMs, text,
                         "join|" + e->inviterId.toUtf8() + "|" + e->inviteeIds.join(',').toUtf8());
        if (m_store)
            m_store->recordMembersJoined(m_account.id, e->roomId, e->inviteeIds, e->timestampMs);
        fetchRoom(e->roomId, false);
    } else if (const auto *e = std::get_if<RoomLeaveEvent>(&event)) {
        QStringList names;
        for (const QString &id : e->removeeIds)
            names << m_names.resolve(e->roomId, id);
        const QString who = names.join(tr(", "));
        const QString text = e->removerId.isEmpty() || e->removeeIds.contains(e->removerId)
            ? tr("%1 left the group").arg(who)
            : tr("%1 removed %2 from the group").arg(m_names.resolve(e->roomId, e->removerId), who);
        insertSystemLine(e->roomId, e->removerId, e->timestampMs, text,
                         "leave|" + e->removerId.toUtf8() + "|" + e->removeeIds.join(',').toUtf8());
        for (const QString &id : e->removeeIds)
            m_names.removeRoomMember(e->roomId, id);
        // The row stays, marked left, for the member history.
        if (m_store)
            m_store->recordMembersLeft(m_account.id, e->roomId, e->removeeIds, e->timestampMs);
        fetchRoom(e->roomId, false);
    } else if (const auto *e = std::get_if<RoomTopicEvent>(&event)) {
        const QString text = e->changerId.isEmpty()
            ? tr("The group name was changed to \"%1\"").arg(e->newTopic)
            : tr("%1 changed the group name to \"%2\"")
                  .arg(m_names.resolve(e->roomId, e->changerId), e->newTopic);
        insertSystemLine(e->roomId, e->changerId, e->timestampMs, text,
                         "topic|" + e->changerId.toUtf8() + "|" + e->newTopic.toUtf8());
        fetchRoom(e->roomId, false);
    } else if (const auto *e = std::get_if<DirtyEvent>(&event)) {
        switch (e->payloadType) {
        case 2:
            fetchContact(e->payloadId);
            break;
        case 3:
            fetchRoom(e->payloadId, false);
            break;
        case 4:
            if (isRoomId(e->payloadId))
                fetchRoom(e->payloadId, false);
            break;
        default:
            break; // messages are immutable here; friendships unused
        }
    } else if (const auto *e = std::get_if<ErrorEvent>(&event)) {
        log(QStringLiteral("gateway error event: %1").arg(e->text.left(500)));
    } else if (const auto *e = std::get_if<MalformedEvent>(&event)) {
        ++m_counters.eventsMalformed;
        qCWarning(lcEngine).noquote() << m_account.id << "malformed event of type" << e->type << ":"
                                      << e->reason << payload.left(200);
    } else if (const auto *e = std::get_if<IgnoredEvent>(&event)) {
        ++m_counters.eventsIgnored;
        qCDebug(lcEngine) << m_account.id << "ignored event type" << e->type;
    }
}

void AccountSession::onLogin(const QString &selfId)
{
    if (!m_account.selfContactId.isEmpty() && m_account.selfContactId != selfId) {
        m_synced = false; // another WeChat account on this gateway
        m_names.clear();
    }
    const bool changed = m_login.login(selfId);
    if (m_account.selfContactId != selfId) {
        m_account.selfContactId = selfId;
        if (m_store)
            m_store->upsertAccount(m_account);
    }
    if (changed)
        publish();
    startSync();
}

void AccountSession::onReady()
{
    if (m_login.ready())
        publish();
    if (!m_login.isLoggedIn())
        return;
    startSync();
    m_sender->load();
}

// --- sync ---------------------------------------------------------------------

void AccountSession::startSync()
{
    if (m_synced || m_syncing || !m_login.isLoggedIn())
        return;
    m_syncing = true;
    m_syncFailed = false;
    m_syncDone = 0;
    m_syncTotal = 0;
    m_syncRooms = 0;
    m_syncOutstanding = 2; // the two list calls
    log(QStringLiteral("sync started"));
    publish();

    m_client->contactList([this](const GatewayStatus &st, const QStringList &ids) {
        if (!m_syncing)
            return;
        if (!st.ok()) {
            log(QStringLiteral("ContactList failed: %1 %2").arg(st.code).arg(st.message));
            m_syncFailed = true;
        }
        m_syncTotal += int(ids.size());
        m_syncOutstanding += int(ids.size());
        for (const QString &id : ids) {
            m_syncWindow.push([this, id](CallWindow::Done done) {
                m_client->contactPayload(
                    id, [this, id, done](const GatewayStatus &st, const Contact &c) {
                        done();
                        if (st.ok()) {
                            Contact contact = c;
                            contact.accountId = m_account.id;
                            m_names.setContact(contact);
                            m_contactBatch.append(contact);
                            if (m_contactBatch.size() >= 200)
                                flushContacts();
                        } else {
                            log(QStringLiteral("ContactPayload %1 failed: %2")
                                    .arg(id)
                                    .arg(st.code));
                        }
                        ++m_syncDone;
                        syncStepDone();
                    });
            });
        }
        syncStepDone();
    });

    m_client->roomList([this](const GatewayStatus &st, const QStringList &ids) {
        if (!m_syncing)
            return;
        if (!st.ok()) {
            log(QStringLiteral("RoomList failed: %1 %2").arg(st.code).arg(st.message));
            m_syncFailed = true;
        }
        m_syncTotal += int(ids.size());
        m_syncRooms = int(ids.size());
        m_syncOutstanding += int(ids.size());
        for (const QString &id : ids)
            fetchRoom(id, true);
        syncStepDone();
    });
}

void AccountSession::syncStepDone()
{
    if (!m_syncing)
        return;
    if (--m_syncOutstanding % 50 == 0)
        publish();
    if (m_syncOutstanding > 0)
        return;
    flushContacts();
    m_syncing = false;
    m_synced = !m_syncFailed;
    releaseAwaitingNames();
    m_account.selfName = m_names.resolve({}, m_account.selfContactId);
    ++m_counters.syncsCompleted;
    m_lastSyncMs = nowMs();
    log(QStringLiteral("sync finished: %1 contacts and rooms%2")
            .arg(m_syncDone)
            .arg(m_syncFailed ? QStringLiteral(" (with errors)") : QString()));
    // Some gateways (the reference mock among them) never send READY: a
    // complete sync after LOGIN is as good a sign that the account is usable.
    if (m_synced && m_login.state() == SessionState::LoggedIn) {
        m_login.ready();
        m_sender->load();
    }
    publish();
    emit syncFinished(m_names.contactCount(), m_syncRooms);
    if (m_syncFailed) {
        const quint64 gen = m_connectGen;
        QTimer::singleShot(std::min(5000, m_tuning.reconnectAfterSilenceMs), this, [this, gen] {
            if (gen == m_connectGen)
                startSync();
        });
    }
}

void AccountSession::flushContacts()
{
    if (m_contactBatch.isEmpty())
        return;
    if (m_store)
        m_store->upsertContacts(m_contactBatch);
    m_contactBatch.clear();
}

void AccountSession::fetchContact(const QString &contactId)
{
    m_client->contactPayload(contactId, [this](const GatewayStatus &st, const Contact &c) {
        if (!st.ok())
            return;
        Contact contact = c;
        contact.accountId = m_account.id;
        m_names.setContact(contact);
        if (m_store)
            m_store->upsertContacts({contact});
    });
}

// Room payload, then its member list, then each member's payload; the room's
// members are replaced in one go when all are known.
void AccountSession::fetchRoom(const QString &roomId, bool forSync)
{
    auto finish = [this, forSync] {
        if (forSync) {
            ++m_syncDone;
            syncStepDone();
        }
    };
    m_syncWindow.push([this, roomId, finish](CallWindow::Done done) {
        m_client->roomPayload(
            roomId, [this, roomId, finish, done](const GatewayStatus &st, const Room &r) {
                done();
                if (!st.ok()) {
                    log(QStringLiteral("RoomPayload %1 failed: %2").arg(roomId).arg(st.code));
                    finish();
                    return;
                }
                Room room = r;
                room.accountId = m_account.id;
                m_names.setRoom(room);
                if (m_store)
                    m_store->upsertRooms({room});
                m_client->roomMemberList(
                    roomId,
                    [this, roomId, finish](const GatewayStatus &st, const QStringList &ids) {
                        if (!st.ok()) {
                            log(QStringLiteral("RoomMemberList %1 failed: %2")
                                    .arg(roomId)
                                    .arg(st.code));
                            finish();
                            return;
                        }
                        if (ids.isEmpty()) {
                            m_names.setRoomMembers(roomId, {});
                            if (m_store)
                                m_store->replaceRoomMembers(m_account.id, roomId, {});
                            finish();
                            return;
                        }
                        struct Pending
                        {
                            QVector<RoomMember> members;
                            int left = 0;
                        };
                        auto pending = std::make_shared<Pending>();
                        pending->left = int(ids.size());
                        for (const QString &memberId : ids) {
                            m_syncWindow.push([this, roomId, memberId, pending,
                                               finish](CallWindow::Done done) {
                                m_client->roomMemberPayload(
                                    roomId, memberId,
                                    [this, roomId, memberId, pending, finish,
                                     done](const GatewayStatus &st, const RoomMember &m) {
                                        done();
                                        if (st.ok()) {
                                            RoomMember member = m;
                                            member.accountId = m_account.id;
                                            pending->members.append(member);
                                        } else {
                                            log(QStringLiteral("RoomMemberPayload %1/%2 failed: %3")
                                                    .arg(roomId, memberId)
                                                    .arg(st.code));
                                            // Still a member (the list says so): keep what is
                                            // known rather than recording that they left.
                                            RoomMember member
                                                = m_names.knownRoomMember(roomId, memberId);
                                            member.accountId = m_account.id;
                                            pending->members.append(member);
                                        }
                                        if (--pending->left > 0)
                                            return;
                                        m_names.setRoomMembers(roomId, pending->members);
                                        if (m_store)
                                            m_store->replaceRoomMembers(m_account.id, roomId,
                                                                        pending->members);
                                        finish();
                                    });
                            });
                        }
                    });
            });
    });
}

// --- messages -----------------------------------------------------------------

void AccountSession::queueMessage(const QString &messageId)
{
    if (m_journaling.contains(messageId) || m_messagesQueued.contains(messageId)
        || m_messagesInFlight.contains(messageId) || m_retryWaiting.contains(messageId))
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

void AccountSession::flushJournal()
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

void AccountSession::loadJournal()
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
                log(QStringLiteral("%1 message ids from the journal are fetched again")
                        .arg(ids.size()));
                m_counters.messageIdsFromJournal += ids.size();
                for (const auto &[id, seenMs] : std::as_const(ids)) {
                    if (!m_messageSeenMs.contains(id))
                        m_messageSeenMs.insert(id, seenMs);
                    if (!m_journaling.contains(id) && !m_retryWaiting.contains(id))
                        enqueueFetch(id);
                }
            }));
}

void AccountSession::enqueueFetch(const QString &messageId)
{
    if (m_messagesQueued.contains(messageId) || m_messagesInFlight.contains(messageId))
        return;
    ++m_counters.messageIdsQueued;
    m_messageQueue.push_back(messageId);
    m_messagesQueued.insert(messageId);
    pumpMessages();
}

void AccountSession::retryDueMessages()
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

void AccountSession::publishFetchState()
{
    // Failures can come by the hundred a second: the count is published at
    // most once a second.
    if (!m_fetchStateTimer.isActive())
        m_fetchStateTimer.start(1000);
}

void AccountSession::pumpMessages()
{
    // The archive is behind (a full or failing disk): payloads would pile up
    // in memory. Only the ids wait, until the store catches up.
    if (m_store && m_store->isCongested())
        return;
    while (m_streamOpen && !m_messageQueue.empty()
           && m_messagesInFlight.size() < m_tuning.messagePayloadsInFlight) {
        const QString id = m_messageQueue.front();
        m_messageQueue.pop_front();
        m_messagesQueued.remove(id);
        m_messagesInFlight.insert(id);
        m_client->messagePayload(id, [this, id](const GatewayStatus &st, const Message &m) {
            onMessageFetched(id, st, m);
        });
    }
}

void AccountSession::onMessageFetched(const QString &messageId, const GatewayStatus &status,
                                      Message message)
{
    m_messagesInFlight.remove(messageId);
    if (status.ok()) {
        m_messageSeenMs.remove(messageId);
        if (m_messageAttempts.remove(messageId) > 0)
            publishFetchState();
        ++m_counters.messagesFetched;
        message.accountId = m_account.id;
        message.fromSelf
            = !m_account.selfContactId.isEmpty() && message.talkerId == m_account.selfContactId;
        // Resolve with what is known now (sync may still run); fall back to the id.
        message.talkerName = m_names.resolve(message.roomId, message.talkerId);
        if (message.fromSelf)
            message.outboxId = m_sender->ownMessageArrived(message);
        message.duplicateOf = m_duplicates.check(message);
        if (!message.duplicateOf.isEmpty()) {
            ++m_counters.duplicatesFound;
            // Counted in the session counters; per message only at debug level:
            // a burst of repeats must not flood the log or the GUI.
            qCDebug(lcEngine).noquote() << m_account.id << "message" << message.id << "repeats"
                                        << message.duplicateOf << "(kept out of the feed)";
        }
        if (!message.fromSelf && !message.talkerId.isEmpty()
            && !m_names.hasContact(message.talkerId)
            && !m_names.hasRoomMember(message.roomId, message.talkerId) && !m_syncing
            && !m_contactsRequested.contains(message.talkerId)) {
            m_contactsRequested.insert(message.talkerId);
            fetchContact(message.talkerId); // names later messages of this stranger
        }
        if (m_syncing && message.talkerName == message.talkerId && !message.talkerId.isEmpty())
            m_awaitingNames.append(message); // named when the sync finishes
        else
            addToBatch(message);
    } else {
        const int attempt = ++m_messageAttempts[messageId];
        const qint64 now = nowMs();
        const qint64 seenMs = m_messageSeenMs.value(messageId, 0) > 0
            ? m_messageSeenMs.value(messageId)
            : m_messageSeenMs.insert(messageId, now).value();
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
                log(QStringLiteral("MessagePayload %1 failed %2 times (code %3: %4); retrying "
                                   "with longer pauses for up to %5 h")
                        .arg(messageId)
                        .arg(attempt)
                        .arg(status.code)
                        .arg(status.message.left(300))
                        .arg(m_tuning.messageRetryForMs / 3600000.0, 0, 'g', 3));
            m_retryWaiting.insert(messageId);
            m_retryDue.emplace(now + delay, messageId);
            if (!m_retryTimer.isActive() || m_retryDue.begin()->first <= now + delay)
                m_retryTimer.start(
                    int(std::clamp<qint64>(m_retryDue.begin()->first - now, 0, 60000)));
        } else {
            m_messageAttempts.remove(messageId);
            m_messageSeenMs.remove(messageId);
            ++m_counters.messageFetchFailures;
            ++m_messagesGivenUp;
            const QString reason
                = QStringLiteral("code %1: %2").arg(status.code).arg(status.message.left(300));
            qCWarning(lcEngine).noquote()
                << m_account.id << "MessagePayload" << messageId << "given up after" << attempt
                << "attempts over" << (now - seenMs) / 60000 << "min:" << reason;
            log(QStringLiteral("message %1 given up after %2 attempts (%3)")
                    .arg(messageId)
                    .arg(attempt)
                    .arg(reason));
            if (m_store)
                m_store->giveUpMessage(m_account.id, messageId, reason);
        }
        publishFetchState();
    }
    pumpMessages();
}

void AccountSession::addToBatch(const Message &message)
{
    m_batch.append(message);
    if (m_batch.size() >= m_tuning.messageBatchSize)
        flushBatch();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start(m_tuning.messageBatchDelayMs);
}

void AccountSession::releaseAwaitingNames()
{
    // Messages that arrived during sync from talkers not known yet: name them
    // with what the sync learnt (or the id, if it did not) and store them.
    const QVector<Message> waiting = std::exchange(m_awaitingNames, {});
    for (Message m : waiting) {
        m.talkerName = m_names.resolve(m.roomId, m.talkerId);
        addToBatch(m);
    }
}

void AccountSession::flushBatch()
{
    m_batchTimer.stop();
    if (m_batch.isEmpty())
        return;
    if (m_store)
        m_store->insertMessages(m_batch);
    m_batch.clear();
}

void AccountSession::insertSystemLine(const QString &roomId, const QString &actorId,
                                      qint64 timestampMs, const QString &text,
                                      const QByteArray &identity)
{
    // The same event replayed (or seen twice) gives the same id: stored once.
    const qint64 ts = timestampMs > 0 ? timestampMs : nowMs();
    const QByteArray hash
        = QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(12);
    Message m;
    m.accountId = m_account.id;
    m.id = QStringLiteral("sys:%1:%2:%3")
               .arg(roomId)
               .arg(timestampMs)
               .arg(QString::fromLatin1(hash));
    m.roomId = roomId;
    m.talkerId = actorId;
    m.talkerName = actorId.isEmpty() ? QString() : m_names.resolve(roomId, actorId);
    m.kind = MessageKind::System;
    m.text = text;
    m.timestampMs = ts;
    addToBatch(m);
}

void AccountSession::fetchMedia(const QString &messageId, bool thumbnail,
                                std::function<void(bool, const QByteArray &, const QString &)> done)
{
    // Received files larger than this are not fetched into memory.
    constexpr qint64 kMaxMediaBytes = 100LL * 1024 * 1024;
    auto onBox = [this, done](const GatewayStatus &st, const QString &json) {
        if (!st.ok()) {
            done(false, {}, st.userMessage());
            return;
        }
        const FileBox box = FileBox::fromJson(json);
        if (box.type == FileBox::Base64) {
            done(!box.bytes.isEmpty(), box.bytes, QString());
        } else if (box.type == FileBox::Uuid) {
            m_client->download(box.uuid, kMaxMediaBytes,
                               [done](const GatewayStatus &st, const QByteArray &bytes) {
                                   done(st.ok(), bytes, st.ok() ? QString() : st.userMessage());
                               });
        } else {
            qCInfo(lcEngine) << "unsupported FileBox type" << box.type;
            done(false, {},
                 QCoreApplication::translate(
                     "AccountSession",
                     "The gateway sent the file in a form GroupDesk cannot read."));
        }
    };
    if (thumbnail)
        m_client->messageImage(messageId, PuppetClient::ImageType::Thumbnail, onBox);
    else
        m_client->messageFile(messageId, onBox);
}

} // namespace gd
