#pragma once
// How a request (or a webhook POST) is signed: HMAC-SHA256 with the app's
// secret over one canonical string
//
//   METHOD \n PATH \n CANONICAL_QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
//
// PATH is the path with each segment percent-decoded and encoded again
// (RFC 3986 unreserved characters stay as they are); CANONICAL_QUERY is the query's
// pairs, each key and value percent-decoded and then encoded again (RFC 3986
// unreserved characters stay), sorted, joined by '&'. The signature travels
// as lowercase hex in X-GD-Signature. scripts/api-sign.py does the same.
// Qt Core only, so the fuzz target can link it.

#include <QByteArray>
#include <QString>

namespace gd::api {

class RequestSignature
{
public:
    static QByteArray canonicalPath(const QByteArray &path);
    static QByteArray canonicalQuery(const QByteArray &rawQuery);
    static QByteArray canonicalString(const QByteArray &method, const QByteArray &path,
                                      const QByteArray &rawQuery, const QByteArray &timestamp,
                                      const QByteArray &nonce, const QByteArray &body);
    // Lowercase hex HMAC-SHA256.
    static QByteArray sign(const QByteArray &secret, const QByteArray &method,
                           const QByteArray &path, const QByteArray &rawQuery,
                           const QByteArray &timestamp, const QByteArray &nonce,
                           const QByteArray &body);
    // Compares in constant time (for equal lengths): no timing oracle.
    static bool verify(const QByteArray &secret, const QByteArray &method, const QByteArray &path,
                       const QByteArray &rawQuery, const QByteArray &timestamp,
                       const QByteArray &nonce, const QByteArray &body,
                       const QByteArray &signatureHex);
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
    // A nonce is 16 to 64 characters of [A-Za-z0-9_-].
    static bool isWellFormedNonce(const QByteArray &nonce);
    // Seconds since the epoch, digits only; -1 when it is not one.
    static qint64 parseTimestamp(const QByteArray &timestamp);
};

} // namespace gd::api
