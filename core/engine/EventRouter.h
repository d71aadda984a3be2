#pragma once
// Routes each event of the stream to the part of the session it concerns:
// messages to ingest, group events to ingest (as data) and to the directory,
// DIRTY to the directory, login events to the session's login handling.
// One handler per event type, chosen with std::visit over GatewayEvent.
// Lives in the session's thread.

#include "engine/GatewayEvent.h"
#include "engine/SessionCounters.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace gd {

class DirectorySync;
class MessageIngest;
class NameResolver;
class Store;

class EventRouter
{
public:
    // What the session does itself (login state, status).
    struct SessionHooks
    {
        std::function<void(ScanStatus status, const QString &qrcode)> scan;
        std::function<void(const QString &selfId)> login;
        std::function<void()> ready;
        std::function<void(const QString &reason)> logout;
        std::function<void(const QString &line)> log;
    };

    EventRouter(const QString &accountId, Store *store, NameResolver &names, MessageIngest &ingest,
                DirectorySync &directory, SessionCounters &counters, SessionHooks hooks);

    void route(int type, const QByteArray &payload);

private:
    void handle(const events::MessageEvent &e);
    void handle(const events::HeartbeatEvent &) {} // liveness only
    void handle(const events::DongEvent &) {} // liveness only
    void handle(const events::ScanEvent &e);
    void handle(const events::LoginEvent &e);
    void handle(const events::ReadyEvent &e);
    void handle(const events::LogoutEvent &e);
    void handle(const events::RoomJoinEvent &e);
    void handle(const events::RoomLeaveEvent &e);
    void handle(const events::RoomTopicEvent &e);
    void handle(const events::DirtyEvent &e);
    void handle(const events::ErrorEvent &e);
    void handle(const events::FriendshipEvent &) {} // not used (yet)
    void handle(const events::RoomInviteEvent &) {} // not used (yet)
    void handle(const events::IgnoredEvent &e);
    void handle(const events::MalformedEvent &e);

    QString m_accountId;
    Store *m_store;
    NameResolver &m_names;
    MessageIngest &m_ingest;
    DirectorySync &m_directory;
    SessionCounters &m_counters;
    SessionHooks m_hooks;
    QByteArray m_payload; // of the event being routed, for the log
};

} // namespace gd
