#pragma once
// The outbox's persistence: every send as a row with a due time, a campaign,
// an origin and an optional idempotency key; campaigns and their states; the
// outbox's own copies of files to send. Ids come from the database.
// Writes run on the store's writer thread (Store::submitWrite) inside its
// batches; their results and the change signals come after the commit, on
// that thread (connect queued, or use QFuture::then with a context). Reads
// take a StoreReader of the caller's thread. One repository per Store (of()),
// so every row change is announced by the same object whoever made it.

#include "model/Types.h"
#include "outbox/Campaign.h"
#include "outbox/SendRequest.h"
#include "outbox/SubmitResult.h"

#include <QFuture>
#include <QObject>
#include <QVector>

#include <functional>

namespace gd {

class Store;
class StoreReader;

class OutboxRepository : public QObject
{
    Q_OBJECT
public:
    // The repository of `store`, made on first use as the store's child:
    // call it first in the store's thread (Engine does, in its constructor).
    static OutboxRepository *of(Store *store);

    // --- writes ---
    // Queues the request (Queued, due at request.dueMs or now). A file is
    // first copied on the writer thread to <database dir>/outbox-files/
    // <id>-<name>; if that fails the row is stored Failed with the reason.
    // The MIME type and image kind come from the copy's content. A known
    // (origin, idempotencyKey) queues nothing and answers with the first id.
    // Refused requests (nothing to send, no account or conversation, an
    // unknown or cancelled campaign) answer with an error and store nothing.
    QFuture<SubmitResult> submit(const SendRequest &request);
    // Queued -> Sending, only while the row is still Queued and its campaign
    // (if any) active: what makes a cancel or pause that committed first win.
    // done(claimed) runs in context's thread after the commit. With a
    // `leaseHolder` (an engine id, team mode) the row is claimed only while
    // that engine holds an unlapsed lease on the row's account.
    void claim(qint64 outboxId, QObject *context, std::function<void(bool claimed)> done,
               const QString &leaseHolder = {});
    // Claims up to `limit` of the account's rows that are due (due_ms <=
    // now), oldest due first, each Queued -> Sending as claim() does. Safe
    // with several engines on one server database: rows another engine is
    // claiming are skipped (FOR UPDATE SKIP LOCKED), never waited for or
    // claimed twice. done(ids) runs in context's thread after the commit.
    void claimDue(const QString &accountId, int limit, QObject *context,
                  std::function<void(QVector<qint64> ids)> done);
    // Sending -> Queued: a claimed row that never reached the gateway.
    void release(qint64 outboxId);
    // Sets the state (Sending counts an attempt), the error and the gateway's
    // message id (kept when empty).
    void update(qint64 outboxId, OutboxState state, const QString &error = {},
                const QString &messageId = {});
    // Failed or Unknown -> Queued (the user asked for it).
    void retry(qint64 outboxId);
    // Queued -> Cancelled: it will never go out. done(cancelled) runs in
    // context's thread after the commit: false when the row had already
    // left Queued (being sent, sent, cancelled) and was not touched.
    void cancel(qint64 outboxId, QObject *context = nullptr,
                std::function<void(bool cancelled)> done = {});

    // --- campaigns ---
    QFuture<Campaign> createCampaign(const QString &title, const QString &origin);
    // Active <-> Paused; Cancelled is final and turns the campaign's Queued
    // rows Cancelled in the same transaction.
    void setCampaignState(qint64 campaignId, CampaignState state);

    // --- reads (a reader of the calling thread) ---
    // An account's rows in the given states, oldest first.
    static QVector<OutboxEntry> rows(StoreReader &reader, const QString &accountId,
                                     const QVector<OutboxState> &states);
    static QVector<OutboxEntry> rowsForConversation(StoreReader &reader, const QString &accountId,
                                                    const QString &conversationId);
    // The account's Queued rows whose campaign (if any) is active, in the
    // order they go out: by due time, then id. Future ones included.
    static QVector<OutboxEntry> sendable(StoreReader &reader, const QString &accountId);
    static OutboxEntry row(StoreReader &reader, qint64 outboxId); // id 0 if none
    // Every row of a campaign, by account, conversation and id: what a
    // broadcast report lists (Sent, Failed with error, Cancelled, ...).
    static QVector<OutboxEntry> campaignRows(StoreReader &reader, qint64 campaignId);
    static Campaign campaign(StoreReader &reader, qint64 campaignId); // id 0 if none
    static QVector<Campaign> campaigns(StoreReader &reader); // newest first

    // Emits entryChanged and the store's outboxChanged (its change feed).
    void announce(const OutboxEntry &entry);

signals:
    // A row was queued or changed state (after commit; writer thread).
    void entryChanged(const gd::OutboxEntry &entry);
    void campaignChanged(const gd::Campaign &campaign);
    // A shared server archive: another program (a console, another engine)
    // queued or changed a row; the live updates' thread, moments after its
    // commit. An engine's sender wakes on it instead of polling.
    void changedElsewhere(const gd::OutboxEntry &entry);

private:
    explicit OutboxRepository(Store *store);

    Store *m_store;
};

} // namespace gd
