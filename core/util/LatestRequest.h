#pragma once
// "The latest request wins", for answers that arrive later (store reads,
// monitor queries): each request takes a ticket, and an answer is used only
// if its ticket is still the latest. A new query, or a view that closed or
// changed what it shows, supersedes every answer still on its way. Replaces
// the hand-written generation counters; use it from one thread (the owner's).

#include <QtGlobal>

namespace gd {

class LatestRequest
{
public:
    using Ticket = quint64;

    // A new request: every earlier ticket is stale from now on.
    Ticket next() { return ++m_latest; }
    // Another request for what the latest one asked (a second read for the
    // same open view): goes stale with it.
    Ticket current() const { return m_latest; }
    // Makes every ticket handed out so far stale (nothing new is asked yet).
    void supersede() { ++m_latest; }
    bool isLatest(Ticket ticket) const { return ticket == m_latest; }

private:
    Ticket m_latest = 0;
};

} // namespace gd
