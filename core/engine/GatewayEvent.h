#pragma once
// Typed form of the events of the wechaty.Puppet Event stream (PROTOCOL.md).
// EventParser turns the raw (type, JSON) pairs into one of these values.

#include "model/Types.h"

#include <QString>
#include <QStringList>

#include <variant>

namespace gd::events {

enum Type : int {
    Heartbeat = 1,
    MessageType = 2,
    Dong = 3,
    Post = 4,
    Error = 16,
    Friendship = 17,
    RoomInvite = 18,
    RoomJoin = 19,
    RoomLeave = 20,
    RoomTopic = 21,
    Scan = 22,
    Ready = 23,
    Reset = 24,
    Login = 25,
    Logout = 26,
    Dirty = 27,
};

struct HeartbeatEvent
{
    QString data;
};
struct MessageEvent
{
    QString messageId;
};
struct DongEvent
{
    QString data;
};
struct ErrorEvent
{
    QString text;
}; // data / gerror, as text for the log
struct FriendshipEvent
{
    QString friendshipId;
};
struct RoomInviteEvent
{
    QString roomInvitationId;
};
struct RoomJoinEvent
{
    QString roomId;
    QStringList inviteeIds;
    QString inviterId;
    qint64 timestampMs = 0; // 0 when the gateway sent none
};
struct RoomLeaveEvent
{
    QString roomId;
    QStringList removeeIds;
    QString removerId;
    qint64 timestampMs = 0;
};
struct RoomTopicEvent
{
    QString roomId;
    QString changerId;
    QString newTopic;
    QString oldTopic;
    qint64 timestampMs = 0;
};
struct ScanEvent
{
    ScanStatus status = ScanStatus::Unknown;
    QString qrcode;
};
struct ReadyEvent
{};
struct LoginEvent
{
    QString contactId;
};
struct LogoutEvent
{
    QString contactId;
    QString reason;
};
// DIRTY's payloadType (wechaty's PayloadType).
enum DirtyPayloadType : int {
    DirtyUnknown = 0,
    DirtyMessage = 1,
    DirtyContact = 2,
    DirtyRoom = 3,
    DirtyRoomMember = 4,
    DirtyFriendship = 5,
};

struct DirtyEvent
{
    int payloadType = DirtyUnknown; // a DirtyPayloadType, or a number we do not know
    QString payloadId;
};
// A type we do not handle (e.g. POST, RESET, future ones): tolerated, counted.
struct IgnoredEvent
{
    int type = 0;
};
// The payload could not be understood: logged and counted, never fatal.
struct MalformedEvent
{
    int type = 0;
    QString reason;
};

using GatewayEvent
    = std::variant<HeartbeatEvent, MessageEvent, DongEvent, ErrorEvent, FriendshipEvent,
                   RoomInviteEvent, RoomJoinEvent, RoomLeaveEvent, RoomTopicEvent, ScanEvent,
                   ReadyEvent, LoginEvent, LogoutEvent, DirtyEvent, IgnoredEvent, MalformedEvent>;

} // namespace gd::events
