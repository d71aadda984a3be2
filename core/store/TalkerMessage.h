#pragma once
// One message a contact wrote, with where: the group's topic (empty for a
// one-to-one chat), for a contact's "recent messages" list.

#include "model/Types.h"

namespace gd {

struct TalkerMessage
{
    Message message;
    QString roomTopic;
};

} // namespace gd
