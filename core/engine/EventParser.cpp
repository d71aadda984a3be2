#include "engine/EventParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>
#include <limits>
#include <optional>

namespace gd {
namespace {

using namespace events;

// Reads fields of one payload object, remembering the first problem found.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object)
        : m_object(object)
    {}

    QString requiredString(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            fail(QStringLiteral("missing field \"%1\"").arg(QLatin1String(key)));
            return {};
        }
        if (!v.isString()) {
            fail(QStringLiteral("field \"%1\" is not a string").arg(QLatin1String(key)));
            return {};
        }
        if (v.toString().isEmpty())
            fail(QStringLiteral("field \"%1\" is empty").arg(QLatin1String(key)));
        return v.toString();
    }

    QString optionalString(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(QStringLiteral("field \"%1\" is not a string").arg(QLatin1String(key)));
            return {};
        }
        return v.toString();
    }

    // Any JSON value as text, for free-form fields like HEARTBEAT data.
    QString anyAsText(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble());
        if (v.isBool())
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return {};
    }

    std::optional<double> requiredNumber(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            fail(QStringLiteral("missing field \"%1\"").arg(QLatin1String(key)));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(QStringLiteral("field \"%1\" is not a number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // A required whole number in [min, max]. Anything else (a fraction, a
    // number out of range like 2.3e81) gives `fallback`: casting such a
    // double to int is undefined behaviour, and an unknown code is not an
    // error (gateways add codes).
    std::optional<int> requiredInt(const char *key, int min, int max, int fallback)
    {
        const std::optional<double> v = requiredNumber(key);
        if (!v)
            return std::nullopt;
        const double d = *v;
        // The comparisons are false for NaN, so it falls back too.
        if (!(d >= double(min) && d <= double(max)) || std::trunc(d) != d)
            return fallback;
        return static_cast<int>(d);
    }

    // Timestamps are optional; a wrong type is reported.
    qint64 optionalTimestamp(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return 0;
        if (!v.isDouble()) {
            fail(QStringLiteral("field \"%1\" is not a number").arg(QLatin1String(key)));
            return 0;
        }
        return EventParser::normalizeTimestampMs(v.toDouble());
    }

    QStringList requiredStringList(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            fail(QStringLiteral("missing field \"%1\"").arg(QLatin1String(key)));
            return {};
        }
        if (!v.isArray()) {
            fail(QStringLiteral("field \"%1\" is not an array").arg(QLatin1String(key)));
            return {};
        }
        QStringList out;
        for (const QJsonValue item : v.toArray()) {
            if (!item.isString() || item.toString().isEmpty()) {
                fail(
                    QStringLiteral("field \"%1\" holds a non-string item").arg(QLatin1String(key)));
                return {};
            }
            out.append(item.toString());
        }
        return out;
    }

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    void fail(const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = reason;
    }

    QJsonObject m_object;
    QString m_error;
};

template<typename T> GatewayEvent orMalformed(int type, const FieldReader &r, T value)
{
    if (!r.ok())
        return MalformedEvent{type, r.error()};
    return value;
}

} // namespace

qint64 EventParser::normalizeTimestampMs(double value)
{
    if (!std::isfinite(value) || value <= 0)
        return 0;
    if (value < 1e11)
        value *= 1000;
    if (value > 1e15) // beyond year 33000: nonsense
        return 0;
    return static_cast<qint64>(value);
}

namespace {

// The id of a MESSAGE payload in its usual form, {"messageId":"<id>"} (any
// JSON whitespace around the tokens), without building a JSON document: a
// burst brings 100,000 of them and the full parse was a large part of the
// session thread's time. Only ids of printable ASCII without escapes are
// taken here; anything else (more fields, escapes, other text, an empty id)
// returns nothing and goes through the full parser, which gives the same
// result for what this accepts.
std::optional<QString> plainMessageId(const QByteArray &json)
{
    const char *p = json.constData();
    const char *const end = p + json.size();
    auto skipSpace = [&] {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    };
    auto take = [&](const char *token) {
        for (; *token; ++token, ++p) {
            if (p == end || *p != *token)
                return false;
        }
        return true;
    };
    skipSpace();
    if (!take("{"))
        return std::nullopt;
    skipSpace();
    if (!take("\"messageId\""))
        return std::nullopt;
    skipSpace();
    if (!take(":"))
        return std::nullopt;
    skipSpace();
    if (!take("\""))
        return std::nullopt;
    const char *const idStart = p;
    while (p < end && *p != '"') {
        if (*p == '\\' || static_cast<unsigned char>(*p) < 0x20
            || static_cast<unsigned char>(*p) > 0x7e)
            return std::nullopt;
        ++p;
    }
    const char *const idEnd = p;
    if (idEnd == idStart || !take("\""))
        return std::nullopt;
    skipSpace();
    if (!take("}"))
        return std::nullopt;
    skipSpace();
    if (p != end)
        return std::nullopt;
    return QString::fromLatin1(idStart, idEnd - idStart);
}

} // namespace

