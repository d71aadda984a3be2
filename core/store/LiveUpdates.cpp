#include "store/LiveUpdates.h"

#include <atomic>

namespace gd {
namespace {

std::atomic<bool> g_followMessages{true};

} // namespace

void LiveUpdates::setFollowOtherProgramsMessages(bool follow)
{
    g_followMessages = follow;
}

bool LiveUpdates::followsOtherProgramsMessages()
{
    return g_followMessages;
}

} // namespace gd
