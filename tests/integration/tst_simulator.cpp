// The gateway simulator over loopback gRPC, driven by the raw probe client:
// auth, the QR login flow, traffic and payloads, echoes, the one-stream rule,
// replay on re-subscribe, room events and the exact delivery count.

#include "sim/SimEvent.h"
#include "sim/SimProbeClient.h"
#include "sim/Simulator.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <memory>

using namespace gd::sim;

namespace {

constexpr int kOk = 0;
constexpr int kNotFound = 5;
constexpr int kAlreadyExists = 6;
constexpr int kUnauthenticated = 16;
constexpr int kTimeout = 20000;

SimulatorOptions fastOptions()
{
    SimulatorOptions o;
    o.token = QStringLiteral("secret-token");
    o.rate = 0;
    o.scanDelayMs = 50;
    o.confirmDelayMs = 50;
    o.qrTimeoutMs = 50;
    o.heartbeatS = 0;
    return o;
}

// Events without the heartbeats, which may come at any time.
QVector<SimProbeClient::Event> withoutHeartbeats(const QVector<SimProbeClient::Event> &events)
{
    QVector<SimProbeClient::Event> out;
    for (const auto &e : events) {
        if (e.type != EventHeartbeat)
            out.append(e);
    }
    return out;
}

QStringList messageIds(const SimProbeClient &probe)
{
    QStringList ids;
    for (const auto &e : probe.eventsOfType(EventMessage))
        ids.append(e.json().value(QStringLiteral("messageId")).toString());
    return ids;
}

} // namespace

class SimulatorTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> startSimulator(const SimulatorOptions &options)
    {
        auto sim = std::make_unique<Simulator>(options);
        QString error;
        if (!sim->start(&error))
            qFatal("simulator did not start: %s", qPrintable(error));
        return sim;
    }