GatewayEvent EventParser::parse(int type, const QByteArray &payloadJson)
{
    if (type == MessageType) {
        if (std::optional<QString> id = plainMessageId(payloadJson))
            return MessageEvent{*id};
    }
    switch (type) {
    case Heartbeat:
    case MessageType:
    case Dong:
    case Error:
    case Friendship:
    case RoomInvite:
    case RoomJoin:
    case RoomLeave:
    case RoomTopic:
    case Scan:
    case Ready:
    case Login:
    case Logout:
    case Dirty:
        break;
    default:
        return IgnoredEvent{type};
    }

    QJsonObject object;
    // HEARTBEAT and READY carry nothing we need: tolerate any payload there.
    const bool payloadOptional = type == Heartbeat || type == Ready || type == Error;
    if (!payloadJson.trimmed().isEmpty()) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(payloadJson, &err);
        if (err.error != QJsonParseError::NoError) {
            if (payloadOptional)
                return type == Heartbeat ? GatewayEvent(HeartbeatEvent{})
                    : type == Ready
                    ? GatewayEvent(ReadyEvent{})
                    : GatewayEvent(ErrorEvent{QString::fromUtf8(payloadJson.left(500))});
            return MalformedEvent{type, QStringLiteral("invalid JSON: %1").arg(err.errorString())};
        }
        if (!doc.isObject()) {
            if (payloadOptional)
                return type == Heartbeat ? GatewayEvent(HeartbeatEvent{})
                    : type == Ready
                    ? GatewayEvent(ReadyEvent{})
                    : GatewayEvent(ErrorEvent{QString::fromUtf8(payloadJson.left(500))});
            return MalformedEvent{type, QStringLiteral("payload is not a JSON object")};
        }
        object = doc.object();
    } else if (!payloadOptional) {
        return MalformedEvent{type, QStringLiteral("empty payload")};
    }

    FieldReader r(object);
    switch (type) {
    case Heartbeat:
        return HeartbeatEvent{r.anyAsText("data")};
    case Dong:
        return DongEvent{r.anyAsText("data")};
    case Ready:
        return ReadyEvent{};
    case Error: {
        QString text = r.anyAsText("gerror");
        if (text.isEmpty())
            text = r.anyAsText("data");
        return ErrorEvent{text};
    }
    case MessageType: {
        MessageEvent e{r.requiredString("messageId")};
        return orMalformed(type, r, e);
    }
    case Friendship: {
        FriendshipEvent e{r.requiredString("friendshipId")};
        return orMalformed(type, r, e);
    }
    case RoomInvite: {
        RoomInviteEvent e{r.requiredString("roomInvitationId")};
        return orMalformed(type, r, e);
    }
    case RoomJoin: {
        RoomJoinEvent e;
        e.roomId = r.requiredString("roomId");
        e.inviteeIds = r.requiredStringList("inviteeIdList");
        e.inviterId = r.optionalString("inviterId");
        e.timestampMs = r.optionalTimestamp("timestamp");
        return orMalformed(type, r, e);
    }
    case RoomLeave: {
        RoomLeaveEvent e;
        e.roomId = r.requiredString("roomId");
        e.removeeIds = r.requiredStringList("removeeIdList");
        e.removerId = r.optionalString("removerId");
        e.timestampMs = r.optionalTimestamp("timestamp");
        return orMalformed(type, r, e);
    }
    case RoomTopic: {
        RoomTopicEvent e;
        e.roomId = r.requiredString("roomId");
        e.newTopic = r.optionalString("newTopic");
        e.oldTopic = r.optionalString("oldTopic");
        e.changerId = r.optionalString("changerId");
        e.timestampMs = r.optionalTimestamp("timestamp");
        return orMalformed(type, r, e);
    }
    case Scan: {
        ScanEvent e;
        const std::optional<int> status = r.requiredInt("status", 0, 5, 0);
        e.qrcode = r.optionalString("qrcode");
        if (status)
            e.status = static_cast<ScanStatus>(*status);
        return orMalformed(type, r, e);
    }
    case Login: {
        LoginEvent e{r.requiredString("contactId")};
        return orMalformed(type, r, e);
    }
    case Logout: {
        LogoutEvent e;
        e.contactId = r.optionalString("contactId");
        e.reason = r.anyAsText("data");
        return orMalformed(type, r, e);
    }
    case Dirty: {
        DirtyEvent e;
        e.payloadId = r.requiredString("payloadId");
        // Types 1-5 are known; a type out of int range counts as unknown (0).
        const std::optional<int> t = r.requiredInt("payloadType", std::numeric_limits<int>::min(),
                                                   std::numeric_limits<int>::max(), 0);
        if (t)
            e.payloadType = *t;
        return orMalformed(type, r, e);
    }
    default:
        return IgnoredEvent{type};
    }
}

} // namespace gd
