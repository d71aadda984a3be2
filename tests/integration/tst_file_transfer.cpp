// Files between the gateway client and the simulator over loopback gRPC:
// inline and uploaded sends arrive byte-identical (sha256), the upload is
// chunked and reports progress, a 5 MiB inline send hits gRPC's 4 MiB limit
// while the same file goes through Upload, and received photos download.

#include "gateway/PuppetClient.h"
#include "sim/SimEvent.h"
#include "sim/SimMedia.h"
#include "sim/Simulator.h"

#include <QCryptographicHash>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace gd;
using namespace gd::sim;

namespace {

constexpr int kTimeout = 30000;

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(rng.bounded(256));
    return b;
}

QString inlineBox(const QByteArray &bytes, const QString &name)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), 1},
                                  {QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())},
                                  {QStringLiteral("name"), name}})
            .toJson(QJsonDocument::Compact));
}

QString uuidBox(const QString &uuid, const QString &name, qint64 size)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), 7},
                                                       {QStringLiteral("uuid"), uuid},
                                                       {QStringLiteral("name"), name},
                                                       {QStringLiteral("size"), size}})
                                 .toJson(QJsonDocument::Compact));
}

template<typename T> struct Result
{
    std::optional<GatewayStatus> status;
    T value{};
    PuppetClient::Callback<T> callback()
    {
        return [this](const GatewayStatus &st, const T &v) {
            status = st;
            value = v;
        };
    }
};

} // namespace

class FileTransferTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<PuppetClient> m_client;
    QString m_room;

    QString upload(const QByteArray &bytes, QList<qint64> *progress = nullptr)
    {
        Result<QString> r;
        m_client->upload(
            bytes,
            [progress](qint64 done, qint64) {
                if (progress)
                    progress->append(done);
            },
            r.callback());
        if (!QTest::qWaitFor([&] { return r.status.has_value(); }, kTimeout))
            return {};
        return r.status->ok() ? r.value : QString();
    }

    GatewayStatus sendFile(const QString &box)
    {
        Result<QString> r;
        m_client->messageSendFile(m_room, box, r.callback());
        if (!QTest::qWaitFor([&] { return r.status.has_value(); }, kTimeout))
            return GatewayStatus{4, QStringLiteral("timed out in the test")};
        return *r.status;
    }

