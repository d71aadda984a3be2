#include "api/ApiService.h"

#include "api/ApiApp.h"
#include "api/ApiDirectory.h"
#include "api/ApiHttpServer.h"
#include "api/ApiRepository.h"
#include "api/ApiRequestParser.h"
#include "api/PictureFetcher.h"
#include "api/RequestSignature.h"
#include "monitor/AlertMonitor.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/FileCheck.h"
#include "util/Log.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <utility>

namespace gd::api {

struct ApiService::PendingReply
{
    explicit PendingReply(QHttpServerResponder &&r)
        : responder(std::move(r))
        , socket(responder.socket())
    {}
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
};

namespace {

constexpr qint64 kKnownRefreshMs = 5000;
constexpr qint64 kKeyLifetimeMs = 24LL * 3600 * 1000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

ApiError error(ApiErrorCode code, const QString &message = {})
{
    return ApiError{code, message};
}

QString cursorOf(const Message &m)
{
    return QStringLiteral("%1-%2").arg(m.timestampMs).arg(m.rowId);
}

bool parseCursor(const QString &text, FeedCursor *cursor)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() != 2)
        return false;
    bool okTs = false;
    bool okRow = false;
    cursor->timestampMs = parts.at(0).toLongLong(&okTs);
    cursor->rowId = parts.at(1).toLongLong(&okRow);
    return okTs && okRow && cursor->timestampMs >= 0 && cursor->rowId > 0;
}

QString safeFileName(const QString &name, const QString &mime)
{
    QString base = QFileInfo(name).fileName();
    base.replace(QRegularExpression(QStringLiteral("[^\\w.\\-]")), QStringLiteral("_"));
    base = base.left(100);
    if (base.isEmpty() || base.startsWith(QLatin1Char('.')))
        base = QStringLiteral("picture.") + FileCheck::extensionFor(mime);
    return base;
}

} // namespace

ApiService::ApiService(Store *store, AlertMonitor *monitor, ApiDirectory *directory,
                       const ApiServiceOptions &options, std::shared_ptr<NonceCache> nonces)
    : m_store(store)
    , m_monitor(monitor)
    , m_directory(directory)
    , m_options(options)
    , m_adapter(store)
    , m_nonces(nonces ? std::move(nonces) : std::make_shared<NonceCache>(options.clockSkewMs))
    , m_connection(QStringLiteral("api-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_nonceFlush(new QTimer(this))
{
    m_nonceFlush->setSingleShot(true);
    m_nonceFlush->setInterval(250);
    connect(m_nonceFlush, &QTimer::timeout, this, &ApiService::saveNonces);
}

ApiService::~ApiService()
{
    close();
}

bool ApiService::open(const ApiSettings &settings, QString *errorText)
{
    if (const QString problem = settings.problem(); !problem.isEmpty()) {
        *errorText = problem;
        return false;
    }
    if (!m_store || !m_store->isOpen()) {
        *errorText = tr("The archive is not open.");
        return false;
    }
    m_reader = m_store->createReader();
    {
        QSqlDatabase db = DatabaseAddress::addConnection(m_store->path(), m_connection);
        if (!db.open()) {
            *errorText = tr("Cannot read the archive: %1").arg(db.lastError().text());
            return false;
        }
        // Nonces used within the window before a restart stay used.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const ApiRepository::SeenNonce &n :
             ApiRepository::noncesSince(db, now - m_nonces->retentionMs()))
            m_nonces->remember(n.appId.toUtf8(), n.nonce.toUtf8(), n.seenMs);
        const qint64 since = now - kKeyLifetimeMs;
        for (const ApiSendRecord &s : ApiRepository::sendsSince(db, since)) {
            m_sendApp.insert(s.outboxId, s.appId);
            if (!s.idempotencyKey.isEmpty()) {
                m_keys.insert(s.appId + QLatin1Char('\n') + s.idempotencyKey,
                              {s.outboxId, s.requestHash.toLatin1(), false});
            }
        }
    }
    if (m_options.spoolDir.isEmpty())
        m_options.spoolDir
            = QFileInfo(m_store->path()).absolutePath() + QStringLiteral("/api-spool");
    QDir().mkpath(m_options.spoolDir);
    // Spool files older than a day were copied into the outbox long ago.
    const QDateTime dayAgo = QDateTime::currentDateTime().addDays(-1);
    for (const QFileInfo &f : QDir(m_options.spoolDir).entryInfoList(QDir::Files)) {
        if (f.lastModified() < dayAgo)
            QFile::remove(f.absoluteFilePath());
    }

    m_fetcher = new PictureFetcher(this);
    m_http = new ApiHttpServer(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        },
        this);
    if (settings.usesTls()) {
        QFile certFile(settings.certFile);
        QFile keyFile(settings.keyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *errorText = tr("Cannot read the certificate or key file.");
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll());
        QSslKey key(keyFile.readAll(), QSsl::Rsa);
        if (key.isNull()) {
            keyFile.seek(0);
            key = QSslKey(keyFile.readAll(), QSsl::Ec);
        }
        if (chain.isEmpty() || key.isNull()) {
            *errorText = tr("The certificate or key file is not valid PEM.");
            return false;
        }
        m_http->sslSetup(chain.first(), key);
    }
    m_port = m_http->listen(QHostAddress(settings.address), settings.port);
    if (m_port == 0) {
        *errorText = tr("Cannot listen on %1 port %2.").arg(settings.address).arg(settings.port);
        delete m_http;
        m_http = nullptr;
        return false;
    }
    qCInfo(lcEngine) << "api: listening on" << settings.address << m_port
                     << (settings.usesTls() ? "(TLS)" : "");
    return true;
}

