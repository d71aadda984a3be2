#pragma once
// Pushes and broadcasts go out through the outbox: each PushSend becomes a
// SendRequest (due time, campaign, origin, idempotency key), campaigns are
// the outbox's, and a report reads the rows' states from it. Called on the
// push thread; waits for the outbox's commits there (never on the GUI).

#include "push/PushSend.h"

#include <QFuture>

namespace gd {

class OutboxRepository;
class Store;

class OutboxOutlet : public PushOutlet
{
public:
    // OutboxRepository::of(store) must have been made in the store's thread
    // first (the Engine's constructor does it).
    // Each call waits at most waitMs for the outbox's commit (see stalled()).
    explicit OutboxOutlet(Store *store, int waitMs = 30000);

    qint64 submit(const PushSend &send, QString *error) override;
    qint64 createCampaign(const QString &title, const QString &origin, QString *error) override;
    void setCampaignState(qint64 campaignId, PushCampaignState state) override;
    PushCampaignState campaignState(qint64 campaignId) override;
    QHash<QString, PushRowState> groupStates(qint64 campaignId) override;
    bool stalled() const override { return m_stalled; }

private:
    template<typename T> bool waitFor(const QFuture<T> &future);

    Store *m_store;
    OutboxRepository *m_outbox;
    int m_waitMs;
    bool m_stalled = false;
};

} // namespace gd
