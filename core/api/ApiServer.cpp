#include "api/ApiServer.h"

#include "api/ApiDirectory.h"
#include "api/ApiRepository.h"
#include "engine/Engine.h"
#include "monitor/AlertMonitor.h"
#include "outbox/OutboxRepository.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/Store.h"
#include "util/Log.h"
#include "util/SecretStore.h"

#include <QDateTime>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace gd::api {

ApiServer::ApiServer(Store *store, Engine *engine, AlertMonitor *monitor, SecretStore *secrets,
                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_monitor(monitor)
    , m_secrets(secrets)
    , m_directory(std::make_unique<ApiDirectory>())
{
    qRegisterMetaType<gd::api::WebhookDelivery>();
    qRegisterMetaType<gd::api::ApiApp>();
}

ApiServer::~ApiServer()
{
    stop();
}

bool ApiServer::start(const ApiSettings &settings, QString *error)
{
    stop();
    // The apps, read once here (a small table) so the UI lists them at once.
    {
        const QString name = QStringLiteral("api-start-") + QUuid::createUuid().toString();
        {
            QSqlDatabase db = DatabaseAddress::addConnection(m_store->path(), name);
            if (db.open()) {
                for (const ApiApp &app : ApiRepository::loadApps(db))
                    m_directory->setApp(app);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    if (m_engine) {
        for (const QString &id : m_engine->accountIds())
            m_directory->setAccount(m_engine->status(id));
        connect(m_engine, &Engine::accountStatusChanged, this,
                [this](const QString &id) { m_directory->setAccount(m_engine->status(id)); });
        connect(m_engine, &Engine::accountRemoved, this,
                [this](const QString &id) { m_directory->removeAccount(id); });
    }
    readSecrets();

    m_hookThread = new QThread;
    m_hookThread->setObjectName(QStringLiteral("webhooks"));
    m_dispatcher = new WebhookDispatcher(m_store, m_directory.get(), m_webhookOptions);
    m_dispatcher->moveToThread(m_hookThread);
    m_hookThread->start();
    WebhookDispatcher *hooks = m_dispatcher;
    QMetaObject::invokeMethod(
        hooks, [hooks] { hooks->open(); }, Qt::QueuedConnection);
    connect(m_store, &Store::messagesStoredHere, hooks, &WebhookDispatcher::onMessagesStored);
    connect(OutboxRepository::of(m_store), &OutboxRepository::entryChanged, hooks,
            &WebhookDispatcher::onOutboxChanged);
    if (m_monitor) {
        connect(m_monitor, &AlertMonitor::alertRaised, hooks,
                [hooks](const Alert &a) { hooks->onAlert(a, true); });
        connect(m_monitor, &AlertMonitor::alertChanged, hooks,
                [hooks](const Alert &a) { hooks->onAlert(a, false); });
    }
    connect(hooks, &WebhookDispatcher::delivered, this, &ApiServer::deliveryLogged);

    if (!settings.enabled)
        return true;
    m_apiThread = new QThread;
    m_apiThread->setObjectName(QStringLiteral("api"));
    // One nonce cache for every start: a restart of the API in this process
    // may come before the last nonces reached the archive.
    if (!m_nonces)
        m_nonces = std::make_shared<NonceCache>(m_serviceOptions.clockSkewMs);
    m_service = new ApiService(m_store, m_monitor, m_directory.get(), m_serviceOptions, m_nonces);
    m_service->moveToThread(m_apiThread);
    m_apiThread->start();
    connect(m_service, &ApiService::sendAccepted, hooks, &WebhookDispatcher::noteSend);
    bool ok = false;
    QString why;
    ApiService *service = m_service;
    QMetaObject::invokeMethod(
        service,
        [service, settings, &ok, &why] {
            ok = service->open(settings, &why);
            if (!ok)
                service->close();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        if (error)
            *error = why;
        qCWarning(lcEngine) << "api: not listening:" << why;
        QMetaObject::invokeMethod(
            service, [service] { delete service; }, Qt::BlockingQueuedConnection);
        m_service = nullptr;
        m_apiThread->quit();
        m_apiThread->wait();
        delete m_apiThread;
        m_apiThread = nullptr;
        return false;
    }
    m_port = service->port();
    return true;
}

void ApiServer::stop()
{
    if (m_service) {
        ApiService *service = m_service;
        QMetaObject::invokeMethod(
            service,
            [service] {
                service->close();
                delete service;
            },
            Qt::BlockingQueuedConnection);
        m_service = nullptr;
        m_apiThread->quit();
        m_apiThread->wait();
        delete m_apiThread;
        m_apiThread = nullptr;
    }
    if (m_dispatcher) {
        WebhookDispatcher *hooks = m_dispatcher;
        disconnect(m_store, nullptr, hooks, nullptr);
        if (m_monitor)
            disconnect(m_monitor, nullptr, hooks, nullptr);
        QMetaObject::invokeMethod(
            hooks,
            [hooks] {
                hooks->close();
                delete hooks;
            },
            Qt::BlockingQueuedConnection);
        m_dispatcher = nullptr;
        m_hookThread->quit();
        m_hookThread->wait();
        delete m_hookThread;
        m_hookThread = nullptr;
    }
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_port = 0;
}

void ApiServer::readSecrets()
{
    QVector<ApiApp> active;
    for (const auto &entry : m_directory->apps()) {
        if (!entry.app.isRevoked() && entry.secret.isEmpty())
            active.append(entry.app);
    }
    m_secretsPending = int(active.size());
    if (m_secretsPending == 0) {
        QMetaObject::invokeMethod(this, &ApiServer::secretsReady, Qt::QueuedConnection);
        return;
    }
    QPointer<ApiServer> self(this);
    for (const ApiApp &app : active) {
        const QString id = app.id;
        m_secrets->readSecret(
            ApiApp::secretKey(id),
            [self, id](bool ok, const QString &secret, const QString &error) {
                if (!self)
                    return;
                if (ok) {
                    self->m_directory->setSecret(id, secret.toUtf8());
                    if (self->m_dispatcher) {
                        WebhookDispatcher *hooks = self->m_dispatcher;
                        QMetaObject::invokeMethod(hooks, [hooks, id] { hooks->appChanged(id); });
                    }
                } else {
                    qCWarning(lcEngine) << "api: cannot read the secret of app" << id << error;
                    emit self->notice(tr("The secret of API app %1 cannot be read from the "
                                         "keychain: %2")
                                          .arg(id, error));
                }
                if (--self->m_secretsPending == 0)
                    emit self->secretsReady();
            });
    }
}

QVector<ApiApp> ApiServer::apps() const
{
    QVector<ApiApp> out;
    for (const auto &entry : m_directory->apps())
        out.append(entry.app);
    return out;
}

void ApiServer::saveApp(const ApiApp &app)
{
    m_directory->setApp(app);
    m_store->submitWrite([app](StoreWriter::Batch &batch) {
        QString error;
        ApiRepository::saveApp(batch.db(), app, &error);
    });
    if (m_dispatcher) {
        WebhookDispatcher *hooks = m_dispatcher;
        const QString id = app.id;
        QMetaObject::invokeMethod(hooks, [hooks, id] { hooks->appChanged(id); });
    }
    emit appsChanged();
}

void ApiServer::issueApp(const ApiApp &draft, IssueDone done)
{
    ApiApp app = draft;
    app.id = ApiApp::newId();
    app.createdMs = QDateTime::currentMSecsSinceEpoch();
    app.revokedMs = 0;
    const QString secret = ApiApp::newSecret();
    QPointer<ApiServer> self(this);
    m_secrets->writeSecret(ApiApp::secretKey(app.id), secret,
                           [self, app, secret, done](bool ok, const QString &error) {
                               if (!self)
                                   return;
                               if (!ok) {
                                   done(false, app, {}, error);
                                   return;
                               }
                               self->m_directory->setApp(app);
                               self->m_directory->setSecret(app.id, secret.toUtf8());
                               self->saveApp(app);
                               done(true, app, secret, {});
                           });
}

void ApiServer::updateApp(const ApiApp &changed)
{
    const auto current = m_directory->app(changed.id);
    if (!current || current->app.isRevoked())
        return;
    ApiApp app = changed;
    app.createdMs = current->app.createdMs;
    app.revokedMs = 0;
    saveApp(app);
}

void ApiServer::revokeApp(const QString &appId)
{
    const auto current = m_directory->app(appId);
    if (!current || current->app.isRevoked())
        return;
    ApiApp app = current->app;
    app.revokedMs = QDateTime::currentMSecsSinceEpoch();
    m_directory->setSecret(appId, {});
    saveApp(app);
    m_secrets->deleteSecret(ApiApp::secretKey(appId), [appId](bool ok, const QString &error) {
        if (!ok)
            qCWarning(lcEngine) << "api: the secret of revoked app" << appId
                                << "stays in the keychain:" << error;
    });
}

void ApiServer::deliveries(const QString &appId, int limit, QObject *context,
                           std::function<void(QVector<WebhookDelivery>)> done)
{
    // Read on the webhook thread (it has no connection open; a short one).
    if (!m_dispatcher) {
        done({});
        return;
    }
    const QString path = m_store->path();
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_dispatcher, [path, appId, limit, guard, done] {
        QVector<WebhookDelivery> rows;
        const QString name = QStringLiteral("api-log-") + QUuid::createUuid().toString();
        {
            QSqlDatabase db = DatabaseAddress::addConnection(path, name);
            if (db.open()) {
                QSqlQuery setup(db);
                for (const QString &statement : SqlDialect::of(db).readerSetup())
                    setup.exec(statement);
                rows = ApiRepository::deliveries(db, appId, limit);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (guard) {
            QMetaObject::invokeMethod(guard.data(), [guard, done, rows] {
                if (guard)
                    done(rows);
            });
        }
    });
}

} // namespace gd::api