private slots:
    void init()
    {
        SimulatorOptions o;
        o.token = QStringLiteral("t");
        o.rate = 0;
        o.heartbeatS = 0;
        m_sim = std::make_unique<Simulator>(o);
        QVERIFY(m_sim->start());
        m_client = std::make_unique<PuppetClient>();
        m_client->setEndpoint(GatewayEndpoint{m_sim->address(), QStringLiteral("t")});
        m_room = m_sim->roomIds().first();
    }

    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void inlineImageArrivesByteIdentical()
    {
        const QByteArray photo = SimMedia::brokenGoodsPhoto(42, 320, 240, false);
        const GatewayStatus st = sendFile(inlineBox(photo, QStringLiteral("photo.png")));
        QVERIFY2(st.ok(), qPrintable(st.message));
        const auto files = m_sim->receivedFiles();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].name, QStringLiteral("photo.png"));
        QCOMPARE(files[0].conversationId, m_room);
        QVERIFY(!files[0].viaUpload);
        QCOMPARE(files[0].sha256Hex, sha(photo));
    }

    void chunkedUploadRoundTripsAtChunkBoundaries_data()
    {
        QTest::addColumn<int>("size");
        const int c = PuppetClient::kChunkBytes;
        QTest::newRow("one byte") << 1;
        QTest::newRow("chunk - 1") << c - 1;
        QTest::newRow("exactly one chunk") << c;
        QTest::newRow("chunk + 1") << c + 1;
        QTest::newRow("three chunks and a bit") << 3 * c + 17;
    }
    void chunkedUploadRoundTripsAtChunkBoundaries()
    {
        QFETCH(int, size);
        const QByteArray bytes = randomBytes(size, quint32(size));
        QList<qint64> progress;
        const QString uuid = upload(bytes, &progress);
        QVERIFY(!uuid.isEmpty());
        // One progress step per chunk, ending at the full size.
        const int chunks = (size + PuppetClient::kChunkBytes - 1) / PuppetClient::kChunkBytes;
        QTRY_COMPARE_WITH_TIMEOUT(progress.size(), chunks, kTimeout);
        QCOMPARE(progress.last(), qint64(size));

        // Download gives the same bytes back.
        Result<QByteArray> got;
        m_client->download(uuid, 0, got.callback());
        QTRY_VERIFY_WITH_TIMEOUT(got.status.has_value(), kTimeout);
        QVERIFY(got.status->ok());
        QCOMPARE(sha(got.value), sha(bytes));

        // And a send with the uuid FileBox delivers them.
        const GatewayStatus st = sendFile(uuidBox(uuid, QStringLiteral("data.bin"), size));
        QVERIFY2(st.ok(), qPrintable(st.message));
        const auto files = m_sim->receivedFiles();
        QCOMPARE(files.size(), 1);
        QVERIFY(files[0].viaUpload);
        QCOMPARE(files[0].size, qint64(size));
        QCOMPARE(files[0].sha256Hex, sha(bytes));
    }

    void fiveMebibytesInlineFailsButGoesThroughUpload()
    {
        const QByteArray big = randomBytes(5 * 1024 * 1024, 5);
        GatewayStatus st = sendFile(inlineBox(big, QStringLiteral("big.bin")));
        QCOMPARE(st.code, 8); // RESOURCE_EXHAUSTED: gRPC's 4 MiB message limit
        QVERIFY(m_sim->receivedFiles().isEmpty());

        const QString uuid = upload(big);
        QVERIFY(!uuid.isEmpty());
        st = sendFile(uuidBox(uuid, QStringLiteral("big.bin"), big.size()));
        QVERIFY2(st.ok(), qPrintable(st.message));
        const auto files = m_sim->receivedFiles();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].sha256Hex, sha(big));
    }

    void sendToUnknownUploadOrConversationFails()
    {
        QCOMPARE(sendFile(uuidBox(QStringLiteral("no-such-uuid"), QStringLiteral("x"), 1)).code, 5);
        Result<QString> r;
        m_client->messageSendFile(QStringLiteral("nobody@chatroom"),
                                  inlineBox("hello", QStringLiteral("a.txt")), r.callback());
        QTRY_VERIFY_WITH_TIMEOUT(r.status.has_value(), kTimeout);
        QCOMPARE(r.status->code, 5);
    }

    void downloadLargerThanCapFails()
    {
        const QString uuid = upload(randomBytes(300 * 1024, 3));
        QVERIFY(!uuid.isEmpty());
        Result<QByteArray> got;
        m_client->download(uuid, 100 * 1024, got.callback());
        QTRY_VERIFY_WITH_TIMEOUT(got.status.has_value(), kTimeout);
        QCOMPARE(got.status->code, 8);
        QVERIFY(got.value.isEmpty());

        Result<QByteArray> missing;
        m_client->download(QStringLiteral("nope"), 0, missing.callback());
        QTRY_VERIFY_WITH_TIMEOUT(missing.status.has_value(), kTimeout);
        QCOMPARE(missing.status->code, 5);
    }

    void sentImageEchoesAsAnImageMessageWithItsFile()
    {
        const QByteArray photo = SimMedia::brokenGoodsPhoto(7, 64, 48, false);
        Result<QString> sent;
        m_client->messageSendFile(m_room, inlineBox(photo, QStringLiteral("p.png")),
                                  sent.callback());
        QTRY_VERIFY_WITH_TIMEOUT(sent.status.has_value(), kTimeout);
        QVERIFY(sent.status->ok());
        Result<Message> payload;
        m_client->messagePayload(sent.value, payload.callback());
        QTRY_VERIFY_WITH_TIMEOUT(payload.status.has_value(), kTimeout);
        QCOMPARE(payload.value.kind, MessageKind::Image);
        QCOMPARE(payload.value.filename, QStringLiteral("p.png"));

        Result<QString> box;
        m_client->messageImage(sent.value, PuppetClient::ImageType::Hd, box.callback());
        QTRY_VERIFY_WITH_TIMEOUT(box.status.has_value(), kTimeout);
        QVERIFY(box.status->ok());
        const QJsonObject o = QJsonDocument::fromJson(box.value.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("type")).toInt(), 7);
        Result<QByteArray> got;
        m_client->download(o.value(QStringLiteral("uuid")).toString(), 0, got.callback());
        QTRY_VERIFY_WITH_TIMEOUT(got.status.has_value(), kTimeout);
        QCOMPARE(sha(got.value), sha(photo));
    }

    void customerPhotosAndReceiptsDownloadAndDecode()
    {
        SimulatorOptions o;
        o.rate = 50;
        o.autoLogin = true;
        o.imageEvery = 2; // every 2nd message a photo, every 4th of those a receipt
        o.heartbeatS = 0;
        Simulator sim(o);
        QVERIFY(sim.start());
        PuppetClient client;
        client.setEndpoint(GatewayEndpoint{sim.address(), QString()});
        QStringList ids;
        connect(&client, &PuppetClient::eventReceived, this,
                [&ids](int type, const QByteArray &payload) {
                    if (type == EventMessage)
                        ids.append(QJsonDocument::fromJson(payload)
                                       .object()
                                       .value(QStringLiteral("messageId"))
                                       .toString());
                });
        client.subscribeEvents();
        client.start({});
        QTRY_VERIFY_WITH_TIMEOUT(ids.size() >= 12, kTimeout);

        int photos = 0;
        int receipts = 0;
        int texts = 0;
        for (const QString &id : ids.mid(0, 12)) {
            Result<Message> m;
            client.messagePayload(id, m.callback());
            QTRY_VERIFY_WITH_TIMEOUT(m.status.has_value(), kTimeout);
            QVERIFY(m.status->ok());
            Result<QString> box;
            if (m.value.kind == MessageKind::Image)
                client.messageImage(id, PuppetClient::ImageType::Thumbnail, box.callback());
            else
                client.messageFile(id, box.callback());
            QTRY_VERIFY_WITH_TIMEOUT(box.status.has_value(), kTimeout);
            if (m.value.kind == MessageKind::Text) {
                QVERIFY(!box.status->ok()); // a text message has no file
                ++texts;
                continue;
            }
            QVERIFY2(box.status->ok(), qPrintable(box.status->message));
            const QJsonObject fb = QJsonDocument::fromJson(box.value.toUtf8()).object();
            Result<QByteArray> got;
            client.download(fb.value(QStringLiteral("uuid")).toString(), 0, got.callback());
            QTRY_VERIFY_WITH_TIMEOUT(got.status.has_value(), kTimeout);
            QVERIFY(got.status->ok());
            QCOMPARE(got.value.size(), fb.value(QStringLiteral("size")).toInteger());
            if (m.value.kind == MessageKind::Image) {
                QVERIFY(!QImage::fromData(got.value).isNull());
                ++photos;
            } else {
                QCOMPARE(m.value.kind, MessageKind::Attachment);
                QVERIFY(got.value.startsWith("%PDF-"));
                QVERIFY(m.value.filename.endsWith(QLatin1String(".pdf")));
                ++receipts;
            }
        }
        QCOMPARE(texts, 6);
        QVERIFY(photos >= 4);
        QVERIFY(receipts >= 1);
    }
};

QTEST_GUILESS_MAIN(FileTransferTest)
#include "tst_file_transfer.moc"
