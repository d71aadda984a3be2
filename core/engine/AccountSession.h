#pragma once
// One bot account's connection to its gateway, living in its own thread, as
// a pipeline of parts that each do one job:
//   GatewayConnection  connect, Start, liveness watchdog, reconnect with backoff
//   EventRouter        each event of the stream to the part it concerns
//   DirectorySync      contacts, rooms and members (a state machine per room)
//   MessageIngest      journal, payload fetches and retries, names, repeats,
//                      observers, batches to the store
//   OutboxSender       the account's outbox: due rows, pacing, echoes
// The session wires them, keeps the login state machine and publishes the
// account's status. All methods run in the session's thread (use queued
// calls from elsewhere), except counters(), which is thread-safe.

#include "engine/Engine.h"
#include "engine/EventRouter.h"
#include "engine/LoginStateMachine.h"
#include "engine/NameResolver.h"
#include "engine/SessionCounters.h"
#include "engine/SessionTuning.h"
#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"

#include <QObject>

#include <functional>
#include <memory>

namespace gd {

class DirectorySync;
class GatewayConnection;
class MessageIngest;
class MessageObserver;
class OutboxSender;
class PuppetClient;
class Store;

class AccountSession : public QObject
{
    Q_OBJECT
public:
    AccountSession(const AccountInfo &account, const GatewayEndpoint &endpoint, Store *store,
                   const SessionTuning &tuning = {}, QObject *parent = nullptr);
    ~AccountSession() override;

    QString accountId() const { return m_account.id; }
    AccountStatus status() const { return m_status; }
    const SessionCounters &counters() const { return m_counters; }
    const NameResolver &names() const { return m_names; }
    // Sees every resolved message of this account (in this thread).
    void addMessageObserver(MessageObserver *observer);
    // Team mode: the engine runs this session under its lease on the
    // account; the outbox claims rows only while that lease holds.
    void setLeaseHolder(const QString &engineId);

public slots:
    void start();
    // Cancels everything, hands pending messages to the store, goes Offline.
    void stop();
    void reconnectNow();
    // Calls Start again, e.g. after a logout, for a new QR code.
    void restartLogin();

public:
    // A received image (thumbnail) or file, fetched with MessageImage /
    // MessageFile then Download. done runs in this thread.
    void
    fetchMedia(const QString &messageId, bool thumbnail,
               std::function<void(bool ok, const QByteArray &bytes, const QString &error)> done);

    // The bot leaves a group (RoomQuit). done runs in this thread with the
    // gateway's status; the group's archive is not touched.
    void quitRoom(const QString &roomId, std::function<void(const GatewayStatus &)> done);

signals:
    void statusChanged(const gd::AccountStatus &status);
    void logLine(const QString &line);
    void syncFinished(int contacts, int rooms);
    // Bytes of an outbox file written to the gateway's Upload stream so far.
    void uploadProgress(qint64 outboxId, qint64 done, qint64 total);

private:
    void publish();
    void log(const QString &line);
    void connectionLost();
    void onTick(qint64 nowMs);
    void onLogin(const QString &selfId);
    void onReady();
    void onLogout(const QString &reason);
    void startSync();
    void onSyncFinished(bool ok, int rooms);

    AccountInfo m_account;
    Store *m_store;
    SessionTuning m_tuning;
    SessionCounters m_counters;
    LoginStateMachine m_login;
    NameResolver m_names;
    AccountStatus m_status;
    PuppetClient *m_client;
    GatewayConnection *m_connection;
    OutboxSender *m_sender;
    DirectorySync *m_directory;
    MessageIngest *m_ingest;
    std::unique_ptr<EventRouter> m_router;
};

} // namespace gd
