#pragma once
// A minimal blocking wechaty.Puppet client for tests and scripts that poke
// the simulator (or any gateway) directly over the wire, without the engine.
// Calls return the gRPC status code (0 = OK). The Event stream is read on a
// thread of its own; received events are collected for inspection.
// No gRPC type appears here: tests link only groupdesk_core.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace gd::sim {

class SimProbeClient
{
public:
    struct Event
    {
        int type = 0;
        QByteArray payload;
        QJsonObject json() const; // empty if the payload is not a JSON object
    };

    // token empty: no authorization header is sent.
    explicit SimProbeClient(const QString &address, const QString &token = {});
    ~SimProbeClient();
    SimProbeClient(const SimProbeClient &) = delete;
    SimProbeClient &operator=(const SimProbeClient &) = delete;

    // Deadline of each unary call (default 30 s); DEADLINE_EXCEEDED (4) after it.
    void setCallTimeoutMs(int ms);

    // Opens the Event stream (previous one cancelled first).
    void subscribe();
    // Cancels the stream and waits for its reader thread to end.
    void unsubscribe();
    bool streamEnded() const;
    int streamStatus() const; // status code once ended, -1 before
    QVector<Event> events() const;
    QVector<Event> eventsOfType(int type) const;
    int eventCount(int type) const;
    void clearEvents();

    int start();
    int stop();
    int logout();
    int ding(const QString &data);
    int version(QString *version);
    int dirtyPayload(int type, const QString &id);
    int contactList(QStringList *ids);
    int contactPayload(const QString &id, QJsonObject *payload); // id name alias gender
    int roomList(QStringList *ids);
    int roomPayload(const QString &id, QJsonObject *payload); // id topic ownerId adminIds memberIds
    int roomMemberList(const QString &id, QStringList *memberIds);
    int roomMemberPayload(const QString &roomId, const QString &memberId,
                          QJsonObject *payload); // id roomAlias inviterId name
    // id text type talkerId roomId listenerId timestamp receiveTimeMs
    int messagePayload(const QString &id, QJsonObject *payload);
    int messageSendText(const QString &conversationId, const QString &text, QString *messageId);
    int messageSendFile(const QString &conversationId, const QString &fileBoxJson);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gd::sim
