#include "engine/EventRouter.h"

#include "engine/DirectorySync.h"
#include "engine/EventParser.h"
#include "engine/MessageIngest.h"
#include "engine/NameResolver.h"
#include "model/SystemEvent.h"
#include "store/Store.h"
#include "util/Log.h"

#include <variant>

namespace gd {
namespace {

bool isRoomId(const QString &id)
{
    return id.contains(QLatin1Char('@'));
}

} // namespace

EventRouter::EventRouter(const QString &accountId, Store *store, NameResolver &names,
                         MessageIngest &ingest, DirectorySync &directory, SessionCounters &counters,
                         SessionHooks hooks)
    : m_accountId(accountId)
    , m_store(store)
    , m_names(names)
    , m_ingest(ingest)
    , m_directory(directory)
    , m_counters(counters)
    , m_hooks(std::move(hooks))
{}

void EventRouter::route(int type, const QByteArray &payload)
{
    m_payload = payload;
    std::visit([this](const auto &event) { handle(event); }, EventParser::parse(type, payload));
    m_payload.clear();
}

void EventRouter::handle(const events::MessageEvent &e)
{
    m_ingest.messageArrived(e.messageId);
}

void EventRouter::handle(const events::ScanEvent &e)
{
    m_hooks.scan(e.status, e.qrcode);
}

void EventRouter::handle(const events::LoginEvent &e)
{
    m_hooks.login(e.contactId);
}

void EventRouter::handle(const events::ReadyEvent &)
{
    m_hooks.ready();
}

void EventRouter::handle(const events::LogoutEvent &e)
{
    m_hooks.logout(e.reason);
}

void EventRouter::handle(const events::RoomJoinEvent &e)
{
    SystemEvent event;
    event.kind = SystemEvent::Kind::Join;
    event.actorId = e.inviterId;
    if (!e.inviterId.isEmpty())
        event.actorName = m_names.resolve(e.roomId, e.inviterId);
    event.targetIds = e.inviteeIds;
    for (const QString &id : e.inviteeIds)
        event.targetNames << m_names.resolve(e.roomId, id);
    m_ingest.groupEvent(e.roomId, e.timestampMs, event);
    if (m_store)
        m_store->recordMembersJoined(m_accountId, e.roomId, e.inviteeIds, e.timestampMs);
    m_directory.refreshRoom(e.roomId);
}

void EventRouter::handle(const events::RoomLeaveEvent &e)
{
    SystemEvent event;
    event.kind = SystemEvent::Kind::Leave;
    event.actorId = e.removerId;
    if (!e.removerId.isEmpty())
        event.actorName = m_names.resolve(e.roomId, e.removerId);
    event.targetIds = e.removeeIds;
    for (const QString &id : e.removeeIds)
        event.targetNames << m_names.resolve(e.roomId, id);
    m_ingest.groupEvent(e.roomId, e.timestampMs, event);
    for (const QString &id : e.removeeIds)
        m_names.removeRoomMember(e.roomId, id);
    // The row stays, marked left, for the member history.
    if (m_store)
        m_store->recordMembersLeft(m_accountId, e.roomId, e.removeeIds, e.timestampMs);
    m_directory.refreshRoom(e.roomId);
}

void EventRouter::handle(const events::RoomTopicEvent &e)
{
    SystemEvent event;
    event.kind = SystemEvent::Kind::TopicChange;
    event.actorId = e.changerId;
    if (!e.changerId.isEmpty())
        event.actorName = m_names.resolve(e.roomId, e.changerId);
    event.topic = e.newTopic;
    m_ingest.groupEvent(e.roomId, e.timestampMs, event);
    m_directory.refreshRoom(e.roomId);
}

void EventRouter::handle(const events::DirtyEvent &e)
{
    switch (e.payloadType) {
    case events::DirtyContact:
        m_directory.refreshContact(e.payloadId);
        break;
    case events::DirtyRoom:
        m_directory.refreshRoom(e.payloadId);
        break;
    case events::DirtyRoomMember:
        if (isRoomId(e.payloadId))
            m_directory.refreshRoom(e.payloadId);
        break;
    default:
        break; // messages are immutable here; friendships unused
    }
}

void EventRouter::handle(const events::ErrorEvent &e)
{
    m_hooks.log(QStringLiteral("gateway error event: %1").arg(e.text.left(500)));
}

void EventRouter::handle(const events::IgnoredEvent &e)
{
    ++m_counters.eventsIgnored;
    qCDebug(lcEngine) << m_accountId << "ignored event type" << e.type;
}

void EventRouter::handle(const events::MalformedEvent &e)
{
    ++m_counters.eventsMalformed;
    qCWarning(lcEngine).noquote() << m_accountId << "malformed event of type" << e.type << ":"
                                  << e.reason << m_payload.left(200);
}

} // namespace gd
