#include "push/PushPlanner.h"

#include "push/PushTemplate.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace gd {

QVector<PushGroup> PushPlanner::resolveTargets(const PushTargets &targets,
                                               const QVector<PushGroup> &groups)
{
    const QSet<QString> explicitIds(targets.roomIds.begin(), targets.roomIds.end());
    const QSet<QString> excluded(targets.excludedRoomIds.begin(), targets.excludedRoomIds.end());
    QSet<QString> tags;
    for (const QString &t : targets.tags)
        tags.insert(t.toCaseFolded());
    QVector<PushGroup> out;
    for (const PushGroup &g : groups) {
        if (excluded.contains(g.roomId))
            continue;
        bool hit = explicitIds.contains(g.roomId);
        for (const QString &t : g.tags) {
            if (hit)
                break;
            hit = tags.contains(t.toCaseFolded());
        }
        if (hit)
            out.append(g);
    }
    std::sort(out.begin(), out.end(), [](const PushGroup &a, const PushGroup &b) {
        return a.name != b.name ? a.name < b.name : a.roomId < b.roomId;
    });
    return out;
}

QVector<PlannedSend> PushPlanner::plan(const PushPlanInput &in)
{
    QVector<PlannedSend> sends;
    QHash<QString, const Product *> byId;
    for (const Product &p : in.products)
        byId.insert(p.id, &p);
    QHash<QString, int> usedInRun;
    QHash<QString, int> accountToday = in.accountSentToday;
    QHash<QString, int> accountInRun;
    int ruleToday = in.ruleSentToday;
    QRandomGenerator rng(quint32(in.rule.id * 2654435761u) ^ quint32(in.runMs / 1000));
    const PushCaps &caps = in.rule.caps;

    for (const PushGroup &g : resolveTargets(in.rule.targets, in.groups)) {
        PlannedSend s;
        s.group = g;
        if (!g.pushEnabled) {
            s.skip = PushSkip::SwitchedOff;
            sends.append(s);
            continue;
        }
        if (g.accountIds.isEmpty()) {
            s.skip = PushSkip::NoAccount;
            sends.append(s);
            continue;
        }
        if (caps.perGroupDay > 0 && in.groupSentToday.value(g.roomId) >= caps.perGroupDay) {
            s.skip = PushSkip::GroupCap;
            sends.append(s);
            continue;
        }
        if (caps.perRuleDay > 0 && ruleToday >= caps.perRuleDay) {
            s.skip = PushSkip::RuleCap;
            sends.append(s);
            continue;
        }
        // The account in the group with the fewest pushes today (spreads the
        // load and the ban risk), within its cap.
        QString account;
        int fewest = 0;
        for (const QString &a : g.accountIds) {
            const int used = accountToday.value(a);
            if (caps.perAccountDay > 0 && used >= caps.perAccountDay)
                continue;
            if (account.isEmpty() || used < fewest) {
                account = a;
                fewest = used;
            }
        }
        if (account.isEmpty()) {
            s.skip = PushSkip::AccountCap;
            sends.append(s);
            continue;
        }
        s.choice = SelectionPolicy::choose(g, in.products, in.history.value(g.roomId), usedInRun,
                                           in.runMs);
        if (s.choice.productId.isEmpty()) {
            s.skip = PushSkip::NoProduct;
            sends.append(s);
            continue;
        }
        const Product &p = *byId.value(s.choice.productId);
        s.productTitle = p.title;
        s.accountId = account;
        s.text = PushTemplate::render(in.rule.text, p, g.name);
        if (!in.rule.imagePath.isEmpty())
            s.imagePath = in.rule.imagePath;
        else if (in.rule.productImage && !p.image.isEmpty()
                 && !p.image.contains(QLatin1String("://")))
            s.imagePath = p.image;
        const int index = accountInRun.value(account);
        qint64 start = in.runMs;
        if (in.accountLastDueMs.contains(account))
            start = std::max(start, in.accountLastDueMs.value(account) + in.spacingMs);
        s.dueMs = start + qint64(index) * in.spacingMs
            + (in.jitterMs > 0 ? qint64(rng.bounded(in.jitterMs)) : 0);
        accountInRun[account] = index + 1;
        accountToday[account] += 1;
        usedInRun[p.id] += 1;
        ++ruleToday;
        sends.append(s);
    }
    return sends;
}

QString PushPlanner::describeSkip(PushSkip skip)
{
    switch (skip) {
    case PushSkip::None:
        return QString();
    case PushSkip::SwitchedOff:
        return QCoreApplication::translate("PushPlanner", "pushes are switched off for this group");
    case PushSkip::NoProduct:
        return QCoreApplication::translate("PushPlanner", "no product qualifies");
    case PushSkip::RuleCap:
        return QCoreApplication::translate("PushPlanner", "the rule's daily cap is reached");
    case PushSkip::GroupCap:
        return QCoreApplication::translate("PushPlanner", "the group's daily cap is reached");
    case PushSkip::AccountCap:
        return QCoreApplication::translate("PushPlanner",
                                           "every account in the group reached its daily cap");
    case PushSkip::NoAccount:
        return QCoreApplication::translate("PushPlanner", "none of our accounts is in this group");
    }
    return QString();
}

} // namespace gd
