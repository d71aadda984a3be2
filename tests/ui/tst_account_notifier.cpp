// Issue 3: an online account that is logged out or loses its gateway raises
// one desktop notification (with the reason), not one per retry; and the
// account list says in words when the next reconnect attempt is due.
#include "AccountNotifier.h"
#include "AccountStateText.h"
#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

SessionTuning fastTuning()
{
    SessionTuning t;
    t.backoffInitialMs = 300;
    t.backoffMaxMs = 600;
    t.startFallbackMs = 300;
    return t;
}

} // namespace

class TestAccountNotifier : public QObject
{
    Q_OBJECT
private slots:
    void logoutAndLostGatewayNotifyOnceEach()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("n.db")), &error), qPrintable(error));
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 0;
        o.heartbeatS = 1;
        auto sim = std::make_unique<Simulator>(o);
        QVERIFY2(sim->start(&error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        AccountNotifier notifier(&engine, QIcon());
        QSignalSpy spy(&notifier, &AccountNotifier::notificationRaised);

        AccountInfo a;
        a.id = QStringLiteral("acc");
        a.displayName = QStringLiteral("Shop bot");
        a.endpoint = sim->address();
        GatewayEndpoint e;
        e.address = sim->address();
        engine.addAccount(a, e);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(a.id).state, SessionState::Ready, 20000);
        QCOMPARE(spy.size(), 0);

        // Kicked offline: the sim (auto-login) logs straight back in afterwards.
        sim->logoutBot(QStringLiteral("kicked offline on the phone"));
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 20000);
        QCOMPARE(spy.at(0).at(0).toString(), a.id);
        QVERIFY(spy.at(0).at(1).toString().contains(QStringLiteral("Shop bot")));
        QVERIFY2(spy.at(0).at(2).toString().contains(QStringLiteral("kicked offline on the phone")),
                 qPrintable(spy.at(0).at(2).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(a.id).state, SessionState::Ready, 20000);

        // The gateway goes away: one notification, however many retries fail.
        const quint16 port = sim->port();
        sim.reset();
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 20000);
        QTest::qWait(2000);
        QCOMPARE(spy.size(), 2);

        // The list says when it tries again.
        const AccountStatus st = engine.status(a.id);
        QVERIFY(st.nextReconnectMs > 0 || st.state == SessionState::Connecting);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(a.id).state == SessionState::Error
                                     && engine.status(a.id).nextReconnectMs > 0,
                                 20000);
        const QString text = AccountStateText::stateText(engine.status(a.id));
        QVERIFY2(text.contains(QStringLiteral("Reconnecting in")), qPrintable(text));

        // Back online, then lost again: notified again.
        o.port = port;
        sim = std::make_unique<Simulator>(o);
        QVERIFY2(sim->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status(a.id).state, SessionState::Ready, 20000);
        sim.reset();
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 20000);
        engine.shutdown();
    }
};

QTEST_MAIN(TestAccountNotifier)
#include "tst_account_notifier.moc"
