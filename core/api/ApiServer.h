#pragma once
// The HTTP API and webhooks as the rest of the program sees them (GUI or
// headless main thread): starts the API thread (ApiService) and the webhook
// thread (WebhookDispatcher), keeps ApiDirectory current (apps and their
// secrets from the keychain, account states from the engine) and offers
// what the UI does with apps: issue (the secret is returned once and kept
// in the keychain only), change, revoke, and read the delivery log.
// Nothing here blocks on the network; start() waits only for the bind.

#include "api/ApiApp.h"
#include "api/ApiService.h"
#include "api/ApiSettings.h"
#include "api/WebhookDispatcher.h"
#include "api/WebhookTypes.h"

#include <QObject>
#include <QVector>

#include <functional>
#include <memory>

class QThread;

namespace gd {
class AlertMonitor;
class Engine;
class SecretStore;
class Store;
} // namespace gd

namespace gd::api {

class ApiDirectory;

class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Store *store, Engine *engine, AlertMonitor *monitor, SecretStore *secrets,
              QObject *parent = nullptr);
    ~ApiServer() override; // stops

    void setServiceOptions(const ApiServiceOptions &options) { m_serviceOptions = options; }
    void setWebhookOptions(const WebhookOptions &options) { m_webhookOptions = options; }

    // Loads the apps and starts reading their secrets, starts the webhooks
    // and listens. false with *error (translated) when the settings are
    // refused or the port is taken; webhooks run either way.
    bool start(const ApiSettings &settings, QString *error);
    void stop(); // idempotent; call before the store closes
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // Whether every app's secret has been read from the keychain.
    bool secretsLoaded() const { return m_secretsPending == 0; }

    // --- apps (the UI) ---
    QVector<ApiApp> apps() const;
    using IssueDone = std::function<void(bool ok, const ApiApp &app, const QString &secret,
                                         const QString &error)>;
    // Fills in id, secret and creation time; the secret goes to the keychain
    // first (nothing is issued without it) and is handed to `done` once.
    void issueApp(const ApiApp &draft, IssueDone done);
    // Changes name, permissions, rate or webhook (not id or secret).
    void updateApp(const ApiApp &app);
    // The app's requests fail from now on; its secret leaves the keychain
    // and its queued webhook events are dropped. The row stays (history).
    void revokeApp(const QString &appId);
    // Newest first, answered in `context`'s thread.
    void deliveries(const QString &appId, int limit, QObject *context,
                    std::function<void(QVector<WebhookDelivery>)> done);

signals:
    void appsChanged();
    void secretsReady(); // every app's secret has been read
    void deliveryLogged(const gd::api::WebhookDelivery &delivery);
    void notice(const QString &text); // a keychain failure, in words

private:
    void saveApp(const ApiApp &app);
    void readSecrets();

    Store *m_store;
    Engine *m_engine;
    AlertMonitor *m_monitor;
    SecretStore *m_secrets;
    ApiServiceOptions m_serviceOptions;
    std::shared_ptr<NonceCache> m_nonces; // see ApiService
    WebhookOptions m_webhookOptions;
    std::unique_ptr<ApiDirectory> m_directory;
    QThread *m_apiThread = nullptr;
    QThread *m_hookThread = nullptr;
    ApiService *m_service = nullptr;
    WebhookDispatcher *m_dispatcher = nullptr;
    quint16 m_port = 0;
    int m_secretsPending = 0;
};

} // namespace gd::api
