#pragma once
// Where a gateway is and how to reach it. The token is a secret: it is read
// from the keychain (or a token file) just before connecting, never stored.

#include <QMetaType>
#include <QString>

namespace gd {

struct GatewayEndpoint
{
    // Every member has an initializer, so {address, token} leaves the rest
    // default without a -Wmissing-field-initializers warning.
    QString address{}; // host:port
    QString token{};
    bool tls = false;
    QString caFile{}; // PEM file with the CA; empty = system roots
    QString serverName{}; // TLS name override, e.g. "insecure" for the reference server
};

// The gRPC status codes, by name (the numbers are gRPC's, fixed by its wire
// protocol), so that code setting or testing one need not include gRPC.
enum class GatewayCode : int {
    Ok = 0,
    Cancelled = 1,
    Unknown = 2,
    InvalidArgument = 3,
    DeadlineExceeded = 4,
    NotFound = 5,
    AlreadyExists = 6,
    PermissionDenied = 7,
    ResourceExhausted = 8,
    FailedPrecondition = 9,
    Aborted = 10,
    OutOfRange = 11,
    Unimplemented = 12,
    Internal = 13,
    Unavailable = 14,
    DataLoss = 15,
    Unauthenticated = 16,
};

// Result of a gateway call. code is the gRPC status code (0 = OK).
struct GatewayStatus
{
    int code = 0;
    QString message; // technical text from the server, for the log
    bool ok() const { return code == int(GatewayCode::Ok); }
    bool is(GatewayCode c) const { return code == int(c); }
    // A sentence a user understands (translated), for the UI.
    QString userMessage() const;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::GatewayEndpoint)
Q_DECLARE_METATYPE(gd::GatewayStatus)
