#pragma once
// The engines of all accounts, seen from the GUI thread (or the headless main).
// Each account runs in an AccountSession on its own thread; this facade starts
// and stops them, forwards their state as signals in the caller's thread, and
// routes user actions (send, retry, reconnect) to the right session.
// Nothing here blocks: all work happens in the session threads or the store.

#include "engine/SessionTuning.h"
#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"
#include "outbox/Campaign.h"
#include "outbox/SendRequest.h"
#include "outbox/SubmitResult.h"

#include <QFuture>
#include <QHash>
#include <QObject>

#include <functional>

namespace gd {

class Store;
class AccountSession;
class MessageObserver;
class OutboxRepository;

// What the UI needs to draw one account at a glance.
struct AccountStatus
{
    AccountInfo info;
    SessionState state = SessionState::Offline;
    QString detail; // readable reason for Error / LoggedOut
    QString qrCode; // text to encode as QR while waiting for a scan
    ScanStatus scanStatus = ScanStatus::Unknown;
    int syncDone = 0;
    int syncTotal = 0;
    qint64 nextReconnectMs = 0; // when the next reconnect attempt is due (0 = none)
    int messagesNotFetched = 0; // payload calls failed, retried with backoff
    int messagesGivenUp = 0; // given up after retrying for hours (this run; journal rows)
    // The gateway answers nothing (no event, no DONG to a Ding) since this
    // time; 0 while it answers. The connection is dropped and made again soon.
    qint64 notRespondingSinceMs = 0;
};

class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(Store *store, QObject *parent = nullptr);
    ~Engine() override; // stops every session

    // Starts a session for the account on its own thread. The token is passed
    // through to the gateway and never stored by the engine.
    void addAccount(const AccountInfo &account, const GatewayEndpoint &endpoint);
    void removeAccount(const QString &accountId);
    // Restarts the account's session with new settings (edited name,
    // endpoint, token or TLS), keeping it listed: no accountRemoved.
    void updateAccount(const AccountInfo &account, const GatewayEndpoint &endpoint);
    QStringList accountIds() const;
    AccountStatus status(const QString &accountId) const;

    // Every send goes through here (the composer, and later the HTTP API,
    // pushes, broadcasts, send-later): the request is persisted in the outbox
    // and the account's session sends it when it is due and the account can.
    // A file is copied into the outbox on the store's writer thread and
    // checked again (type from content, size limits, corrupt images) right
    // before sending; a refused file ends Failed with the reason. Nothing is
    // read or waited for here: the result (the database's id, or why nothing
    // was queued) comes with the future, after the commit; use
    // QFuture::then(context, ...) to get it in a thread of your choice.
    QFuture<SubmitResult> submit(const SendRequest &request);
    // A text from the composer, now (a thin wrapper of submit()).
    // mentionIds: the group members the text @-mentions (sent as mention ids).
    void sendText(const QString &accountId, const QString &conversationId, const QString &text,
                  const QStringList &mentionIds = {});
    void retrySend(qint64 outboxId); // Failed or Unknown -> Queued
    void cancelSend(qint64 outboxId); // Queued -> Cancelled: never goes out
    // Broadcasts: rows submitted with the campaign's id go out like any
    // other; pausing holds them back, cancelling (final) withdraws the rest.
    QFuture<Campaign> createCampaign(const QString &title, const QString &origin);
    void pauseCampaign(qint64 campaignId);
    void resumeCampaign(qint64 campaignId);
    void cancelCampaign(qint64 campaignId);
    OutboxRepository *outbox() const { return m_outbox; }
    void reconnectNow(const QString &accountId);
    // Fetches a received image (thumbnail or full) or file through the
    // account's gateway; done runs in the caller's thread. For ui/MediaCache.
    using MediaDone = std::function<void(bool ok, const QByteArray &bytes, const QString &error)>;
    void fetchMedia(const QString &accountId, const QString &messageId, bool thumbnail,
                    MediaDone done);
    void restartLogin(const QString &accountId);
    // The bot leaves a group (RoomQuit); done runs in the caller's thread
    // with the gateway's answer. The group's archive stays.
    using QuitDone = std::function<void(const GatewayStatus &status)>;
    void quitRoom(const QString &accountId, const QString &roomId, QuitDone done);

    // Stops every session (in-flight results are let go) and waits for the
    // threads to end. The store is not closed here.
    void shutdown();

    // `observer` sees every message each account resolves, in that account's
    // session thread, before it is stored (see MessageObserver). It must be
    // thread-safe and outlive the engine. Sessions running now get it too.
    void addMessageObserver(MessageObserver *observer);

    // Team mode: this engine's id, under which it holds account leases
    // (AccountLeaseKeeper); sessions added after the call claim outbox rows
    // only while the lease holds. Empty (the default): one engine alone.
    void setLeaseHolder(const QString &engineId) { m_leaseHolder = engineId; }
    QString leaseHolder() const { return m_leaseHolder; }

    // Applies to sessions added after the call (tests shorten the intervals).
    void setSessionTuning(const SessionTuning &tuning);
    SessionTuning sessionTuning() const { return m_tuning; }

signals:
    void accountStatusChanged(const QString &accountId);
    void accountRemoved(const QString &accountId);
    void logLine(const QString &accountId, const QString &line);
    // An outbox file going through Upload: bytes written so far of total.
    void uploadProgress(qint64 outboxId, qint64 done, qint64 total);
    // An outbox row was queued or changed state (in the engine's thread).
    void outboxChanged(const gd::OutboxEntry &entry);
    void campaignChanged(const gd::Campaign &campaign);

private:
    struct Entry;
    void stopEntry(Entry *entry);

    Store *m_store;
    OutboxRepository *m_outbox = nullptr;
    SessionTuning m_tuning;
    QString m_leaseHolder;
    QHash<QString, Entry *> m_entries;
    QVector<MessageObserver *> m_observers;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::AccountStatus)