void ApiService::saveNonces()
{
    m_nonceFlush->stop();
    if (m_unsavedNonces.isEmpty())
        return;
    const QVector<ApiRepository::SeenNonce> nonces = std::exchange(m_unsavedNonces, {});
    const qint64 forgetBefore = QDateTime::currentMSecsSinceEpoch() - m_nonces->retentionMs();
    m_store->submitWrite([nonces, forgetBefore](StoreWriter::Batch &batch) {
        QString e;
        ApiRepository::insertNonces(batch.db(), nonces, forgetBefore, &e);
    });
}

void ApiService::close()
{
    saveNonces();
    delete m_http;
    m_http = nullptr;
    delete m_fetcher;
    m_fetcher = nullptr;
    m_reader.reset();
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_port = 0;
}

// --- responses ---

void ApiService::replyRaw(const Responder &pending, int status, const QByteArray &body,
                          int retryAfterS)
{
    if (!pending || !pending->socket)
        return; // the client went away
    QHttpServerResponder &responder = pending->responder;
    const auto code = QHttpServerResponder::StatusCode(status);
    if (retryAfterS > 0) {
        responder.write(body,
                        {{"Content-Type", "application/json"},
                         {"Retry-After", QByteArray::number(retryAfterS)}},
                        code);
    } else {
        responder.write(body, {{"Content-Type", "application/json"}}, code);
    }
}

