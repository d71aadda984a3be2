#pragma once
// Sees every message an account's session has resolved (names, duplicate
// mark, own sends linked to their outbox row), just before it goes to the
// store: where engine-side features (rules, auto-replies) hook in.
// Called in the session's thread of each account: an implementation shared
// by several accounts must be thread-safe, and must not block.

#include "model/Types.h"

namespace gd {

class MessageObserver
{
public:
    virtual ~MessageObserver() = default;
    virtual void messageResolved(const Message &message) = 0;
};

} // namespace gd
