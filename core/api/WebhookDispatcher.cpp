#include "api/WebhookDispatcher.h"

#include "api/ApiApp.h"
#include "api/ApiDirectory.h"
#include "api/ApiRepository.h"
#include "api/RequestSignature.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/Store.h"
#include "util/Log.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace gd::api {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString sendStateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Sent:
        return QStringLiteral("sent");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Unknown:
        return QStringLiteral("unknown");
    default:
        return QStringLiteral("queued");
    }
}

} // namespace

WebhookDispatcher::WebhookDispatcher(Store *store, ApiDirectory *directory,
                                     const WebhookOptions &options)
    : m_store(store)
    , m_directory(directory)
    , m_options(options)
{
    qRegisterMetaType<gd::api::WebhookDelivery>();
}

WebhookDispatcher::~WebhookDispatcher()
{
    close();
}

void WebhookDispatcher::open()
{
    m_network = new QNetworkAccessManager(this);
    const QString name = QStringLiteral("webhooks-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = DatabaseAddress::addConnection(m_store->path(), name);
        if (db.open()) {
            m_nextEventId = ApiRepository::maxEventId(db) + 1;
            for (const WebhookQueuedEvent &e : ApiRepository::queuedEvents(db))
                target(e.appId).pending.push_back(e);
            const qint64 since = QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000;
            for (const ApiSendRecord &s : ApiRepository::sendsSince(db, since))
                m_sendApp.insert(s.outboxId, s.appId);
        } else {
            qCWarning(lcStore) << "webhooks: cannot read the queue" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    m_open = true;
    for (auto it = m_targets.begin(); it != m_targets.end(); ++it)
        deliver(it.key());
}

void WebhookDispatcher::close()
{
    if (!m_open)
        return;
    flushNew();
    m_open = false;
    delete m_network; // aborts POSTs in flight: their events stay queued
    m_network = nullptr;
}

WebhookDispatcher::Target &WebhookDispatcher::target(const QString &appId)
{
    auto it = m_targets.find(appId);
    if (it == m_targets.end()) {
        it = m_targets.insert(appId, Target{});
        it->retry = new QTimer(this);
        it->retry->setSingleShot(true);
        connect(it->retry, &QTimer::timeout, this, [this, appId] { deliver(appId); });
    }
    return *it;
}

void WebhookDispatcher::enqueue(const QString &appId, const QString &type,
                                const QByteArray &payload)
{
    WebhookQueuedEvent e{m_nextEventId++, appId, type, payload,
                         QDateTime::currentMSecsSinceEpoch()};
    Target &t = target(appId);
    if (int(t.pending.size()) >= m_options.maxQueuedPerApp) {
        const WebhookQueuedEvent dropped = t.pending.front();
        t.pending.pop_front();
        const QVector<qint64> ids{dropped.id};
        m_store->submitWrite([ids](StoreWriter::Batch &batch) {
            QString error;
            ApiRepository::deleteEvents(batch.db(), ids, &error);
        });
        qCWarning(lcEngine) << "webhooks: queue of" << appId << "full; dropped event" << dropped.id;
    }
    t.pending.push_back(e);
    m_unsaved.append(e);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(
            this, [this] { flushNew(); }, Qt::QueuedConnection);
    }
}

void WebhookDispatcher::flushNew()
{
    m_flushScheduled = false;
    if (m_unsaved.isEmpty())
        return;
    const QVector<WebhookQueuedEvent> events = std::move(m_unsaved);
    m_unsaved.clear();
    QSet<QString> apps;
    for (const WebhookQueuedEvent &e : events)
        apps.insert(e.appId);
    m_store->submitWrite(
        [events](StoreWriter::Batch &batch) {
            QString error;
            ApiRepository::insertEvents(batch.db(), events, &error);
        },
        int(events.size()));
    for (const QString &app : apps)
        deliver(app);
}

void WebhookDispatcher::onMessagesStored(const QVector<Message> &messages)
{
    const auto apps = m_directory->apps();
    for (const auto &entry : apps) {
        const ApiApp &app = entry.app;
        if (app.isRevoked() || app.webhookUrl.isEmpty() || !app.canRead
            || !(app.webhookEvents & WebhookMessages))
            continue;
        for (const Message &m : messages) {
            if (m.fromSelf || !m.duplicateOf.isEmpty() || m.kind == MessageKind::System
                || !app.allowsConversation(m.accountId, m.conversationId()))
                continue;
            enqueue(app.id, QStringLiteral("message.received"),
                    compact({{QStringLiteral("accountId"), m.accountId},
                             {QStringLiteral("conversationId"), m.conversationId()},
                             {QStringLiteral("isGroup"), !m.roomId.isEmpty()},
                             {QStringLiteral("messageId"), m.id},
                             {QStringLiteral("talkerId"), m.talkerId},
                             {QStringLiteral("talkerName"), m.talkerName},
                             {QStringLiteral("kind"), messageKindName(m.kind)},
                             {QStringLiteral("text"), m.text},
                             {QStringLiteral("fileName"), m.filename},
                             {QStringLiteral("timestampMs"), m.timestampMs},
                             {QStringLiteral("mentionIds"),
                              QJsonArray::fromStringList(m.mentionIds)}}));
        }
    }
}

void WebhookDispatcher::onAlert(const Alert &a, bool raised)
{
    const auto apps = m_directory->apps();
    for (const auto &entry : apps) {
        const ApiApp &app = entry.app;
        if (app.isRevoked() || app.webhookUrl.isEmpty() || !app.canRead
            || !(app.webhookEvents & WebhookAlerts))
            continue;
        const bool allowed = a.roomId.isEmpty() ? app.allowsAccount(a.accountId)
                                                : app.allowsConversation(a.accountId, a.roomId);
        if (!allowed)
            continue;
        enqueue(app.id, raised ? QStringLiteral("alert.raised") : QStringLiteral("alert.changed"),
                compact({{QStringLiteral("id"), a.id},
                         {QStringLiteral("kind"), alertKindName(a.kind)},
                         {QStringLiteral("severity"), alertSeverityName(a.severity)},
                         {QStringLiteral("state"), alertStateName(a.state)},
                         {QStringLiteral("rule"), a.ruleName},
                         {QStringLiteral("accountId"), a.accountId},
                         {QStringLiteral("conversationId"), a.roomId},
                         {QStringLiteral("conversationName"), a.roomName},
                         {QStringLiteral("customerName"), a.customerName},
                         {QStringLiteral("excerpt"), a.excerpt},
                         {QStringLiteral("matched"), a.matched},
                         {QStringLiteral("updatedMs"), a.updatedMs}}));
    }
}

void WebhookDispatcher::noteSend(qint64 outboxId, const QString &appId)
{
    m_sendApp.insert(outboxId, appId);
}

void WebhookDispatcher::onOutboxChanged(const OutboxEntry &entry)
{
    if (entry.state != OutboxState::Sent && entry.state != OutboxState::Failed
        && entry.state != OutboxState::Unknown)
        return;
    const QString appId = m_sendApp.value(entry.id);
    if (appId.isEmpty())
        return;
    const auto app = m_directory->app(appId);
    if (!app || app->app.isRevoked() || app->app.webhookUrl.isEmpty()
        || !(app->app.webhookEvents & WebhookSends))
        return;
    QJsonObject data{{QStringLiteral("sendId"), entry.id},
                     {QStringLiteral("state"), sendStateName(entry.state)},
                     {QStringLiteral("accountId"), entry.accountId},
                     {QStringLiteral("to"), entry.conversationId},
                     {QStringLiteral("updatedMs"), entry.updatedMs}};
    if (!entry.messageId.isEmpty())
        data.insert(QStringLiteral("gatewayMessageId"), entry.messageId);
    if (!entry.error.isEmpty())
        data.insert(QStringLiteral("reason"), entry.error);
    enqueue(appId, QStringLiteral("send.result"), compact(data));
}

void WebhookDispatcher::appChanged(const QString &appId)
{
    const auto app = m_directory->app(appId);
    if (app && app->app.isRevoked()) {
        // A revoked app gets nothing more; its queue goes.
        auto it = m_targets.find(appId);
        if (it != m_targets.end()) {
            it->retry->stop();
            it->pending.clear();
        }
        m_store->submitWrite([appId](StoreWriter::Batch &batch) {
            QString error;
            ApiRepository::deleteEventsOfApp(batch.db(), appId, &error);
        });
        return;
    }
    deliver(appId);
}

int WebhookDispatcher::retryDelayMs(int failures)
{
    const double base = std::min<double>(m_options.retryMaxMs,
                                         m_options.retryInitialMs * std::pow(2.0, failures - 1));
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return int(std::min<double>(m_options.retryMaxMs, base * jitter));
}

void WebhookDispatcher::deliver(const QString &appId)
{
    if (!m_open)
        return;
    Target &t = target(appId);
    if (t.inFlight || t.pending.empty() || t.retry->isActive())
        return;
    const auto entry = m_directory->app(appId);
    if (!entry || entry->app.isRevoked() || entry->app.webhookUrl.isEmpty()
        || entry->secret.isEmpty())
        return; // kept until the app has a URL and its secret is read
    // Only events that are persisted (or being persisted in order) go out.
    const int count = std::min<int>(m_options.batchSize, int(t.pending.size()));
    QByteArray body = "{\"events\":[";
    for (int i = 0; i < count; ++i) {
        const WebhookQueuedEvent &e = t.pending.at(size_t(i));
        if (i > 0)
            body += ',';
        body += "{\"id\":" + QByteArray::number(e.id) + ",\"type\":"
            + QJsonDocument(QJsonArray{e.type}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
            + ",\"createdMs\":" + QByteArray::number(e.createdMs) + ",\"data\":" + e.payload + '}';
    }
    body += "]}";
    const qint64 firstId = t.pending.front().id;
    const qint64 lastId = t.pending.at(size_t(count - 1)).id;

    const QUrl url(entry->app.webhookUrl);
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray nonce = QUuid::createUuid().toRfc4122().toHex();
    const QByteArray path = url.path(QUrl::FullyEncoded).isEmpty()
        ? QByteArray("/")
        : url.path(QUrl::FullyEncoded).toUtf8();
    const QByteArray signature = RequestSignature::sign(
        entry->secret, "POST", path, url.query(QUrl::FullyEncoded).toUtf8(), ts, nonce, body);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("X-GD-App", appId.toUtf8());
    request.setRawHeader("X-GD-Timestamp", ts);
    request.setRawHeader("X-GD-Nonce", nonce);
    request.setRawHeader("X-GD-Signature", signature);
    request.setTransferTimeout(m_options.timeoutMs);
    t.inFlight = true;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network->post(request, body);
    connect(
        reply, &QNetworkReply::finished, this, [this, reply, appId, count, firstId, lastId, clock] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QString error;
            if (reply->error() != QNetworkReply::NoError && status == 0)
                error = reply->errorString();
            else if (status < 200 || status >= 300)
                error = QStringLiteral("HTTP %1").arg(status);
            finished(appId, count, firstId, lastId, status, error, clock.elapsed());
        });
}

void WebhookDispatcher::finished(const QString &appId, int events, qint64 firstId, qint64 lastId,
                                 int status, const QString &error, qint64 durationMs)
{
    if (!m_open)
        return;
    Target &t = target(appId);
    t.inFlight = false;
    WebhookDelivery d;
    d.appId = appId;
    d.atMs = QDateTime::currentMSecsSinceEpoch();
    d.events = events;
    d.firstEventId = firstId;
    d.lastEventId = lastId;
    d.attempt = t.attempt;
    d.httpStatus = status;
    d.error = error;
    d.durationMs = durationMs;
    QVector<qint64> done;
    if (d.delivered()) {
        // The head may have changed (a revoke cleared it): drop what was sent.
        while (!t.pending.empty() && t.pending.front().id <= lastId) {
            done.append(t.pending.front().id);
            t.pending.pop_front();
        }
        t.failures = 0;
        t.attempt = 1;
    } else {
        ++t.failures;
        ++t.attempt;
    }
    const int keep = m_options.logRowsPerApp;
    m_store->submitWrite([d, done, keep](StoreWriter::Batch &batch) {
        QString e;
        if (!done.isEmpty())
            ApiRepository::deleteEvents(batch.db(), done, &e);
        ApiRepository::insertDelivery(batch.db(), d, keep, &e);
    });
    emit delivered(d);
    if (d.delivered())
        deliver(appId);
    else
        t.retry->start(retryDelayMs(t.failures));
}

} // namespace gd::api
