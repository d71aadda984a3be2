// Issue 11, items 1 and 4, end to end with the simulator: a MessageObserver
// given to the engine sees every message the session resolves (own sends
// linked to their outbox row), and group events reach the archive as data
// (kind, actor, targets) next to their line.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "engine/MessageObserver.h"
#include "model/SystemEvent.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

const QString kAccount = QStringLiteral("acc");

// Called in the session's thread: everything under a lock.
class RecordingObserver : public MessageObserver
{
public:
    void messageResolved(const Message &message) override
    {
        QMutexLocker lock(&m_mutex);
        m_messages.append(message);
    }
    QVector<Message> messages() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages;
    }

private:
    mutable QMutex m_mutex;
    QVector<Message> m_messages;
};

} // namespace

class TestSessionPipeline : public QObject
{
    Q_OBJECT
private slots:
    void observerSeesEveryResolvedMessage()
    {
        QTemporaryDir dir;
        QString error;
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 50;
        o.durationS = 2;
        o.roomEvents = false;
        o.heartbeatS = 1;
        Simulator sim(o);
        QVERIFY2(sim.start(&error), qPrintable(error));
        Store store;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        RecordingObserver observer;
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addMessageObserver(&observer);
        engine.addAccount(account(kAccount, sim.port()), endpoint(sim.port()));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);
        const QString room = sim.roomIds().first();
        engine.sendText(kAccount, room, QStringLiteral("观察者看得到我"));
        QTest::qWait(3500); // the traffic ends after 2 s
        store.flush();

        auto reader = store.createReader();
        QTRY_VERIFY_WITH_TIMEOUT(reader->messageCount(kAccount) > 20, 5000);
        store.flush();
        const QVector<Message> seen = observer.messages();
        QCOMPARE(qint64(seen.size()), reader->messageCount(kAccount));
        QSet<QString> ids;
        for (const Message &m : seen) {
            QCOMPARE(m.accountId, kAccount);
            ids.insert(m.id);
        }
        QCOMPARE(ids.size(), seen.size()); // each once
        // The own send is seen with its outbox row.
        bool ownSeen = false;
        for (const Message &m : seen)
            ownSeen |= m.fromSelf && m.text == QStringLiteral("观察者看得到我") && m.outboxId > 0;
        QVERIFY(ownSeen);
        engine.shutdown();
    }

    void groupEventsAreStoredAsData()
    {
        QTemporaryDir dir;
        QString error;
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 100;
        o.durationS = 3;
        o.roomEvents = true;
        o.roomEventEvery = 5;
        o.heartbeatS = 1;
        Simulator sim(o);
        QVERIFY2(sim.start(&error), qPrintable(error));
        Store store;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, sim.port()), endpoint(sim.port()));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);
        QTest::qWait(4500);
        store.flush();

        auto reader = store.createReader();
        QSet<int> kinds;
        int lines = 0;
        for (const QString &room : sim.roomIds()) {
            for (const Message &m : reader->messagesBefore(kAccount, room, {}, 5000)) {
                if (m.kind != MessageKind::System)
                    continue;
                ++lines;
                const SystemEvent e = SystemEvent::fromJson(m.systemEvent);
                QVERIFY2(!e.isNull(), qPrintable(m.systemEvent));
                kinds.insert(int(e.kind));
                QCOMPARE(e.describe(), m.text); // no translator here: the same line
                if (e.kind == SystemEvent::Kind::TopicChange)
                    QVERIFY(!e.topic.isEmpty());
                else
                    QVERIFY(!e.targetIds.isEmpty());
                QCOMPARE(e.targetNames.size(), e.targetIds.size());
            }
        }
        QVERIFY2(kinds.contains(int(SystemEvent::Kind::Join))
                     && kinds.contains(int(SystemEvent::Kind::Leave))
                     && kinds.contains(int(SystemEvent::Kind::TopicChange)),
                 qPrintable(QStringLiteral("%1 system lines").arg(lines)));
        engine.shutdown();
    }

    void unknownTalkersWaitForTheirRoomNotTheWholeSync()
    {
        // A backlog arrives at login while one group's member list comes
        // late: messages of the other groups are stored (and named) while
        // the sync still runs; those of the late group from people who are
        // not contacts wait for its members, and are named too.
        QTemporaryDir dir;
        QString error;
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 0;
        o.roomEvents = false;
        o.imageEvery = 0;
        o.heartbeatS = 1;
        o.burstMessages = 600;
        o.rooms = 10;
        o.contactListLimit = 5; // the bot and staff: customers are strangers
        const QString slowRoom = Simulator(o).roomIds().first();
        o.faultDelayRoomMembersOf = slowRoom;
        o.faultDelayRoomMembersMs = 6000;
        Simulator sim(o);
        QVERIFY2(sim.start(&error), qPrintable(error));
        const QStringList contactList = sim.contactIds().mid(0, o.contactListLimit);
        const QSet<QString> contacts(contactList.cbegin(), contactList.cend());
        Store store;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, sim.port()), endpoint(sim.port()));
        auto reader = store.createReader();
        auto stored = [&](bool slow) {
            QVector<Message> out;
            for (const QString &room : sim.roomIds()) {
                if ((room == slowRoom) == slow)
                    out += reader->messagesBefore(kAccount, room, {}, 5000);
            }
            return out;
        };
        auto syncing = [&] {
            const AccountStatus s = engine.status(kAccount);
            return s.syncTotal == 0 || s.syncDone < s.syncTotal;
        };

        // Most of the other groups' messages are in while the sync waits
        // (repeats, about a quarter, are left out of the pages).
        QTRY_VERIFY_WITH_TIMEOUT(stored(false).size() >= 300, 5000);
        QVERIFY(syncing());
        int strangersElsewhere = 0;
        for (const Message &m : stored(false)) {
            QVERIFY2(m.talkerName != m.talkerId, qPrintable(m.talkerId));
            strangersElsewhere += contacts.contains(m.talkerId) ? 0 : 1;
        }
        QVERIFY(strangersElsewhere > 0); // they were not held
        for (const Message &m : stored(true))
            QVERIFY2(contacts.contains(m.talkerId), qPrintable(m.talkerId)); // the others wait
        QVERIFY(syncing());

        // Once the late group's members are in, everything is stored, named.
        QTRY_COMPARE_WITH_TIMEOUT(reader->messageCount(kAccount), qint64(600), 15000);
        QVERIFY(!syncing());
        int strangersInSlowRoom = 0;
        for (const Message &m : stored(true)) {
            QVERIFY2(m.talkerName != m.talkerId, qPrintable(m.talkerId));
            strangersInSlowRoom += contacts.contains(m.talkerId) ? 0 : 1;
        }
        QVERIFY(strangersInSlowRoom > 0); // some were held
        engine.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestSessionPipeline)

#include "tst_session_pipeline.moc"
