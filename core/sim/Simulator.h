#pragma once
// The gateway simulator, in-process: a wechaty.Puppet gRPC server on
// loopback with a scripted world and traffic. Used by groupdesk-sim,
// `groupdesk --demo`, the tests and the benchmarks. It runs on threads of
// its own (gRPC's and a scheduler thread) and needs no Qt event loop.
// Everything here is safe to call from any thread.

#include "sim/SimFileStore.h"
#include "sim/SimReceivedText.h"
#include "sim/SimulatorOptions.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace gd::sim {

class Simulator
{
public:
    explicit Simulator(const SimulatorOptions &options = {});
    ~Simulator(); // shuts down
    Simulator(const Simulator &) = delete;
    Simulator &operator=(const Simulator &) = delete;

    // Binds and starts serving. On failure error says why (translated).
    bool start(QString *error = nullptr);
    quint16 port() const;
    QString address() const; // host:port, once started
    // Ends streams and calls, stops the threads, writes the stats file if
    // one was asked for. Idempotent.
    void shutdown();

    const SimulatorOptions &options() const;
    // messages_emitted, rooms, contacts, texts_received and more (see SimGateway).
    QJsonObject stats() const;
    bool writeStatsFile(const QString &path, QString *error = nullptr) const;
    QStringList receivedTexts() const;
    // Every MessageSendText the bot made, oldest first, with its mention ids.
    QVector<SimReceivedText> receivedTextSends() const;
    // Groups the bot left with RoomQuit, in order (they are gone from the world).
    QStringList quitRooms() const;
    // Every file the bot sent (MessageSendFile), oldest first, with its hash.
    QVector<SimReceivedFile> receivedFiles() const;
    bool isLoggedIn() const;

    // The world as it is now (room events change members and topics).
    QString selfId() const;
    QString selfName() const;
    int roomCount() const;
    int contactCount() const;
    QStringList roomIds() const;
    QString roomTopic(const QString &roomId) const;
    QString roomOwnerId(const QString &roomId) const;
    QStringList roomMemberIds(const QString &roomId) const;
    QString roomMemberAlias(const QString &roomId, const QString &memberId) const;
    QStringList contactIds() const; // self included, first
    QString contactName(const QString &contactId) const;
    QString contactAlias(const QString &contactId) const;
    bool isStaff(const QString &contactId) const;

    // Makes talkerId say text in roomId (or to the bot, if roomId is a contact).
    void injectMessage(const QString &roomId, const QString &talkerId, const QString &text);
    // Emits count more traffic messages as fast as possible once the bot is
    // logged in and someone listens (benchmarks; see SimulatorOptions::burstMessages).
    void burst(int count);
    // Logs the bot out from the gateway side (a fault the client must handle).
    void logoutBot(const QString &reason);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gd::sim
