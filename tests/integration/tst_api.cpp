// Issue 17, the local HTTP API: real HTTP over loopback against the real
// server, the simulator as the gateway, apps whose secrets sit in the real
// keychain (run under a D-Bus session with gnome-keyring). Every refused
// request gets its JSON error and sends nothing; a retried request with the
// same Idempotency-Key sends once; sends reach the gateway and report
// their state; a webhook receiver that is down for a while receives every
// event afterwards, once, signed.
#include "GatewayTestSupport.h"
#include "HttpTestServer.h"

#include "api/ApiServer.h"
#include "api/RequestSignature.h"
#include "engine/Engine.h"
#include "monitor/AlertMonitor.h"
#include "monitor/Clock.h"
#include "monitor/SignalSources.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "util/SecretStore.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace gd;
using namespace gd::api;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

const QString kAccount = QStringLiteral("acc");

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray retryAfter;
    QString code() const
    {
        return json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

struct Options
{
    qint64 timestampOffsetS = 0;
    QByteArray nonce{}; // empty: a fresh one
    bool sign = true;
    QByteArray secret{}; // empty: the app's
    QByteArray contentType = "application/json";
    QByteArray idempotencyKey{};
    QByteArray signedBody{}; // when set, the body the signature covers (a tampered request)
};

QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray multipart(const QByteArray &boundary, const QByteArray &to, const QByteArray &fileName,
                     const QByteArray &fileBytes)
{
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n" + to
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + fileBytes + "\r\n--"
        + boundary + "--\r\n";
}

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<Engine> m_engine;
    SystemClock m_clock;
    std::unique_ptr<AlertMonitor> m_monitor;
    SecretStore m_secrets;
    std::unique_ptr<ApiServer> m_api;
    QNetworkAccessManager m_network;
    QString m_room;
    QString m_otherRoom;
    ApiApp m_app; // read + send + alerts, every account
    QByteArray m_secret;

    ApiApp issue(const ApiApp &draft, QByteArray *secret)
    {
        bool done = false;
        ApiApp issued;
        m_api->issueApp(draft, [&](bool ok, const ApiApp &app, const QString &s, const QString &e) {
            done = true;
            if (!ok)
                qWarning() << "issue failed:" << e;
            issued = app;
            *secret = s.toUtf8();
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return issued;
    }

    Reply call(const QByteArray &method, const QByteArray &pathAndQuery,
               const QByteArray &body = {}, const Options &o = {}, const QString &appId = {},
               const QByteArray &appSecret = {})
    {
        const QString id = appId.isEmpty() ? m_app.id : appId;
        const QByteArray secret
            = !o.secret.isEmpty() ? o.secret : (appSecret.isEmpty() ? m_secret : appSecret);
        QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(m_api->port()));
        const int q = pathAndQuery.indexOf('?');
        const QByteArray path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
        const QByteArray query = q < 0 ? QByteArray() : pathAndQuery.mid(q + 1);
        url.setPath(QString::fromUtf8(path), QUrl::TolerantMode);
        if (!query.isEmpty())
            url.setQuery(QString::fromUtf8(query));
        QNetworkRequest request(url);
        if (!body.isEmpty() || method == "POST")
            request.setRawHeader("Content-Type", o.contentType);
        if (o.sign) {
            const QByteArray ts
                = QByteArray::number(QDateTime::currentSecsSinceEpoch() + o.timestampOffsetS);
            const QByteArray nonce
                = o.nonce.isEmpty() ? QUuid::createUuid().toRfc4122().toHex() : o.nonce;
            const QByteArray signature
                = RequestSignature::sign(secret, method, path, query, ts, nonce,
                                         o.signedBody.isNull() ? body : o.signedBody);
            request.setRawHeader("X-GD-App", id.toUtf8());
            request.setRawHeader("X-GD-Timestamp", ts);
            request.setRawHeader("X-GD-Nonce", nonce);
            request.setRawHeader("X-GD-Signature", signature);
        }
        if (!o.idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", o.idempotencyKey);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return r;
    }

    QByteArray textBody(const QString &to, const QString &text)
    {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("to"), to}, {QStringLiteral("text"), text}})
            .toJson(QJsonDocument::Compact);
    }
    QByteArray sendTextPath() const
    {
        return "/v1/accounts/" + kAccount.toUtf8() + "/messages/text";
    }
    qint64 outboxCount()
    {
        m_store.flush();
        DbPeek peek(m_store.path());
        return peek.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    }
    int simTexts(const QString &text)
    {
        int n = 0;
        for (const auto &t : m_sim->receivedTextSends())
            n += t.text == text ? 1 : 0;
        return n;
    }
    QVector<WebhookDelivery> readLog(const QString &appId)
    {
        QVector<WebhookDelivery> log;
        bool done = false;
        m_api->deliveries(appId, 50, this, [&](QVector<WebhookDelivery> rows) {
            log = std::move(rows);
            done = true;
        });
        QElapsedTimer t;
        t.start();
        while (!done && t.elapsed() < 5000)
            QTest::qWait(20);
        return log;
    }
    QString waitForState(qint64 sendId, const QString &want)
    {
        QString state;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            const Reply r = call("GET", "/v1/sends/" + QByteArray::number(sendId));
            state = r.json.value(QStringLiteral("state")).toString();
            if (state == want)
                return state;
            QTest::qWait(100);
        }
        return state;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        SimulatorOptions o;
        o.port = freePort();
        o.autoLogin = true;
        o.rate = 2; // some incoming traffic for the message webhooks
        o.roomEvents = false;
        o.imageEvery = 0;
        o.heartbeatS = 1;
        m_sim = std::make_unique<Simulator>(o);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_room = m_sim->roomIds().at(0);
        m_otherRoom = m_sim->roomIds().at(1);
        m_engine = std::make_unique<Engine>(&m_store);
        m_engine->setSessionTuning(fastTuning());
        m_engine->addAccount(account(kAccount, o.port), endpoint(o.port));
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->status(kAccount).state == SessionState::Ready, 30000);

        AlertMonitorOptions monitorOptions;
        monitorOptions.tickMs = 100;
        m_monitor = std::make_unique<AlertMonitor>(&m_store, &m_clock, defaultSignalSourceFactory(),
                                                   monitorOptions);
        m_monitor->start();
        m_api = std::make_unique<ApiServer>(&m_store, m_engine.get(), m_monitor.get(), &m_secrets);
        WebhookOptions hooks;
        hooks.retryInitialMs = 200;
        hooks.retryMaxMs = 800;
        m_api->setWebhookOptions(hooks);
        ApiSettings settings;
        settings.enabled = true;
        settings.port = 0;
        QVERIFY2(m_api->start(settings, &error), qPrintable(error));
        QVERIFY(m_api->port() != 0);

        ApiApp draft;
        draft.name = QStringLiteral("orders");
        draft.canSend = true;
        draft.canAlerts = true;
        draft.ratePerMinute = 6000;
        m_app = issue(draft, &m_secret);
        QVERIFY(!m_app.id.isEmpty());
        QCOMPARE(m_secret.size(), 64);
        // Rooms are synced before sends to them are accepted.
        QTRY_VERIFY_WITH_TIMEOUT(call("GET", "/v1/accounts/acc/groups")
                                         .json.value(QStringLiteral("groups"))
                                         .toArray()
                                         .size()
                                     == m_sim->roomCount(),
                                 20000);
    }

    void secretIsKeptInTheKeychainNotTheDatabase()
    {
        bool done = false;
        QString read;
        m_secrets.readSecret(ApiApp::secretKey(m_app.id),
                             [&](bool ok, const QString &s, const QString &) {
                                 done = true;
                                 read = ok ? s : QString();
                             });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(read.toUtf8(), m_secret);
        m_store.flush();
        QFile db(m_store.path());
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(m_secret));
        QFile wal(m_store.path() + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(m_secret));
    }

    void healthAndOpenApiNeedNoSignature()
    {
        Reply r = call("GET", "/v1/health", {}, Options{.sign = false});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        r = call("GET", "/v1/openapi.json", {}, Options{.sign = false});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        QVERIFY(r.json.value(QStringLiteral("paths"))
                    .toObject()
                    .contains(QStringLiteral("/v1/accounts/{account}/messages/text")));
        r = call("GET", "/v1/nothing-here");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("not_found"));
    }

    void readsAccountsGroupsContactsAndMessages()
    {
        Reply r = call("GET", "/v1/accounts");
        QCOMPARE(r.status, 200);
        const QJsonArray accounts = r.json.value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("ready"));
        r = call("GET", "/v1/accounts/acc/contacts");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json.value(QStringLiteral("contacts")).toArray().isEmpty());
        m_store.addTag(TagTarget::Room, kAccount, m_room, QStringLiteral("vip"));
        m_store.flush();
        r = call("GET", "/v1/accounts/acc/groups");
        bool tagged = false;
        for (const auto &g : r.json.value(QStringLiteral("groups")).toArray()) {
            if (g.toObject().value(QStringLiteral("id")).toString() == m_room)
                tagged = g.toObject()
                             .value(QStringLiteral("tags"))
                             .toArray()
                             .contains(QStringLiteral("vip"));
        }
        QVERIFY(tagged);
        // Messages since a cursor: wait for traffic in the room, then page.
        const QByteArray messagesPath
            = "/v1/accounts/acc/groups/" + QUrl::toPercentEncoding(m_room) + "/messages";
        QTRY_VERIFY_WITH_TIMEOUT(
            !call("GET", messagesPath).json.value(QStringLiteral("messages")).toArray().isEmpty(),
            30000);
        r = call("GET", messagesPath + "?limit=1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("messages")).toArray().size(), 1);
        const QByteArray next = r.json.value(QStringLiteral("next")).toString().toUtf8();
        QVERIFY(!next.isEmpty());
        r = call("GET", messagesPath + "?after=" + next + "&limit=200");
        QCOMPARE(r.status, 200);
        for (const auto &m : r.json.value(QStringLiteral("messages")).toArray())
            QVERIFY(m.toObject().value(QStringLiteral("cursor")).toString().toUtf8() != next);
        r = call("GET", messagesPath + "?after=garbage");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("invalid_field"));
        r = call("GET", "/v1/accounts/acc/groups/nosuchroom%40chatroom/messages");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("unknown_group"));
        r = call("GET", "/v1/accounts/nosuch/groups");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("unknown_account"));
    }

    void textIsSentAndItsStateReported()
    {
        const QString text = QStringLiteral("订单 1001 已发货");
        Reply r = call("POST", sendTextPath(), textBody(m_room, text));
        QCOMPARE(r.status, 202);
        const qint64 id = r.json.value(QStringLiteral("sendId")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(waitForState(id, QStringLiteral("sent")), QStringLiteral("sent"));
        r = call("GET", "/v1/sends/" + QByteArray::number(id));
        QVERIFY(!r.json.value(QStringLiteral("gatewayMessageId")).toString().isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("to")).toString(), m_room);
        QCOMPARE(simTexts(text), 1);
        // Mentions travel with the text.
        QStringList members = m_sim->roomMemberIds(m_room);
        members.removeAll(m_sim->selfId());
        const QByteArray withMention
            = QJsonDocument(QJsonObject{{QStringLiteral("to"), m_room},
                                        {QStringLiteral("text"), QStringLiteral("@someone 请查收")},
                                        {QStringLiteral("mentions"), QJsonArray{members.first()}}})
                  .toJson();
        r = call("POST", sendTextPath(), withMention);
        QCOMPARE(r.status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(simTexts(QStringLiteral("@someone 请查收")) == 1, 20000);
        for (const auto &t : m_sim->receivedTextSends()) {
            if (t.text == QStringLiteral("@someone 请查收"))
                QCOMPARE(t.mentionIds, QStringList{members.first()});
        }
        // Another app's send is not visible.
        r = call("GET", "/v1/sends/999999");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("unknown_send"));
    }

    void sameIdempotencyKeySendsOnce()
    {
        const QString text = QStringLiteral("incident 42 resolved");
        const QByteArray body = textBody(m_room, text);
        Options o;
        o.idempotencyKey = "incident-42-resolved";
        const Reply first = call("POST", sendTextPath(), body, o);
        QCOMPARE(first.status, 202);
        const Reply again = call("POST", sendTextPath(), body, o); // a new nonce, same key
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("sendId")).toInteger(),
                 first.json.value(QStringLiteral("sendId")).toInteger());
        QVERIFY(again.json.value(QStringLiteral("repeated")).toBool());
        const Reply other = call("POST", sendTextPath(), textBody(m_room, QStringLiteral("x")), o);
        QCOMPARE(other.status, 409);
        QCOMPARE(other.code(), QStringLiteral("idempotency_conflict"));
        QCOMPARE(waitForState(first.json.value(QStringLiteral("sendId")).toInteger(),
                              QStringLiteral("sent")),
                 QStringLiteral("sent"));
        QTest::qWait(500);
        QCOMPARE(simTexts(text), 1);
        // A restart of the API keeps the key (it is in the database).
        m_store.flush();
        m_api->stop();
        QString error;
        ApiSettings settings;
        settings.enabled = true;
        settings.port = 0;
        QVERIFY2(m_api->start(settings, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->secretsLoaded(), 10000);
        const Reply afterRestart = call("POST", sendTextPath(), body, o);
        QCOMPARE(afterRestart.status, 200);
        QCOMPARE(afterRestart.json.value(QStringLiteral("sendId")).toInteger(),
                 first.json.value(QStringLiteral("sendId")).toInteger());
        QTest::qWait(300);
        QCOMPARE(simTexts(text), 1);
    }

    void badInputIsRefusedAndSendsNothing()
    {
        const qint64 before = outboxCount();
        const int texts = m_sim->receivedTextSends().size();
        const int files = m_sim->receivedFiles().size();
        const QByteArray good = textBody(m_room, QStringLiteral("never sent"));

        Reply r = call("POST", sendTextPath(), good, Options{.sign = false});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("missing_signature"));

        r = call("POST", sendTextPath(), good, Options{.secret = QByteArray(64, 'a')});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("bad_signature"));

        Options tampered;
        tampered.signedBody = textBody(m_room, QStringLiteral("what was signed"));
        r = call("POST", sendTextPath(), good, tampered);
        QCOMPARE(r.code(), QStringLiteral("bad_signature"));

        r = call("POST", sendTextPath(), good, Options{.timestampOffsetS = -301});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("expired_timestamp"));
        r = call("POST", sendTextPath(), good, Options{.timestampOffsetS = 301});
        QCOMPARE(r.code(), QStringLiteral("expired_timestamp"));

        Options replay;
        replay.nonce = "replayed-nonce-0001";
        r = call("GET", "/v1/accounts", {}, replay);
        QCOMPARE(r.status, 200);
        r = call("GET", "/v1/accounts", {}, replay);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("replayed_nonce"));
        // A restart of the API does not forget it: at once (no wait for the
        // archive), and in a new server as after a restart of the program
        // (the nonce is in the archive).
        auto restart = [&](bool newServer) {
            m_api->stop();
            if (newServer) {
                m_store.flush();
                m_api.reset(); // gone before the new one starts, as in a new process
                m_api = std::make_unique<ApiServer>(&m_store, m_engine.get(), m_monitor.get(),
                                                    &m_secrets);
                WebhookOptions hooks; // as in initTestCase
                hooks.retryInitialMs = 200;
                hooks.retryMaxMs = 800;
                m_api->setWebhookOptions(hooks);
            }
            QString error;
            ApiSettings settings;
            settings.enabled = true;
            settings.port = 0;
            QVERIFY2(m_api->start(settings, &error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(m_api->secretsLoaded(), 10000);
        };
        restart(false);
        r = call("GET", "/v1/accounts", {}, replay);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("replayed_nonce"));
        restart(true);
        r = call("GET", "/v1/accounts", {}, replay);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("replayed_nonce"));
        Options fresh;
        fresh.nonce = "a-fresh-nonce-0002";
        r = call("GET", "/v1/accounts", {}, fresh);
        QCOMPARE(r.status, 200);

        r = call("POST", sendTextPath(), QByteArray(70 * 1024, 'x'));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), QStringLiteral("payload_too_large"));

        r = call("POST", sendTextPath(), "{\"to\": \"x\", ");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("malformed_json"));
        r = call("POST", sendTextPath(), "[1,2]");
        QCOMPARE(r.code(), QStringLiteral("malformed_json"));

        r = call("POST", sendTextPath(), good, Options{.contentType = "text/plain"});
        QCOMPARE(r.status, 415);
        QCOMPARE(r.code(), QStringLiteral("unsupported_media_type"));

        r = call("POST", sendTextPath(),
                 textBody(QStringLiteral("nosuch@chatroom"), QStringLiteral("x")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("unknown_group"));

        r = call("POST", sendTextPath(),
                 QJsonDocument(QJsonObject{{QStringLiteral("to"), m_room}}).toJson());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("invalid_field"));

        r = call("GET", sendTextPath());
        QCOMPARE(r.status, 405);
        QCOMPARE(r.code(), QStringLiteral("method_not_allowed"));

        // A picture that is not an image, uploaded or by URL.
        const QByteArray boundary = "gd-boundary-1";
        r = call("POST", "/v1/accounts/acc/messages/picture",
                 multipart(boundary, m_room.toUtf8(), "notes.png", "just some text, not a picture"),
                 Options{.contentType = "multipart/form-data; boundary=" + boundary});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("not_an_image"));
        r = call("POST", "/v1/accounts/acc/messages/picture", "--x\r\nbroken",
                 Options{.contentType = "multipart/form-data; boundary=x"});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("malformed_multipart"));
        HttpTestServer fileServer;
        QVERIFY(fileServer.listen());
        fileServer.serve("/notes.txt", "text/plain", "hello");
        const QByteArray byUrl
            = QJsonDocument(
                  QJsonObject{
                      {QStringLiteral("to"), m_room},
                      {QStringLiteral("url"),
                       QStringLiteral("http://127.0.0.1:%1/notes.txt").arg(fileServer.port())}})
                  .toJson();
        r = call("POST", "/v1/accounts/acc/messages/picture", byUrl);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("not_an_image"));
        r = call("POST", "/v1/accounts/acc/messages/picture",
                 QJsonDocument(
                     QJsonObject{{QStringLiteral("to"), m_room},
                                 {QStringLiteral("url"), QStringLiteral("file:///etc/passwd")}})
                     .toJson());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("invalid_field"));
        fileServer.serve("/big.png", "image/png", QByteArray(11 * 1024 * 1024, 'x'));
        r = call(
            "POST", "/v1/accounts/acc/messages/picture",
            QJsonDocument(
                QJsonObject{{QStringLiteral("to"), m_room},
                            {QStringLiteral("url"),
                             QStringLiteral("http://127.0.0.1:%1/big.png").arg(fileServer.port())}})
                .toJson());
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), QStringLiteral("payload_too_large"));
        r = call("POST", "/v1/accounts/acc/messages/picture",
                 QJsonDocument(QJsonObject{{QStringLiteral("to"), m_room},
                                           {QStringLiteral("url"),
                                            QStringLiteral("http://127.0.0.1:%1/missing.png")
                                                .arg(fileServer.port())}})
                     .toJson());
        QCOMPARE(r.status, 502);
        QCOMPARE(r.code(), QStringLiteral("picture_fetch_failed"));

        QTest::qWait(300);
        QCOMPARE(outboxCount(), before);
        QCOMPARE(m_sim->receivedTextSends().size(), texts);
        QCOMPARE(m_sim->receivedFiles().size(), files);
    }

    void picturesAreSentByUploadAndByUrl()
    {
        const int files = m_sim->receivedFiles().size();
        const QByteArray png = pngBytes();
        const QByteArray boundary = "gd-boundary-2";
        Reply r = call("POST", "/v1/accounts/acc/messages/picture",
                       multipart(boundary, m_room.toUtf8(), "label.png", png),
                       Options{.contentType = "multipart/form-data; boundary=" + boundary});
        QCOMPARE(r.status, 202);
        const qint64 upload = r.json.value(QStringLiteral("sendId")).toInteger();
        HttpTestServer server;
        QVERIFY(server.listen());
        server.serve("/p/chart.png", "image/png", png);
        r = call(
            "POST", "/v1/accounts/acc/messages/picture",
            QJsonDocument(
                QJsonObject{{QStringLiteral("to"), m_room},
                            {QStringLiteral("url"),
                             QStringLiteral("http://127.0.0.1:%1/p/chart.png").arg(server.port())}})
                .toJson());
        QCOMPARE(r.status, 202);
        const qint64 byUrl = r.json.value(QStringLiteral("sendId")).toInteger();
        QCOMPARE(waitForState(upload, QStringLiteral("sent")), QStringLiteral("sent"));
        QCOMPARE(waitForState(byUrl, QStringLiteral("sent")), QStringLiteral("sent"));
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->receivedFiles().size(), files + 2, 20000);
    }

    void permissionsAndRateLimitsPerApp()
    {
        QByteArray readerSecret;
        ApiApp readerDraft;
        readerDraft.name = QStringLiteral("dashboard");
        readerDraft.canSend = false;
        readerDraft.groupIds = {m_room};
        readerDraft.ratePerMinute = 20; // a burst of 5
        const ApiApp reader = issue(readerDraft, &readerSecret);
        const qint64 before = outboxCount();
        Reply r = call("POST", sendTextPath(), textBody(m_room, QStringLiteral("nope")), {},
                       reader.id, readerSecret);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("permission_denied"));
        r = call("GET", "/v1/accounts/acc/groups", {}, {}, reader.id, readerSecret);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("groups")).toArray().size(), 1); // its one group
        r = call("GET",
                 "/v1/accounts/acc/groups/" + QUrl::toPercentEncoding(m_otherRoom) + "/messages",
                 {}, {}, reader.id, readerSecret);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.code(), QStringLiteral("permission_denied"));
        r = call("POST", "/v1/alerts/1/resolve", {}, {}, reader.id, readerSecret);
        QCOMPARE(r.code(), QStringLiteral("permission_denied"));
        int limited = 0;
        for (int i = 0; i < 8; ++i) {
            r = call("GET", "/v1/accounts", {}, {}, reader.id, readerSecret);
            if (r.status == 429) {
                ++limited;
                QCOMPARE(r.code(), QStringLiteral("rate_limited"));
                QVERIFY(r.retryAfter.toInt() >= 1);
            }
        }
        QVERIFY(limited >= 3);
        // The other app is not slowed by it.
        QCOMPARE(call("GET", "/v1/accounts").status, 200);
        // Revoked: refused from now on.
        m_api->revokeApp(reader.id);
        QTest::qWait(4000); // a token back in the bucket
        r = call("GET", "/v1/accounts", {}, {}, reader.id, readerSecret);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("bad_signature"));
        QCOMPARE(outboxCount(), before);
    }

    void alertsAreListedAcknowledgedAndResolved()
    {
        Reply r = call("POST", "/v1/alerts/987654/acknowledge");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("unknown_alert"));
        QString customer;
        for (const QString &id : m_sim->roomMemberIds(m_room)) {
            if (id != m_sim->selfId() && !m_sim->isStaff(id))
                customer = id;
        }
        m_sim->injectMessage(m_room, customer, QStringLiteral("你们的产品质量太差了，我要投诉！"));
        qint64 alertId = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &a :
                     call("GET", "/v1/alerts").json.value(QStringLiteral("alerts")).toArray()) {
                    if (a.toObject()
                            .value(QStringLiteral("excerpt"))
                            .toString()
                            .contains(QStringLiteral("投诉")))
                        alertId = a.toObject().value(QStringLiteral("id")).toInteger();
                }
                return alertId != 0;
            }(),
            20000);
        const QByteArray path = "/v1/alerts/" + QByteArray::number(alertId);
        r = call("POST", path + "/acknowledge");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("acknowledged"));
        auto stateOf = [&] {
            for (const Alert &a : m_monitor->activeAlerts()) {
                if (a.id == alertId)
                    return a.state;
            }
            return AlertState::Resolved;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(), AlertState::Acknowledged, 10000);
        r = call("POST", path + "/resolve", "{}");
        QCOMPARE(r.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(), AlertState::Resolved, 10000);
        r = call("POST", path + "/resolve");
        QCOMPARE(r.code(), QStringLiteral("unknown_alert")); // resolved: no longer active
    }

    void webhookReceiverDownForAWhileGetsEveryEventOnce()
    {
        HttpTestServer receiver;
        QVERIFY(receiver.listen());
        const quint16 port = receiver.port();
        receiver.stop(); // down: connections refused
        ApiApp draft;
        draft.name = QStringLiteral("hooks");
        draft.canSend = true;
        draft.ratePerMinute = 6000;
        draft.webhookUrl = QStringLiteral("http://127.0.0.1:%1/hook?team=ops").arg(port);
        QByteArray secret;
        const ApiApp app = issue(draft, &secret);
        QSet<qint64> sends;
        for (int i = 0; i < 5; ++i) {
            const Reply r
                = call("POST", sendTextPath(),
                       textBody(m_room, QStringLiteral("hook test %1").arg(i)), {}, app.id, secret);
            QCOMPARE(r.status, 202);
            sends.insert(r.json.value(QStringLiteral("sendId")).toInteger());
        }
        QTRY_VERIFY_WITH_TIMEOUT(simTexts(QStringLiteral("hook test 4")) == 1, 20000);
        // Failed attempts are in the delivery log.
        QVector<WebhookDelivery> log;
        QTRY_VERIFY_WITH_TIMEOUT((log = readLog(app.id)).size() >= 2, 20000);
        QVERIFY(!log.first().delivered());
        QVERIFY(log.first().error.size() > 0);
        QTest::qWait(1500); // still down a while
        QVERIFY(receiver.listen(port));
        // Every send's result arrives, once; message events come along.
        QHash<qint64, int> seenIds;
        QSet<qint64> results;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                seenIds.clear();
                results.clear();
                for (const RecordedRequest &req : std::as_const(receiver.requests)) {
                    const QJsonArray events = QJsonDocument::fromJson(req.body)
                                                  .object()
                                                  .value(QStringLiteral("events"))
                                                  .toArray();
                    for (const auto &v : events) {
                        const QJsonObject e = v.toObject();
                        seenIds[e.value(QStringLiteral("id")).toInteger()]++;
                        if (e.value(QStringLiteral("type")).toString()
                            == QStringLiteral("send.result")) {
                            const QJsonObject data = e.value(QStringLiteral("data")).toObject();
                            if (data.value(QStringLiteral("state")).toString()
                                == QStringLiteral("sent"))
                                results.insert(data.value(QStringLiteral("sendId")).toInteger());
                        }
                    }
                }
                return results == sends;
            }(),
            30000);
        for (auto it = seenIds.cbegin(); it != seenIds.cend(); ++it)
            QVERIFY2(
                it.value() == 1,
                qPrintable(QStringLiteral("event %1 came %2 times").arg(it.key()).arg(it.value())));
        bool sawMessage = false;
        for (const RecordedRequest &req : std::as_const(receiver.requests)) {
            // Signed like a request, over the hook's path and query.
            QCOMPARE(req.method, QByteArray("POST"));
            QCOMPARE(req.headers.value("x-gd-app"), app.id.toUtf8());
            QVERIFY(RequestSignature::verify(
                secret, "POST", "/hook", "team=ops", req.headers.value("x-gd-timestamp"),
                req.headers.value("x-gd-nonce"), req.body, req.headers.value("x-gd-signature")));
            sawMessage = sawMessage || req.body.contains("\"message.received\"");
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            sawMessage ||
                [&] {
                    for (const RecordedRequest &req : std::as_const(receiver.requests))
                        if (req.body.contains("\"message.received\""))
                            return true;
                    return false;
                }(),
            20000);
        // Delivered events leave the persisted queue.
        m_store.flush();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_store.flush();
                DbPeek peek(m_store.path());
                return peek.scalar(
                           QStringLiteral("SELECT COUNT(*) FROM webhook_queue WHERE app_id = '%1'")
                               .arg(app.id))
                    <= 1;
            }(),
            20000);
    }

    void signingScriptOfTheReadmeWorks()
    {
        // scripts/api-sign.py (the README's curl example) against the server.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GD_APP_ID"), m_app.id);
        env.insert(QStringLiteral("GD_APP_SECRET"), QString::fromUtf8(m_secret));
        auto run = [&](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral("python3"),
                    QStringList{QStringLiteral(GD_SOURCE_DIR "/scripts/api-sign.py")} + args);
            p.waitForFinished(30000);
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_api->port());
        QJsonObject o = run({base + QStringLiteral("/v1/accounts")});
        QCOMPARE(o.value(QStringLiteral("accounts")).toArray().size(), 1);
        const QString text = QStringLiteral("sent by the script");
        const QString body = QString::fromUtf8(textBody(m_room, text));
        o = run({QStringLiteral("-k"), QStringLiteral("script-1"), QStringLiteral("-d"), body,
                 base + QStringLiteral("/v1/accounts/acc/messages/text")});
        QVERIFY(o.value(QStringLiteral("sendId")).toInteger() > 0);
        o = run({QStringLiteral("-F"), QStringLiteral("to=") + m_room, QStringLiteral("-F"),
                 QStringLiteral("file=@" GD_SOURCE_DIR "/scripts/api-sign.py"),
                 base + QStringLiteral("/v1/accounts/acc/messages/picture")});
        QCOMPARE(
            o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("not_an_image")); // multipart signed right, content refused
        QTRY_COMPARE_WITH_TIMEOUT(simTexts(text), 1, 20000);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_monitor->stop();
        m_engine.reset();
        m_sim.reset();
        m_store.close();
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
