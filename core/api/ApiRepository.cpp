#include "api/ApiRepository.h"

#include "outbox/OutboxRowMapper.h"
#include "store/SqlQueries.h"
#include "util/Log.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gd::api {
namespace {

constexpr auto str = &SqlQueries::text;
constexpr auto exec = &SqlQueries::exec;

QStringList splitList(const QString &s)
{
    return s.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

QVector<ApiApp> ApiRepository::loadApps(QSqlDatabase &db)
{
    QVector<ApiApp> apps;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT id, name, account_ids, group_ids, can_read, can_send,"
                             " can_alerts, rate_per_minute, webhook_url, webhook_events,"
                             " created_ms, revoked_ms FROM api_apps ORDER BY created_ms, id"),
              {}, nullptr))
        return apps;
    while (q.next()) {
        ApiApp a;
        a.id = q.value(0).toString();
        a.name = q.value(1).toString();
        a.accountIds = splitList(q.value(2).toString());
        a.groupIds = splitList(q.value(3).toString());
        a.canRead = q.value(4).toInt() != 0;
        a.canSend = q.value(5).toInt() != 0;
        a.canAlerts = q.value(6).toInt() != 0;
        a.ratePerMinute = q.value(7).toInt();
        a.webhookUrl = q.value(8).toString();
        a.webhookEvents = q.value(9).toInt();
        a.createdMs = q.value(10).toLongLong();
        a.revokedMs = q.value(11).toLongLong();
        apps.append(a);
    }
    return apps;
}

bool ApiRepository::saveApp(QSqlDatabase &db, const ApiApp &a, QString *error)
{
    QSqlQuery q(db);
    return exec(
        q,
        QStringLiteral("INSERT INTO api_apps (id, name, account_ids, group_ids,"
                       " can_read, can_send, can_alerts, rate_per_minute, webhook_url,"
                       " webhook_events, created_ms, revoked_ms)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                       " account_ids = excluded.account_ids, group_ids = excluded.group_ids,"
                       " can_read = excluded.can_read, can_send = excluded.can_send,"
                       " can_alerts = excluded.can_alerts,"
                       " rate_per_minute = excluded.rate_per_minute,"
                       " webhook_url = excluded.webhook_url,"
                       " webhook_events = excluded.webhook_events,"
                       " created_ms = excluded.created_ms, revoked_ms = excluded.revoked_ms"),
        // str(): an empty list joins to a null string, which an upsert would
        // store as NULL (INSERT OR REPLACE used to put the default there).
        {a.id, str(a.name), str(a.accountIds.join(QLatin1Char('\n'))),
         str(a.groupIds.join(QLatin1Char('\n'))), int(a.canRead), int(a.canSend), int(a.canAlerts),
         a.ratePerMinute, str(a.webhookUrl), a.webhookEvents, a.createdMs, a.revokedMs},
        error);
}

bool ApiRepository::insertSend(QSqlDatabase &db, const ApiSendRecord &s, QString *error)
{
    QSqlQuery q(db);
    return exec(q,
                QStringLiteral("INSERT INTO api_sends (outbox_id, app_id, idem_key,"
                               " request_hash, created_ms) VALUES (?, ?, ?, ?, ?)"
                               " ON CONFLICT (outbox_id) DO NOTHING"),
                {s.outboxId, s.appId, str(s.idempotencyKey), str(s.requestHash), s.createdMs},
                error);
}

QVector<ApiSendRecord> ApiRepository::sendsSince(QSqlDatabase &db, qint64 sinceMs)
{
    QVector<ApiSendRecord> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT outbox_id, app_id, idem_key, request_hash, created_ms"
                             " FROM api_sends WHERE created_ms >= ? ORDER BY outbox_id"),
              {sinceMs}, nullptr))
        return out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toLongLong()});
    }
    return out;
}

bool ApiRepository::insertNonces(QSqlDatabase &db, const QVector<SeenNonce> &nonces,
                                 qint64 forgetBeforeMs, QString *error)
{
    QSqlQuery purge(db);
    if (!exec(purge, QStringLiteral("DELETE FROM api_nonces WHERE seen_ms < ?"), {forgetBeforeMs},
              error))
        return false;
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO api_nonces (app_id, nonce, seen_ms) VALUES (?, ?, ?)"
                                  " ON CONFLICT (app_id, nonce) DO NOTHING"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const SeenNonce &n : nonces) {
        q.bindValue(0, n.appId);
        q.bindValue(1, n.nonce);
        q.bindValue(2, n.seenMs);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

QVector<ApiRepository::SeenNonce> ApiRepository::noncesSince(QSqlDatabase &db, qint64 sinceMs)
{
    QVector<SeenNonce> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT app_id, nonce, seen_ms FROM api_nonces WHERE seen_ms >= ?"
                             " ORDER BY seen_ms"),
              {sinceMs}, nullptr))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

