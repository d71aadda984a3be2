// Issue 3: events that change the lists, against the in-process simulator.
// DIRTY refreshes exactly the payload it names (one contact, or one room and
// its members; nothing else); contacts and rooms are fetched again
// periodically; joins, leaves and topic changes update the lists and appear
// as system lines; the same text from the same talker in the same room under
// a new id within seconds is stored as a marked duplicate, out of the feed.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "sim/SimProbeClient.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::SimProbeClient;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {
const QString kAcc = QStringLiteral("acc");
}

class TestGatewayEvents : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<Engine> m_engine;

    void startAll(const SimulatorOptions &o, SessionTuning tuning = fastTuning())
    {
        static int n = 0;
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("e%1.db").arg(++n)), &error),
                 qPrintable(error));
        m_sim = std::make_unique<Simulator>(o);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_engine = std::make_unique<Engine>(m_store.get());
        m_engine->setSessionTuning(tuning);
        m_engine->addAccount(account(kAcc, m_sim->port()), endpoint(m_sim->port()));
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status(kAcc).state, SessionState::Ready, 20000);
        m_store->flush();
        QTest::qWait(300); // the sync's last writes are signalled
    }

    static SimulatorOptions quietSim()
    {
        SimulatorOptions o;
        o.autoLogin = true;
        o.rate = 0;
        o.roomEvents = false;
        o.heartbeatS = 1;
        return o;
    }

private slots:
    void cleanup()
    {
        if (m_engine)
            m_engine->shutdown();
        m_engine.reset();
        m_sim.reset();
        m_store.reset();
    }

    void dirtyRefreshesExactlyTheNamedPayload()
    {
        startAll(quietSim());
        QSignalSpy contacts(m_store.get(), &Store::contactsChanged);
        QSignalSpy rooms(m_store.get(), &Store::roomsChanged);
        QSignalSpy members(m_store.get(), &Store::roomMembersChanged);
        SimProbeClient probe(m_sim->address());

        const QString room = m_sim->roomIds().at(2);
        QCOMPARE(probe.dirtyPayload(3, room), 0); // PayloadType Room
        QTRY_COMPARE_WITH_TIMEOUT(members.size(), 1, 10000);
        QCOMPARE(members.first().at(1).toString(), room);
        QTRY_COMPARE_WITH_TIMEOUT(rooms.size(), 1, 10000);
        QTest::qWait(500);
        QCOMPARE(members.size(), 1);
        QCOMPARE(rooms.size(), 1);
        QCOMPARE(contacts.size(), 0);

        rooms.clear();
        members.clear();
        const QString contact = m_sim->contactIds().at(3);
        QCOMPARE(probe.dirtyPayload(2, contact), 0); // PayloadType Contact
        QTRY_COMPARE_WITH_TIMEOUT(contacts.size(), 1, 10000);
        QTest::qWait(500);
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(rooms.size(), 0);
        QCOMPARE(members.size(), 0);
    }

    void contactsAndRoomsAreRefreshedPeriodically()
    {
        SessionTuning t = fastTuning();
        t.listRefreshIntervalMs = 1500;
        startAll(quietSim(), t);
        QSignalSpy contacts(m_store.get(), &Store::contactsChanged);
        QSignalSpy rooms(m_store.get(), &Store::roomsChanged);
        QTRY_VERIFY_WITH_TIMEOUT(contacts.size() >= 1 && rooms.size() >= m_sim->roomCount(), 15000);
        QCOMPARE(m_engine->status(kAcc).state, SessionState::Ready);
    }

    void joinsLeavesAndTopicsUpdateListsAndShowSystemLines()
    {
        SimulatorOptions o = quietSim();
        o.rate = 100;
        o.durationS = 4;
        o.roomEvents = true;
        o.roomEventEvery = 5;
        QList<Message> systemLines;
        startAll(o);
        connect(m_store.get(), &Store::messagesStored, this, [&](const QVector<Message> &ms) {
            for (const Message &m : ms)
                if (m.kind == MessageKind::System)
                    systemLines << m;
        });
        QTest::qWait(6000); // traffic (with its room events) ends after 4 s
        m_store->flush();
        QTest::qWait(1000);
        m_store->flush();
        bool joined = false, left = false, topic = false;
        for (const Message &m : std::as_const(systemLines)) {
            joined |= m.text.contains(QStringLiteral("joined"))
                || m.text.contains(QStringLiteral("invited"));
            left |= m.text.contains(QStringLiteral("left"))
                || m.text.contains(QStringLiteral("removed"));
            topic |= m.text.contains(QStringLiteral("group name"));
        }
        QVERIFY2(joined && left && topic,
                 qPrintable(QStringLiteral("%1 system lines").arg(systemLines.size())));
        // The lists match the simulator's world after all the changes.
        auto reader = m_store->createReader();
        for (const Room &r : reader->rooms(kAcc)) {
            QCOMPARE(r.topic, m_sim->roomTopic(r.id));
            QStringList stored;
            for (const RoomMember &m : reader->roomMembers(kAcc, r.id))
                stored << m.contactId;
            QStringList expected = m_sim->roomMemberIds(r.id);
            stored.sort();
            expected.sort();
            QCOMPARE(stored, expected);
        }
    }

    void repeatUnderNewIdIsMarkedDuplicate()
    {
        startAll(quietSim());
        QList<Message> stored;
        connect(m_store.get(), &Store::messagesStored, this, [&](const QVector<Message> &ms) {
            for (const Message &m : ms)
                stored << m;
        });
        const QString room = m_sim->roomIds().first();
        const QString talker = m_sim->roomMemberIds(room).last();
        m_sim->injectMessage(room, talker, QStringLiteral("退款什么时候到账？"));
        m_sim->injectMessage(room, talker, QStringLiteral("退款什么时候到账？"));
        m_sim->injectMessage(room, talker, QStringLiteral("something else"));
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 2, 10000);
        QTest::qWait(500);
        m_store->flush();
        QCOMPARE(stored.size(), 2); // the repeat never reached the feed
        auto reader = m_store->createReader();
        QCOMPARE(reader->messageCount(kAcc), 3); // but it is stored
        QCOMPARE(reader->messagesBefore(kAcc, room, {}, 50).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGatewayEvents)
#include "tst_gateway_events.moc"
