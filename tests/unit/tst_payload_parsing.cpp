// Event payload parsing: every event type of PROTOCOL.md, and bad input that
// must give an error value (never a crash), unknown types ignored.
#include "engine/EventParser.h"

#include <QtTest>

#include <limits>

using namespace gd;
using namespace gd::events;

class TestPayloadParsing : public QObject
{
    Q_OBJECT
private:
    template<typename T> static T as(const GatewayEvent &e)
    {
        if (!std::holds_alternative<T>(e)) {
            QString what = QStringLiteral("variant index %1").arg(e.index());
            if (auto *m = std::get_if<MalformedEvent>(&e))
                what += QStringLiteral(" malformed: ") + m->reason;
            qWarning("unexpected event: %s", qPrintable(what));
            return T{};
        }
        return std::get<T>(e);
    }

private slots:
    void heartbeat()
    {
        const auto e = EventParser::parse(1, "{\"data\":\"heartbeat@browserbridge ding\"}");
        QVERIFY(std::holds_alternative<HeartbeatEvent>(e));
        QCOMPARE(as<HeartbeatEvent>(e).data, QStringLiteral("heartbeat@browserbridge ding"));
        // Heartbeats carry nothing we need: any payload is fine.
        QVERIFY(std::holds_alternative<HeartbeatEvent>(EventParser::parse(1, "not json")));
        QVERIFY(std::holds_alternative<HeartbeatEvent>(EventParser::parse(1, "")));
    }

    void message()
    {
        const auto e = EventParser::parse(2, "{\"messageId\":\"m-1\",\"extra\":true}");
        QCOMPARE(as<MessageEvent>(e).messageId, QStringLiteral("m-1"));
    }

