// How many sends a minute the default pacer lets through with a full outbox,
// on a fake clock, driven exactly like AccountSession::pumpOutbox (wait what
// delayMs() says, then tryAcquire()). Prints the figure; pins it near the
// configured ~1 message/s (plus the initial burst), and checks the settings
// keys override the defaults.
#include "engine/PacerSettings.h"
#include "outbox/SendPacer.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

namespace {

// Send times (ms) of a backlog drained for `durationMs`.
QVector<qint64> drain(SendPacer &pacer, qint64 durationMs)
{
    QVector<qint64> sends;
    qint64 now = 0;
    while (now < durationMs) {
        const qint64 wait = pacer.delayMs(now);
        if (wait > 0) {
            now += wait;
            continue;
        }
        if (pacer.tryAcquire(now))
            sends.append(now);
        now += 1; // the send itself takes a moment
    }
    return sends;
}

int sendsBetween(const QVector<qint64> &sends, qint64 fromMs, qint64 toMs)
{
    return int(std::count_if(sends.begin(), sends.end(),
                             [&](qint64 t) { return t >= fromMs && t < toMs; }));
}

} // namespace

class TestPacerThroughput : public QObject
{
    Q_OBJECT
private slots:
    void defaultPacerSendsAboutSixtyAMinute()
    {
        const SessionTuning t;
        SendPacer pacer(t.sendRatePerSecond, t.sendBurst, t.sendJitterMs);
        pacer.setSeed(42);
        const QVector<qint64> sends = drain(pacer, 11 * 60000);
        const int firstMinute = sendsBetween(sends, 0, 60000);
        const double sustained = sendsBetween(sends, 60000, 11 * 60000) / 10.0;
        qint64 minGap = std::numeric_limits<qint64>::max();
        for (int i = t.sendBurst + 1; i < sends.size(); ++i)
            minGap = std::min(minGap, sends[i] - sends[i - 1]);
        qInfo("default pacer (%.1f/s, burst %d, jitter %d ms): first minute %d sends, then %.1f "
              "sends/min;"
              " smallest gap after the burst %lld ms",
              t.sendRatePerSecond, t.sendBurst, t.sendJitterMs, firstMinute, sustained, minGap);
        QVERIFY(firstMinute <= 60 + t.sendBurst);
        QVERIFY(firstMinute >= 55);
        QVERIFY(sustained <= 60.5);
        QVERIFY(sustained >= 55);
        // The first three go at once, then no two closer than the rate allows
        // minus what jitter saved up.
        QCOMPARE(sends.mid(0, 3), (QVector<qint64>{0, 1, 2}));
        QVERIFY(minGap >= 1000 - t.sendJitterMs);
    }

    void settingsOverrideTheDefaults()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("pacer/messagesPerSecond"), 0.5);
        settings.setValue(QStringLiteral("pacer/burst"), 1);
        settings.setValue(QStringLiteral("pacer/jitterMs"), 0);
        SessionTuning t;
        applyPacerSettings(t, settings);
        QCOMPARE(t.sendRatePerSecond, 0.5);
        QCOMPARE(t.sendBurst, 1);
        QCOMPARE(t.sendJitterMs, 0);
        SendPacer pacer(t.sendRatePerSecond, t.sendBurst, t.sendJitterMs);
        const QVector<qint64> sends = drain(pacer, 60000);
        QCOMPARE(sends.size(), 30); // one every 2 s, the first at once
        settings.setValue(QStringLiteral("pacer/messagesPerSecond"), 1000);
        applyPacerSettings(t, settings);
        QCOMPARE(t.sendRatePerSecond, 20.0); // clamped
    }
};

QTEST_GUILESS_MAIN(TestPacerThroughput)
#include "tst_pacer_throughput.moc"
