// Issue 3, "what it must show" 3: sends made while the gateway is down go
// out after the reconnect exactly once and in order; a SIGKILL of the
// process that queued them loses none, and an entry that was being sent when
// it died comes back Unknown and is never sent again by itself.
// The crash case runs this same executable as a child ("--enqueue-and-wait
// <db>"): it queues through OutboxRepository::submit, marks the first entry
// Sending, commits, says so, and waits to be killed.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

// Queues a text through the outbox repository and waits for its database id.
qint64 enqueueText(Store &store, const QString &accountId, const QString &conversationId,
                   const QString &text)
{
    SendRequest request;
    request.accountId = accountId;
    request.conversationId = conversationId;
    request.text = text;
    return OutboxRepository::of(&store)->submit(request).result().id;
}

const QString kAccount = QStringLiteral("acc");

SimulatorOptions simOptions(quint16 port)
{
    SimulatorOptions o;
    o.port = port;
    o.autoLogin = true;
    o.rate = 0; // no traffic: only our sends matter here
    o.roomEvents = false;
    o.heartbeatS = 1;
    return o;
}

QStringList crashTexts()
{
    return {QStringLiteral("crash 1 (was sending)"), QStringLiteral("crash 2"),
            QStringLiteral("crash 3"), QStringLiteral("crash 4")};
}

int enqueueAndWait(const QString &dbPath, const QString &roomId)
{
    Store store;
    QString error;
    if (!store.open(dbPath, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QList<qint64> ids;
    for (const QString &text : crashTexts())
        ids << enqueueText(store, kAccount, roomId, text);
    OutboxRepository::of(&store)->update(ids.first(),
                                         OutboxState::Sending); // in flight when we die
    store.flush();
    std::printf("queued\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1); // SIGKILL ends this
}

} // namespace

class TestOutboxOffline : public QObject
{
    Q_OBJECT
private slots:
    void sendsQueuedWhileOfflineGoOutOnceInOrder()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        const quint16 port = freePort();

        auto sim = std::make_unique<Simulator>(simOptions(port));
        QVERIFY2(sim->start(&error), qPrintable(error));
        const QString room = sim->roomIds().first();
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);

        // The gateway goes away; the user keeps typing.
        sim.reset();
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state != SessionState::Ready, 20000);
        QStringList texts;
        for (int i = 1; i <= 6; ++i) {
            texts << QStringLiteral("offline %1").arg(i);
            engine.sendText(kAccount, room, texts.last());
        }
        QTest::qWait(1500); // a few reconnect attempts fail meanwhile
        QVERIFY(engine.status(kAccount).nextReconnectMs > 0
                || engine.status(kAccount).state != SessionState::Ready);

        sim = std::make_unique<Simulator>(simOptions(port));
        QVERIFY2(sim->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(sim->receivedTexts(), texts, 30000);
        // Nothing goes out twice after the fact either.
        QTest::qWait(1500);
        QCOMPARE(sim->receivedTexts(), texts);
        store.flush();
        auto reader = store.createReader();
        QTRY_COMPARE_WITH_TIMEOUT(
            OutboxRepository::rows(*reader, kAccount, {OutboxState::Sent}).size(), 6, 10000);
        engine.shutdown();
    }

    void sigkillBetweenQueueingAndSendingLosesNothing()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("gd.db"));
        const quint16 port = freePort();
        QString error;
        auto sim = std::make_unique<Simulator>(simOptions(port));
        QVERIFY2(sim->start(&error), qPrintable(error));
        const QString room = sim->roomIds().first();

        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--enqueue-and-wait"), dbPath, room});
        QVERIFY(child.waitForStarted(10000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("queued"), 20000);
        child.kill(); // SIGKILL: no shutdown, no goodbye
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        Store store;
        QVERIFY2(store.open(dbPath, &error), qPrintable(error));
        {
            auto reader = store.createReader();
            const QVector<OutboxEntry> unknown
                = OutboxRepository::rows(*reader, kAccount, {OutboxState::Unknown});
            QCOMPARE(unknown.size(), 1);
            QCOMPARE(unknown.first().text, crashTexts().first());
            QCOMPARE(OutboxRepository::rows(*reader, kAccount, {OutboxState::Queued}).size(), 3);
        }

        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        const QStringList expected = crashTexts().mid(1);
        QTRY_COMPARE_WITH_TIMEOUT(sim->receivedTexts(), expected, 30000);
        QTest::qWait(1500);
        QCOMPARE(sim->receivedTexts(), expected); // the Unknown one never went out by itself
        auto reader = store.createReader();
        QCOMPARE(OutboxRepository::rows(*reader, kAccount, {OutboxState::Unknown}).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            OutboxRepository::rows(*reader, kAccount, {OutboxState::Sent}).size(), 3, 10000);
        engine.shutdown();
    }
};

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--enqueue-and-wait") == 0) {
        QCoreApplication app(argc, argv);
        return enqueueAndWait(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    TestOutboxOffline test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outbox_offline.moc"
