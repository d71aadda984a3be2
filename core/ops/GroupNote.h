#pragma once
// Free text staff keep about a group or a customer (order numbers, context),
// shown beside the feed and searchable. Plain value.

#include <QString>

namespace gd {

struct GroupNote
{
    enum class Target : int { Group = 0, Customer = 1 };

    QString accountId;
    Target target = Target::Group;
    QString targetId; // room id or contact id
    QString body;
    qint64 updatedMs = 0;
    QString updatedBy; // the agent who saved it last
};

} // namespace gd