std::optional<OutboxEntry> ApiRepository::outboxEntry(QSqlDatabase &db, qint64 outboxId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(OutboxRowMapper::columns()),
              {outboxId}, nullptr)
        || !q.next())
        return std::nullopt;
    return OutboxRowMapper::fromQuery(q);
}

bool ApiRepository::insertEvents(QSqlDatabase &db, const QVector<WebhookQueuedEvent> &events,
                                 QString *error)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO webhook_queue (id, app_id, event_type,"
                                  " payload, created_ms) VALUES (?, ?, ?, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const WebhookQueuedEvent &e : events) {
        q.bindValue(0, e.id);
        q.bindValue(1, e.appId);
        q.bindValue(2, e.type);
        q.bindValue(3, QString::fromUtf8(e.payload));
        q.bindValue(4, e.createdMs);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

bool ApiRepository::deleteEvents(QSqlDatabase &db, const QVector<qint64> &ids, QString *error)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("DELETE FROM webhook_queue WHERE id = ?"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (qint64 id : ids) {
        q.bindValue(0, id);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

bool ApiRepository::deleteEventsOfApp(QSqlDatabase &db, const QString &appId, QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("DELETE FROM webhook_queue WHERE app_id = ?"), {appId}, error);
}

QVector<WebhookQueuedEvent> ApiRepository::queuedEvents(QSqlDatabase &db)
{
    QVector<WebhookQueuedEvent> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT id, app_id, event_type, payload, created_ms"
                             " FROM webhook_queue ORDER BY id"),
              {}, nullptr))
        return out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString().toUtf8(), q.value(4).toLongLong()});
    }
    return out;
}

qint64 ApiRepository::maxEventId(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // The log remembers ids of events already delivered and deleted.
    if (!exec(q,
              QStringLiteral("SELECT MAX(COALESCE((SELECT MAX(id) FROM webhook_queue), 0),"
                             " COALESCE((SELECT MAX(last_event_id) FROM webhook_log), 0))"),
              {}, nullptr)
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool ApiRepository::insertDelivery(QSqlDatabase &db, const WebhookDelivery &d, int keep,
                                   QString *error)
{
    QSqlQuery q(db);
    if (!exec(q,
              QStringLiteral("INSERT INTO webhook_log (app_id, at_ms, events, first_event_id,"
                             " last_event_id, attempt, http_status, error, duration_ms)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
              {d.appId, d.atMs, d.events, d.firstEventId, d.lastEventId, d.attempt, d.httpStatus,
               str(d.error), d.durationMs},
              error))
        return false;
    QSqlQuery trim(db);
    return exec(trim,
                QStringLiteral("DELETE FROM webhook_log WHERE app_id = ? AND id <= ("
                               "SELECT id FROM webhook_log WHERE app_id = ? ORDER BY id DESC"
                               " LIMIT 1 OFFSET ?)"),
                {d.appId, d.appId, keep}, error);
}

QVector<WebhookDelivery> ApiRepository::deliveries(QSqlDatabase &db, const QString &appId,
                                                   int limit)
{
    QVector<WebhookDelivery> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT id, app_id, at_ms, events, first_event_id, last_event_id,"
                             " attempt, http_status, error, duration_ms FROM webhook_log"
                             " WHERE app_id = ? ORDER BY id DESC LIMIT ?"),
              {appId, limit}, nullptr))
        return out;
    while (q.next()) {
        WebhookDelivery d;
        d.id = q.value(0).toLongLong();
        d.appId = q.value(1).toString();
        d.atMs = q.value(2).toLongLong();
        d.events = q.value(3).toInt();
        d.firstEventId = q.value(4).toLongLong();
        d.lastEventId = q.value(5).toLongLong();
        d.attempt = q.value(6).toInt();
        d.httpStatus = q.value(7).toInt();
        d.error = q.value(8).toString();
        d.durationMs = q.value(9).toLongLong();
        out.append(d);
    }
    return out;
}

} // namespace gd::api