void ApiService::reply(const Responder &responder, int status, const QJsonObject &body)
{
    replyRaw(responder, status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void ApiService::replyError(const Responder &responder, const ApiError &e, int retryAfterS)
{
    replyRaw(responder, e.httpStatus(), e.toJson(), retryAfterS);
}

// --- the pipeline ---

void ApiService::handle(const QHttpServerRequest &http, QHttpServerResponder &&raw)
{
    auto responder = std::make_shared<PendingReply>(std::move(raw));
    ApiRequest r;
    const QUrl url = http.url();
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto &h : http.headers())
        headers.append({h.first, h.second});
    ApiError e = ApiRequestParser::parseHead(
        methodName(http.method()), url.path(QUrl::FullyEncoded).toUtf8(),
        url.query(QUrl::FullyEncoded).toUtf8(), headers, http.body(), m_options.limits, &r);
    if (e.isError()) {
        replyError(responder, e);
        return;
    }
    if (r.route == ApiRoute::Health) {
        reply(responder, 200,
              {{QStringLiteral("status"), QStringLiteral("ok")},
               {QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch()}});
        return;
    }
    if (r.route == ApiRoute::OpenApi) {
        QFile doc(QStringLiteral(":/api/openapi.json"));
        doc.open(QIODevice::ReadOnly);
        replyRaw(responder, 200, doc.readAll());
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ApiApp app;
    e = authenticate(r, now, &app);
    if (e.isError()) {
        replyError(responder, e);
        return;
    }
    int retryAfter = 0;
    if (!m_rates.take(app.id, app.ratePerMinute, now, &retryAfter)) {
        replyError(responder, error(ApiErrorCode::RateLimited), retryAfter);
        return;
    }
    e = ApiRequestParser::parseBody(m_options.limits, &r);
    if (e.isError()) {
        replyError(responder, e);
        return;
    }
    route(app, r, responder);
}

ApiError ApiService::authenticate(const ApiRequest &r, qint64 nowMs, ApiApp *app)
{
    if (r.appId.isEmpty() || r.timestamp.isEmpty() || r.nonce.isEmpty() || r.signature.isEmpty())
        return error(ApiErrorCode::MissingSignature);
    const qint64 ts = RequestSignature::parseTimestamp(r.timestamp);
    if (ts < 0 || qAbs(nowMs - ts * 1000) > m_options.clockSkewMs)
        return error(ApiErrorCode::ExpiredTimestamp);
    if (!RequestSignature::isWellFormedNonce(r.nonce)) {
        return error(ApiErrorCode::MissingSignature,
                     QStringLiteral("X-GD-Nonce must be 16 to 64 characters of A-Z, a-z, 0-9, "
                                    "'_' and '-'."));
    }
    const auto entry = m_directory->app(QString::fromUtf8(r.appId));
    if (!entry || entry->app.isRevoked())
        return error(ApiErrorCode::BadSignature);
    if (entry->secret.isEmpty()) {
        return error(ApiErrorCode::Unavailable,
                     QStringLiteral("The app's secret is still being read from the keychain."));
    }
    if (!RequestSignature::verify(entry->secret, r.method, r.path, r.rawQuery, r.timestamp, r.nonce,
                                  r.body, r.signature))
        return error(ApiErrorCode::BadSignature);
    // Only a verified request uses up its nonce: nobody can burn another's.
    if (!m_nonces->remember(r.appId, r.nonce, nowMs))
        return error(ApiErrorCode::ReplayedNonce);
    // Kept in the archive, so a replay after a restart is refused too: in
    // batches (hundreds of requests a second, most of them reads or 429s),
    // and always before a write request acts (see route()).
    m_unsavedNonces.append({QString::fromUtf8(r.appId), QString::fromLatin1(r.nonce), nowMs});
    if (!m_nonceFlush->isActive())
        m_nonceFlush->start();
    *app = entry->app;
    return {};
}

void ApiService::route(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    const bool write
        = r.isSend() || r.route == ApiRoute::AlertAcknowledge || r.route == ApiRoute::AlertResolve;
    if (write)
        saveNonces(); // queued on the writer ahead of what the request writes
    if (!write && !app.canRead) {
        replyError(responder,
                   error(ApiErrorCode::PermissionDenied, QStringLiteral("The app may not read.")));
        return;
    }
    switch (r.route) {
    case ApiRoute::Accounts:
        return accounts(app, responder);
    case ApiRoute::Groups:
        return groups(app, r, responder);
    case ApiRoute::Contacts:
        return contacts(app, r, responder);
    case ApiRoute::GroupMessages:
        return messages(app, r, responder);
    case ApiRoute::SendText:
        return sendText(app, r, responder);
    case ApiRoute::SendPicture:
        return sendPicture(app, r, responder);
    case ApiRoute::SendState:
        return sendState(app, r, responder);
    case ApiRoute::Alerts:
        return alerts(app, responder);
    case ApiRoute::AlertAcknowledge:
    case ApiRoute::AlertResolve:
        return alertAction(app, r, responder);
    case ApiRoute::Health:
    case ApiRoute::OpenApi:
        break;
    }
    replyError(responder, error(ApiErrorCode::NotFound));
}

// --- reads ---

void ApiService::accounts(const ApiApp &app, const Responder &responder)
{
    QJsonArray list;
    for (const AccountStatus &s : m_directory->accounts()) {
        if (!app.allowsAccount(s.info.id))
            continue;
        list.append(QJsonObject{{QStringLiteral("id"), s.info.id},
                                {QStringLiteral("name"), s.info.displayName},
                                {QStringLiteral("state"), sessionStateName(s.state)},
                                {QStringLiteral("ready"), s.state == SessionState::Ready},
                                {QStringLiteral("detail"), s.detail},
                                {QStringLiteral("selfId"), s.info.selfContactId},
                                {QStringLiteral("selfName"), s.info.selfName}});
    }
    reply(responder, 200, {{QStringLiteral("accounts"), list}});
}

ApiError ApiService::checkAccount(const ApiApp &app, const QString &accountId, bool needSend)
{
    if (needSend && !app.canSend)
        return error(ApiErrorCode::PermissionDenied, QStringLiteral("The app may not send."));
    if (!app.allowsAccount(accountId)) {
        return error(ApiErrorCode::PermissionDenied,
                     QStringLiteral("The app may not use this account."));
    }
    if (!m_directory->account(accountId))
        return error(ApiErrorCode::UnknownAccount);
    return {};
}

bool ApiService::isKnownConversation(const QString &accountId, const QString &conversationId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Known &known = m_known[accountId];
    if (known.ids.contains(conversationId))
        return true;
    if (now - known.atMs < kKnownRefreshMs)
        return false;
    known.atMs = now;
    known.ids.clear();
    for (const Room &room : m_reader->rooms(accountId))
        known.ids.insert(room.id);
    for (const Contact &contact : m_reader->contacts(accountId))
        known.ids.insert(contact.id);
    return known.ids.contains(conversationId);
}

void ApiService::groups(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    if (const ApiError e = checkAccount(app, r.accountId, false); e.isError())
        return replyError(responder, e);
    QJsonArray list;
    for (const Room &room : m_reader->rooms(r.accountId)) {
        if (!app.allowsConversation(r.accountId, room.id))
            continue;
        list.append(QJsonObject{
            {QStringLiteral("id"), room.id},
            {QStringLiteral("topic"), room.topic},
            {QStringLiteral("ownerId"), room.ownerId},
            {QStringLiteral("memberCount"), room.memberIds.size()},
            {QStringLiteral("tags"),
             QJsonArray::fromStringList(m_reader->tagsOf(TagTarget::Room, r.accountId, room.id))}});
    }
    reply(responder, 200, {{QStringLiteral("groups"), list}});
}

void ApiService::contacts(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    if (const ApiError e = checkAccount(app, r.accountId, false); e.isError())
        return replyError(responder, e);
    QJsonArray list;
    for (const Contact &c : m_reader->contacts(r.accountId)) {
        if (!app.allowsConversation(r.accountId, c.id))
            continue;
        list.append(QJsonObject{
            {QStringLiteral("id"), c.id},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("alias"), c.alias},
            {QStringLiteral("displayName"), c.displayName()},
            {QStringLiteral("friend"), c.isFriend},
            {QStringLiteral("tags"),
             QJsonArray::fromStringList(m_reader->tagsOf(TagTarget::Contact, r.accountId, c.id))}});
    }
    reply(responder, 200, {{QStringLiteral("contacts"), list}});
}

void ApiService::messages(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    if (const ApiError e = checkAccount(app, r.accountId, false); e.isError())
        return replyError(responder, e);
    if (!app.allowsConversation(r.accountId, r.conversationId)) {
        return replyError(responder,
                          error(ApiErrorCode::PermissionDenied,
                                QStringLiteral("The app may not read this group.")));
    }
    if (!isKnownConversation(r.accountId, r.conversationId))
        return replyError(responder, error(ApiErrorCode::UnknownGroup));
    const QUrlQuery query(QString::fromUtf8(r.rawQuery));
    int limit = 50;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 200) {
            return replyError(responder,
                              error(ApiErrorCode::InvalidField,
                                    QStringLiteral("limit is a number from 1 to 200.")));
        }
    }
    QVector<Message> found;
    if (query.hasQueryItem(QStringLiteral("after"))) {
        FeedCursor cursor;
        if (!parseCursor(query.queryItemValue(QStringLiteral("after")), &cursor)) {
            return replyError(responder,
                              error(ApiErrorCode::InvalidField,
                                    QStringLiteral("after is a cursor from a previous answer.")));
        }
        found = m_reader->messagesAfter(r.accountId, r.conversationId, cursor, limit);
    } else {
        found = m_reader->messagesBefore(r.accountId, r.conversationId, {}, limit);
    }
    QJsonArray list;
    QString next = query.queryItemValue(QStringLiteral("after"));
    for (const Message &m : found) {
        next = cursorOf(m);
        if (!m.duplicateOf.isEmpty())
            continue; // a repeat under a new id, kept out like in the feed
        list.append(
            QJsonObject{{QStringLiteral("id"), m.id},
                        {QStringLiteral("cursor"), cursorOf(m)},
                        {QStringLiteral("talkerId"), m.talkerId},
                        {QStringLiteral("talkerName"), m.talkerName},
                        {QStringLiteral("kind"), messageKindName(m.kind)},
                        {QStringLiteral("text"), m.text},
                        {QStringLiteral("fileName"), m.filename},
                        {QStringLiteral("timestampMs"), m.timestampMs},
                        {QStringLiteral("fromSelf"), m.fromSelf},
                        {QStringLiteral("mentionIds"), QJsonArray::fromStringList(m.mentionIds)}});
    }
    reply(responder, 200, {{QStringLiteral("messages"), list}, {QStringLiteral("next"), next}});
}

