// fuzz-sources: core/api/ApiRequestParser.cpp core/api/ApiError.cpp core/api/RequestSignature.cpp
// Requests to the HTTP API (issue 17) come from any program on the machine:
// any bytes. The input is split at NUL bytes into method, path, query,
// header lines ("Name: value") and body. Parsing (head, then body) and the
// signature check must never crash; every refusal is one of the API's
// errors with a status and a JSON body that reads back; multipart parts lie
// inside the body; a request signed with the right secret verifies and the
// signature it carries verifies only when it is that one; the canonical
// path and query are stable when canonicalised again.
#include "api/ApiRequestParser.h"
#include "api/RequestSignature.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace gd::api;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkError(const ApiError &e)
{
    const int status = e.httpStatus();
    check(status >= 400 && status < 600);
    check(!e.codeName().isEmpty() && e.codeName() != QLatin1String("internal"));
    const QJsonObject o = QJsonDocument::fromJson(e.toJson()).object();
    const QJsonObject inner = o.value(QStringLiteral("error")).toObject();
    check(inner.value(QStringLiteral("code")).toString() == e.codeName());
    check(!inner.value(QStringLiteral("message")).toString().isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> fields = input.split('\0');
    while (fields.size() < 5)
        fields.append(QByteArray());
    const QByteArray method = fields.at(0);
    const QByteArray path = fields.at(1);
    const QByteArray query = fields.at(2);
    ApiRequestParser::Headers headers;
    for (const QByteArray &line : fields.at(3).split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon), line.mid(colon + 1)});
    }
    // The body is the rest, NULs included.
    QByteArray body;
    for (int i = 4; i < fields.size(); ++i) {
        if (i > 4)
            body += '\0';
        body += fields.at(i);
    }

    ApiLimits limits;
    limits.maxJsonBytes = 4096;
    limits.maxUploadBytes = 16384;
    ApiRequest request;
    ApiError error
        = ApiRequestParser::parseHead(method, path, query, headers, body, limits, &request);
    if (error.isError()) {
        checkError(error);
    } else {
        error = ApiRequestParser::parseBody(limits, &request);
        if (error.isError())
            checkError(error);
        qsizetype partBytes = 0;
        for (const MultipartPart &p : request.parts) {
            check(!p.name.isEmpty());
            partBytes += p.data.size();
        }
        check(partBytes <= request.body.size());
        check(request.parts.size() <= limits.maxParts);
    }

    // The signature check, with the request's own headers.
    const QByteArray secret = "fuzz-secret-0123456789abcdef";
    const QByteArray expected = RequestSignature::sign(secret, method, path, query,
                                                       request.timestamp, request.nonce, body);
    check(expected.size() == 64);
    check(RequestSignature::verify(secret, method, path, query, request.timestamp, request.nonce,
                                   body, expected));
    const bool carriedVerifies = RequestSignature::verify(
        secret, method, path, query, request.timestamp, request.nonce, body, request.signature);
    check(carriedVerifies == (request.signature.trimmed().toLower() == expected));
    check(!RequestSignature::verify(QByteArray(), method, path, query, request.timestamp,
                                    request.nonce, body, expected));
    const QByteArray cq = RequestSignature::canonicalQuery(query);
    check(RequestSignature::canonicalQuery(cq) == cq);
    const QByteArray cp = RequestSignature::canonicalPath(path);
    check(RequestSignature::canonicalPath(cp) == cp);
    const qint64 ts = RequestSignature::parseTimestamp(request.timestamp);
    check(ts >= -1);
    if (RequestSignature::isWellFormedNonce(request.nonce))
        check(request.nonce.size() >= 16 && request.nonce.size() <= 64);
    return 0;
}
