#include "api/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gd::api {

int ApiError::httpStatusOf(ApiErrorCode code)
{
    switch (code) {
    case ApiErrorCode::None:
        return 200;
    case ApiErrorCode::NotFound:
    case ApiErrorCode::UnknownAccount:
    case ApiErrorCode::UnknownGroup:
    case ApiErrorCode::UnknownSend:
    case ApiErrorCode::UnknownAlert:
        return 404;
    case ApiErrorCode::MethodNotAllowed:
        return 405;
    case ApiErrorCode::PayloadTooLarge:
        return 413;
    case ApiErrorCode::MalformedJson:
    case ApiErrorCode::MalformedMultipart:
    case ApiErrorCode::InvalidField:
        return 400;
    case ApiErrorCode::UnsupportedMediaType:
        return 415;
    case ApiErrorCode::MissingSignature:
    case ApiErrorCode::BadSignature:
    case ApiErrorCode::ExpiredTimestamp:
    case ApiErrorCode::ReplayedNonce:
        return 401;
    case ApiErrorCode::PermissionDenied:
        return 403;
    case ApiErrorCode::RateLimited:
        return 429;
    case ApiErrorCode::NotAnImage:
        return 422;
    case ApiErrorCode::PictureFetchFailed:
        return 502;
    case ApiErrorCode::IdempotencyConflict:
        return 409;
    case ApiErrorCode::Unavailable:
        return 503;
    }
    return 500;
}

QString ApiError::codeNameOf(ApiErrorCode code)
{
    switch (code) {
    case ApiErrorCode::None:
        return QStringLiteral("ok");
    case ApiErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ApiErrorCode::MethodNotAllowed:
        return QStringLiteral("method_not_allowed");
    case ApiErrorCode::PayloadTooLarge:
        return QStringLiteral("payload_too_large");
    case ApiErrorCode::MalformedJson:
        return QStringLiteral("malformed_json");
    case ApiErrorCode::UnsupportedMediaType:
        return QStringLiteral("unsupported_media_type");
    case ApiErrorCode::MalformedMultipart:
        return QStringLiteral("malformed_multipart");
    case ApiErrorCode::InvalidField:
        return QStringLiteral("invalid_field");
    case ApiErrorCode::MissingSignature:
        return QStringLiteral("missing_signature");
    case ApiErrorCode::BadSignature:
        return QStringLiteral("bad_signature");
    case ApiErrorCode::ExpiredTimestamp:
        return QStringLiteral("expired_timestamp");
    case ApiErrorCode::ReplayedNonce:
        return QStringLiteral("replayed_nonce");
    case ApiErrorCode::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ApiErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ApiErrorCode::UnknownAccount:
        return QStringLiteral("unknown_account");
    case ApiErrorCode::UnknownGroup:
        return QStringLiteral("unknown_group");
    case ApiErrorCode::NotAnImage:
        return QStringLiteral("not_an_image");
    case ApiErrorCode::PictureFetchFailed:
        return QStringLiteral("picture_fetch_failed");
    case ApiErrorCode::IdempotencyConflict:
        return QStringLiteral("idempotency_conflict");
    case ApiErrorCode::UnknownSend:
        return QStringLiteral("unknown_send");
    case ApiErrorCode::UnknownAlert:
        return QStringLiteral("unknown_alert");
    case ApiErrorCode::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("internal");
}

QString ApiError::standardMessage(ApiErrorCode code)
{
    switch (code) {
    case ApiErrorCode::None:
        return {};
    case ApiErrorCode::NotFound:
        return QStringLiteral("There is no such endpoint.");
    case ApiErrorCode::MethodNotAllowed:
        return QStringLiteral("This endpoint does not take that method.");
    case ApiErrorCode::PayloadTooLarge:
        return QStringLiteral("The request body is too large.");
    case ApiErrorCode::MalformedJson:
        return QStringLiteral("The body is not a JSON object.");
    case ApiErrorCode::UnsupportedMediaType:
        return QStringLiteral("This endpoint does not take that Content-Type.");
    case ApiErrorCode::MalformedMultipart:
        return QStringLiteral("The multipart body cannot be read.");
    case ApiErrorCode::InvalidField:
        return QStringLiteral("A field is missing or has the wrong type.");
    case ApiErrorCode::MissingSignature:
        return QStringLiteral("The request is not signed (X-GD-App, X-GD-Timestamp, X-GD-Nonce "
                              "and X-GD-Signature are required).");
    case ApiErrorCode::BadSignature:
        return QStringLiteral("The signature does not match, or the app is unknown or revoked.");
    case ApiErrorCode::ExpiredTimestamp:
        return QStringLiteral("The timestamp is more than 5 minutes away from the server's time.");
    case ApiErrorCode::ReplayedNonce:
        return QStringLiteral("This nonce was used already.");
    case ApiErrorCode::PermissionDenied:
        return QStringLiteral("The app may not do this.");
    case ApiErrorCode::RateLimited:
        return QStringLiteral("Too many requests; retry after the time in Retry-After.");
    case ApiErrorCode::UnknownAccount:
        return QStringLiteral("There is no such account.");
    case ApiErrorCode::UnknownGroup:
        return QStringLiteral("The account knows no such group or contact.");
    case ApiErrorCode::NotAnImage:
        return QStringLiteral("The picture is not an image GroupDesk can send.");
    case ApiErrorCode::PictureFetchFailed:
        return QStringLiteral("The picture could not be fetched from its URL.");
    case ApiErrorCode::IdempotencyConflict:
        return QStringLiteral("This Idempotency-Key was used with a different request.");
    case ApiErrorCode::UnknownSend:
        return QStringLiteral("There is no such send.");
    case ApiErrorCode::UnknownAlert:
        return QStringLiteral("There is no such alert.");
    case ApiErrorCode::Unavailable:
        return QStringLiteral("The API is not ready; retry shortly.");
    }
    return QStringLiteral("Internal error.");
}

int ApiError::httpStatus() const
{
    return httpStatusOf(code);
}

QString ApiError::codeName() const
{
    return codeNameOf(code);
}

QString ApiError::text() const
{
    return message.isEmpty() ? standardMessage(code) : message;
}

QByteArray ApiError::toJson() const
{
    QJsonObject error{{QStringLiteral("code"), codeName()}, {QStringLiteral("message"), text()}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
        .toJson(QJsonDocument::Compact);
}

} // namespace gd::api
