// fuzz-sources: core/engine/EventParser.cpp
// The event stream's JSON (PROTOCOL.md "Events") comes from the gateway: any
// bytes, any numbers. EventParser must give a typed event for every input,
// never crash or hit undefined behaviour, and keep its promises: required ids
// are non-empty, codes are in range, timestamps are sane.
// Input: the first byte picks the event type (mostly a known one), the rest
// is the payload.
#include "engine/EventParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace gd;
using namespace gd::events;

namespace {

constexpr int kTypes[] = {Heartbeat, MessageType, Dong, Error, Friendship, RoomInvite, RoomJoin,
                          RoomLeave, RoomTopic,   Scan, Ready, Login,      Logout,     Dirty};
constexpr int kTypeCount = int(sizeof(kTypes) / sizeof(kTypes[0]));

void check(bool condition)
{
    if (!condition)
        std::abort(); // libFuzzer reports it with the input
}

bool saneTimestamp(qint64 ms)
{
    return ms >= 0 && ms <= qint64(1e15);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // Known types most of the time; any int now and then (unknown types).
    const int type = data[0] < 224 ? kTypes[data[0] % kTypeCount] : int(data[0]) * 97 - 20000;
    const QByteArray payload(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const GatewayEvent event = EventParser::parse(type, payload);

    if (const auto *e = std::get_if<MessageEvent>(&event))
        check(!e->messageId.isEmpty());
    if (const auto *e = std::get_if<LoginEvent>(&event))
        check(!e->contactId.isEmpty());
    if (const auto *e = std::get_if<ScanEvent>(&event))
        check(int(e->status) >= 0 && int(e->status) <= 5);
    if (const auto *e = std::get_if<DirtyEvent>(&event))
        check(!e->payloadId.isEmpty());
    if (const auto *e = std::get_if<RoomJoinEvent>(&event)) {
        check(!e->roomId.isEmpty() && saneTimestamp(e->timestampMs));
        for (const QString &id : e->inviteeIds)
            check(!id.isEmpty());
    }
    if (const auto *e = std::get_if<RoomLeaveEvent>(&event))
        check(!e->roomId.isEmpty() && saneTimestamp(e->timestampMs));
    if (const auto *e = std::get_if<RoomTopicEvent>(&event))
        check(!e->roomId.isEmpty() && saneTimestamp(e->timestampMs));
    if (const auto *e = std::get_if<IgnoredEvent>(&event))
        check(e->type == type);
    if (const auto *e = std::get_if<MalformedEvent>(&event))
        check(e->type == type && !e->reason.isEmpty());
    return 0;
}
