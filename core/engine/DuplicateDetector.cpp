#include "engine/DuplicateDetector.h"

#include <cstdlib>

namespace gd {

DuplicateDetector::DuplicateDetector(qint64 windowMs)
    : m_windowMs(windowMs)
{}

QString DuplicateDetector::check(const Message &message)
{
    if (m_windowMs <= 0 || message.fromSelf || message.text.isEmpty()
        || message.kind == MessageKind::System || message.talkerId.isEmpty()) {
        return {};
    }
    // The key holds the text itself (shared with the message, not copied):
    // hashing it is cheaper than a digest, and equal keys are really equal.
    const Key key{message.conversationId(), message.talkerId, message.text};

    const qint64 ts = message.timestampMs;
    auto it = m_seen.find(key);
    if (it != m_seen.end() && it->id != message.id
        && std::llabs(ts - it->timestampMs) <= m_windowMs) {
        ++m_found;
        return it->id; // the first one stays the reference: a burst of repeats all point to it
    }
    if (it == m_seen.end() || it->id != message.id) {
        m_seen.insert(key, Seen{message.id, ts});
        m_order.emplace_back(ts, key);
    }
    if (ts > m_newestMs) {
        m_newestMs = ts;
        forgetBefore(m_newestMs - 2 * m_windowMs);
    }
    return {};
}

void DuplicateDetector::forgetBefore(qint64 timestampMs)
{
    while (!m_order.empty() && m_order.front().first < timestampMs) {
        const auto [ts, key] = m_order.front();
        m_order.pop_front();
        const auto it = m_seen.constFind(key);
        // The key may have been seen again later: only forget its old sighting.
        if (it != m_seen.cend() && it->timestampMs <= ts)
            m_seen.erase(it);
    }
}

} // namespace gd