private slots:
    void worldIsRealisticAndDeterministic()
    {
        Simulator a(fastOptions());
        Simulator b(fastOptions());
        SimulatorOptions other = fastOptions();
        other.seed = 99;
        Simulator c(other);

        QCOMPARE(a.selfId(), QStringLiteral("wxid_gd_bot"));
        QVERIFY(a.contactCount() >= 31);
        QVERIFY(a.roomCount() >= 8);
        QCOMPARE(a.contactIds(), b.contactIds());
        QVERIFY(a.contactIds() != c.contactIds());

        int aliases = 0;
        for (const QString &id : a.contactIds()) {
            QCOMPARE(a.contactName(id), b.contactName(id));
            QVERIFY(!a.contactName(id).isEmpty());
            QVERIFY(!id.contains(QLatin1Char('@')));
            if (!a.contactAlias(id).isEmpty())
                ++aliases;
        }
        QVERIFY(aliases > 0);

        int roomAliases = 0;
        const QStringList contactList = a.contactIds();
        const QSet<QString> contacts(contactList.cbegin(), contactList.cend());
        for (const QString &roomId : a.roomIds()) {
            QVERIFY(roomId.endsWith(QLatin1String("@chatroom")));
            QVERIFY(!a.roomTopic(roomId).isEmpty());
            const QStringList members = a.roomMemberIds(roomId);
            QVERIFY2(members.size() >= 8 && members.size() <= 25, qPrintable(roomId));
            QVERIFY(members.contains(a.selfId()));
            QVERIFY(members.contains(a.roomOwnerId(roomId)));
            for (const QString &m : members) {
                QVERIFY(contacts.contains(m)); // every member is a listed contact
                const QString alias = a.roomMemberAlias(roomId, m);
                if (!alias.isEmpty() && alias != a.contactName(m))
                    ++roomAliases;
            }
        }
        QVERIFY(roomAliases > 0);
        QVERIFY(a.roomIds().contains(QStringLiteral("1001@chatroom")));
    }

    void wrongTokenIsRejected()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient wrong(sim->address(), QStringLiteral("not-the-token"));
        QCOMPARE(wrong.start(), kUnauthenticated);
        QStringList ids;
        QCOMPARE(wrong.contactList(&ids), kUnauthenticated);
        QVERIFY(ids.isEmpty());
        wrong.subscribe();
        QTRY_VERIFY_WITH_TIMEOUT(wrong.streamEnded(), kTimeout);
        QCOMPARE(wrong.streamStatus(), kUnauthenticated);
        QVERIFY(wrong.events().isEmpty());

        // Without the header the :authority is the token, which is wrong here too.
        SimProbeClient none(sim->address());
        QCOMPARE(none.start(), kUnauthenticated);

        SimProbeClient right(sim->address(), sim->options().token);
        QCOMPARE(right.contactList(&ids), kOk);
        QCOMPARE(ids.size(), sim->contactCount());
    }

    void qrLoginEmitsScanStatesInOrder()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient probe(sim->address(), sim->options().token);
        probe.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventHeartbeat), 1, kTimeout);
        QCOMPARE(probe.events().first().type, int(EventHeartbeat)); // first on every subscribe
        QCOMPARE(probe.start(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventReady), 1, kTimeout);

        const auto events = withoutHeartbeats(probe.events());
        QCOMPARE(events.size(), 5);
        const int expectedStatus[] = {2, 3, 4};
        const QString qrcode = events.at(0).json().value(QStringLiteral("qrcode")).toString();
        QVERIFY(!qrcode.isEmpty());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(events.at(i).type, int(EventScan));
            QCOMPARE(events.at(i).json().value(QStringLiteral("status")).toInt(),
                     expectedStatus[i]);
            QCOMPARE(events.at(i).json().value(QStringLiteral("qrcode")).toString(), qrcode);
        }
        QCOMPARE(events.at(3).type, int(EventLogin));
        QCOMPARE(events.at(3).json().value(QStringLiteral("contactId")).toString(), sim->selfId());
        QCOMPARE(events.at(4).type, int(EventReady));
        QCOMPARE(events.at(4).json().value(QStringLiteral("data")).toString(),
                 QStringLiteral("ready"));
        QVERIFY(sim->isLoggedIn());
    }

    void qrRoundsTimeOutWithANewCodeEachRound()
    {
        SimulatorOptions o = fastOptions();
        o.qrRounds = 3;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventReady), 1, kTimeout);

        QVector<int> statuses;
        QStringList codes;
        for (const auto &e : probe.eventsOfType(EventScan)) {
            statuses.append(e.json().value(QStringLiteral("status")).toInt());
            codes.append(e.json().value(QStringLiteral("qrcode")).toString());
        }
        QCOMPARE(statuses, (QVector<int>{2, 5, 2, 5, 2, 3, 4}));
        QCOMPARE(codes.at(0), codes.at(1));
        QCOMPARE(codes.at(2), codes.at(3));
        QCOMPARE(codes.at(4), codes.at(6));
        QCOMPARE(QSet<QString>({codes.at(0), codes.at(2), codes.at(4)}).size(), 3);
    }

    void trafficMessagesHaveStoredPayloads()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = 100;
        o.imageEvery = 0; // text only: photos are covered by tst_file_transfer
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(probe.eventCount(EventMessage) >= 30, kTimeout);

        const QStringList roomIds = sim->roomIds();
        for (const QString &id : messageIds(probe).mid(0, 30)) {
            QJsonObject m;
            QCOMPARE(probe.messagePayload(id, &m), kOk);
            QCOMPARE(m.value(QStringLiteral("id")).toString(), id);
            QCOMPARE(m.value(QStringLiteral("type")).toInt(), 7); // Wechaty's text
            QVERIFY(!m.value(QStringLiteral("text")).toString().isEmpty());
            const QString roomId = m.value(QStringLiteral("roomId")).toString();
            QVERIFY(roomIds.contains(roomId));
            QVERIFY(m.value(QStringLiteral("listenerId")).toString().isEmpty());
            const QString talker = m.value(QStringLiteral("talkerId")).toString();
            QVERIFY(!talker.isEmpty());
            QVERIFY(talker != sim->selfId());
            const qint64 ts = m.value(QStringLiteral("timestamp")).toInteger();
            QVERIFY(ts > 1'600'000'000'000);
            QCOMPARE(m.value(QStringLiteral("receiveTimeMs")).toInteger(), ts);
        }
        QJsonObject missing;
        QCOMPARE(probe.messagePayload(QStringLiteral("no-such-id"), &missing), kNotFound);
        QCOMPARE(probe.messagePayload(QStringLiteral("123"), &missing), kNotFound);
    }

    void worldCallsAnswerAndUnknownIdsAreNotFound()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient probe(sim->address(), sim->options().token);
        QStringList rooms;
        QCOMPARE(probe.roomList(&rooms), kOk);
        QCOMPARE(rooms, sim->roomIds());
        QJsonObject room;
        QCOMPARE(probe.roomPayload(rooms.first(), &room), kOk);
        QCOMPARE(room.value(QStringLiteral("topic")).toString(), sim->roomTopic(rooms.first()));
        QCOMPARE(room.value(QStringLiteral("ownerId")).toString(), sim->roomOwnerId(rooms.first()));
        QCOMPARE(room.value(QStringLiteral("memberIds")).toArray().size(),
                 sim->roomMemberIds(rooms.first()).size());
        QStringList members;
        QCOMPARE(probe.roomMemberList(rooms.first(), &members), kOk);
        QCOMPARE(members, sim->roomMemberIds(rooms.first()));

        bool sawAlias = false;
        for (const QString &roomId : rooms) {
            for (const QString &m : sim->roomMemberIds(roomId)) {
                QJsonObject member;
                QCOMPARE(probe.roomMemberPayload(roomId, m, &member), kOk);
                QCOMPARE(member.value(QStringLiteral("name")).toString(), sim->contactName(m));
                QCOMPARE(member.value(QStringLiteral("roomAlias")).toString(),
                         sim->roomMemberAlias(roomId, m));
                sawAlias
                    = sawAlias || !member.value(QStringLiteral("roomAlias")).toString().isEmpty();
            }
        }
        QVERIFY(sawAlias);
        QJsonObject contact;
        QCOMPARE(probe.contactPayload(sim->selfId(), &contact), kOk);
        QCOMPARE(contact.value(QStringLiteral("name")).toString(),
                 QStringLiteral("星河客服小助手"));

        QJsonObject nothing;
        QCOMPARE(probe.roomPayload(QStringLiteral("9999@chatroom"), &nothing), kNotFound);
        QCOMPARE(probe.contactPayload(QStringLiteral("wxid_nobody"), &nothing), kNotFound);
        QCOMPARE(probe.roomMemberList(QStringLiteral("9999@chatroom"), &members), kNotFound);
        QCOMPARE(probe.roomMemberPayload(rooms.first(), QStringLiteral("wxid_nobody"), &nothing),
                 kNotFound);
        QCOMPARE(probe.messageSendFile(rooms.first(), QStringLiteral("{}")),
                 3); // INVALID_ARGUMENT: no FileBox type
        QString version;
        QCOMPARE(probe.version(&version), kOk);
        QVERIFY(version.startsWith(QLatin1String("groupdesk-sim")));
    }

    void sendTextEchoIsWrittenBeforeTheCallReturns()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventReady), 1, kTimeout);

        const QString roomId = sim->roomIds().at(2);
        QString id;
        QCOMPARE(probe.messageSendText(roomId, QStringLiteral("您好，已经为您加急处理"), &id), kOk);
        QVERIFY(!id.isEmpty());
        // The server finishes the call only once the echo's write completed.
        QCOMPARE(sim->stats().value(QStringLiteral("echoes_written")).toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(messageIds(probe).contains(id), kTimeout);

        QJsonObject m;
        QCOMPARE(probe.messagePayload(id, &m), kOk);
        QCOMPARE(m.value(QStringLiteral("talkerId")).toString(), sim->selfId());
        QCOMPARE(m.value(QStringLiteral("roomId")).toString(), roomId);
        QCOMPARE(m.value(QStringLiteral("text")).toString(),
                 QStringLiteral("您好，已经为您加急处理"));

        QCOMPARE(sim->receivedTexts(), QStringList{QStringLiteral("您好，已经为您加急处理")});
        const QJsonObject stats = sim->stats();
        QCOMPARE(stats.value(QStringLiteral("texts_received")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("messages_emitted")).toInt(), 0); // echoes excluded

        QCOMPARE(probe.messageSendText(QStringLiteral("9999@chatroom"), QStringLiteral("x"), &id),
                 kNotFound);
        QCOMPARE(sim->receivedTexts().size(), 1);
    }

    void secondSubscribeFailsWithAlreadyExists()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient first(sim->address(), sim->options().token);
        first.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(first.eventCount(EventHeartbeat), 1, kTimeout);
        SimProbeClient second(sim->address(), sim->options().token);
        second.subscribe();
        QTRY_VERIFY_WITH_TIMEOUT(second.streamEnded(), kTimeout);
        QCOMPARE(second.streamStatus(), kAlreadyExists);
        QVERIFY(!first.streamEnded());

        // Once the first stream is gone, a new one is welcome.
        first.unsubscribe();
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().value(QStringLiteral("subscribers")).toInt(), 0,
                                  kTimeout);
        second.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(second.eventCount(EventHeartbeat), 1, kTimeout);
        QVERIFY(!second.streamEnded());
    }

    void resubscribeReplaysLoginState()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventReady), 1, kTimeout);
        probe.unsubscribe();
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().value(QStringLiteral("subscribers")).toInt(), 0,
                                  kTimeout);

        probe.clearEvents();
        probe.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(probe.events().size(), 3, kTimeout);
        const auto events = probe.events();
        QCOMPARE(events.at(0).type, int(EventHeartbeat));
        QCOMPARE(events.at(1).type, int(EventLogin));
        QCOMPARE(events.at(1).json().value(QStringLiteral("contactId")).toString(), sim->selfId());
        QCOMPARE(events.at(2).type, int(EventReady));
    }

    void resubscribeDuringLoginReplaysTheLastScan()
    {
        SimulatorOptions o = fastOptions();
        o.scanDelayMs = 600000; // nobody scans during this test
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventScan), 1, kTimeout);
        const QString qrcode = probe.eventsOfType(EventScan)
                                   .first()
                                   .json()
                                   .value(QStringLiteral("qrcode"))
                                   .toString();
        probe.unsubscribe();
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().value(QStringLiteral("subscribers")).toInt(), 0,
                                  kTimeout);

        probe.clearEvents();
        probe.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(probe.events().size(), 2, kTimeout);
        const auto events = probe.events();
        QCOMPARE(events.at(0).type, int(EventHeartbeat));
        QCOMPARE(events.at(1).type, int(EventScan));
        QCOMPARE(events.at(1).json().value(QStringLiteral("qrcode")).toString(), qrcode);
        QCOMPARE(events.at(1).json().value(QStringLiteral("status")).toInt(), 2);
    }

    void logoutEmitsLogoutAndAsksForANewScan()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient probe(sim->address(), sim->options().token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventReady), 1, kTimeout);
        probe.clearEvents();
        QCOMPARE(probe.logout(), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventLogout), 1, kTimeout);
        const QJsonObject logout = probe.eventsOfType(EventLogout).first().json();
        QCOMPARE(logout.value(QStringLiteral("contactId")).toString(), sim->selfId());
        QCOMPARE(logout.value(QStringLiteral("data")).toString(),
                 QStringLiteral("logout by client"));
        QTRY_VERIFY_WITH_TIMEOUT(probe.eventCount(EventScan) >= 1, kTimeout);
        QCOMPARE(
            probe.eventsOfType(EventScan).first().json().value(QStringLiteral("status")).toInt(),
            2);
        // The scripted phone scans again.
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventLogin), 1, kTimeout);
    }

    void dingIsAnsweredWithDong()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient probe(sim->address(), sim->options().token);
        probe.subscribe();
        QCOMPARE(probe.ding(QStringLiteral("are-you-there")), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventDong), 1, kTimeout);
        QCOMPARE(
            probe.eventsOfType(EventDong).first().json().value(QStringLiteral("data")).toString(),
            QStringLiteral("are-you-there"));
        QCOMPARE(probe.dirtyPayload(3, QStringLiteral("1001@chatroom")), kOk);
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventDirty), 1, kTimeout);
        const QJsonObject dirty = probe.eventsOfType(EventDirty).first().json();
        QCOMPARE(dirty.value(QStringLiteral("payloadId")).toString(),
                 QStringLiteral("1001@chatroom"));
        QCOMPARE(dirty.value(QStringLiteral("payloadType")).toInt(), 3);
    }

    void statsCountEveryWrittenMessageExactlyOnce_data()
    {
        QTest::addColumn<int>("repeatEvery");
        QTest::addColumn<double>("rate");
        QTest::newRow("plain") << 0 << 400.0;
        QTest::newRow("repeated events") << 5 << 400.0;
        QTest::newRow("5000 per second") << 0 << 5000.0;
    }

    void statsCountEveryWrittenMessageExactlyOnce()
    {
        QFETCH(int, repeatEvery);
        QFETCH(double, rate);
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = rate;
        o.durationS = 1.5;
        o.faultRepeatEvery = repeatEvery;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().value(QStringLiteral("traffic_ended")).toBool(),
                                 kTimeout);
        QString echoId;
        QCOMPARE(probe.messageSendText(sim->roomIds().first(), QStringLiteral("收到"), &echoId),
                 kOk);
        // Everything written reaches the probe; wait until it has all of it.
        QTRY_VERIFY_WITH_TIMEOUT(messageIds(probe).contains(echoId), kTimeout);

        const QStringList ids = messageIds(probe);
        QSet<QString> distinct(ids.cbegin(), ids.cend());
        distinct.remove(echoId);
        const int emitted = sim->stats().value(QStringLiteral("messages_emitted")).toInt();
        // Batches per tick catch up with the clock: about rate x duration in all.
        QVERIFY2(emitted > rate * o.durationS / 2, qPrintable(QString::number(emitted)));
        QCOMPARE(distinct.size(), emitted);
        if (repeatEvery == 0)
            QCOMPARE(ids.size(), emitted + 1); // nothing written twice
        else
            QVERIFY(ids.size() > emitted + 1);
        QCOMPARE(sim->stats().value(QStringLiteral("messages_emitted")).toInt(),
                 emitted); // stopped
    }

    void roomEventsKeepTheWorldConsistent()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = 300;
        o.durationS = 1;
        o.roomEventEvery = 3;
        auto sim = startSimulator(o);
        const Simulator initial(o); // the same seed: the world before any event
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().value(QStringLiteral("traffic_ended")).toBool(),
                                 kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            qint64(probe.eventCount(EventMessage)),
            sim->stats().value(QStringLiteral("messages_emitted")).toInteger(), kTimeout);
        const qint64 roomEvents = sim->stats().value(QStringLiteral("room_events")).toInteger();
        QVERIFY(roomEvents > 10);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(probe.eventCount(EventRoomJoin)
                                         + probe.eventCount(EventRoomLeave)
                                         + probe.eventCount(EventRoomTopic)),
                                  roomEvents, kTimeout);

        // Replaying the events on the initial world gives the world the server reports.
        QHash<QString, QStringList> members;
        QHash<QString, QString> topics;
        for (const QString &roomId : initial.roomIds()) {
            members.insert(roomId, initial.roomMemberIds(roomId));
            topics.insert(roomId, initial.roomTopic(roomId));
        }
        for (const auto &e : probe.events()) {
            const QJsonObject j = e.json();
            const QString roomId = j.value(QStringLiteral("roomId")).toString();
            if (e.type == EventRoomJoin) {
                for (const auto &v : j.value(QStringLiteral("inviteeIdList")).toArray()) {
                    QVERIFY(!members[roomId].contains(v.toString()));
                    members[roomId].append(v.toString());
                }
            } else if (e.type == EventRoomLeave) {
                for (const auto &v : j.value(QStringLiteral("removeeIdList")).toArray())
                    QVERIFY(members[roomId].removeOne(v.toString()));
            } else if (e.type == EventRoomTopic) {
                QCOMPARE(j.value(QStringLiteral("oldTopic")).toString(), topics.value(roomId));
                topics[roomId] = j.value(QStringLiteral("newTopic")).toString();
            }
        }
        for (const QString &roomId : sim->roomIds()) {
            QStringList listed;
            QCOMPARE(probe.roomMemberList(roomId, &listed), kOk);
            QCOMPARE(listed, members.value(roomId));
            QVERIFY(listed.size() >= 8 && listed.size() <= 25);
            QJsonObject room;
            QCOMPARE(probe.roomPayload(roomId, &room), kOk);
            QCOMPARE(room.value(QStringLiteral("topic")).toString(), topics.value(roomId));
        }
    }

    void roomEventsCanBeSwitchedOff()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = 300;
        o.durationS = 0.5;
        o.roomEventEvery = 1;
        o.roomEvents = false;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().value(QStringLiteral("traffic_ended")).toBool(),
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(probe.eventCount(EventMessage) > 50, kTimeout);
        QCOMPARE(sim->stats().value(QStringLiteral("room_events")).toInt(), 0);
        QCOMPARE(probe.eventCount(EventRoomJoin) + probe.eventCount(EventRoomLeave)
                     + probe.eventCount(EventRoomTopic),
                 0);
    }

    void injectedMessageReachesTheSubscriber()
    {
        auto sim = startSimulator(fastOptions());
        SimProbeClient probe(sim->address(), sim->options().token);
        probe.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventHeartbeat), 1, kTimeout);
        const QString roomId = sim->roomIds().first();
        const QString talker = sim->roomMemberIds(roomId).last();
        sim->injectMessage(roomId, talker, QStringLiteral("发票怎么开？"));
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventMessage), 1, kTimeout);
        QJsonObject m;
        QCOMPARE(probe.messagePayload(messageIds(probe).first(), &m), kOk);
        QCOMPARE(m.value(QStringLiteral("text")).toString(), QStringLiteral("发票怎么开？"));
        QCOMPARE(m.value(QStringLiteral("talkerId")).toString(), talker);
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().value(QStringLiteral("messages_emitted")).toInt(), 1,
                                  kTimeout);
    }

    void malformedEventsAreNeverCounted()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = 300;
        o.durationS = 0.5;
        o.faultMalformedEvery = 4;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().value(QStringLiteral("traffic_ended")).toBool(),
                                 kTimeout);
        const qint64 queued
            = sim->stats().value(QStringLiteral("message_events_queued")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(qint64(probe.eventCount(EventMessage)), queued, kTimeout);
        int readable = 0;
        for (const auto &e : probe.eventsOfType(EventMessage)) {
            if (!e.json().isEmpty())
                ++readable;
        }
        QVERIFY(readable < probe.eventCount(EventMessage));
        QCOMPARE(sim->stats().value(QStringLiteral("messages_emitted")).toInt(), readable);
    }

    void payloadFaultsFailWithTheGivenCode()
    {
        SimulatorOptions o = fastOptions();
        o.faultFailPayloadEvery = 2;
        o.faultFailCode = 14;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventHeartbeat), 1, kTimeout);
        sim->injectMessage(sim->roomIds().first(), sim->roomOwnerId(sim->roomIds().first()),
                           QStringLiteral("请问门店地址在哪里"));
        QTRY_COMPARE_WITH_TIMEOUT(probe.eventCount(EventMessage), 1, kTimeout);
        const QString id = messageIds(probe).first();
        QJsonObject m;
        QCOMPARE(probe.messagePayload(id, &m), kOk);
        QCOMPARE(probe.messagePayload(id, &m), 14);
        QCOMPARE(probe.messagePayload(id, &m), kOk);
    }

    void droppedStreamCountsOnlyWhatWasWritten()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = 200;
        o.faultDropStreamAfter = 10;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(probe.streamEnded(), kTimeout);
        QCOMPARE(probe.streamStatus(), 14); // UNAVAILABLE: the client must reconnect
        QCOMPARE(probe.eventCount(EventMessage), 10);
        QTRY_COMPARE_WITH_TIMEOUT(sim->stats().value(QStringLiteral("subscribers")).toInt(), 0,
                                  kTimeout);
        QCOMPARE(sim->stats().value(QStringLiteral("messages_emitted")).toInt(), 10);
    }

    void stalledGatewayStopsAnsweringUntilShutdown()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.faultStallAfterS = 1;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(sim->stats().value(QStringLiteral("stalled")).toBool(), kTimeout);
        probe.setCallTimeoutMs(300);
        QCOMPARE(probe.ding(QStringLiteral("hello?")), 4); // DEADLINE_EXCEEDED
        QCOMPARE(probe.eventCount(EventDong), 0);
        QVERIFY(!probe.streamEnded()); // open but silent
        sim->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(probe.streamEnded(), kTimeout);
    }

    void shutdownWhileStreamingEndsCleanly()
    {
        SimulatorOptions o = fastOptions();
        o.autoLogin = true;
        o.rate = 2000;
        auto sim = startSimulator(o);
        SimProbeClient probe(sim->address(), o.token);
        probe.subscribe();
        QCOMPARE(probe.start(), kOk);
        QTRY_VERIFY_WITH_TIMEOUT(probe.eventCount(EventMessage) > 200, kTimeout);
        sim->shutdown();
        sim->shutdown(); // idempotent
        QTRY_VERIFY_WITH_TIMEOUT(probe.streamEnded(), kTimeout);
        sim.reset();
    }
};

QTEST_GUILESS_MAIN(SimulatorTest)
#include "tst_simulator.moc"
