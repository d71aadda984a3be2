#pragma once
// One error of the HTTP API: a stable machine code (clients switch on it,
// never on the words), the HTTP status that goes with it, and a readable
// message. The messages are API text for the developers of other systems:
// plain English, the same whatever the desk's UI language.

#include <QByteArray>
#include <QString>

namespace gd::api {

enum class ApiErrorCode : int {
    None = 0,
    NotFound, // no such endpoint
    MethodNotAllowed,
    PayloadTooLarge, // 413
    MalformedJson,
    UnsupportedMediaType, // wrong Content-Type for the endpoint
    MalformedMultipart,
    InvalidField, // a field missing or of the wrong type
    MissingSignature, // no app id, timestamp, nonce or signature header
    BadSignature, // the signature does not match (or the app is unknown or revoked)
    ExpiredTimestamp, // more than 5 minutes off
    ReplayedNonce,
    PermissionDenied,
    RateLimited, // 429
    UnknownAccount,
    UnknownGroup, // the group (or contact) is not known to the account
    NotAnImage,
    PictureFetchFailed, // the picture URL could not be fetched within the limits
    IdempotencyConflict, // the same key with another request
    UnknownSend,
    UnknownAlert,
    Unavailable, // starting up, or the store is closed
};

struct ApiError
{
    ApiErrorCode code = ApiErrorCode::None;
    QString message; // empty: the code's standard message

    bool isError() const { return code != ApiErrorCode::None; }
    int httpStatus() const;
    QString codeName() const; // "payload_too_large", ...
    QString text() const; // message, or the standard one
    // {"error":{"code":"...","message":"..."}}
    QByteArray toJson() const;

    static int httpStatusOf(ApiErrorCode code);
    static QString codeNameOf(ApiErrorCode code);
    static QString standardMessage(ApiErrorCode code);
};

} // namespace gd::api
