// A gateway client destroyed while its calls are still in flight must not
// take the process down. gRPC 1.51 runs call callbacks on threads of one queue
// that all channels share, and shuts that queue down (joining those threads)
// when the process's last channel dies. When that last reference was dropped
// inside a callback, the thread joined itself and the process aborted: the
// headless app crashed on about one SIGTERM in eight (CI, stop 22). The
// gateway is a separate process here, so the client's channel is the only
// one in this process, as in the app.
#include "GatewayTestSupport.h"

#include "gateway/PuppetClient.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;

class TestClientTeardown : public QObject
{
    Q_OBJECT
private:
    quint16 m_port = 0;
    SimProcess m_sim;
    const QString m_token = QStringLiteral("teardown-token");

private slots:
    void initTestCase()
    {
        m_port = freePort();
        QString error;
        QVERIFY2(m_sim.start({QStringLiteral("--port"), QString::number(m_port),
                              QStringLiteral("--token"), m_token, QStringLiteral("--auto-login"),
                              QStringLiteral("--rooms"), QStringLiteral("50")},
                             &error),
                 qPrintable(error));
    }

    // Clients come and go with calls in flight: some answered, some cancelled
    // by the destructor, some ended after it returned. Every round must end
    // with the process alive, and the calls answered before the end must
    // carry real answers.
    void clientsDestroyedWithCallsInFlight()
    {
        int answered = 0;
        int roomsSeen = 0;
        for (int round = 0; round < 60; ++round) {
            {
                PuppetClient client;
                client.setEndpoint(endpoint(m_port, m_token));
                client.subscribeEvents();
                for (int i = 0; i < 4; ++i) {
                    client.roomList([&](const GatewayStatus &st, const QStringList &rooms) {
                        if (st.ok()) {
                            ++answered;
                            roomsSeen = int(rooms.size());
                        }
                    });
                    client.contactList([](const GatewayStatus &, const QStringList &) {});
                }
                // Let some answers arrive and leave others in flight.
                const int waitMs = int(QRandomGenerator::global()->bounded(0, 30));
                QElapsedTimer t;
                t.start();
                while (t.elapsed() < waitMs)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            } // destroyed here, with whatever is still in flight
            // The callbacks of the cancelled calls run on gRPC's threads now.
            QThread::msleep(round % 3);
        }
        QVERIFY2(answered > 0, "no call was ever answered: the gateway was not reached");
        QCOMPARE(roomsSeen, 50);
    }

    // A client that is pointed at a new endpoint while calls run on the old
    // channel keeps working, and the old channel is released on its thread.
    void endpointReplacedWithCallsInFlight()
    {
        PuppetClient client;
        int answered = 0;
        for (int round = 0; round < 30; ++round) {
            client.setEndpoint(endpoint(m_port, m_token));
            client.roomList([&](const GatewayStatus &st, const QStringList &) {
                if (st.ok())
                    ++answered;
            });
            QThread::msleep(round % 4);
        }
        QTRY_VERIFY_WITH_TIMEOUT(answered >= 1, 10000);
        // The last endpoint answers.
        bool lastOk = false;
        client.roomList([&](const GatewayStatus &st, const QStringList &rooms) {
            lastOk = st.ok() && rooms.size() == 50;
        });
        QTRY_VERIFY_WITH_TIMEOUT(lastOk, 10000);
    }
};

QTEST_GUILESS_MAIN(TestClientTeardown)
#include "tst_client_teardown.moc"
