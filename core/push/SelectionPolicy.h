#pragma once
// Which product goes to a group now. The floor is the old bot's policy:
// available, updated within 4 hours, not pushed to this group within 3 days;
// when nothing passes, the fallback drops the 3-day rule (still available
// and fresh). Among the candidates the best is chosen by how well category
// and tags match the group's tags, by past clicks and orders in that group,
// by freshness, and away from products already given to other groups in the
// same run; the product pushed to this group last time is never chosen
// again right after. Every choice carries its reasons (PushChoice).
// Pure: the caller passes the time, the history and the statistics.

#include "push/Product.h"
#include "push/PushGroup.h"

#include <QHash>
#include <QJsonObject>
#include <QVector>

namespace gd {

struct ProductStats
{
    qint64 clicks = 0;
    qint64 orders = 0;
};

struct PushChoice
{
    QString productId; // empty: nothing could be chosen
    bool fallback = false; // chosen by the relaxed rule
    qint64 updatedAgoMs = 0;
    qint64 lastPushedHereMs = 0; // 0: never pushed to this group
    QStringList matchedTags;
    qint64 clicks = 0;
    qint64 orders = 0;
    double score = 0;
    int candidates = 0; // how many products passed the floor (or the fallback)

    QJsonObject toJson() const;
    static PushChoice fromJson(const QJsonObject &o);
};

// What the policy knows about one group's past.
struct GroupHistory
{
    QHash<QString, qint64> lastPushedMs; // product id -> last push to this group
    QString lastProductId; // the product of the group's most recent push
    QHash<QString, ProductStats> stats; // product id -> clicks/orders here
};

class SelectionPolicy
{
public:
    static constexpr qint64 kNoRepeatMs = 3LL * 24 * 3600 * 1000;
    static constexpr qint64 kFreshMs = 4LL * 3600 * 1000;

    // usedInRun: product id -> groups already given it in this run (spread).
    static PushChoice choose(const PushGroup &group, const QVector<Product> &products,
                             const GroupHistory &history, const QHash<QString, int> &usedInRun,
                             qint64 nowMs);
    // "fresh 2 h ago, not pushed here for 5 days, matches tag 家电" (translated).
    static QString explain(const PushChoice &choice, qint64 nowMs);
};

} // namespace gd
