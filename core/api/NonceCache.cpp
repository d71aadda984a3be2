#include "api/NonceCache.h"

namespace gd::api {

NonceCache::NonceCache(qint64 windowMs, qsizetype maxEntries)
    : m_windowMs(windowMs)
    , m_maxEntries(maxEntries)
{}

void NonceCache::expire(qint64 nowMs)
{
    while (!m_order.empty() && m_order.front().first < nowMs - retentionMs()) {
        m_seen.remove(m_order.front().second);
        m_order.pop_front();
    }
}

bool NonceCache::remember(const QByteArray &appId, const QByteArray &nonce, qint64 nowMs)
{
    expire(nowMs);
    const QByteArray key = appId + '\n' + nonce;
    if (m_seen.contains(key))
        return false;
    if (m_seen.size() >= m_maxEntries)
        return false;
    m_seen.insert(key, nowMs);
    m_order.emplace_back(nowMs, key);
    return true;
}

} // namespace gd::api
