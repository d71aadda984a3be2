// Issue 10, @mentions: a text that mentions group members carries their ids
// on the wire (MessageSendText field 3), also when it waited in the outbox
// while the gateway was down; the simulator records them and echoes them
// back in the message payload, so the stored copy knows whom it mentioned.
#include "GatewayTestSupport.h"

#include "engine/Engine.h"
#include "sim/Simulator.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gd;
using namespace gd::testsupport;
using gd::sim::SimReceivedText;
using gd::sim::Simulator;
using gd::sim::SimulatorOptions;

namespace {

const QString kAccount = QStringLiteral("acc");

SimulatorOptions simOptions(quint16 port)
{
    SimulatorOptions o;
    o.port = port;
    o.autoLogin = true;
    o.rate = 0; // no traffic: only our sends matter here
    o.roomEvents = false;
    o.heartbeatS = 1;
    return o;
}

std::optional<SimReceivedText> sentWith(const Simulator &sim, const QString &text)
{
    for (const SimReceivedText &t : sim.receivedTextSends()) {
        if (t.text == text)
            return t;
    }
    return std::nullopt;
}

} // namespace

class TestMentionsWire : public QObject
{
    Q_OBJECT
private slots:
    void mentionIdsReachTheGatewayAndComeBack()
    {
        QTemporaryDir dir;
        Store store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("gd.db")), &error), qPrintable(error));
        const quint16 port = freePort();
        auto sim = std::make_unique<Simulator>(simOptions(port));
        QVERIFY2(sim->start(&error), qPrintable(error));
        const QString room = sim->roomIds().first();
        QStringList members = sim->roomMemberIds(room);
        members.removeAll(sim->selfId());
        QVERIFY(members.size() >= 2);
        const QString first = members.at(0);
        const QString second = members.at(1);
        const QString firstName = sim->roomMemberAlias(room, first).isEmpty()
            ? sim->contactName(first)
            : sim->roomMemberAlias(room, first);

        Engine engine(&store);
        engine.setSessionTuning(fastTuning());
        engine.addAccount(account(kAccount, port), endpoint(port));
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state == SessionState::Ready, 20000);

        // Online: one mention, then two, then none.
        const QString one = QStringLiteral("@%1\u2005发票已开好").arg(firstName);
        engine.sendText(kAccount, room, one, {first});
        const QString two = QStringLiteral("两位请看");
        engine.sendText(kAccount, room, two, {first, second});
        const QString none = QStringLiteral("大家好");
        engine.sendText(kAccount, room, none);
        QTRY_VERIFY_WITH_TIMEOUT(sentWith(*sim, none).has_value(), 20000);
        QCOMPARE(sentWith(*sim, one)->mentionIds, QStringList{first});
        QCOMPARE(sentWith(*sim, two)->mentionIds, QStringList({first, second}));
        QVERIFY(sentWith(*sim, none)->mentionIds.isEmpty());
        QCOMPARE(sentWith(*sim, one)->conversationId, room);

        // The echo's payload carries them: the archive knows whom it mentioned.
        auto storedMentions = [&store, room](const QString &text) {
            StoreReader reader(store.path(), QStringLiteral("mentions-check"));
            for (const Message &m : reader.messagesBefore(kAccount, room, {}, 50)) {
                if (m.text == text && m.fromSelf)
                    return m.mentionIds;
            }
            return QStringList{QStringLiteral("<not stored>")};
        };
        QTRY_COMPARE_WITH_TIMEOUT(storedMentions(two), QStringList({first, second}), 20000);

        // Offline: the ids wait in the outbox with the text and go out after
        // the reconnect.
        sim.reset();
        QTRY_VERIFY_WITH_TIMEOUT(engine.status(kAccount).state != SessionState::Ready, 20000);
        const QString queued = QStringLiteral("稍等，马上处理");
        engine.sendText(kAccount, room, queued, {second});
        sim = std::make_unique<Simulator>(simOptions(port));
        QVERIFY2(sim->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(sentWith(*sim, queued).has_value(), 30000);
        QCOMPARE(sentWith(*sim, queued)->mentionIds, QStringList{second});
    }
};

QTEST_GUILESS_MAIN(TestMentionsWire)
#include "tst_mentions_wire.moc"
