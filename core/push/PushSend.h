#pragma once
// One send a push run or a broadcast hands to the outbox, and where it goes
// (PushOutlet): the outbox in the app and the tests (OutboxOutlet); the
// interface keeps the planning code free of the outbox's threads.

#include <QHash>
#include <QString>
#include <QVector>

namespace gd {

struct PushSend
{
    QString accountId;
    QString roomId;
    QString text;
    QString imagePath; // empty: text only
    qint64 dueMs = 0;
    qint64 campaignId = 0;
    QString origin; // "push" or "broadcast"
    QString idempotencyKey; // the same run asked twice (a restart) queues nothing new
};

// What became of one send, as a report shows it.
enum class PushDelivery : int {
    Waiting = 0,
    Sending = 1,
    Delivered = 2,
    Failed = 3,
    Unknown = 4,
    Cancelled = 5
};

struct PushRowState
{
    PushDelivery state = PushDelivery::Waiting;
    QString error; // why it failed, readable
};

enum class PushCampaignState : int { Active = 0, Paused = 1, Cancelled = 2 };

// Called on the push thread; the calls may wait for the outbox's commit.
class PushOutlet
{
public:
    virtual ~PushOutlet() = default;
    // The outbox id (of the first row), or 0 with *error when nothing was queued.
    virtual qint64 submit(const PushSend &send, QString *error) = 0;
    // A campaign groups the sends of one broadcast or one push run (origin
    // "broadcast" or "push"): its report, pause and cancel act on all of them.
    virtual qint64 createCampaign(const QString &title, const QString &origin, QString *error) = 0;
    virtual void setCampaignState(qint64 campaignId, PushCampaignState state) = 0;
    virtual PushCampaignState campaignState(qint64 campaignId) = 0;
    // What became of each group's sends in a campaign, by room id. A picture
    // with a text is two outbox rows: the group counts as delivered only when
    // both are, and a failure of either shows with its reason.
    virtual QHash<QString, PushRowState> groupStates(qint64 campaignId) = 0;
    // The last call gave up waiting for the outbox's commit (its storage is
    // failing or stuck): stop for now and try again later.
    virtual bool stalled() const { return false; }
};

} // namespace gd
