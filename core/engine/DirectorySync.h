#pragma once
// The directory part of an account's session: after login, every contact,
// room and room member is fetched (ContactList/RoomList, then payloads with
// a window of calls in flight) into the NameResolver and the store; rooms
// and contacts are fetched again on DIRTY and ROOM_* events. Each room goes
// through its own small state machine (payload, member list, member
// payloads, done). Lives in the session's thread.

#include "engine/CallWindow.h"
#include "engine/SessionCounters.h"
#include "model/Types.h"

#include <QObject>
#include <QSet>
#include <QVector>

#include <unordered_map>

namespace gd {

class NameResolver;
class PuppetClient;
class Store;
struct GatewayStatus;

class DirectorySync : public QObject
{
    Q_OBJECT
public:
    DirectorySync(const QString &accountId, PuppetClient *client, Store *store, NameResolver &names,
                  int callsInFlight, SessionCounters &counters, QObject *parent = nullptr);

    // A full sync, unless one runs or the last one succeeded.
    void start();
    // The next start() syncs again (a refresh, another WeChat account).
    void invalidate() { m_synced = false; }
    // Ends a running sync without result (logout, lost connection): its
    // calls' answers never come.
    void abort();
    bool isSyncing() const { return m_syncing; }
    // Whether the names of a conversation's people are as complete as this
    // sync will make them: no sync runs, or its contacts are all fetched and
    // the room (none: a direct chat) has had its members fetched. A message
    // from someone unknown in such a room need not wait for the whole sync.
    bool namesSettled(const QString &roomId) const;
    bool isSynced() const { return m_synced; }
    int done() const { return m_done; }
    int total() const { return m_total; }
    qint64 lastSyncMs() const { return m_lastSyncMs; }

    void refreshRoom(const QString &roomId);
    void refreshContact(const QString &contactId);
    // A talker nobody knows (not a contact, not a member of the room): looked
    // up once per session, so later messages of theirs are named.
    void lookUpStranger(const QString &roomId, const QString &contactId);
    // Contacts fetched so far go to the store.
    void flushContacts();

signals:
    void progress(); // done/total moved (every 50 steps)
    // During a sync, namesSettled(roomId) became true (roomId empty: direct
    // chats; emitted for every room done so far when the contacts complete).
    void namesSettledFor(const QString &roomId);
    // The sync ended; ok false when a list call failed (try again later).
    void finished(bool ok, int rooms);
    void logLine(const QString &line);

private:
    // One room's way through the sync.
    struct RoomFetch
    {
        enum class Step { Payload, MemberList, MemberPayloads, Done };
        QString roomId;
        bool forSync = false;
        quint64 epoch = 0; // the sync it counts for
        Step step = Step::Payload;
        QVector<RoomMember> members;
        int membersLeft = 0;
    };

    void onContactList(const GatewayStatus &status, const QStringList &ids);
    void onRoomList(const GatewayStatus &status, const QStringList &ids);
    void fetchRoom(const QString &roomId, bool forSync);
    void onRoomPayload(quint64 fetchId, const GatewayStatus &status, const Room &room);
    void onMemberList(quint64 fetchId, const GatewayStatus &status, const QStringList &ids);
    void onMemberPayload(quint64 fetchId, const QString &memberId, const GatewayStatus &status,
                         const RoomMember &member);
    void finishRoom(quint64 fetchId);
    void stepDone();
    void contactDone(quint64 epoch);

    QString m_accountId;
    PuppetClient *m_client;
    Store *m_store;
    NameResolver &m_names;
    SessionCounters &m_counters;
    CallWindow m_window;

    bool m_synced = false;
    bool m_syncing = false;
    bool m_failed = false;
    quint64 m_epoch = 0; // a new one per sync and per abort
    int m_outstanding = 0;
    int m_done = 0;
    int m_total = 0;
    int m_rooms = 0;
    int m_contactsLeft = -1; // of this sync's contact payloads; -1: list not answered
    QSet<QString> m_roomsSettled; // rooms this sync has fetched with their members
    qint64 m_lastSyncMs = 0;
    QVector<Contact> m_contactBatch;
    QSet<QString> m_contactsRequested; // unknown talkers already looked up
    std::unordered_map<quint64, RoomFetch> m_fetches;
    quint64 m_nextFetchId = 0;
};

} // namespace gd
