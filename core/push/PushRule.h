#pragma once
// A push rule staff keep: which groups, when, what text (a template) and
// picture, how many sends a day at most, and what to do with a run the
// program missed (it was closed): skip it or catch up once.

#include "push/PushSchedule.h"

#include <QString>
#include <QStringList>

namespace gd {

struct PushTargets
{
    QStringList roomIds; // hand-picked groups
    QStringList tags; // groups carrying any of these tags
    QStringList excludedRoomIds; // never, whatever the above says
    bool operator==(const PushTargets &) const = default;
};

// 0 = no cap. Group and account caps count every push of the day (all rules).
struct PushCaps
{
    int perRuleDay = 0;
    int perGroupDay = 0;
    int perAccountDay = 0;
    bool operator==(const PushCaps &) const = default;
};

enum class MissedRunPolicy : int { Skip = 0, CatchUp = 1 };

struct PushRule
{
    qint64 id = 0;
    QString name;
    bool enabled = false;
    PushTargets targets;
    PushSchedule schedule;
    QString text; // the template, see PushTemplate
    QString imagePath; // a fixed picture; empty: none
    bool productImage = false; // send the product's own picture (a local file) when it has one
    PushCaps caps;
    MissedRunPolicy missed = MissedRunPolicy::Skip;
    qint64 lastRunMs = 0; // the last scheduled time handled (run or skipped)
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    QString targetsJson() const;
    void setTargetsJson(const QString &json);
    QString capsJson() const;
    void setCapsJson(const QString &json);
};

} // namespace gd