// --- sends ---

bool ApiService::answerRepeatedKey(const QString &keyId, const QByteArray &fingerprint,
                                   const Responder &responder)
{
    auto it = m_keys.constFind(keyId);
    if (it == m_keys.constEnd())
        return false;
    if (it->pending) {
        replyError(responder,
                   error(ApiErrorCode::IdempotencyConflict,
                         QStringLiteral("A request with this Idempotency-Key is still "
                                        "being handled; retry shortly.")));
    } else if (it->fingerprint != fingerprint) {
        replyError(responder, error(ApiErrorCode::IdempotencyConflict));
    } else {
        reply(responder, 200,
              {{QStringLiteral("sendId"), it->outboxId}, {QStringLiteral("repeated"), true}});
    }
    return true;
}

void ApiService::recordSend(const ApiApp &app, const QString &keyId, const QString &key,
                            const QByteArray &fingerprint, qint64 outboxId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!key.isEmpty())
        m_keys.insert(keyId, {outboxId, fingerprint, false});
    m_sendApp.insert(outboxId, app.id);
    const ApiSendRecord record{outboxId, app.id, key, QString::fromLatin1(fingerprint), now};
    m_store->submitWrite([record](StoreWriter::Batch &batch) {
        QString e;
        ApiRepository::insertSend(batch.db(), record, &e);
    });
    emit sendAccepted(outboxId, app.id);
}

