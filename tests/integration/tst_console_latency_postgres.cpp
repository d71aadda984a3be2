// Consoles on a shared PostgreSQL archive (issue 18, "a message appears in
// every console within 1 s of commit"): two headless consoles
// (gd-console-probe processes, no engine) follow the archive an engine's
// store writes into; every message reaches each of them exactly once
// within a second of its commit. A console's send goes into the shared
// outbox and reaches the engine's store. Real server, real processes.

#include "ConsoleProbe.h"
#include "PgTestServer.h"
#include "outbox/OutboxRepository.h"
#include "store/Store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QSignalSpy>
#include <QTest>

using namespace gd;
using gd::test::ConsoleProbe;
using gd::test::PgTestServer;

namespace {

QString probePath()
{
    return QStringLiteral(GD_BINARY_DIR "/tests/gd-console-probe");
}

} // namespace

class TestConsoleLatencyPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(QFile::exists(probePath()), qPrintable(probePath()));
    }

    void everyConsoleSeesEachMessageOnceWithinOneSecond()
    {
        QString error;
        const QString name = m_server.createFreshDatabase(&error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        Store engine; // creates the schema
        QVERIFY2(engine.open(m_server.url(name), &error), qPrintable(error));

        ConsoleProbe consoles[2];
        for (ConsoleProbe &c : consoles)
            QVERIFY2(c.start(probePath(), m_server.url(name), {}, &error), qPrintable(error));
        for (ConsoleProbe &c : consoles)
            QTRY_VERIFY_WITH_TIMEOUT(c.has(QStringLiteral("ready")), 10000);

        // Five batches, a moment apart; each batch's commit time noted.
        QMap<QString, qint64> committedAt;
        const qint64 base = QDateTime::currentMSecsSinceEpoch();
        for (int batch = 0; batch < 5; ++batch) {
            QVector<Message> rows;
            for (int i = 0; i < 8; ++i) {
                Message m;
                m.accountId = QStringLiteral("acc%1").arg(batch % 3);
                m.id = QStringLiteral("b%1-%2").arg(batch).arg(i);
                m.roomId = QStringLiteral("room%1@chatroom").arg(i % 4);
                m.talkerId = QStringLiteral("wxid_%1").arg(i);
                m.text = QStringLiteral("请问什么时候发货 %1").arg(i);
                m.timestampMs = base + batch * 100 + i;
                rows.append(m);
            }
            engine.insertMessages(rows);
            engine.flush();
            const qint64 committed = QDateTime::currentMSecsSinceEpoch();
            for (const Message &m : rows)
                committedAt.insert(m.id, committed);
            QTest::qWait(150);
        }
        for (ConsoleProbe &c : consoles)
            QTRY_COMPARE_WITH_TIMEOUT(c.seenByMessageId().size(), 40, 3000);

        qint64 worst = 0;
        for (ConsoleProbe &c : consoles) {
            const QHash<QString, QList<qint64>> seen = c.seenByMessageId();
            for (auto it = committedAt.cbegin(); it != committedAt.cend(); ++it) {
                QCOMPARE(seen.value(it.key()).size(), 1); // once
                worst = std::max(worst, seen.value(it.key()).first() - it.value());
            }
        }
        qInfo() << "slowest console update after commit:" << worst << "ms";
        QVERIFY2(worst <= 1000, qPrintable(QString::number(worst)));

        // A console's send lands in the shared outbox; the engine hears of it.
        OutboxRepository::of(&engine); // an engine follows the shared outbox
        QSignalSpy outbox(&engine, &Store::outboxChanged);
        ConsoleProbe sender;
        QVERIFY2(sender.start(probePath(), m_server.url(name),
                              {QStringLiteral("--send"),
                               QStringLiteral("acc1/room1@chatroom/马上为您处理"),
                               QStringLiteral("--seconds"), QStringLiteral("5")},
                              &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(sender.has(QStringLiteral("queued")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!outbox.isEmpty(), 1000);
        const OutboxEntry queued = outbox.first().at(0).value<OutboxEntry>();
        QCOMPARE(queued.text, QStringLiteral("马上为您处理"));
        QCOMPARE(queued.origin, QStringLiteral("console"));
        QCOMPARE(queued.state, OutboxState::Queued);
        // The other consoles see it queued too.
        for (ConsoleProbe &c : consoles)
            QTRY_VERIFY_WITH_TIMEOUT(c.has(QStringLiteral("outbox")), 1000);

        for (ConsoleProbe *c : {&consoles[0], &consoles[1], &sender})
            c->stop();
    }

private:
    PgTestServer m_server;
};

QTEST_GUILESS_MAIN(TestConsoleLatencyPostgres)
#include "tst_console_latency_postgres.moc"
