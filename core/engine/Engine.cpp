#include "engine/Engine.h"

#include "engine/AccountSession.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QPromise>
#include <QThread>

namespace gd {

struct Engine::Entry
{
    QThread *thread = nullptr;
    AccountSession *session = nullptr;
    AccountStatus status;
};

Engine::Engine(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_outbox(store ? OutboxRepository::of(store) : nullptr)
{
    qRegisterMetaType<gd::AccountStatus>();
    if (m_outbox) {
        connect(m_outbox, &OutboxRepository::entryChanged, this, &Engine::outboxChanged);
        connect(m_outbox, &OutboxRepository::campaignChanged, this, &Engine::campaignChanged);
    }
}

Engine::~Engine()
{
    shutdown();
}

void Engine::setSessionTuning(const SessionTuning &tuning)
{
    m_tuning = tuning;
}

void Engine::addAccount(const AccountInfo &account, const GatewayEndpoint &endpoint)
{
    if (m_entries.contains(account.id))
        removeAccount(account.id);

    auto *entry = new Entry;
    entry->status.info = account;
    entry->thread = new QThread;
    entry->thread->setObjectName(QStringLiteral("engine-") + account.id);
    entry->session = new AccountSession(account, endpoint, m_store, m_tuning);
    if (!m_leaseHolder.isEmpty())
        entry->session->setLeaseHolder(m_leaseHolder);
    for (MessageObserver *observer : std::as_const(m_observers))
        entry->session->addMessageObserver(observer);
    entry->session->moveToThread(entry->thread);
    m_entries.insert(account.id, entry);

    const QString id = account.id;
    connect(entry->session, &AccountSession::statusChanged, this,
            [this, id](const AccountStatus &status) {
                Entry *e = m_entries.value(id);
                if (!e)
                    return;
                e->status = status;
                emit accountStatusChanged(id);
            });
    connect(entry->session, &AccountSession::logLine, this,
            [this, id](const QString &line) { emit logLine(id, line); });
    connect(entry->session, &AccountSession::uploadProgress, this, &Engine::uploadProgress);

    entry->thread->start();
    QMetaObject::invokeMethod(entry->session, &AccountSession::start, Qt::QueuedConnection);
    emit accountStatusChanged(id);
}

void Engine::stopEntry(Entry *entry)
{
    // The session stops and is deleted in its own thread (its timers and gRPC
    // client belong there); stopping only cancels, it never waits on the network.
    AccountSession *session = entry->session;
    if (entry->thread->isRunning()) {
        QMetaObject::invokeMethod(
            session,
            [session] {
                session->stop();
                delete session;
            },
            Qt::BlockingQueuedConnection);
    } else {
        delete session;
    }
    entry->session = nullptr;
    entry->thread->quit();
    entry->thread->wait();
    delete entry->thread;
    entry->thread = nullptr;
}

void Engine::removeAccount(const QString &accountId)
{
    Entry *entry = m_entries.take(accountId);
    if (!entry)
        return;
    stopEntry(entry);
    delete entry;
    emit accountRemoved(accountId);
}

void Engine::updateAccount(const AccountInfo &account, const GatewayEndpoint &endpoint)
{
    if (Entry *old = m_entries.take(account.id)) {
        stopEntry(old);
        delete old;
    }
    addAccount(account, endpoint);
}

QStringList Engine::accountIds() const
{
    return m_entries.keys();
}

AccountStatus Engine::status(const QString &accountId) const
{
    if (Entry *e = m_entries.value(accountId))
        return e->status;
    return {};
}

QFuture<SubmitResult> Engine::submit(const SendRequest &request)
{
    if (!m_outbox) {
        QPromise<SubmitResult> none;
        none.start();
        SubmitResult r;
        r.error = tr("The archive is not open: nothing was queued.");
        none.addResult(r);
        none.finish();
        return none.future();
    }
    return m_outbox->submit(request);
}

void Engine::sendText(const QString &accountId, const QString &conversationId, const QString &text,
                      const QStringList &mentionIds)
{
    SendRequest request;
    request.accountId = accountId;
    request.conversationId = conversationId;
    request.text = text;
    request.mentionIds = mentionIds;
    if (!text.trimmed().isEmpty())
        submit(request);
}

void Engine::retrySend(qint64 outboxId)
{
    if (m_outbox)
        m_outbox->retry(outboxId);
}

void Engine::cancelSend(qint64 outboxId)
{
    if (m_outbox)
        m_outbox->cancel(outboxId);
}

QFuture<Campaign> Engine::createCampaign(const QString &title, const QString &origin)
{
    if (!m_outbox) {
        QPromise<Campaign> none;
        none.start();
        none.addResult(Campaign{});
        none.finish();
        return none.future();
    }
    return m_outbox->createCampaign(title, origin);
}

void Engine::pauseCampaign(qint64 campaignId)
{
    if (m_outbox)
        m_outbox->setCampaignState(campaignId, CampaignState::Paused);
}

void Engine::resumeCampaign(qint64 campaignId)
{
    if (m_outbox)
        m_outbox->setCampaignState(campaignId, CampaignState::Active);
}

void Engine::cancelCampaign(qint64 campaignId)
{
    if (m_outbox)
        m_outbox->setCampaignState(campaignId, CampaignState::Cancelled);
}

void Engine::fetchMedia(const QString &accountId, const QString &messageId, bool thumbnail,
                        MediaDone done)
{
    Entry *e = m_entries.value(accountId);
    if (!e) {
        done(false, {}, QStringLiteral("no such account"));
        return;
    }
    // The answer comes back to this thread; `this` outlives it only if still alive.
    QPointer<Engine> self(this);
    QObject *guiThreadObject = QCoreApplication::instance();
    auto back
        = [self, done, guiThreadObject](bool ok, const QByteArray &bytes, const QString &error) {
              QMetaObject::invokeMethod(
                  guiThreadObject,
                  [=] {
                      if (self)
                          done(ok, bytes, error);
                  },
                  Qt::QueuedConnection);
          };
    AccountSession *session = e->session;
    QMetaObject::invokeMethod(
        session,
        [session, messageId, thumbnail, back] { session->fetchMedia(messageId, thumbnail, back); },
        Qt::QueuedConnection);
}

void Engine::quitRoom(const QString &accountId, const QString &roomId, QuitDone done)
{
    Entry *e = m_entries.value(accountId);
    if (!e) {
        GatewayStatus status;
        status.code = int(GatewayCode::NotFound);
        status.message = QStringLiteral("no such account");
        done(status);
        return;
    }
    QPointer<Engine> self(this);
    QObject *guiThreadObject = QCoreApplication::instance();
    auto back = [self, done, guiThreadObject](const GatewayStatus &status) {
        QMetaObject::invokeMethod(
            guiThreadObject,
            [=] {
                if (self)
                    done(status);
            },
            Qt::QueuedConnection);
    };
    AccountSession *session = e->session;
    QMetaObject::invokeMethod(
        session, [session, roomId, back] { session->quitRoom(roomId, back); },
        Qt::QueuedConnection);
}

void Engine::reconnectNow(const QString &accountId)
{
    if (Entry *e = m_entries.value(accountId))
        QMetaObject::invokeMethod(e->session, &AccountSession::reconnectNow, Qt::QueuedConnection);
}

void Engine::restartLogin(const QString &accountId)
{
    if (Entry *e = m_entries.value(accountId))
        QMetaObject::invokeMethod(e->session, &AccountSession::restartLogin, Qt::QueuedConnection);
}

void Engine::addMessageObserver(MessageObserver *observer)
{
    if (!observer || m_observers.contains(observer))
        return;
    m_observers.append(observer);
    for (Entry *e : std::as_const(m_entries)) {
        AccountSession *session = e->session;
        QMetaObject::invokeMethod(
            session, [session, observer] { session->addMessageObserver(observer); },
            Qt::QueuedConnection);
    }
}

void Engine::shutdown()
{
    const QStringList ids = m_entries.keys();
    for (const QString &id : ids) {
        Entry *entry = m_entries.take(id);
        stopEntry(entry);
        delete entry;
    }
}

} // namespace gd
