// Reconnect delays: doubling from ~1 s to a 60 s cap, jittered, reset after a healthy period.
#include "util/ExponentialBackoff.h"

#include <QtTest>

using gd::ExponentialBackoff;

class TestBackoff : public QObject
{
    Q_OBJECT
private slots:
    void doublesUpToCapWithoutJitter()
    {
        ExponentialBackoff b(1000, 60000, 0.0);
        const QList<int> expected{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (int e : expected)
            QCOMPARE(b.nextDelayMs(0), e);
        for (int i = 0; i < 100; ++i) // no overflow after many failures
            QCOMPARE(b.nextDelayMs(0), 60000);
    }

    void jitterStaysWithinBounds()
    {
        for (quint32 seed = 1; seed < 50; ++seed) {
            ExponentialBackoff b(1000, 60000, 0.2);
            b.setSeed(seed);
            const int first = b.nextDelayMs(0);
            QVERIFY2(first >= 800 && first <= 1200, qPrintable(QString::number(first)));
            const int second = b.nextDelayMs(0);
            QVERIFY(second >= 1600 && second <= 2400);
            for (int i = 0; i < 20; ++i) {
                const int d = b.nextDelayMs(0);
                QVERIFY(d >= 1 && d <= 60000);
            }
        }
    }

    void jitterSpreadsClients()
    {
        QSet<int> delays;
        for (quint32 seed = 1; seed < 20; ++seed) {
            ExponentialBackoff b(1000, 60000, 0.2);
            b.setSeed(seed);
            delays.insert(b.nextDelayMs(0));
        }
        QVERIFY(delays.size() > 5);
    }

    void healthyPeriodResets()
    {
        ExponentialBackoff b(1000, 60000, 0.0, 30000);
        b.nextDelayMs(0);
        b.nextDelayMs(0);
        QCOMPARE(b.nextDelayMs(0), 4000);
        b.connectionEstablished(100000);
        QCOMPARE(b.nextDelayMs(100000 + 30000), 1000);
    }

    void shortLivedConnectionDoesNotReset()
    {
        ExponentialBackoff b(1000, 60000, 0.0, 30000);
        b.nextDelayMs(0);
        b.nextDelayMs(0);
        b.connectionEstablished(100000);
        QCOMPARE(b.nextDelayMs(100000 + 500), 4000);
    }

    // Issue 9 item 7: gateway restarts a few seconds apart were answered with
    // 1, 2, 4 ... 60 s delays because a working connection counted for nothing.
    void connectionThatWorkedRestartsFromFirstStep()
    {
        ExponentialBackoff b(1000, 60000, 0.0, 30000);
        qint64 now = 0;
        QCOMPARE(b.nextDelayMs(now), 1000);
        QCOMPARE(b.nextDelayMs(now), 2000); // the gateway was still down
        for (int restart = 0; restart < 10; ++restart) {
            now += 4000; // up for a few seconds, events flowed, then killed again
            b.connectionEstablished(now);
            b.connectionWorked();
            QCOMPARE(b.nextDelayMs(now + 10), 1000);
            QVERIFY(!b.flapping());
            QCOMPARE(b.nextDelayMs(now + 1010), 2000); // not up yet at the first try
        }
    }

    void connectionThatDeliveredNothingKeepsGrowing()
    {
        ExponentialBackoff b(1000, 60000, 0.0, 30000);
        b.nextDelayMs(0);
        b.nextDelayMs(0);
        b.connectionEstablished(100); // e.g. accepted, then refused at once
        QCOMPARE(b.nextDelayMs(200), 4000);
    }

    void flappingGatewayIsNotHammered()
    {
        const int limit = 5;
        ExponentialBackoff b(1000, 60000, 0.0, 30000, limit, 60000);
        qint64 now = 0;
        int delay = 0;
        for (int drop = 0; drop < limit; ++drop) {
            now += 1500; // each connection works for a moment and drops
            b.connectionWorked();
            delay = b.nextDelayMs(now);
            QCOMPARE(delay, 1000);
        }
        // The next drops within the window count as failures: 2, 4, 8 s...
        for (int drop = 0; drop < 4; ++drop) {
            now += delay + 500;
            b.connectionWorked();
            const int next = b.nextDelayMs(now);
            QVERIFY(b.flapping());
            QVERIFY2(next > delay, qPrintable(QStringLiteral("%1 after %2").arg(next).arg(delay)));
            delay = next;
        }
        // Once the window has passed, a working connection restarts the delays again.
        now += 60000;
        b.connectionWorked();
        QCOMPARE(b.nextDelayMs(now), 1000);
        QVERIFY(!b.flapping());
    }

    void explicitReset()
    {
        ExponentialBackoff b(1000, 60000, 0.0);
        b.nextDelayMs(0);
        b.nextDelayMs(0);
        b.reset();
        QCOMPARE(b.nextDelayMs(0), 1000);
        QCOMPARE(b.failures(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
