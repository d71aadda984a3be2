// Send pacing: token bucket with a burst, a sustained rate and random jitter.
#include "outbox/SendPacer.h"

#include <QtTest>

using gd::SendPacer;

class TestPacer : public QObject
{
    Q_OBJECT
private slots:
    void burstThenSustainedRate()
    {
        SendPacer p(1.0, 3, 0);
        qint64 now = 1000;
        QVERIFY(p.tryAcquire(now));
        QVERIFY(p.tryAcquire(now));
        QVERIFY(p.tryAcquire(now));
        QVERIFY(!p.tryAcquire(now)); // burst used up
        QCOMPARE(p.delayMs(now), qint64(1000));
        QVERIFY(!p.tryAcquire(now + 999));
        QVERIFY(p.tryAcquire(now + 1000));
        QVERIFY(!p.tryAcquire(now + 1000));
    }

    void sustainedRateOverLongRun()
    {
        SendPacer p(2.0, 3, 0);
        int sent = 0;
        for (qint64 t = 0; t <= 10000; t += 10)
            if (p.tryAcquire(t))
                ++sent;
        // 3 burst + 2/s for 10 s
        QVERIFY2(sent >= 22 && sent <= 23, qPrintable(QString::number(sent)));
    }

    void tokensDoNotAccumulateBeyondBurst()
    {
        SendPacer p(1.0, 3, 0);
        p.tryAcquire(0);
        QCOMPARE(p.tokens(1000000), 3.0);
    }

    void jitterAddsRandomWaitWithinBound()
    {
        SendPacer p(1.0, 1, 300);
        p.setSeed(42);
        p.tryAcquire(0);
        QSet<qint64> waits;
        for (int i = 0; i < 50; ++i) {
            const qint64 d = p.delayMs(0);
            QVERIFY(d >= 1000 && d <= 1300);
            waits.insert(d);
        }
        QVERIFY(waits.size() > 5);
    }

    void noWaitWhenTokenAvailable()
    {
        SendPacer p(1.0, 3, 500);
        QCOMPARE(p.delayMs(0), qint64(0));
    }

    void settableRateAndBurst()
    {
        SendPacer p(1.0, 3, 0);
        p.setRate(10.0);
        p.setBurst(1);
        QVERIFY(p.tryAcquire(0));
        QVERIFY(!p.tryAcquire(0));
        QCOMPARE(p.delayMs(0), qint64(100));
        QVERIFY(p.tryAcquire(100));
    }
};

QTEST_GUILESS_MAIN(TestPacer)
#include "tst_pacer.moc"
