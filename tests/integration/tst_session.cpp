// The engine against the in-process simulator over loopback gRPC, with a real
// store: QR login to Ready, sync with resolved names, every message stored
// exactly once (with malformed events, failing payload calls and repeated
// events injected), a send delivered once and stored once with its echo,
// a wrong token and a gateway that is down.
#include "GatewayTestSupport.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;
using gd::testsupport::account;
using gd::testsupport::endpoint;
using gd::testsupport::freePort;

namespace {

SessionTuning fastTuning()
{
    SessionTuning t;
    t.backoffInitialMs = 200;
    t.backoffMaxMs = 1000;
    t.messageRetryDelayMs = 100;
    t.sendRatePerSecond = 20;
    t.sendJitterMs = 0;
    t.startFallbackMs = 1000;
    return t;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;

    void openStore(const QString &name)
    {
        m_reader.reset();
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(name), &error), qPrintable(error));
        m_reader = m_store->createReader();
    }

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        m_reader.reset();
        if (m_store)
            m_store->close();
        m_store.reset();
    }

    void qrLoginSyncAndEveryMessageStoredOnce()
    {
        openStore(QStringLiteral("a.db"));
        SimulatorOptions opt;
        opt.token = QStringLiteral("secret-token");
        opt.rate = 100;
        opt.durationS = 3;
        opt.scanDelayMs = 300;
        opt.confirmDelayMs = 300;
        opt.roomEvents = false; // system lines would count as incoming rows
        opt.faultMalformedEvery = 13;
        opt.faultFailPayloadEvery = 17;
        opt.faultRepeatEvery = 11;
        Simulator sim(opt);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));

        Engine engine(m_store.get());
        engine.setSessionTuning(fastTuning());
        QList<SessionState> states;
        QString firstQr;
        connect(&engine, &Engine::accountStatusChanged, this, [&](const QString &id) {
            const AccountStatus st = engine.status(id);
            if (states.isEmpty() || states.last() != st.state)
                states << st.state;
            if (firstQr.isEmpty() && st.state == SessionState::WaitingForScan)
                firstQr = st.qrCode;
        });
        engine.addAccount(account(QStringLiteral("acc"), sim.port()),
                          endpoint(sim.port(), QStringLiteral("secret-token")));

        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("acc")).state == SessionState::Ready,
                                 20000);
        QVERIFY(states.contains(SessionState::WaitingForScan));
        QVERIFY(states.contains(SessionState::Scanned));
        QVERIFY(states.indexOf(SessionState::WaitingForScan) < states.indexOf(SessionState::Ready));
        QVERIFY(!firstQr.isEmpty());

        // Sync: every contact and room of the simulator, members with names.
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("acc")).syncTotal > 0
                                     && engine.status(QStringLiteral("acc")).syncDone
                                         == engine.status(QStringLiteral("acc")).syncTotal,
                                 20000);
        m_store->flush();
        QSet<QString> storedContacts;
        for (const Contact &c : m_reader->contacts(QStringLiteral("acc")))
            storedContacts.insert(c.id);
        for (const QString &id : sim.contactIds())
            if (id != sim.selfId())
                QVERIFY2(storedContacts.contains(id), qPrintable(id));
        QCOMPARE(m_reader->rooms(QStringLiteral("acc")).size(), sim.roomCount());
        const QString room = sim.roomIds().first();
        QCOMPARE(m_reader->roomMembers(QStringLiteral("acc"), room).size(),
                 sim.roomMemberIds(room).size());

        // Let the traffic end, then every emitted message is stored exactly once.
        // (Waiting for the end matters: mid-traffic the store may catch up for
        // a moment, and QTRY evaluates its condition again after the loop.)
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_store->flush();
                const QJsonObject stats = sim.stats();
                const qint64 emitted = stats.value(QStringLiteral("messages_emitted")).toInteger();
                return stats.value(QStringLiteral("traffic_ended")).toBool() && emitted > 100
                    && m_reader->incomingMessageCount(QStringLiteral("acc")) == emitted;
            }(),
            30000);
        QTest::qWait(1500); // late duplicates (repeats, retries) would show up now
        m_store->flush();
        const qint64 emitted = sim.stats().value(QStringLiteral("messages_emitted")).toInteger();
        QCOMPARE(m_reader->incomingMessageCount(QStringLiteral("acc")), emitted);

        // Names are resolved: a talker in a room with a room alias gets it.
        const QVector<Message> feed
            = m_reader->messagesBefore(QStringLiteral("acc"), room, {}, 1000);
        int checked = 0;
        for (const Message &m : feed) {
            QVERIFY(!m.talkerName.isEmpty());
            const QString alias = sim.roomMemberAlias(room, m.talkerId);
            if (!alias.isEmpty()) {
                QCOMPARE(m.talkerName, alias);
                ++checked;
            } else if (!sim.contactAlias(m.talkerId).isEmpty()) {
                QCOMPARE(m.talkerName, sim.contactAlias(m.talkerId));
                ++checked;
            } else if (!sim.contactName(m.talkerId).isEmpty()) {
                QCOMPARE(m.talkerName, sim.contactName(m.talkerId));
                ++checked;
            }
        }
        QVERIFY(checked > 0);

        // A send: delivered to the gateway once, stored once (own echo included).
        const QString text
            = QStringLiteral("您好，退款已经处理 %1").arg(QDateTime::currentMSecsSinceEpoch());
        engine.sendText(QStringLiteral("acc"), room, text);
        QTRY_VERIFY_WITH_TIMEOUT(sim.receivedTexts().contains(text), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_store->flush();
                const auto entries
                    = OutboxRepository::rowsForConversation(*m_reader, QStringLiteral("acc"), room);
                return !entries.isEmpty() && entries.last().state == OutboxState::Sent;
            }(),
            15000);
        QTest::qWait(1000); // the echo comes as a MESSAGE event
        m_store->flush();
        QCOMPARE(sim.receivedTexts().count(text), 1);
        int stored = 0;
        for (const Message &m : m_reader->messagesBefore(QStringLiteral("acc"), room, {}, 5000))
            if (m.text == text) {
                ++stored;
                QVERIFY(m.fromSelf);
            }
        QCOMPARE(stored, 1);

        engine.shutdown();
        sim.shutdown();
    }

    void messageInjectedAfterReadyIsStoredWithResolvedName()
    {
        openStore(QStringLiteral("b.db"));
        SimulatorOptions opt;
        opt.autoLogin = true;
        opt.rate = 0.001;
        opt.roomEvents = false;
        Simulator sim(opt);
        QVERIFY(sim.start());
        Engine engine(m_store.get());
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(QStringLiteral("b"), sim.port()), endpoint(sim.port(), {}));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("b")).state == SessionState::Ready,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("b")).syncTotal > 0
                                     && engine.status(QStringLiteral("b")).syncDone
                                         == engine.status(QStringLiteral("b")).syncTotal,
                                 20000);
        const QString room = sim.roomIds().at(1);
        QString talker;
        for (const QString &id : sim.roomMemberIds(room))
            if (id != sim.selfId() && !sim.roomMemberAlias(room, id).isEmpty())
                talker = id;
        if (talker.isEmpty())
            talker = sim.roomMemberIds(room).last();
        sim.injectMessage(room, talker, QStringLiteral("发票怎么开"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_store->flush();
                for (const Message &m :
                     m_reader->messagesBefore(QStringLiteral("b"), room, {}, 100))
                    if (m.text == QStringLiteral("发票怎么开"))
                        return true;
                return false;
            }(),
            15000);
        Message got;
        for (const Message &m : m_reader->messagesBefore(QStringLiteral("b"), room, {}, 100))
            if (m.text == QStringLiteral("发票怎么开"))
                got = m;
        QCOMPARE(got.talkerId, talker);
        QCOMPARE(got.kind, MessageKind::Text);
        QVERIFY(!got.fromSelf);
        const QString expected = !sim.roomMemberAlias(room, talker).isEmpty()
            ? sim.roomMemberAlias(room, talker)
            : !sim.contactAlias(talker).isEmpty() ? sim.contactAlias(talker)
                                                  : sim.contactName(talker);
        QCOMPARE(got.talkerName, expected);
        engine.shutdown();
    }

    void wrongTokenShowsReadableErrorAndKeepsRetrying()
    {
        openStore(QStringLiteral("c.db"));
        SimulatorOptions opt;
        opt.token = QStringLiteral("right");
        Simulator sim(opt);
        QVERIFY(sim.start());
        Engine engine(m_store.get());
        engine.setSessionTuning(fastTuning());
        int connectingCount = 0;
        connect(&engine, &Engine::accountStatusChanged, this, [&](const QString &id) {
            if (engine.status(id).state == SessionState::Connecting)
                ++connectingCount;
        });
        engine.addAccount(account(QStringLiteral("c"), sim.port()),
                          endpoint(sim.port(), QStringLiteral("wrong")));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("c")).state == SessionState::Error,
                                 15000);
        const AccountStatus st = engine.status(QStringLiteral("c"));
        QCOMPARE(st.detail, (GatewayStatus{16, {}}).userMessage());
        QVERIFY(st.nextReconnectMs > 0);
        QTRY_VERIFY_WITH_TIMEOUT(connectingCount >= 3, 15000);
        QVERIFY(engine.status(QStringLiteral("c")).state != SessionState::Ready);
        engine.shutdown();
    }

    void gatewayDownIsRetriedUntilItComesUp()
    {
        openStore(QStringLiteral("d.db"));
        const quint16 port = freePort();
        Engine engine(m_store.get());
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(QStringLiteral("d"), port),
                          endpoint(port, QStringLiteral("tok")));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("d")).state == SessionState::Error,
                                 15000);
        QCOMPARE(engine.status(QStringLiteral("d")).detail, (GatewayStatus{14, {}}).userMessage());

        SimulatorOptions opt;
        opt.port = port;
        opt.token = QStringLiteral("tok");
        opt.autoLogin = true;
        opt.rate = 0.001;
        Simulator sim(opt);
        QVERIFY(sim.start());
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("d")).state == SessionState::Ready,
                                 20000);
        engine.shutdown();
    }

    void shutdownWhileBusyDoesNotHang()
    {
        openStore(QStringLiteral("e.db"));
        SimulatorOptions opt;
        opt.autoLogin = true;
        opt.rate = 500;
        opt.faultDelayPayloadMs = 200;
        Simulator sim(opt);
        QVERIFY(sim.start());
        Engine engine(m_store.get());
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(QStringLiteral("e"), sim.port()), endpoint(sim.port(), {}));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("e")).state == SessionState::Ready,
                                 20000);
        QTest::qWait(500);
        QElapsedTimer t;
        t.start();
        engine.shutdown();
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(engine.accountIds().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
