#pragma once
// Turns the raw parts of an HTTP request (method, path, query, headers,
// body) into an ApiRequest, refusing bad input with the API's error codes.
// Two steps, so the server can check the signature in between: parseHead
// (endpoint, path arguments, signing headers, body size) and parseBody
// (Content-Type, then JSON or multipart). Never throws, never trusts a
// length it did not count. Qt Core only (fuzzed by tests/fuzz).

#include "api/ApiError.h"
#include "api/ApiRequest.h"

#include <QList>
#include <QPair>

namespace gd::api {

class ApiRequestParser
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    static ApiError parseHead(const QByteArray &method, const QByteArray &path,
                              const QByteArray &rawQuery, const Headers &headers,
                              const QByteArray &body, const ApiLimits &limits, ApiRequest *out);
    static ApiError parseBody(const ApiLimits &limits, ApiRequest *request);

    // multipart/form-data: the parts, or false when the body cannot be read.
    static bool parseMultipart(const QByteArray &contentTypeHeader, const QByteArray &body,
                               int maxParts, QVector<MultipartPart> *parts);
    // A parameter of a header value: boundary of "multipart/form-data; boundary=x".
    static QByteArray headerParameter(const QByteArray &value, const QByteArray &name);
};

} // namespace gd::api
