#pragma once
// A request of the HTTP API after parsing: which endpoint, its path
// arguments, the signing headers, and the body read as JSON or multipart.
// Plain values, no Qt HttpServer types (the fuzz target builds without it).

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace gd::api {

enum class ApiRoute : int {
    Health,
    OpenApi,
    Accounts,
    Groups, // GET /v1/accounts/{account}/groups
    Contacts, // GET /v1/accounts/{account}/contacts
    GroupMessages, // GET /v1/accounts/{account}/groups/{group}/messages
    SendText, // POST /v1/accounts/{account}/messages/text
    SendPicture, // POST /v1/accounts/{account}/messages/picture
    SendState, // GET /v1/sends/{id}
    Alerts, // GET /v1/alerts
    AlertAcknowledge, // POST /v1/alerts/{id}/acknowledge
    AlertResolve, // POST /v1/alerts/{id}/resolve
};

struct MultipartPart
{
    QByteArray name;
    QByteArray fileName;
    QByteArray contentType;
    QByteArray data;
};

struct ApiLimits
{
    qint64 maxJsonBytes = 64 * 1024; // text sends, alert actions
    qint64 maxUploadBytes = 10LL * 1024 * 1024; // a multipart picture
    int maxParts = 8;
};

struct ApiRequest
{
    QByteArray method; // upper case
    QByteArray path; // as sent, percent-encoded
    QByteArray rawQuery;
    QByteArray body;
    QByteArray contentType; // the MIME type alone, lower case
    QByteArray contentTypeHeader; // the whole header (multipart boundary)
    // Signing headers (X-GD-App, X-GD-Timestamp, X-GD-Nonce, X-GD-Signature).
    QByteArray appId;
    QByteArray timestamp;
    QByteArray nonce;
    QByteArray signature;
    QByteArray idempotencyKey; // Idempotency-Key header, may be empty

    ApiRoute route = ApiRoute::Health;
    QString accountId; // path arguments, percent-decoded
    QString conversationId;
    qint64 id = 0; // send or alert id

    QJsonObject json; // after parseBody, for JSON bodies
    QVector<MultipartPart> parts; // after parseBody, for multipart bodies
    bool isMultipart = false;

    bool needsSignature() const { return route != ApiRoute::Health && route != ApiRoute::OpenApi; }
    bool isSend() const { return route == ApiRoute::SendText || route == ApiRoute::SendPicture; }
    const MultipartPart *part(const QByteArray &name) const;
};

} // namespace gd::api
