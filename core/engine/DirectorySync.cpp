#include "engine/DirectorySync.h"

#include "engine/NameResolver.h"
#include "gateway/PuppetClient.h"
#include "store/Store.h"

#include <QDateTime>

namespace gd {

DirectorySync::DirectorySync(const QString &accountId, PuppetClient *client, Store *store,
                             NameResolver &names, int callsInFlight, SessionCounters &counters,
                             QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_client(client)
    , m_store(store)
    , m_names(names)
    , m_counters(counters)
    , m_window(callsInFlight)
{}

void DirectorySync::start()
{
    if (m_synced || m_syncing)
        return;
    m_syncing = true;
    m_failed = false;
    ++m_epoch;
    m_done = 0;
    m_total = 0;
    m_rooms = 0;
    m_contactsLeft = -1;
    m_roomsSettled.clear();
    m_outstanding = 2; // the two list calls
    emit logLine(QStringLiteral("sync started"));
    emit progress();
    const quint64 epoch = m_epoch;
    m_client->contactList([this, epoch](const GatewayStatus &st, const QStringList &ids) {
        if (m_syncing && epoch == m_epoch)
            onContactList(st, ids);
    });
    m_client->roomList([this, epoch](const GatewayStatus &st, const QStringList &ids) {
        if (m_syncing && epoch == m_epoch)
            onRoomList(st, ids);
    });
}

bool DirectorySync::namesSettled(const QString &roomId) const
{
    if (!m_syncing)
        return true;
    return m_contactsLeft == 0 && (roomId.isEmpty() || m_roomsSettled.contains(roomId));
}

void DirectorySync::contactDone(quint64 epoch)
{
    if (!m_syncing || epoch != m_epoch || m_contactsLeft <= 0 || --m_contactsLeft > 0)
        return;
    // Every contact is known now: direct chats and the rooms fetched so far
    // have their final names.
    emit namesSettledFor(QString());
    for (const QString &roomId : std::as_const(m_roomsSettled))
        emit namesSettledFor(roomId);
}

void DirectorySync::abort()
{
    m_window.clear();
    m_syncing = false;
    m_outstanding = 0;
    ++m_epoch;
    m_fetches.clear();
    flushContacts();
}

void DirectorySync::onContactList(const GatewayStatus &status, const QStringList &ids)
{
    if (!status.ok()) {
        emit logLine(
            QStringLiteral("ContactList failed: %1 %2").arg(status.code).arg(status.message));
        m_failed = true;
    }
    m_total += int(ids.size());
    m_outstanding += int(ids.size());
    const quint64 epoch = m_epoch;
    m_contactsLeft = int(ids.size()) + 1; // the last one is this list's own step
    for (const QString &id : ids) {
        m_window.push([this, id, epoch](CallWindow::Done done) {
            m_client->contactPayload(
                id, [this, id, epoch, done](const GatewayStatus &st, const Contact &c) {
                    done();
                    if (st.ok()) {
                        Contact contact = c;
                        contact.accountId = m_accountId;
                        m_names.setContact(contact);
                        m_contactBatch.append(contact);
                        if (m_contactBatch.size() >= 200)
                            flushContacts();
                    } else {
                        emit logLine(
                            QStringLiteral("ContactPayload %1 failed: %2").arg(id).arg(st.code));
                    }
                    if (epoch != m_epoch)
                        return;
                    ++m_done;
                    contactDone(epoch);
                    stepDone();
                });
        });
    }
    contactDone(epoch);
    stepDone();
}

void DirectorySync::onRoomList(const GatewayStatus &status, const QStringList &ids)
{
    if (!status.ok()) {
        emit logLine(QStringLiteral("RoomList failed: %1 %2").arg(status.code).arg(status.message));
        m_failed = true;
    }
    m_total += int(ids.size());
    m_rooms = int(ids.size());
    m_outstanding += int(ids.size());
    for (const QString &id : ids)
        fetchRoom(id, true);
    stepDone();
}

void DirectorySync::stepDone()
{
    if (!m_syncing)
        return;
    if (--m_outstanding % 50 == 0)
        emit progress();
    if (m_outstanding > 0)
        return;
    flushContacts();
    m_syncing = false;
    m_synced = !m_failed;
    ++m_counters.syncsCompleted;
    m_lastSyncMs = QDateTime::currentMSecsSinceEpoch();
    emit logLine(QStringLiteral("sync finished: %1 contacts and rooms%2")
                     .arg(m_done)
                     .arg(m_failed ? QStringLiteral(" (with errors)") : QString()));
    emit finished(!m_failed, m_rooms);
}

void DirectorySync::flushContacts()
{
    if (m_contactBatch.isEmpty())
        return;
    if (m_store)
        m_store->upsertContacts(m_contactBatch);
    m_contactBatch.clear();
}

void DirectorySync::refreshContact(const QString &contactId)
{
    m_client->contactPayload(contactId, [this](const GatewayStatus &st, const Contact &c) {
        if (!st.ok())
            return;
        Contact contact = c;
        contact.accountId = m_accountId;
        m_names.setContact(contact);
        if (m_store)
            m_store->upsertContacts({contact});
    });
}

void DirectorySync::lookUpStranger(const QString &roomId, const QString &contactId)
{
    if (contactId.isEmpty() || m_names.hasContact(contactId)
        || m_names.hasRoomMember(roomId, contactId) || m_syncing
        || m_contactsRequested.contains(contactId))
        return;
    m_contactsRequested.insert(contactId);
    refreshContact(contactId); // names later messages of this stranger
}

void DirectorySync::refreshRoom(const QString &roomId)
{
    fetchRoom(roomId, false);
}

// --- one room: payload, member list, member payloads, done ------------------------

void DirectorySync::fetchRoom(const QString &roomId, bool forSync)
{
    const quint64 fetchId = ++m_nextFetchId;
    RoomFetch &fetch = m_fetches[fetchId];
    fetch.roomId = roomId;
    fetch.forSync = forSync;
    fetch.epoch = m_epoch;
    m_window.push([this, roomId, fetchId](CallWindow::Done done) {
        m_client->roomPayload(roomId,
                              [this, fetchId, done](const GatewayStatus &st, const Room &room) {
                                  done();
                                  onRoomPayload(fetchId, st, room);
                              });
    });
}

void DirectorySync::onRoomPayload(quint64 fetchId, const GatewayStatus &status, const Room &room)
{
    const auto it = m_fetches.find(fetchId);
    if (it == m_fetches.end())
        return;
    RoomFetch &fetch = it->second;
    if (!status.ok()) {
        emit logLine(
            QStringLiteral("RoomPayload %1 failed: %2").arg(fetch.roomId).arg(status.code));
        finishRoom(fetchId);
        return;
    }
    Room stored = room;
    stored.accountId = m_accountId;
    m_names.setRoom(stored);
    if (m_store)
        m_store->upsertRooms({stored});
    fetch.step = RoomFetch::Step::MemberList;
    m_client->roomMemberList(fetch.roomId,
                             [this, fetchId](const GatewayStatus &st, const QStringList &ids) {
                                 onMemberList(fetchId, st, ids);
                             });
}

void DirectorySync::onMemberList(quint64 fetchId, const GatewayStatus &status,
                                 const QStringList &ids)
{
    const auto it = m_fetches.find(fetchId);
    if (it == m_fetches.end())
        return;
    RoomFetch &fetch = it->second;
    if (!status.ok()) {
        emit logLine(
            QStringLiteral("RoomMemberList %1 failed: %2").arg(fetch.roomId).arg(status.code));
        finishRoom(fetchId);
        return;
    }
    if (ids.isEmpty()) {
        m_names.setRoomMembers(fetch.roomId, {});
        if (m_store)
            m_store->replaceRoomMembers(m_accountId, fetch.roomId, {});
        finishRoom(fetchId);
        return;
    }
    fetch.step = RoomFetch::Step::MemberPayloads;
    fetch.membersLeft = int(ids.size());
    const QString roomId = fetch.roomId;
    for (const QString &memberId : ids) {
        m_window.push([this, roomId, memberId, fetchId](CallWindow::Done done) {
            m_client->roomMemberPayload(
                roomId, memberId,
                [this, fetchId, memberId, done](const GatewayStatus &st, const RoomMember &m) {
                    done();
                    onMemberPayload(fetchId, memberId, st, m);
                });
        });
    }
}

void DirectorySync::onMemberPayload(quint64 fetchId, const QString &memberId,
                                    const GatewayStatus &status, const RoomMember &member)
{
    const auto it = m_fetches.find(fetchId);
    if (it == m_fetches.end())
        return;
    RoomFetch &fetch = it->second;
    RoomMember known = member;
    if (!status.ok()) {
        emit logLine(QStringLiteral("RoomMemberPayload %1/%2 failed: %3")
                         .arg(fetch.roomId, memberId)
                         .arg(status.code));
        // Still a member (the list says so): keep what is known rather than
        // recording that they left.
        known = m_names.knownRoomMember(fetch.roomId, memberId);
    }
    known.accountId = m_accountId;
    fetch.members.append(known);
    if (--fetch.membersLeft > 0)
        return;
    m_names.setRoomMembers(fetch.roomId, fetch.members);
    if (m_store)
        m_store->replaceRoomMembers(m_accountId, fetch.roomId, fetch.members);
    finishRoom(fetchId);
}

void DirectorySync::finishRoom(quint64 fetchId)
{
    const auto it = m_fetches.find(fetchId);
    if (it == m_fetches.end())
        return;
    const bool counts = it->second.forSync && it->second.epoch == m_epoch;
    const QString roomId = it->second.roomId;
    m_fetches.erase(it);
    if (counts) {
        ++m_done;
        // Nothing later in this sync changes this room's names (a failed
        // fetch leaves them as they are, as the end of the sync would).
        m_roomsSettled.insert(roomId);
        if (m_contactsLeft == 0)
            emit namesSettledFor(roomId);
        stepDone();
    }
}

} // namespace gd
