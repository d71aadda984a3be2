#pragma once
// What the webhook side keeps: an event waiting for delivery (its JSON as
// it will be POSTed) and one row of the delivery log (one POST attempt).

#include <QMetaType>
#include <QString>

namespace gd::api {

struct WebhookQueuedEvent
{
    qint64 id = 0; // increasing per database; receivers may dedupe on it
    QString appId;
    QString type; // message.received, alert.raised, alert.changed, send.result
    QByteArray payload; // the event object, compact JSON
    qint64 createdMs = 0;
};

struct WebhookDelivery
{
    qint64 id = 0;
    QString appId;
    qint64 atMs = 0;
    int events = 0; // how many events the POST carried
    qint64 firstEventId = 0;
    qint64 lastEventId = 0;
    int attempt = 1; // 1 for the first try of these events
    int httpStatus = 0; // 0: no answer (refused, timed out)
    QString error; // empty when delivered (2xx)
    qint64 durationMs = 0;

    bool delivered() const { return error.isEmpty() && httpStatus >= 200 && httpStatus < 300; }
};

} // namespace gd::api

Q_DECLARE_METATYPE(gd::api::WebhookDelivery)
