#pragma once
// Everything that shapes one simulator run: where it listens, how the
// scripted world and its traffic behave, and which faults it injects.
// Filled from the command line by groupdesk-sim, or directly by the demo,
// the tests and the benchmarks.

#include <QString>

namespace gd::sim {

struct SimulatorOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0 = pick a free port
    QString token; // empty = accept any caller
    double rate = 5.0; // MESSAGE events per second while traffic runs
    double durationS = 0; // stop traffic this long after the first subscribe; 0 = never
    QString statsFile; // JSON written on shutdown; empty = none
    QString servedLog; // appends "<ms> <id>" per message payload served (SimServedLog)
    QString tlsCert; // PEM server certificate chain; with tlsKey: serve TLS only
    QString tlsKey; // PEM private key of tlsCert
    quint32 seed = 1; // the world and the traffic are deterministic from it
    int scanDelayMs = 1500; // SCAN Waiting -> Scanned
    int confirmDelayMs = 1000; // Scanned -> Confirmed + LOGIN + READY
    int qrRounds = 1; // the first qrRounds-1 QR codes time out
    int qrTimeoutMs = 3000; // how long a QR code that times out stays up
    bool autoLogin = false; // LOGIN + READY right after Start, no scan
    int heartbeatS = 10; // HEARTBEAT period
    bool roomEvents = true; // occasional ROOM_JOIN / ROOM_LEAVE / ROOM_TOPIC
    int roomEventEvery = 200; // about one room event per this many messages
    // World size (benchmarks): 0 keeps the default world of 10 groups with
    // 8-25 members each.
    int rooms = 0; // number of groups
    // ContactList answers only the first this many people (the bot and staff
    // come first), as in WeChat, where most group members are not friends;
    // 0: everyone. Their payloads are served either way.
    int contactListLimit = 0;
    int membersPerRoom = 0; // members of every group (the bot and staff included)
    int burstMessages = 0; // once logged in and listened to, emit this many MESSAGE
                           // events as fast as possible (besides `rate`); 0 = none
    int hotRoomPercent = 0; // share of traffic (in %) that goes to the first group
    int imageEvery = 15; // every Nth generated message is a photo (every 4th of
                         // those a PDF receipt); 0 = text only. They count as messages.

    // Fault injection (0 = off). Counters are over MESSAGE events / calls.
    int faultMalformedEvery = 0; // every Nth event payload is broken JSON (not counted)
    int faultRepeatEvery = 0; // every Nth MESSAGE event is written twice
    int faultFailPayloadEvery = 0; // every Nth MessagePayload call fails with faultFailCode
    int faultFailCode = 14; // gRPC code used by faultFailPayloadEvery (14 UNAVAILABLE)
    int faultDelayPayloadMs = 0; // every MessagePayload answer is delayed this long
    // RoomMemberList of this group (tests: one room whose members sync late)
    // is answered faultDelayRoomMembersMs late.
    QString faultDelayRoomMembersOf;
    int faultDelayRoomMembersMs = 0;
    int faultDropStreamAfter = 0; // end each Event stream after N MESSAGE events
    int faultLogoutAfterS = 0; // log the bot out this long after the first LOGIN
    int faultStallAfterS = 0; // this long after the first LOGIN, stop answering anything
                              // (calls hang, streams stay open but silent)
    int faultCorruptImageEvery = 0; // every Nth generated photo is served truncated
    int faultExitAfterS = 0; // groupdesk-sim only: exit abruptly (no stats) after S s
};

} // namespace gd::sim
