// Issue 12: a burst of events must not hold up call results. The client's
// thread takes the event stream in small rounds, so a call result that came
// while thousands of events waited is delivered after at most a round, not
// after all of them (the directory sync at login waited seconds behind a
// backlog). Every event still arrives, once.
#include "gateway/PuppetClient.h"
#include "sim/Simulator.h"

#include <QJsonObject>
#include <QThread>
#include <QtTest>

using namespace gd;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {
// Waits without running this thread's event loop (the client's thread is
// "busy elsewhere" meanwhile).
bool blockUntil(const std::function<bool()> &cond, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!cond()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::msleep(10);
    }
    return true;
}
} // namespace

class TestEventStreamRounds : public QObject
{
    Q_OBJECT
private slots:
    void callResultIsNotQueuedBehindABurst()
    {
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 0;
        o.roomEvents = false;
        o.heartbeatS = 0;
        o.rooms = 10;
        Simulator sim(o);
        QVERIFY(sim.start());
        PuppetClient client;
        client.setEndpoint(GatewayEndpoint{sim.address(), {}});
        int events = 0;
        QStringList messageEvents;
        connect(&client, &PuppetClient::eventReceived, this,
                [&](int type, const QByteArray &payload) {
                    ++events;
                    if (payload.contains("messageId"))
                        messageEvents.append(QString::fromUtf8(payload));
                    Q_UNUSED(type);
                });
        client.subscribeEvents();
        client.start([](const GatewayStatus &) {});
        QTRY_VERIFY_WITH_TIMEOUT(sim.isLoggedIn(), 10000);
        QTest::qWait(300); // the login events are delivered
        const int before = events;
        const qint64 written = sim.stats().value(QStringLiteral("events_written")).toInteger();

        constexpr int kBurst = 20000;
        sim.burst(kBurst);
        QVERIFY(blockUntil(
            [&] {
                return sim.stats().value(QStringLiteral("events_written")).toInteger()
                    >= written + kBurst;
            },
            60000));
        QThread::msleep(500); // on the client's side too
        bool answered = false;
        int eventsAtAnswer = -1;
        client.contactList([&](const GatewayStatus &st, const QStringList &ids) {
            answered = st.ok() && !ids.isEmpty();
            eventsAtAnswer = events - before;
        });
        // The result is queued for this thread once the call left gRPC's hands.
        QVERIFY(blockUntil([&] { return client.callsInFlight() == 0; }, 15000));

        QTRY_VERIFY_WITH_TIMEOUT(eventsAtAnswer >= 0, 15000);
        QVERIFY(answered);
        QVERIFY2(eventsAtAnswer <= 1000,
                 qPrintable(QStringLiteral("the result came after %1 of %2 waiting events")
                                .arg(eventsAtAnswer)
                                .arg(kBurst)));
        QTRY_COMPARE_WITH_TIMEOUT(events - before, kBurst, 30000);
        QCOMPARE(messageEvents.size(), kBurst);
        QCOMPARE(QSet<QString>(messageEvents.cbegin(), messageEvents.cend()).size(), kBurst);
    }
};

QTEST_GUILESS_MAIN(TestEventStreamRounds)
#include "tst_event_stream_rounds.moc"
