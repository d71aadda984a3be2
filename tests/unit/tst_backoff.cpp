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