    // The usual MESSAGE payload is read without a JSON document (issue 12);
    // every other form goes through the full parser: same ids either way.
    void messageIdForms_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("id");
        QTest::newRow("compact") << QByteArray("{\"messageId\":\"1796179710419000\"}")
                                 << QStringLiteral("1796179710419000");
        QTest::newRow("spaced") << QByteArray(" {\r\n\t\"messageId\" :  \"m-1\" }\n")
                                << QStringLiteral("m-1");
        QTest::newRow("escaped quote")
            << QByteArray("{\"messageId\":\"a\\\"b\"}") << QStringLiteral("a\"b");
        QTest::newRow("escaped unicode")
            << QByteArray("{\"messageId\":\"\\u4e2d-1\"}") << QStringLiteral("\u4e2d-1");
        QTest::newRow("raw utf-8")
            << QByteArray("{\"messageId\":\"\xe4\xb8\xad-2\"}") << QStringLiteral("\u4e2d-2");
        QTest::newRow("more fields")
            << QByteArray("{\"messageId\":\"m-3\",\"x\":1}") << QStringLiteral("m-3");
        QTest::newRow("field after")
            << QByteArray("{\"x\":[1],\"messageId\":\"m-4\"}") << QStringLiteral("m-4");
    }

    void messageIdForms()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, id);
        QCOMPARE(as<MessageEvent>(EventParser::parse(2, json)).messageId, id);
    }

    void dong()
    {
        QCOMPARE(as<DongEvent>(EventParser::parse(3, "{\"data\":\"gd-1\"}")).data,
                 QStringLiteral("gd-1"));
    }

    void error()
    {
        const auto e = EventParser::parse(16, "{\"gerror\":\"boom\"}");
        QCOMPARE(as<ErrorEvent>(e).text, QStringLiteral("boom"));
        const auto e2 = EventParser::parse(16, "{\"data\":{\"code\":1}}");
        QVERIFY(as<ErrorEvent>(e2).text.contains(QStringLiteral("code")));
    }

    void friendshipAndInvite()
    {
        QCOMPARE(
            as<FriendshipEvent>(EventParser::parse(17, "{\"friendshipId\":\"f1\"}")).friendshipId,
            QStringLiteral("f1"));
        QCOMPARE(as<RoomInviteEvent>(EventParser::parse(18, "{\"roomInvitationId\":\"i1\"}"))
                     .roomInvitationId,
                 QStringLiteral("i1"));
    }

    void roomJoin()
    {
        const auto e = as<RoomJoinEvent>(
            EventParser::parse(19,
                               "{\"inviteeIdList\":[\"a\",\"b\"],\"inviterId\":\"c\",\"roomId\":"
                               "\"1@chatroom\",\"timestamp\":1700000000000}"));
        QCOMPARE(e.roomId, QStringLiteral("1@chatroom"));
        QCOMPARE(e.inviteeIds, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(e.inviterId, QStringLiteral("c"));
        QCOMPARE(e.timestampMs, qint64(1700000000000));
    }

    void roomJoinTimestampInSecondsBecomesMs()
    {
        const auto e = as<RoomJoinEvent>(
            EventParser::parse(19,
                               "{\"inviteeIdList\":[\"a\"],\"inviterId\":\"c\",\"roomId\":\"1@"
                               "chatroom\",\"timestamp\":1700000000}"));
        QCOMPARE(e.timestampMs, qint64(1700000000000));
    }

    void roomLeave()
    {
        const auto e = as<RoomLeaveEvent>(
            EventParser::parse(20,
                               "{\"removeeIdList\":[\"a\"],\"removerId\":\"c\",\"roomId\":\"1@"
                               "chatroom\",\"timestamp\":5}"));
        QCOMPARE(e.removeeIds, QStringList{QStringLiteral("a")});
        QCOMPARE(e.removerId, QStringLiteral("c"));
        QCOMPARE(e.timestampMs, qint64(5000));
    }

    void roomTopic()
    {
        const auto e = as<RoomTopicEvent>(EventParser::parse(
            21,
            "{\"changerId\":\"c\",\"newTopic\":\"新群名\",\"oldTopic\":\"旧群名\",\"roomId\":\"1@"
            "chatroom\",\"timestamp\":1700000000000}"));
        QCOMPARE(e.newTopic, QStringLiteral("新群名"));
        QCOMPARE(e.oldTopic, QStringLiteral("旧群名"));
        QCOMPARE(e.changerId, QStringLiteral("c"));
    }

    void scan()
    {
        const auto e = as<ScanEvent>(EventParser::parse(
            22, "{\"qrcode\":\"https://login.weixin.qq.com/l/x\",\"status\":2}"));
        QCOMPARE(e.status, ScanStatus::Waiting);
        QCOMPARE(e.qrcode, QStringLiteral("https://login.weixin.qq.com/l/x"));
        QCOMPARE(as<ScanEvent>(EventParser::parse(22, "{\"status\":4}")).status,
                 ScanStatus::Confirmed);
        QCOMPARE(as<ScanEvent>(EventParser::parse(22, "{\"status\":99}")).status,
                 ScanStatus::Unknown);
    }

    void readyLoginLogout()
    {
        QVERIFY(std::holds_alternative<ReadyEvent>(EventParser::parse(23, "{\"data\":\"ready\"}")));
        QCOMPARE(as<LoginEvent>(EventParser::parse(25, "{\"contactId\":\"self\"}")).contactId,
                 QStringLiteral("self"));
        const auto lo = as<LogoutEvent>(
            EventParser::parse(26, "{\"contactId\":\"self\",\"data\":\"kicked\"}"));
        QCOMPARE(lo.contactId, QStringLiteral("self"));
        QCOMPARE(lo.reason, QStringLiteral("kicked"));
    }

    void dirty()
    {
        const auto e = as<DirtyEvent>(
            EventParser::parse(27, "{\"payloadId\":\"1@chatroom\",\"payloadType\":3}"));
        QCOMPARE(e.payloadType, 3);
        QCOMPARE(e.payloadId, QStringLiteral("1@chatroom"));
    }

    // Issue 9 item 8: a double out of int range was cast to int (undefined
    // behaviour, found by the fuzzer). Only whole numbers in range count.
    void numbersOutOfRangeOrFractionalAreUnknownCodes_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::newRow("huge") << QByteArray("2.3e81");
        QTest::newRow("huge negative") << QByteArray("-2.3e81");
        QTest::newRow("largest double") << QByteArray("1.7976931348623157e308");
        QTest::newRow("just past int") << QByteArray("2147483648");
        QTest::newRow("2^32 + 4") << QByteArray("4294967300");
        QTest::newRow("fraction") << QByteArray("4.5");
        QTest::newRow("tiny fraction") << QByteArray("3.0000001");
    }
    void numbersOutOfRangeOrFractionalAreUnknownCodes()
    {
        QFETCH(QByteArray, number);
        const GatewayEvent scan = EventParser::parse(22, "{\"status\":" + number + "}");
        QCOMPARE(as<ScanEvent>(scan).status, ScanStatus::Unknown);
        const GatewayEvent dirty
            = EventParser::parse(27, "{\"payloadId\":\"x\",\"payloadType\":" + number + "}");
        QCOMPARE(as<DirtyEvent>(dirty).payloadType, 0);
        QCOMPARE(as<DirtyEvent>(dirty).payloadId, QStringLiteral("x"));
    }

    void wholeNumbersWrittenAsDoublesStillCount()
    {
        QCOMPARE(as<ScanEvent>(EventParser::parse(22, "{\"status\":3.0}")).status,
                 ScanStatus::Scanned);
        QCOMPARE(as<DirtyEvent>(EventParser::parse(27, "{\"payloadId\":\"x\",\"payloadType\":2e0}"))
                     .payloadType,
                 2);
        QCOMPARE(as<DirtyEvent>(
                     EventParser::parse(27, "{\"payloadId\":\"x\",\"payloadType\":-2147483648}"))
                     .payloadType,
                 std::numeric_limits<int>::min());
    }

    void unknownTypesAreIgnored()
    {
        QCOMPARE(as<IgnoredEvent>(EventParser::parse(999, "{\"x\":1}")).type, 999);
        QVERIFY(std::holds_alternative<IgnoredEvent>(EventParser::parse(4, "garbage"))); // POST
        QVERIFY(std::holds_alternative<IgnoredEvent>(EventParser::parse(24, "{}"))); // RESET
        QVERIFY(std::holds_alternative<IgnoredEvent>(EventParser::parse(0, "")));
        QVERIFY(std::holds_alternative<IgnoredEvent>(EventParser::parse(-5, "")));
    }

    void malformed_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("message invalid json") << 2 << QByteArray("{\"messageId\":");
        QTest::newRow("message not object") << 2 << QByteArray("[\"m1\"]");
        QTest::newRow("message empty") << 2 << QByteArray();
        QTest::newRow("message missing id") << 2 << QByteArray("{\"id\":\"m1\"}");
        QTest::newRow("message id number") << 2 << QByteArray("{\"messageId\":42}");
        QTest::newRow("message id empty") << 2 << QByteArray("{\"messageId\":\"\"}");
        QTest::newRow("message id null") << 2 << QByteArray("{\"messageId\":null}");
        QTest::newRow("message trailing text") << 2 << QByteArray("{\"messageId\":\"m\"} x");
        QTest::newRow("message two objects") << 2 << QByteArray("{\"messageId\":\"m\"}{}");
        QTest::newRow("message unclosed") << 2 << QByteArray("{\"messageId\":\"m\"");
        QTest::newRow("message key case") << 2 << QByteArray("{\"messageid\":\"m\"}");
        QTest::newRow("scan status string")
            << 22 << QByteArray("{\"status\":\"2\",\"qrcode\":\"x\"}");
        QTest::newRow("scan missing status") << 22 << QByteArray("{\"qrcode\":\"x\"}");
        QTest::newRow("scan qrcode object") << 22 << QByteArray("{\"status\":2,\"qrcode\":{}}");
        QTest::newRow("login missing contact") << 25 << QByteArray("{}");
        QTest::newRow("join list not array")
            << 19 << QByteArray("{\"inviteeIdList\":\"a\",\"roomId\":\"r@chatroom\"}");
        QTest::newRow("join list number item")
            << 19 << QByteArray("{\"inviteeIdList\":[1],\"roomId\":\"r@chatroom\"}");
        QTest::newRow("join missing room") << 19 << QByteArray("{\"inviteeIdList\":[\"a\"]}");
        QTest::newRow("join timestamp string")
            << 19 << QByteArray("{\"inviteeIdList\":[\"a\"],\"roomId\":\"r\",\"timestamp\":\"x\"}");
        QTest::newRow("leave missing list") << 20 << QByteArray("{\"roomId\":\"r@chatroom\"}");
        QTest::newRow("topic room number") << 21 << QByteArray("{\"roomId\":1,\"newTopic\":\"t\"}");
        QTest::newRow("dirty type string")
            << 27 << QByteArray("{\"payloadId\":\"x\",\"payloadType\":\"3\"}");
        QTest::newRow("dirty missing id") << 27 << QByteArray("{\"payloadType\":3}");
        QTest::newRow("friendship truncated") << 17 << QByteArray("{\"friendshipId\":\"f");
        QTest::newRow("binary garbage") << 2 << QByteArray("\xff\xfe\x00\x01", 4);
    }

    void malformed()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, json);
        const auto e = EventParser::parse(type, json);
        QVERIFY(std::holds_alternative<MalformedEvent>(e));
        QCOMPARE(std::get<MalformedEvent>(e).type, type);
        QVERIFY(!std::get<MalformedEvent>(e).reason.isEmpty());
    }

    void unknownFieldsTolerated()
    {
        const auto e = EventParser::parse(
            25, "{\"contactId\":\"self\",\"future\":{\"a\":[1,2]},\"n\":null}");
        QCOMPARE(as<LoginEvent>(e).contactId, QStringLiteral("self"));
    }

    void timestampNormalization()
    {
        QCOMPARE(EventParser::normalizeTimestampMs(1700000000), qint64(1700000000000));
        QCOMPARE(EventParser::normalizeTimestampMs(1700000000123.0), qint64(1700000000123));
        QCOMPARE(EventParser::normalizeTimestampMs(-1), qint64(0));
        QCOMPARE(EventParser::normalizeTimestampMs(1e300), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestPayloadParsing)
#include "tst_payload_parsing.moc"
