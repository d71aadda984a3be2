// Issue 3: several accounts, logout. Two accounts on two simulators: when
// one gateway goes away the other account's feed stays live while the first
// one reconnects (visibly: next attempt time). A bot logged out from the
// gateway shows LoggedOut with the reason, and restarting the QR login
// brings a new QR code and then Ready again.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "sim/SimProbeClient.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::SimProbeClient;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

class TestAccountsGateway : public QObject
{
    Q_OBJECT
private slots:
    void stoppingOneGatewayLeavesTheOtherFeedLive()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        std::atomic<int> storedA{0};
        std::atomic<int> storedB{0};
        connect(
            &store, &Store::messagesStored, this,
            [&](const QVector<Message> &messages) {
                for (const Message &m : messages)
                    (m.accountId == QLatin1String("a") ? storedA : storedB)++;
            },
            Qt::DirectConnection);

        SimulatorOptions oa;
        oa.autoLogin = true;
        oa.rate = 30;
        oa.heartbeatS = 1;
        SimulatorOptions ob = oa;
        ob.seed = 2;
        const quint16 portA = freePort();
        oa.port = portA;
        auto simA = std::make_unique<Simulator>(oa);
        Simulator simB(ob);
        QVERIFY2(simA->start(&error), qPrintable(error));
        QVERIFY2(simB.start(&error), qPrintable(error));

        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(QStringLiteral("a"), portA), endpoint(portA));
        engine.addAccount(account(QStringLiteral("b"), simB.port()), endpoint(simB.port()));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("a")).state == SessionState::Ready
                                     && engine.status(QStringLiteral("b")).state
                                         == SessionState::Ready,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(storedA > 10 && storedB > 10, 20000);

        simA.reset(); // gateway A goes away
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(QStringLiteral("a")).nextReconnectMs > 0, 20000);
        const int aAtStop = storedA;
        const int bAtStop = storedB;
        // B keeps storing while A waits to reconnect (and fails to).
        QTRY_VERIFY_WITH_TIMEOUT(storedB >= bAtStop + 60, 20000);
        QCOMPARE(engine.status(QStringLiteral("b")).state, SessionState::Ready);
        QVERIFY(engine.status(QStringLiteral("a")).state != SessionState::Ready);
        QVERIFY(storedA - aAtStop <= 64); // at most the batch in hand when A died

        // A comes back on the same port and its feed resumes; B never stopped.
        simA = std::make_unique<Simulator>(oa);
        QVERIFY2(simA->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(QStringLiteral("a")).state, SessionState::Ready,
                                  20000);
        const int aBack = storedA;
        QTRY_VERIFY_WITH_TIMEOUT(storedA > aBack + 10, 20000);
        engine.shutdown();
    }

    void logoutShowsReasonAndQrLoginRestarts()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        SimulatorOptions o;
        o.rate = 0;
        o.scanDelayMs = 200;
        o.confirmDelayMs = 200;
        o.heartbeatS = 1;
        Simulator sim(o);
        QVERIFY2(sim.start(&error), qPrintable(error));

        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        const QString id = QStringLiteral("acc");
        QList<SessionState> states;
        QStringList qrCodes;
        QString logoutDetail;
        connect(&engine, &Engine::accountStatusChanged, this, [&](const QString &) {
            const AccountStatus st = engine.status(id);
            if (states.isEmpty() || states.last() != st.state)
                states << st.state;
            if (st.state == SessionState::LoggedOut)
                logoutDetail = st.detail;
            if (st.state == SessionState::WaitingForScan && !st.qrCode.isEmpty()
                && (qrCodes.isEmpty() || qrCodes.last() != st.qrCode))
                qrCodes << st.qrCode;
        });
        engine.addAccount(account(id, sim.port()), endpoint(sim.port()));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(id).state, SessionState::Ready, 20000);
        QVERIFY(!qrCodes.isEmpty());

        // Like a gateway whose puppet was stopped: after the logout it waits
        // for Start instead of showing a new QR code by itself.
        SimProbeClient probe(sim.address());
        QCOMPARE(probe.stop(), 0);
        states.clear();
        sim.logoutBot(QStringLiteral("kicked offline on the phone"));
        QTRY_VERIFY_WITH_TIMEOUT(states.contains(SessionState::LoggedOut), 20000);
        QVERIFY2(logoutDetail.contains(QStringLiteral("kicked offline on the phone")),
                 qPrintable(logoutDetail));
        QTest::qWait(1000);
        QCOMPARE(engine.status(id).state,
                 SessionState::LoggedOut); // stays visible until the user acts

        // The user restarts the QR login from the UI.
        const int codesBefore = int(qrCodes.size());
        engine.restartLogin(id);
        QTRY_VERIFY_WITH_TIMEOUT(qrCodes.size() > codesBefore, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(id).state, SessionState::Ready, 20000);
        QVERIFY(sim.isLoggedIn());
        engine.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestAccountsGateway)
#include "tst_accounts_gateway.moc"
