#pragma once
// One event on its way to a subscriber's Event stream: the wire type and
// JSON payload, plus what the simulator needs to know once it is written
// (which message to count, whom to tell).

#include <QByteArray>

#include <functional>

namespace gd::sim {

// Wechaty EventType numbers (see PROTOCOL.md).
enum SimEventType : int {
    EventHeartbeat = 1,
    EventMessage = 2,
    EventDong = 3,
    EventError = 16,
    EventRoomJoin = 19,
    EventRoomLeave = 20,
    EventRoomTopic = 21,
    EventScan = 22,
    EventReady = 23,
    EventLogin = 25,
    EventLogout = 26,
    EventDirty = 27,
};

struct SimEvent
{
    int type = 0;
    QByteArray payload;
    qint64 messageSeq = -1; // MESSAGE events: the message to count once written
    bool countable = false; // false for the bot's own echoes and broken payloads
    // Called once: true when the write completed, false when it never will.
    std::function<void(bool written)> onWritten;
};

} // namespace gd::sim
