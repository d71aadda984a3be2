// Send later: a text and a picture queued from the composer for a time
// ahead go out at that time and not before, also when the engine is shut
// down and started again on the same database in between; a cancelled one
// never goes out; an edited one goes out once, with the new text.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "outbox/OutboxRepository.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {
const QString kAccount = QStringLiteral("acc");

bool received(const Simulator &sim, const QString &text)
{
    return sim.receivedTexts().contains(text);
}
} // namespace

class TestSendLater : public QObject
{
    Q_OBJECT
private slots:
    void goesOutWhenDueAcrossARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gd.db"));
        const quint16 port = freePort();
        SimulatorOptions o;
        o.port = port;
        o.autoLogin = true;
        o.rate = 0;
        o.roomEvents = false;
        o.heartbeatS = 1;
        Simulator sim(o);
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        const QString room = sim.roomIds().first();

        const QString later = QStringLiteral("明天上午十点开始发货，请留意");
        const QString cancelled = QStringLiteral("这条取消了");
        const QString edited = QStringLiteral("改之前");
        const QString editedNew = QStringLiteral("改之后：下午三点发货");
        qint64 dueMs = 0;
        {
            Store store;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            Engine engine(&store);
            engine.setSessionTuning(fastTuning());
            engine.addAccount(account(kAccount, port), endpoint(port));
            QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);

            dueMs = QDateTime::currentMSecsSinceEpoch() + 5000;
            auto submit = [&](const QString &text, qint64 due) -> SubmitResult {
                SendRequest r;
                r.accountId = kAccount;
                r.conversationId = room;
                r.text = text;
                r.dueMs = due;
                r.origin = QStringLiteral("send-later");
                QFuture<SubmitResult> f = engine.submit(r);
                QDeadlineTimer deadline(10000);
                while (!f.isFinished() && !deadline.hasExpired())
                    QTest::qWait(10);
                return f.isFinished() ? f.result() : SubmitResult{}; // id 0: not ok
            };
            const SubmitResult a = submit(later, dueMs);
            QVERIFY2(a.ok(), qPrintable(a.error));
            // A picture for later too; the original file may go meanwhile
            // (the outbox keeps its own copy).
            {
                QImage poster(64, 48, QImage::Format_RGB32);
                poster.fill(Qt::darkCyan);
                const QString posterPath = dir.filePath(QStringLiteral("海报.png"));
                QVERIFY(poster.save(posterPath));
                SendRequest r;
                r.accountId = kAccount;
                r.conversationId = room;
                r.filePath = posterPath;
                r.dueMs = dueMs;
                r.origin = QStringLiteral("send-later");
                QFuture<SubmitResult> f = engine.submit(r);
                QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 10000);
                QVERIFY2(f.result().ok(), qPrintable(f.result().error));
                QVERIFY(QFile::remove(posterPath));
            }
            const SubmitResult b = submit(cancelled, dueMs);
            const SubmitResult c = submit(edited, dueMs);
            QVERIFY(b.ok() && c.ok());
            engine.cancelSend(b.id);
            // Edit = cancel, then queue the new text.
            engine.cancelSend(c.id);
            QVERIFY(submit(editedNew, dueMs).ok());
            // Listed as waiting, with their due time.
            store.flush();
            StoreReader reader(path, QStringLiteral("later-list"));
            const QVector<OutboxEntry> queued
                = OutboxRepository::rows(reader, kAccount, {OutboxState::Queued});
            QCOMPARE(queued.size(), 3); // the text, the picture, the edited text
            for (const OutboxEntry &e : queued)
                QCOMPARE(e.dueMs, dueMs);
            QTest::qWait(1000);
            QVERIFY(!received(sim, later)); // not before its time
            QVERIFY(sim.receivedFiles().isEmpty());
            engine.shutdown();
        }
        // A new engine on the same database (the app restarted).
        Store store;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);
        // Not before its time (watched closely up to it), then on time: the
        // sender wakes for the due row, it does not wait for a poll.
        while (QDateTime::currentMSecsSinceEpoch() < dueMs - 50) {
            QVERIFY(!received(sim, later));
            QTest::qWait(20);
        }
        QTRY_VERIFY_WITH_TIMEOUT(received(sim, later), 20000);
        const qint64 lateMs = QDateTime::currentMSecsSinceEpoch() - dueMs;
        QVERIFY2(lateMs < 5000, qPrintable(QString::number(lateMs)));
        QTRY_VERIFY_WITH_TIMEOUT(received(sim, editedNew), 20000);
        QTest::qWait(500);
        QVERIFY(!received(sim, cancelled));
        QVERIFY(!received(sim, edited));
        QCOMPARE(sim.receivedTexts().count(later), 1);
        QTRY_COMPARE_WITH_TIMEOUT(sim.receivedFiles().size(), 1, 20000);
        QCOMPARE(sim.receivedFiles().first().name, QStringLiteral("海报.png"));
        QCOMPARE(sim.receivedFiles().first().conversationId, room);
        engine.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestSendLater)
#include "tst_send_later.moc"
