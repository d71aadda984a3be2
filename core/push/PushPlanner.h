#pragma once
// One run of a push rule, planned: the target groups (explicit, by tag,
// minus excluded), for each the product (SelectionPolicy), the rendered text
// and picture, the account that sends it (one of those in the group, the
// least used today within its cap) and the due time (spaced per account
// with jitter), or why the group is skipped. The same input gives the same
// plan, so the preview is exactly what the scheduler will send. Pure.

#include "push/PushGroup.h"
#include "push/PushRule.h"
#include "push/SelectionPolicy.h"

#include <QHash>
#include <QVector>

namespace gd {

enum class PushSkip : int {
    None = 0,
    SwitchedOff = 1, // operations turned pushes off for the group
    NoProduct = 2,
    RuleCap = 3,
    GroupCap = 4,
    AccountCap = 5, // every account in the group reached its cap
    NoAccount = 6, // none of our accounts is in the group
};

struct PlannedSend
{
    PushGroup group;
    PushChoice choice;
    QString productTitle;
    QString accountId;
    QString accountName; // for display; filled by PushWorkspace, not the planner
    QString text;
    QString imagePath; // empty: text only
    qint64 dueMs = 0;
    PushSkip skip = PushSkip::None;
};

struct PushPlanInput
{
    PushRule rule;
    qint64 runMs = 0;
    QVector<PushGroup> groups; // every known group; targets are resolved here
    QVector<Product> products;
    QHash<QString, GroupHistory> history; // room id -> its past
    // Sends already made today (the run's local day).
    int ruleSentToday = 0;
    QHash<QString, int> groupSentToday; // room id -> pushes
    QHash<QString, int> accountSentToday; // account id -> pushes
    // account id -> the due time of its latest push already queued (another
    // rule's run at the same minute): its next send keeps the spacing.
    QHash<QString, qint64> accountLastDueMs;
    int spacingMs = 20000; // between two sends of one account in a run
    int jitterMs = 10000; // plus 0..jitter at random (seeded by rule and run)
};

class PushPlanner
{
public:
    static QVector<PushGroup> resolveTargets(const PushTargets &targets,
                                             const QVector<PushGroup> &groups);
    static QVector<PlannedSend> plan(const PushPlanInput &input);
    static QString describeSkip(PushSkip skip); // translated
};

} // namespace gd
