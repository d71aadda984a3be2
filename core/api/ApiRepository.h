#pragma once
// The SQL of the API's tables (api_apps, api_sends, api_nonces,
// webhook_queue, webhook_log) and the one read of the outbox the API needs (a send's
// state by id). Writes take the store writer's batch connection (see
// Store::submitWrite); reads take any connection of the caller's thread.
// Stateless, like AlertRepository.

#include "api/ApiApp.h"
#include "api/WebhookTypes.h"
#include "model/Types.h"

#include <QVector>

#include <optional>

class QSqlDatabase;

namespace gd::api {

struct ApiSendRecord
{
    qint64 outboxId = 0;
    QString appId;
    QString idempotencyKey;
    QString requestHash;
    qint64 createdMs = 0;
};

class ApiRepository
{
public:
    // --- apps ---
    static QVector<ApiApp> loadApps(QSqlDatabase &db);
    static bool saveApp(QSqlDatabase &db, const ApiApp &app, QString *error);

    // --- sends ---
    static bool insertSend(QSqlDatabase &db, const ApiSendRecord &send, QString *error);
    // Sends made since `sinceMs` (to rebuild the idempotency keys at start).
    static QVector<ApiSendRecord> sendsSince(QSqlDatabase &db, qint64 sinceMs);
    static std::optional<OutboxEntry> outboxEntry(QSqlDatabase &db, qint64 outboxId);

    // --- nonces (replays across a restart) ---
    struct SeenNonce
    {
        QString appId;
        QString nonce;
        qint64 seenMs = 0;
    };
    // Records verified requests' nonces and forgets those seen before `forgetBeforeMs`.
    static bool insertNonces(QSqlDatabase &db, const QVector<SeenNonce> &nonces,
                             qint64 forgetBeforeMs, QString *error);
    static QVector<SeenNonce> noncesSince(QSqlDatabase &db, qint64 sinceMs); // oldest first

    // --- webhooks ---
    static bool insertEvents(QSqlDatabase &db, const QVector<WebhookQueuedEvent> &events,
                             QString *error);
    static bool deleteEvents(QSqlDatabase &db, const QVector<qint64> &ids, QString *error);
    static bool deleteEventsOfApp(QSqlDatabase &db, const QString &appId, QString *error);
    static QVector<WebhookQueuedEvent> queuedEvents(QSqlDatabase &db); // oldest first
    static qint64 maxEventId(QSqlDatabase &db);
    // Appends a log row and keeps the newest `keep` rows of the app.
    static bool insertDelivery(QSqlDatabase &db, const WebhookDelivery &delivery, int keep,
                               QString *error);
    static QVector<WebhookDelivery> deliveries(QSqlDatabase &db, const QString &appId,
                                               int limit); // newest first
};

} // namespace gd::api
