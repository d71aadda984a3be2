#pragma once
// Live counters of an account's session, readable from any thread (tests,
// the debug view) while the session's parts update them in its thread.

#include <QtGlobal>

#include <atomic>

namespace gd {

struct SessionCounters
{
    std::atomic<qint64> eventsReceived{0};
    std::atomic<qint64> eventsMalformed{0};
    std::atomic<qint64> eventsIgnored{0};
    std::atomic<qint64> messageIdsQueued{0};
    std::atomic<qint64> messagesFetched{0};
    std::atomic<qint64> messageFetchFailures{0}; // given up after retrying for hours
    std::atomic<qint64> messageIdsJournaled{0};
    std::atomic<qint64> messageIdsFromJournal{0}; // left by an earlier run, fetched again
    std::atomic<qint64> messageFetchRetries{0};
    std::atomic<qint64> connectAttempts{0};
    std::atomic<qint64> dingsSent{0};
    std::atomic<qint64> syncsCompleted{0};
    std::atomic<qint64> duplicatesFound{0}; // repeats under a new id (DuplicateDetector)
};

} // namespace gd
