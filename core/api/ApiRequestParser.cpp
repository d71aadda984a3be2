#include "api/ApiRequestParser.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

namespace gd::api {

const MultipartPart *ApiRequest::part(const QByteArray &name) const
{
    for (const MultipartPart &p : parts) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

namespace {

ApiError fail(ApiErrorCode code, const QString &message = {})
{
    return ApiError{code, message};
}

QString segment(const QByteArray &raw)
{
    return QUrl::fromPercentEncoding(raw);
}

bool parseId(const QByteArray &raw, qint64 *id)
{
    bool ok = false;
    const qint64 v = raw.toLongLong(&ok);
    if (!ok || v <= 0 || raw.startsWith('+') || raw.startsWith('0'))
        return false;
    *id = v;
    return true;
}

// Matches the path to an endpoint; sets the route and path arguments.
ApiError matchRoute(const QByteArray &method, const QByteArray &path, ApiRequest *r)
{
    QList<QByteArray> s = path.split('/');
    if (s.isEmpty() || !s.first().isEmpty())
        return fail(ApiErrorCode::NotFound);
    s.removeFirst();
    if (!s.isEmpty() && s.last().isEmpty())
        s.removeLast(); // a trailing slash
    if (s.size() < 2 || s.at(0) != "v1")
        return fail(ApiErrorCode::NotFound);
    const bool get = method == "GET";
    const bool post = method == "POST";
    auto want = [&](bool isMethod, ApiRoute route) -> ApiError {
        r->route = route;
        return isMethod ? ApiError{} : fail(ApiErrorCode::MethodNotAllowed);
    };
    for (const QByteArray &part : s) {
        if (part.isEmpty())
            return fail(ApiErrorCode::NotFound);
    }
    const QByteArray &top = s.at(1);
    if (s.size() == 2) {
        if (top == "health")
            return want(get, ApiRoute::Health);
        if (top == "openapi.json")
            return want(get, ApiRoute::OpenApi);
        if (top == "accounts")
            return want(get, ApiRoute::Accounts);
        if (top == "alerts")
            return want(get, ApiRoute::Alerts);
        return fail(ApiErrorCode::NotFound);
    }
    if (top == "sends" && s.size() == 3) {
        if (!parseId(s.at(2), &r->id))
            return fail(ApiErrorCode::UnknownSend,
                        QStringLiteral("A send id is a positive number."));
        return want(get, ApiRoute::SendState);
    }
    if (top == "alerts" && s.size() == 4) {
        if (!parseId(s.at(2), &r->id))
            return fail(ApiErrorCode::UnknownAlert,
                        QStringLiteral("An alert id is a positive number."));
        if (s.at(3) == "acknowledge")
            return want(post, ApiRoute::AlertAcknowledge);
        if (s.at(3) == "resolve")
            return want(post, ApiRoute::AlertResolve);
        return fail(ApiErrorCode::NotFound);
    }
    if (top == "accounts" && s.size() >= 4) {
        r->accountId = segment(s.at(2));
        if (s.size() == 4 && s.at(3) == "groups")
            return want(get, ApiRoute::Groups);
        if (s.size() == 4 && s.at(3) == "contacts")
            return want(get, ApiRoute::Contacts);
        if (s.size() == 5 && s.at(3) == "messages" && s.at(4) == "text")
            return want(post, ApiRoute::SendText);
        if (s.size() == 5 && s.at(3) == "messages" && s.at(4) == "picture")
            return want(post, ApiRoute::SendPicture);
        if (s.size() == 6 && s.at(3) == "groups" && s.at(5) == "messages") {
            r->conversationId = segment(s.at(4));
            return want(get, ApiRoute::GroupMessages);
        }
    }
    return fail(ApiErrorCode::NotFound);
}

} // namespace

QByteArray ApiRequestParser::headerParameter(const QByteArray &value, const QByteArray &name)
{
    const QList<QByteArray> params = value.split(';');
    for (int i = 1; i < params.size(); ++i) {
        const QByteArray p = params.at(i).trimmed();
        const int eq = p.indexOf('=');
        if (eq <= 0 || p.left(eq).trimmed().toLower() != name)
            continue;
        QByteArray v = p.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        return v;
    }
    return {};
}

ApiError ApiRequestParser::parseHead(const QByteArray &method, const QByteArray &path,
                                     const QByteArray &rawQuery, const Headers &headers,
                                     const QByteArray &body, const ApiLimits &limits,
                                     ApiRequest *out)
{
    ApiRequest r;
    r.method = method.toUpper();
    r.path = path;
    r.rawQuery = rawQuery;
    for (const auto &[rawKey, value] : headers) {
        const QByteArray key = rawKey.toLower();
        if (key == "content-type") {
            r.contentTypeHeader = value;
            r.contentType = value.split(';').first().trimmed().toLower();
        } else if (key == "x-gd-app") {
            r.appId = value.trimmed();
        } else if (key == "x-gd-timestamp") {
            r.timestamp = value.trimmed();
        } else if (key == "x-gd-nonce") {
            r.nonce = value.trimmed();
        } else if (key == "x-gd-signature") {
            r.signature = value.trimmed();
        } else if (key == "idempotency-key") {
            r.idempotencyKey = value.trimmed();
        }
    }
    ApiError routeError = matchRoute(r.method, path, &r);
    if (routeError.isError()) {
        *out = r;
        return routeError;
    }
    const qint64 limit
        = r.route == ApiRoute::SendPicture ? limits.maxUploadBytes : limits.maxJsonBytes;
    if (body.size() > limit) {
        *out = r;
        return fail(ApiErrorCode::PayloadTooLarge,
                    QStringLiteral("The body is %1 bytes; this endpoint takes at most %2.")
                        .arg(body.size())
                        .arg(limit));
    }
    if (r.idempotencyKey.size() > 200) {
        *out = r;
        return fail(ApiErrorCode::InvalidField,
                    QStringLiteral("Idempotency-Key is longer than 200 characters."));
    }
    r.body = body;
    *out = r;
    return {};
}

ApiError ApiRequestParser::parseBody(const ApiLimits &limits, ApiRequest *r)
{
    if (r->method != "POST")
        return {};
    const bool jsonType = r->contentType == "application/json";
    const bool multipartType = r->contentType == "multipart/form-data";
    if (r->body.isEmpty() && !r->isSend())
        return {}; // alert actions may come without a body
    if (r->route == ApiRoute::SendPicture && multipartType) {
        r->isMultipart = true;
        if (!parseMultipart(r->contentTypeHeader, r->body, limits.maxParts, &r->parts))
            return fail(ApiErrorCode::MalformedMultipart);
        return {};
    }
    if (!jsonType) {
        return fail(ApiErrorCode::UnsupportedMediaType,
                    r->route == ApiRoute::SendPicture
                        ? QStringLiteral("Send a picture as multipart/form-data or its URL as "
                                         "application/json.")
                        : QStringLiteral("This endpoint takes application/json."));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r->body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return fail(ApiErrorCode::MalformedJson,
                    error.error != QJsonParseError::NoError
                        ? QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                              .arg(error.errorString())
                              .arg(error.offset)
                        : QString());
    }
    r->json = doc.object();
    return {};
}

bool ApiRequestParser::parseMultipart(const QByteArray &contentTypeHeader, const QByteArray &body,
                                      int maxParts, QVector<MultipartPart> *parts)
{
    parts->clear();
    const QByteArray boundary = headerParameter(contentTypeHeader, "boundary");
    if (boundary.isEmpty() || boundary.size() > 200)
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return !parts->isEmpty(); // the closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return false;
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return false;
        const qsizetype next = body.indexOf("\r\n" + delimiter, headerEnd + 4);
        if (next < 0)
            return false;
        if (parts->size() >= maxParts)
            return false;
        MultipartPart part;
        const QList<QByteArray> lines = body.mid(pos, headerEnd - pos).split('\n');
        for (QByteArray line : lines) {
            line = line.trimmed();
            const int colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray key = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (key == "content-disposition") {
                if (!value.toLower().startsWith("form-data"))
                    return false;
                part.name = headerParameter(value, "name");
                part.fileName = headerParameter(value, "filename");
            } else if (key == "content-type") {
                part.contentType = value.split(';').first().trimmed().toLower();
            }
        }
        if (part.name.isEmpty())
            return false;
        part.data = body.mid(headerEnd + 4, next - (headerEnd + 4));
        parts->append(part);
        pos = next + 2; // at the delimiter
    }
}

} // namespace gd::api