void ApiService::sendText(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    if (const ApiError e = checkAccount(app, r.accountId, true); e.isError())
        return replyError(responder, e);
    const QJsonValue to = r.json.value(QStringLiteral("to"));
    const QJsonValue text = r.json.value(QStringLiteral("text"));
    const QJsonValue mentions = r.json.value(QStringLiteral("mentions"));
    if (!to.isString() || to.toString().isEmpty()) {
        return replyError(responder,
                          error(ApiErrorCode::InvalidField,
                                QStringLiteral("\"to\" is the id of a group or contact.")));
    }
    if (!text.isString() || text.toString().trimmed().isEmpty() || text.toString().size() > 10000) {
        return replyError(responder,
                          error(ApiErrorCode::InvalidField,
                                QStringLiteral("\"text\" is a non-empty string of at most 10000 "
                                               "characters.")));
    }
    QStringList mentionIds;
    if (!mentions.isUndefined()) {
        const QJsonArray array = mentions.toArray();
        if (!mentions.isArray() || array.size() > 50) {
            return replyError(responder,
                              error(ApiErrorCode::InvalidField,
                                    QStringLiteral("\"mentions\" is a list of member ids.")));
        }
        for (const auto &v : array) {
            if (!v.isString() || v.toString().isEmpty()) {
                return replyError(responder,
                                  error(ApiErrorCode::InvalidField,
                                        QStringLiteral("\"mentions\" is a list of member ids.")));
            }
            mentionIds.append(v.toString());
        }
    }
    const QString conversation = to.toString();
    if (!app.allowsConversation(r.accountId, conversation)) {
        return replyError(responder,
                          error(ApiErrorCode::PermissionDenied,
                                QStringLiteral("The app may not send to this group.")));
    }
    if (!isKnownConversation(r.accountId, conversation))
        return replyError(responder, error(ApiErrorCode::UnknownGroup));
    const QString key = QString::fromUtf8(r.idempotencyKey);
    const QString keyId = app.id + QLatin1Char('\n') + key;
    const QByteArray fingerprint
        = QCryptographicHash::hash(r.path + '\n' + r.body, QCryptographicHash::Sha256).toHex();
    if (!key.isEmpty() && answerRepeatedKey(keyId, fingerprint, responder))
        return;
    if (!key.isEmpty())
        m_keys.insert(keyId, {0, fingerprint, true}); // a retry meanwhile waits for this one
    ApiSend send;
    send.appId = app.id;
    send.idempotencyKey = key;
    send.accountId = r.accountId;
    send.conversationId = conversation;
    send.text = text.toString();
    send.mentionIds = mentionIds;
    m_adapter.submit(
        send, this, [this, app, keyId, key, fingerprint, responder](qint64 id, const QString &why) {
            if (id == 0) {
                m_keys.remove(keyId);
                return replyError(responder, error(ApiErrorCode::Unavailable, why));
            }
            recordSend(app, keyId, key, fingerprint, id);
            reply(responder, 202,
                  {{QStringLiteral("sendId"), id},
                   {QStringLiteral("state"), QStringLiteral("queued")}});
        });
}

