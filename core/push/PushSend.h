#pragma once
// One send a push run or a broadcast hands to the outbox, and the function
// that does it (on the push thread; it may wait for the outbox's commit).

#include <QString>

#include <functional>

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

// Returns the outbox id, or 0 with *error set when nothing was queued.
using PushSubmitFn = std::function<qint64(const PushSend &send, QString *error)>;

} // namespace gd
