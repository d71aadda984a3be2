#include "push/OutboxOutlet.h"

#include "outbox/OutboxRepository.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <algorithm>

namespace gd {

// PushDelivery mirrors OutboxState value for value.
static_assert(int(OutboxState::Cancelled) == int(PushDelivery::Cancelled));
static_assert(int(OutboxState::Sent) == int(PushDelivery::Delivered));

OutboxOutlet::OutboxOutlet(Store *store, int waitMs)
    : m_store(store)
    , m_outbox(OutboxRepository::of(store))
    , m_waitMs(waitMs)
{}

// A bounded wait: a write the store keeps retrying (a full disk) must not
// hold the push thread, and with it the app's shutdown, forever.
template<typename T> bool OutboxOutlet::waitFor(const QFuture<T> &future)
{
    QDeadlineTimer deadline(m_waitMs);
    unsigned long sleepUs = 100;
    while (!future.isFinished()) {
        if (deadline.hasExpired()) {
            m_stalled = true;
            return false;
        }
        QThread::usleep(sleepUs);
        sleepUs = std::min(sleepUs * 2, 10000UL);
    }
    m_stalled = false;
    return true;
}

qint64 OutboxOutlet::submit(const PushSend &send, QString *error)
{
    SendRequest r;
    r.accountId = send.accountId;
    r.conversationId = send.roomId;
    r.text = send.text;
    r.filePath = send.imagePath;
    r.dueMs = send.dueMs;
    r.campaignId = send.campaignId;
    r.origin = send.origin;
    r.idempotencyKey = send.idempotencyKey;
    QFuture<SubmitResult> future = m_outbox->submit(r);
    if (!waitFor(future) || future.resultCount() == 0) {
        *error = QCoreApplication::translate("OutboxOutlet", "The outbox did not answer.");
        return 0;
    }
    const SubmitResult result = future.result();
    if (!result.ok())
        *error = result.error;
    return result.id;
}

qint64 OutboxOutlet::createCampaign(const QString &title, const QString &origin, QString *error)
{
    QFuture<Campaign> future = m_outbox->createCampaign(title, origin);
    if (!waitFor(future) || future.resultCount() == 0 || future.result().id == 0) {
        *error = QCoreApplication::translate("OutboxOutlet", "The broadcast could not be created.");
        return 0;
    }
    return future.result().id;
}

void OutboxOutlet::setCampaignState(qint64 campaignId, PushCampaignState state)
{
    m_outbox->setCampaignState(campaignId, CampaignState(int(state)));
}

PushCampaignState OutboxOutlet::campaignState(qint64 campaignId)
{
    auto reader = m_store->createReader();
    return PushCampaignState(int(OutboxRepository::campaign(*reader, campaignId).state));
}

// The worse of two rows of one group wins: a failure over anything, work
// still to do over an end, a cancelled rest over a delivered part.
static int severity(PushDelivery d)
{
    switch (d) {
    case PushDelivery::Delivered:
        return 0;
    case PushDelivery::Cancelled:
        return 1;
    case PushDelivery::Waiting:
        return 2;
    case PushDelivery::Sending:
        return 3;
    case PushDelivery::Unknown:
        return 4;
    case PushDelivery::Failed:
        return 5;
    }
    return 5;
}

QHash<QString, PushRowState> OutboxOutlet::groupStates(qint64 campaignId)
{
    QHash<QString, PushRowState> out;
    auto reader = m_store->createReader();
    for (const OutboxEntry &e : OutboxRepository::campaignRows(*reader, campaignId)) {
        const PushRowState row{PushDelivery(int(e.state)), e.error};
        auto it = out.find(e.conversationId);
        if (it == out.end())
            out.insert(e.conversationId, row);
        else if (severity(row.state) > severity(it->state))
            *it = row;
    }
    return out;
}

} // namespace gd