void ApiService::sendPicture(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    if (const ApiError e = checkAccount(app, r.accountId, true); e.isError())
        return replyError(responder, e);
    QString conversation;
    QByteArray bytes;
    QString name;
    QUrl url;
    QByteArray fingerprintSource = r.path + '\n';
    if (r.isMultipart) {
        const MultipartPart *to = r.part("to");
        const MultipartPart *file = r.part("file");
        if (!to || to->data.isEmpty() || !file || file->data.isEmpty()) {
            return replyError(responder,
                              error(ApiErrorCode::InvalidField,
                                    QStringLiteral("A multipart picture has the parts \"to\" and "
                                                   "\"file\".")));
        }
        conversation = QString::fromUtf8(to->data);
        bytes = file->data;
        name = QString::fromUtf8(file->fileName);
        fingerprintSource
            += to->data + '\n' + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    } else {
        const QJsonValue to = r.json.value(QStringLiteral("to"));
        const QJsonValue link = r.json.value(QStringLiteral("url"));
        if (!to.isString() || to.toString().isEmpty() || !link.isString()) {
            return replyError(responder,
                              error(ApiErrorCode::InvalidField,
                                    QStringLiteral("A picture by URL has \"to\" and \"url\".")));
        }
        conversation = to.toString();
        url = QUrl(link.toString(), QUrl::StrictMode);
        if (!PictureFetcher::isAllowedUrl(url)) {
            return replyError(responder,
                              error(ApiErrorCode::InvalidField,
                                    QStringLiteral("\"url\" must be an http or https URL.")));
        }
        fingerprintSource += r.body;
    }
    if (!app.allowsConversation(r.accountId, conversation)) {
        return replyError(responder,
                          error(ApiErrorCode::PermissionDenied,
                                QStringLiteral("The app may not send to this group.")));
    }
    if (!isKnownConversation(r.accountId, conversation))
        return replyError(responder, error(ApiErrorCode::UnknownGroup));
    const QString key = QString::fromUtf8(r.idempotencyKey);
    const QString keyId = app.id + QLatin1Char('\n') + key;
    const QByteArray fingerprint
        = QCryptographicHash::hash(fingerprintSource, QCryptographicHash::Sha256).toHex();
    if (!key.isEmpty() && answerRepeatedKey(keyId, fingerprint, responder))
        return;
    if (!r.isMultipart) {
        if (!key.isEmpty())
            m_keys.insert(keyId, {0, fingerprint, true});
        const QString accountId = r.accountId;
        QPointer<QTcpSocket> socket(responder->socket);
        m_fetcher->fetch(url, m_options.limits.maxUploadBytes, m_options.fetchTimeoutMs,
                         [this, app, accountId, conversation, key, keyId, fingerprint, responder,
                          socket](PictureFetcher::Failure failure, const QByteArray &data,
                                  const QString &fetchedName, const QString &why) {
                             if (failure != PictureFetcher::Failure::None) {
                                 m_keys.remove(keyId);
                                 if (socket) {
                                     replyError(responder,
                                                error(failure == PictureFetcher::Failure::TooLarge
                                                          ? ApiErrorCode::PayloadTooLarge
                                                          : ApiErrorCode::PictureFetchFailed,
                                                      why));
                                 }
                                 return;
                             }
                             finishPicture(app, accountId, conversation, keyId, fingerprint, data,
                                           fetchedName, socket ? responder : Responder());
                         });
        return;
    }
    finishPicture(app, r.accountId, conversation, keyId, fingerprint, bytes, name, responder);
}

