// Issue 5, "what it must show" 1: an image sent with Engine::sendFile goes
// through the outbox and reaches the simulator byte-identical (sha256), both
// a small one (inline base64 FileBox) and one over 256 KiB (Upload, then the
// uuid FileBox, with progress); the entry ends Sent and the message is stored
// once; an invalid file ends Failed with a readable reason and nothing is sent.

#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

// Queues a file through Engine::submit and waits for its database id.
qint64 submitFile(Engine &engine, const QString &accountId, const QString &conversationId,
                  const QString &path)
{
    SendRequest request;
    request.accountId = accountId;
    request.conversationId = conversationId;
    request.filePath = path;
    return engine.submit(request).result().id;
}

const QString kAccount = QStringLiteral("acc");
constexpr int kTimeout = 30000;

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

// A PNG of noise: noise does not compress, so the size follows the pixels.
QByteArray noisePng(int side, quint32 seed)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x)
            line[x] = 0xff000000u | (rng.generate() & 0xffffffu);
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestFileOutbox : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(); // a fresh database per test
        QVERIFY(m_dir->isValid());
        QString error;
        m_store = std::make_unique<Store>();
        QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("gd.db")), &error),
                 qPrintable(error));
        const quint16 port = freePort();
        SimulatorOptions o;
        o.port = port;
        o.autoLogin = true;
        o.rate = 0; // no traffic: only our sends matter here
        o.roomEvents = false;
        o.heartbeatS = 1;
        m_sim = std::make_unique<Simulator>(o);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_engine = std::make_unique<Engine>(m_store.get());
        m_engine->setSessionTuning(fastTuning());
        m_engine->addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->status(kAccount).state == SessionState::Ready, kTimeout);
        m_room = m_sim->roomIds().value(0);
        QVERIFY(!m_room.isEmpty());
    }

    void cleanup()
    {
        m_engine.reset();
        m_sim.reset();
        m_store.reset();
        m_dir.reset();
    }

    void imagesReachTheGatewayByteIdentical_data()
    {
        QTest::addColumn<int>("side");
        QTest::addColumn<bool>("viaUpload");
        QTest::newRow("small inline") << 40 << false;
        QTest::newRow("large upload") << 400 << true; // 400x400 noise: ~480 KiB
    }

    void imagesReachTheGatewayByteIdentical()
    {
        QFETCH(int, side);
        QFETCH(bool, viaUpload);
        const QByteArray png = noisePng(side, 7 + side);
        QCOMPARE(png.size() > 256 * 1024, viaUpload);
        const QString path = m_dir->filePath(QStringLiteral("photo-%1.png").arg(side));
        QVERIFY(writeFile(path, png));
        const QString name = QFileInfo(path).fileName();

        QSignalSpy progress(m_engine.get(), &Engine::uploadProgress);
        const qint64 id = submitFile(*m_engine, kAccount, m_room, path);
        QVERIFY(id > 0);
        // The user may delete the original at once: the outbox has its copy.
        m_store->flush();
        QVERIFY(QFile::remove(path));

        QTRY_COMPARE_WITH_TIMEOUT(m_sim->receivedFiles().size(), 1, kTimeout);
        const auto got = m_sim->receivedFiles().first();
        QCOMPARE(got.name, name);
        QCOMPARE(got.sha256Hex, sha(png));
        QCOMPARE(got.viaUpload, viaUpload);
        QCOMPARE(got.conversationId, m_room);

        auto reader = m_store->createReader();
        QTRY_COMPARE_WITH_TIMEOUT(
            OutboxRepository::rows(*reader, kAccount, {OutboxState::Sent}).size(), 1, kTimeout);
        const OutboxEntry entry
            = OutboxRepository::rows(*reader, kAccount, {OutboxState::Sent}).first();
        QCOMPARE(entry.id, id);
        QCOMPARE(entry.kind, OutboxKind::Image);
        QCOMPARE(entry.mime, QStringLiteral("image/png"));
        QCOMPARE(entry.fileName, name);
        QCOMPARE(entry.fileSize, qint64(png.size()));
        QCOMPARE(entry.messageId, got.messageId);

        // The answer and the echo both carry the message: stored once.
        m_store->flush();
        QTRY_VERIFY_WITH_TIMEOUT(!reader->messagesBefore(kAccount, m_room, {}, 50).isEmpty(),
                                 kTimeout);
        QTest::qWait(500); // let a late echo land, if it were to duplicate
        m_store->flush();
        const QVector<Message> stored = reader->messagesBefore(kAccount, m_room, {}, 50);
        int ours = 0;
        for (const Message &m : stored) {
            if (m.filename == name) {
                ++ours;
                QCOMPARE(m.kind, MessageKind::Image);
                QVERIFY(m.fromSelf);
                QCOMPARE(m.outboxId, id);
            }
        }
        QCOMPARE(ours, 1);

        if (viaUpload) {
            QVERIFY(progress.size() >= 2);
            const QList<QVariant> last = progress.last();
            QCOMPARE(last.at(0).toLongLong(), id);
            QCOMPARE(last.at(1).toLongLong(), qint64(png.size()));
            QCOMPARE(last.at(2).toLongLong(), qint64(png.size()));
        } else {
            QCOMPARE(progress.size(), 0);
        }
    }

    void invalidFileEndsFailedAndSendsNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("corrupt png")
            << QByteArray("\x89PNG\r\n\x1a\n garbage that is no image", 33);
        QTest::newRow("empty") << QByteArray();
    }

    void invalidFileEndsFailedAndSendsNothing()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir->filePath(QStringLiteral("broken.png"));
        QVERIFY(writeFile(path, content));
        const qint64 id = submitFile(*m_engine, kAccount, m_room, path);
        QVERIFY(id > 0);
        auto reader = m_store->createReader();
        QTRY_COMPARE_WITH_TIMEOUT(
            OutboxRepository::rows(*reader, kAccount, {OutboxState::Failed}).size(), 1, kTimeout);
        const OutboxEntry entry
            = OutboxRepository::rows(*reader, kAccount, {OutboxState::Failed}).first();
        QCOMPARE(entry.id, id);
        QVERIFY2(entry.error.size() > 10, qPrintable(entry.error));
        QVERIFY2(entry.error.contains(QLatin1String("broken.png"))
                     || entry.error.contains(QLatin1String("empty"))
                     || entry.error.contains(QLatin1String("damaged"))
                     || entry.error.contains(QLatin1String("image")),
                 qPrintable(entry.error));
        QTest::qWait(300);
        QCOMPARE(m_sim->receivedFiles().size(), 0);
    }

    void fileThatVanishedFromTheOutboxEndsFailed()
    {
        // Queued while the gateway is away; the outbox copy is deleted before
        // the session gets to it.
        const QByteArray png = noisePng(20, 3);
        const QString path = m_dir->filePath(QStringLiteral("gone.png"));
        QVERIFY(writeFile(path, png));
        m_sim->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->status(kAccount).state != SessionState::Ready, kTimeout);
        const qint64 id = submitFile(*m_engine, kAccount, m_room, path);
        m_store->flush();
        auto reader = m_store->createReader();
        const QVector<OutboxEntry> queued
            = OutboxRepository::rows(*reader, kAccount, {OutboxState::Queued});
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().id, id);
        QVERIFY(QFile::exists(queued.first().filePath));
        QVERIFY(queued.first().filePath.contains(QLatin1String("outbox-files")));
        QVERIFY(QFile::remove(queued.first().filePath));

        SimulatorOptions o = m_sim->options();
        m_sim = std::make_unique<Simulator>(o);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(
            OutboxRepository::rows(*reader, kAccount, {OutboxState::Failed}).size(), 1, kTimeout);
        QVERIFY(!OutboxRepository::rows(*reader, kAccount, {OutboxState::Failed})
                     .first()
                     .error.isEmpty());
        QCOMPARE(m_sim->receivedFiles().size(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<Engine> m_engine;
    QString m_room;
};

QTEST_GUILESS_MAIN(TestFileOutbox)
#include "tst_file_outbox.moc"
