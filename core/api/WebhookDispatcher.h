#pragma once
// Webhooks, on a thread of their own: turns stored messages, alerts and the
// results of an app's sends into events for each app that asked for them,
// persists them (webhook_queue, through the store's writer) and POSTs them
// to the app's URL in batches, signed like API requests. A failed POST is
// retried with growing delays (jittered, up to a cap) until it works; the
// events stay queued across restarts; every attempt goes to the delivery
// log. Ingest never waits for it: it hears the store's signals queued and
// writes with a few rows per batch. Delivery is at least once: a receiver
// dedupes on the event id (a crash between a 2xx and the delete repeats).

#include "api/WebhookTypes.h"
#include "model/Types.h"
#include "monitor/Alert.h"

#include <QHash>
#include <QObject>

#include <deque>

class QNetworkAccessManager;
class QTimer;

namespace gd {
class Store;
}

namespace gd::api {

class ApiDirectory;

struct WebhookOptions
{
    int retryInitialMs = 1000;
    int retryMaxMs = 60000;
    int batchSize = 50; // events per POST
    int timeoutMs = 10000; // per POST
    int maxQueuedPerApp = 100000; // older events are dropped past it (logged)
    int logRowsPerApp = 500;
};

class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(Store *store, ApiDirectory *directory, const WebhookOptions &options = {});
    ~WebhookDispatcher() override;

    // On the dispatcher's thread: loads the queue and recent sends, starts delivering.
    void open();
    void close();

    // Queued calls from other threads.
    void onMessagesStored(const QVector<gd::Message> &messages);
    void onAlert(const gd::Alert &alert, bool raised);
    void onOutboxChanged(const gd::OutboxEntry &entry);
    void noteSend(qint64 outboxId, const QString &appId);
    // An app was issued, changed or revoked: (re)start or drop its queue.
    void appChanged(const QString &appId);

signals:
    void delivered(const gd::api::WebhookDelivery &delivery); // every attempt

private:
    struct Target
    {
        std::deque<WebhookQueuedEvent> pending;
        bool inFlight = false;
        int failures = 0; // consecutive, for the delay
        int attempt = 1; // of the events at the head
        QTimer *retry = nullptr;
    };

    void enqueue(const QString &appId, const QString &type, const QByteArray &payload);
    void flushNew();
    void deliver(const QString &appId);
    void finished(const QString &appId, int events, qint64 firstId, qint64 lastId, int status,
                  const QString &error, qint64 durationMs);
    int retryDelayMs(int failures);
    Target &target(const QString &appId);

    Store *m_store;
    ApiDirectory *m_directory;
    WebhookOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QString, Target> m_targets;
    QHash<qint64, QString> m_sendApp; // outbox id -> app id
    qint64 m_nextEventId = 1;
    QVector<WebhookQueuedEvent> m_unsaved; // written in one job per event-loop turn
    bool m_flushScheduled = false;
    bool m_open = false;
};

} // namespace gd::api