void ApiService::finishPicture(const ApiApp &app, const QString &accountId, const QString &to,
                               const QString &keyId, const QByteArray &fingerprint,
                               const QByteArray &bytes, const QString &name,
                               const Responder &responder)
{
    const QString key = keyId.section(QLatin1Char('\n'), 1);
    auto fail = [&](const ApiError &e) {
        m_keys.remove(keyId);
        if (responder)
            replyError(responder, e);
    };
    FileLimits limits;
    limits.maxImageBytes = m_options.limits.maxUploadBytes;
    const FileCheckResult check = FileCheck::checkBytes(bytes, name, limits);
    if (!check.ok || !check.isImage) {
        return fail(error(ApiErrorCode::NotAnImage,
                          check.ok ? QStringLiteral("The file is %1, not an image.").arg(check.mime)
                                   : QString()));
    }
    const QString fileName = safeFileName(name, check.mime);
    const QString path = QDir(m_options.spoolDir)
                             .filePath(QUuid::createUuid().toString(QUuid::WithoutBraces)
                                       + QLatin1Char('-') + fileName);
    QFile spool(path);
    if (!spool.open(QIODevice::WriteOnly) || spool.write(bytes) != bytes.size()) {
        return fail(error(ApiErrorCode::Unavailable,
                          QStringLiteral("The picture could not be kept for sending.")));
    }
    spool.close();
    if (!key.isEmpty())
        m_keys.insert(keyId, {0, fingerprint, true});
    ApiSend send;
    send.appId = app.id;
    send.idempotencyKey = key;
    send.accountId = accountId;
    send.conversationId = to;
    send.filePath = path;
    send.fileName = fileName;
    m_adapter.submit(
        send, this, [this, app, keyId, key, fingerprint, responder](qint64 id, const QString &why) {
            if (id == 0) {
                m_keys.remove(keyId);
                if (responder)
                    replyError(responder, error(ApiErrorCode::Unavailable, why));
                return;
            }
            recordSend(app, keyId, key, fingerprint, id);
            if (responder) {
                reply(responder, 202,
                      {{QStringLiteral("sendId"), id},
                       {QStringLiteral("state"), QStringLiteral("queued")}});
            }
        });
}

