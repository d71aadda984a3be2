#pragma once
// What the simulated puppet does, apart from the wire: the login flow (QR
// rounds, scanned, confirmed), traffic while someone listens, echoes of the
// bot's own sends, heartbeats, DONGs, room events, the world's answers and
// the exact delivery count. Thread-safe: gRPC threads call it concurrently,
// its own scheduler thread drives time. Holds no gRPC type.
//
// Lock order: m_mutex, then the hub's, then a stream's, then the message
// log's. Nothing calls into gRPC while holding m_mutex: events are queued
// under it and written after it is released (SimEventHub::flush).

#include "sim/SimEventHub.h"
#include "sim/SimFileStore.h"
#include "sim/SimMessageLog.h"
#include "sim/SimReceivedText.h"
#include "sim/SimChatter.h"
#include "sim/SimScheduler.h"
#include "sim/SimWorld.h"
#include "sim/SimulatorOptions.h"

#include <QJsonObject>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace gd::sim {

class SimGateway
{
public:
    explicit SimGateway(const SimulatorOptions &options);
    ~SimGateway();

    const SimulatorOptions &options() const { return m_options; }
    SimEventHub &hub() { return m_hub; }
    SimMessageLog &messages() { return m_messages; }
    SimFileStore &files() { return m_files; }

    void startClock(); // heartbeats and traffic ticks begin
    void quiesce(); // no more traffic, heartbeats or new events (shutdown begins)
    void stopClock(); // the scheduler thread ends; pending delayed tasks are dropped
    SimScheduler &clock() { return m_clock; }

    // Event streams. subscribe() queues the replay (HEARTBEAT, then LOGIN +
    // READY or the last SCAN); false if the token already has a stream.
    bool subscribe(const QString &token, const std::shared_ptr<SimEventSink> &sink);
    void unsubscribe(const SimEventSink *sink);
    // A stream finished writing an event: counts deliveries exactly once.
    void eventWritten(const SimEvent &event, bool ok);

    void start();
    void stop();
    void logout(const QString &reason);
    void ding(const QString &data);
    void dirty(int payloadType, const QString &id);

    QString selfId() const;
    SimWorld world() const; // a copy: the world changes under room events
    std::optional<SimContact> contact(const QString &id) const;
    std::optional<SimRoom> room(const QString &id) const;

    // Queues the echo; done(id) runs once it is written or cannot be.
    // False if the conversation is neither a room nor a contact.
    // mentionIds: MessageSendText's mention ids, recorded and echoed.
    bool sendText(const QString &conversationId, const QString &text, const QStringList &mentionIds,
                  std::function<void(const QString &messageId)> done);
    // RoomQuit: the bot leaves a group it is in; false (and *error) when
    // it is not a member (never was, or left already).
    bool quitRoom(const QString &roomId, QString *error);
    QStringList quitRooms() const; // in the order they were left
    void injectMessage(const QString &roomId, const QString &talkerId, const QString &text);
    // Emits count more traffic messages as fast as possible (benchmarks).
    void burst(int count);
    // A file the bot sends: recorded (with its hash) and echoed as an image
    // (type 6) or attachment (type 1) message. Same contract as sendText.
    bool sendFile(const QString &conversationId, const QString &name, const QByteArray &bytes,
                  bool viaUpload, std::function<void(const QString &messageId)> done);
    // The bytes of an image or attachment message: what the bot sent, or the
    // generated photo/receipt (smaller when a thumbnail is asked for).
    std::optional<QByteArray> mediaOf(const SimMessage &message, bool thumbnail);

    // Fault injection for MessagePayload: a gRPC code to fail with, or 0.
    int nextPayloadFault();
    // Fault "stop answering": while stalled, calls are parked instead of
    // answered and no event is written. Parked work runs at shutdown.
    bool isStalled() const { return m_stalled.load(); }
    void setStalled(bool stalled);
    void park(std::function<void()> releaseAtShutdown);
    void releaseParked();

    bool isLoggedIn() const;
    QStringList receivedTexts() const;
    QVector<SimReceivedText> receivedTextSends() const;
    QJsonObject stats() const;

private:
    using Clock = std::chrono::steady_clock;

    void emitLocked(int type, const QJsonObject &payload);
    void beginLoginFlowLocked();
    void qrTimedOut(quint64 flow);
    void scanned(quint64 flow);
    void confirmed(quint64 flow);
    void loginLocked();
    void emitScanLocked(int status);
    QString newQrCodeLocked();
    void heartbeatTick();
    void trafficTick();
    void burstTick();
    void generateMessageLocked();
    void emitMessageLocked(const SimMessage &message);
    void roomEventLocked();

    const SimulatorOptions m_options;
    SimEventHub m_hub;
    SimMessageLog m_messages;
    SimFileStore m_files;
    SimScheduler m_clock;

    mutable std::mutex m_mutex;
    SimWorld m_world;
    SimChatter m_chatter;
    bool m_quiesced = false;
    bool m_started = false;
    bool m_loggedIn = false;
    bool m_everLoggedIn = false;
    quint64 m_flow = 0; // bumps to cancel a login flow in progress
    bool m_loginInProgress = false;
    int m_qrRound = 0;
    int m_qrCounter = 0;
    QString m_qrCode;
    QJsonObject m_lastScan;
    std::optional<Clock::time_point> m_firstSubscribe;
    bool m_trafficEnded = false;
    Clock::time_point m_lastTick;
    double m_due = 0;
    quint64 m_messageEvents = 0;
    quint64 m_roomEvents = 0;
    int m_burstLeft = 0;
    bool m_burstRunning = false;
    quint64 m_generated = 0; // messages made by traffic, for imageEvery
    std::atomic<quint64> m_photosServed{0};
    QStringList m_receivedTexts;
    QVector<SimReceivedText> m_receivedTextSends;
    std::atomic<quint64> m_eventsWritten{0};
    std::atomic<quint64> m_payloadCalls{0};
    std::atomic<bool> m_stalled{false};
    std::mutex m_parkedMutex;
    std::vector<std::function<void()>> m_parked;
    QStringList m_quitRooms;
};

} // namespace gd::sim
