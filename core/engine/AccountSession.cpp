#include "engine/AccountSession.h"

#include "engine/DirectorySync.h"
#include "engine/GatewayConnection.h"
#include "engine/MessageIngest.h"
#include "gateway/FileBox.h"
#include "gateway/PuppetClient.h"
#include "outbox/OutboxSender.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace gd {

AccountSession::AccountSession(const AccountInfo &account, const GatewayEndpoint &endpoint,
                               Store *store, const SessionTuning &tuning, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_store(store)
    , m_tuning(tuning)
    , m_client(new PuppetClient(this))
    , m_connection(new GatewayConnection(account.id, endpoint, m_client, tuning, m_counters, this))
    , m_sender(new OutboxSender(
          account.id, store, m_client,
          OutboxSender::SessionView{[this] {
                                        return m_connection->isRunning()
                                            && m_connection->isStreamOpen()
                                            && m_login.state() == SessionState::Ready;
                                    },
                                    [this] { return m_account.selfContactId; },
                                    [this] {
                                        return m_account.selfName.isEmpty()
                                            ? m_names.resolve({}, m_account.selfContactId)
                                            : m_account.selfName;
                                    }},
          SendPacer(tuning.sendRatePerSecond, tuning.sendBurst, tuning.sendJitterMs), this))
    , m_directory(new DirectorySync(account.id, m_client, store, m_names, tuning.syncCallsInFlight,
                                    m_counters, this))
    , m_ingest(new MessageIngest(m_account, m_client, store, m_names, *m_directory, *m_sender,
                                 tuning, m_counters, this))
    , m_router(std::make_unique<EventRouter>(
          account.id, store, m_names, *m_ingest, *m_directory, m_counters,
          EventRouter::SessionHooks{[this](ScanStatus status, const QString &qrcode) {
                                        if (m_login.scan(status, qrcode))
                                            publish();
                                    },
                                    [this](const QString &selfId) { onLogin(selfId); },
                                    [this] { onReady(); },
                                    [this](const QString &reason) { onLogout(reason); },
                                    [this](const QString &line) { log(line); }}))
{
    qRegisterMetaType<gd::AccountStatus>();
    qRegisterMetaType<gd::OutboxEntry>();
    qRegisterMetaType<gd::GatewayStatus>();
    m_status.info = m_account;

    connect(m_connection, &GatewayConnection::connecting, this, [this] { m_login.connecting(); });
    connect(m_connection, &GatewayConnection::streamOpened, this, [this] {
        if (m_login.streamOpened())
            publish();
        m_ingest->streamOpened();
    });
    connect(m_connection, &GatewayConnection::eventReceived, this,
            [this](int type, const QByteArray &payload) { m_router->route(type, payload); });
    connect(m_connection, &GatewayConnection::lost, this, &AccountSession::connectionLost);
    connect(m_connection, &GatewayConnection::failed, this,
            [this](const GatewayStatus &status) { m_login.error(status); });
    connect(m_connection, &GatewayConnection::tick, this, &AccountSession::onTick);
    connect(m_connection, &GatewayConnection::changed, this, &AccountSession::publish);
    connect(m_connection, &GatewayConnection::logLine, this, &AccountSession::log);

    connect(m_directory, &DirectorySync::progress, this, &AccountSession::publish);
    connect(m_directory, &DirectorySync::finished, this, &AccountSession::onSyncFinished);
    connect(m_directory, &DirectorySync::namesSettledFor, m_ingest,
            qOverload<const QString &>(&MessageIngest::releaseAwaitingNames));
    connect(m_directory, &DirectorySync::logLine, this, &AccountSession::log);

    connect(m_ingest, &MessageIngest::fetchStateChanged, this, &AccountSession::publish);
    connect(m_ingest, &MessageIngest::logLine, this, &AccountSession::log);

    connect(m_sender, &OutboxSender::uploadProgress, this, &AccountSession::uploadProgress);
    connect(m_sender, &OutboxSender::logLine, this, &AccountSession::log);
}

AccountSession::~AccountSession()
{
    if (m_connection->isRunning())
        stop();
}

void AccountSession::addMessageObserver(MessageObserver *observer)
{
    m_ingest->addObserver(observer);
}

void AccountSession::setLeaseHolder(const QString &engineId)
{
    m_sender->setLeaseHolder(engineId);
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
    m_status.syncDone = m_directory->done();
    m_status.syncTotal = m_directory->total();
    m_status.nextReconnectMs = m_connection->nextReconnectMs();
    m_status.messagesNotFetched = m_ingest->notFetched();
    m_status.messagesGivenUp = m_ingest->givenUp();
    m_status.notRespondingSinceMs = m_connection->notRespondingSinceMs();
    emit statusChanged(m_status);
}

// --- the connection -----------------------------------------------------------

void AccountSession::start()
{
    if (m_connection->isRunning())
        return;
    m_sender->start();
    m_ingest->loadJournal();
    m_connection->start();
}

void AccountSession::stop()
{
    if (!m_connection->isRunning())
        return;
    m_sender->stop();
    m_connection->stop(); // tears down: connectionLost()
    m_directory->flushContacts();
    m_ingest->flush();
    m_login.disconnected();
    publish();
}

void AccountSession::connectionLost()
{
    // Results of calls in flight will never come (the client dropped them).
    m_directory->abort();
    m_ingest->connectionLost();
    m_sender->connectionLost();
}

void AccountSession::reconnectNow()
{
    if (!m_connection->isRunning()) {
        start();
        return;
    }
    m_connection->reconnectNow();
}

void AccountSession::restartLogin()
{
    if (!m_connection->isRunning()) {
        start();
        return;
    }
    if (!m_connection->isStreamOpen()) {
        m_connection->connectAgain();
        return;
    }
    m_directory->invalidate();
    m_login.connecting();
    publish();
    m_connection->callStart();
}

void AccountSession::onTick(qint64 nowMs)
{
    // Contacts and rooms change without events too (names, aliases): fetch
    // them again now and then, while nothing else is going on.
    if (m_tuning.listRefreshIntervalMs > 0 && m_directory->isSynced() && !m_directory->isSyncing()
        && m_directory->lastSyncMs() > 0 && m_login.state() == SessionState::Ready
        && nowMs - m_directory->lastSyncMs() >= m_tuning.listRefreshIntervalMs) {
        log(QStringLiteral("refreshing contacts and rooms"));
        m_directory->invalidate();
        startSync();
    }
}

// --- login ----------------------------------------------------------------------

void AccountSession::onLogin(const QString &selfId)
{
    if (!m_account.selfContactId.isEmpty() && m_account.selfContactId != selfId) {
        m_directory->invalidate(); // another WeChat account on this gateway
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

void AccountSession::onLogout(const QString &reason)
{
    log(QStringLiteral("logged out: %1").arg(reason));
    m_directory->invalidate();
    if (m_directory->isSyncing()) {
        m_directory->abort();
        m_ingest->releaseAwaitingNames();
    }
    m_login.logout(reason);
    publish();
}

// --- directory --------------------------------------------------------------------

void AccountSession::startSync()
{
    if (!m_login.isLoggedIn())
        return;
    m_directory->start();
}

void AccountSession::onSyncFinished(bool ok, int rooms)
{
    m_ingest->releaseAwaitingNames();
    m_account.selfName = m_names.resolve({}, m_account.selfContactId);
    // Some gateways (the reference mock among them) never send READY: a
    // complete sync after LOGIN is as good a sign that the account is usable.
    if (m_directory->isSynced() && m_login.state() == SessionState::LoggedIn) {
        m_login.ready();
        m_sender->load();
    }
    publish();
    emit syncFinished(m_names.contactCount(), rooms);
    if (!ok) {
        const quint64 generation = m_connection->generation();
        QTimer::singleShot(std::min(5000, m_tuning.reconnectAfterSilenceMs), this,
                           [this, generation] {
                               if (generation == m_connection->generation())
                                   startSync();
                           });
    }
}

// --- media ------------------------------------------------------------------------

void AccountSession::quitRoom(const QString &roomId,
                              std::function<void(const GatewayStatus &)> done)
{
    m_client->roomQuit(roomId, [this, roomId, done](const GatewayStatus &status) {
        if (status.ok())
            log(QStringLiteral("left group %1").arg(roomId));
        else
            log(QStringLiteral("leaving group %1 failed: %2 %3")
                    .arg(roomId)
                    .arg(status.code)
                    .arg(status.message));
        done(status);
    });
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
                               [done](const GatewayStatus &got, const QByteArray &bytes) {
                                   done(got.ok(), bytes, got.ok() ? QString() : got.userMessage());
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
