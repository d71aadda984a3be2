#pragma once
// The HTTP API itself, on the API thread: listens (loopback, or TLS
// elsewhere), checks every request in a fixed order (endpoint, size,
// signature, timestamp, nonce, rate, body, permission) and answers it:
// accounts, groups, contacts, messages since a cursor, sends through the
// outbox with idempotency keys, send states, alerts. Reads use connections
// of this thread; writes go through the store's writer. Create it, move it
// to its thread, then call open() there.

#include "api/ApiError.h"
#include "api/ApiRepository.h"
#include "api/ApiRequest.h"
#include "api/ApiSendAdapter.h"
#include "api/ApiSettings.h"
#include "api/NonceCache.h"
#include "api/RateLimiter.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

class QHttpServerRequest;
class QTimer;
class QHttpServerResponder;

namespace gd {
class AlertMonitor;
class Store;
class StoreReader;
} // namespace gd

namespace gd::api {

class ApiDirectory;
class ApiHttpServer;
class PictureFetcher;
struct ApiApp;

struct ApiServiceOptions
{
    ApiLimits limits;
    int fetchTimeoutMs = 10000; // a picture URL
    qint64 clockSkewMs = 5 * 60 * 1000; // timestamps further off are refused
    QString spoolDir; // pictures wait here until the outbox copied them
};

class ApiService : public QObject
{
    Q_OBJECT
public:
    // `nonces` outlives the service (ApiServer keeps it across restarts of
    // the API); null makes a fresh one. Only the open service touches it.
    ApiService(Store *store, AlertMonitor *monitor, ApiDirectory *directory,
               const ApiServiceOptions &options, std::shared_ptr<NonceCache> nonces = nullptr);
    ~ApiService() override;

    // On the API thread: read connections, the idempotency keys of the last
    // day, then listen. false with *error (translated) when it cannot.
    bool open(const ApiSettings &settings, QString *error);
    void close(); // stops listening, drops the connections
    quint16 port() const { return m_port; }

signals:
    // A send was accepted for `appId` (the webhook side reports its result).
    void sendAccepted(qint64 outboxId, const QString &appId);

private:
    // A reply that may be written later (a fetch, a commit): the client may
    // have gone meanwhile, and then nothing is written.
    struct PendingReply;
    using Responder = std::shared_ptr<PendingReply>;
    struct KeyState
    {
        qint64 outboxId = 0;
        QByteArray fingerprint;
        bool pending = false; // a picture URL being fetched
    };

    void handle(const QHttpServerRequest &http, QHttpServerResponder &&responder);
    ApiError authenticate(const ApiRequest &r, qint64 nowMs, ApiApp *app);
    void route(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    // Hands the nonces verified since the last call to the store writer.
    void saveNonces();

    void accounts(const ApiApp &app, const Responder &responder);
    void groups(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    void contacts(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    void messages(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    void sendText(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    void sendPicture(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    void finishPicture(const ApiApp &app, const QString &accountId, const QString &to,
                       const QString &keyId, const QByteArray &fingerprint, const QByteArray &bytes,
                       const QString &name, const Responder &responder);
    void sendState(const ApiApp &app, const ApiRequest &r, const Responder &responder);
    void alerts(const ApiApp &app, const Responder &responder);
    void alertAction(const ApiApp &app, const ApiRequest &r, const Responder &responder);

    // Checks shared by the send endpoints; an error, or none.
    ApiError checkAccount(const ApiApp &app, const QString &accountId, bool needSend);
    bool isKnownConversation(const QString &accountId, const QString &conversationId);
    // A stored send with this key: answers it (the same send, or a
    // conflict) and returns true; false when the key is new.
    bool answerRepeatedKey(const QString &keyId, const QByteArray &fingerprint,
                           const Responder &responder);
    void recordSend(const ApiApp &app, const QString &keyId, const QString &key,
                    const QByteArray &fingerprint, qint64 outboxId);

    static void reply(const Responder &responder, int status, const QJsonObject &body);
    static void replyError(const Responder &responder, const ApiError &error, int retryAfterS = 0);
    static void replyRaw(const Responder &responder, int status, const QByteArray &body,
                         int retryAfterS = 0);

    Store *m_store;
    AlertMonitor *m_monitor;
    ApiDirectory *m_directory;
    ApiServiceOptions m_options;
    ApiSendAdapter m_adapter;
    std::shared_ptr<NonceCache> m_nonces;
    RateLimiter m_rates;
    std::unique_ptr<StoreReader> m_reader;
    QString m_connection; // this thread's connection for the API's own tables
    QVector<ApiRepository::SeenNonce> m_unsavedNonces;
    QTimer *m_nonceFlush;
    ApiHttpServer *m_http = nullptr;
    PictureFetcher *m_fetcher = nullptr;
    quint16 m_port = 0;
    QHash<QString, KeyState> m_keys; // app id + '\n' + key
    QHash<qint64, QString> m_sendApp; // outbox id -> app id
    // Conversations of an account, refreshed every few seconds.
    struct Known
    {
        qint64 atMs = 0;
        QSet<QString> ids;
    };
    QHash<QString, Known> m_known;
};

} // namespace gd::api