void ApiService::sendState(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    // Another app's send is as unknown as one that does not exist.
    if (m_sendApp.value(r.id) != app.id)
        return replyError(responder, error(ApiErrorCode::UnknownSend));
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const auto entry = ApiRepository::outboxEntry(db, r.id);
    QJsonObject body{{QStringLiteral("sendId"), r.id}};
    if (!entry) {
        body.insert(QStringLiteral("state"), QStringLiteral("queued")); // not committed yet
        return reply(responder, 200, body);
    }
    body.insert(QStringLiteral("state"), outboxStateName(entry->state));
    body.insert(QStringLiteral("accountId"), entry->accountId);
    body.insert(QStringLiteral("to"), entry->conversationId);
    body.insert(QStringLiteral("kind"),
                entry->kind == OutboxKind::Text ? QStringLiteral("text")
                                                : QStringLiteral("picture"));
    if (!entry->messageId.isEmpty())
        body.insert(QStringLiteral("gatewayMessageId"), entry->messageId);
    if (!entry->error.isEmpty())
        body.insert(QStringLiteral("reason"), entry->error);
    body.insert(QStringLiteral("attempts"), entry->attempts);
    body.insert(QStringLiteral("createdMs"), entry->createdMs);
    body.insert(QStringLiteral("updatedMs"), entry->updatedMs);
    reply(responder, 200, body);
}

// --- alerts ---

namespace {

QJsonObject alertJson(const Alert &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("kind"), alertKindName(a.kind)},
            {QStringLiteral("severity"), alertSeverityName(a.severity)},
            {QStringLiteral("state"), alertStateName(a.state)},
            {QStringLiteral("rule"), a.ruleName},
            {QStringLiteral("accountId"), a.accountId},
            {QStringLiteral("conversationId"), a.roomId},
            {QStringLiteral("conversationName"), a.roomName},
            {QStringLiteral("customerId"), a.customerId},
            {QStringLiteral("customerName"), a.customerName},
            {QStringLiteral("messageId"), a.messageId},
            {QStringLiteral("excerpt"), a.excerpt},
            {QStringLiteral("matched"), a.matched},
            {QStringLiteral("assignedTo"), a.assignedTo},
            {QStringLiteral("createdMs"), a.createdMs},
            {QStringLiteral("updatedMs"), a.updatedMs}};
}

bool alertAllowed(const ApiApp &app, const Alert &a)
{
    return a.roomId.isEmpty() ? app.allowsAccount(a.accountId)
                              : app.allowsConversation(a.accountId, a.roomId);
}

} // namespace

void ApiService::alerts(const ApiApp &app, const Responder &responder)
{
    QJsonArray list;
    if (m_monitor) {
        for (const Alert &a : m_monitor->activeAlerts()) {
            if (alertAllowed(app, a))
                list.append(alertJson(a));
        }
    }
    reply(responder, 200, {{QStringLiteral("alerts"), list}});
}

void ApiService::alertAction(const ApiApp &app, const ApiRequest &r, const Responder &responder)
{
    if (!app.canAlerts) {
        return replyError(responder,
                          error(ApiErrorCode::PermissionDenied,
                                QStringLiteral("The app may not handle alerts.")));
    }
    std::optional<Alert> found;
    if (m_monitor) {
        for (const Alert &a : m_monitor->activeAlerts()) {
            if (a.id == r.id)
                found = a;
        }
    }
    if (!found || !alertAllowed(app, *found))
        return replyError(responder, error(ApiErrorCode::UnknownAlert));
    const QString actor = QStringLiteral("api: %1").arg(app.name);
    const bool resolve = r.route == ApiRoute::AlertResolve;
    if (resolve)
        m_monitor->resolve(r.id, actor);
    else
        m_monitor->acknowledge(r.id, actor);
    Alert changed = *found;
    changed.state = resolve ? AlertState::Resolved : AlertState::Acknowledged;
    reply(responder, 200, alertJson(changed));
}

} // namespace gd::api
