#pragma once
// Nonces seen within the signing window, per app: a nonce used again before
// it expires is a replay. Entries older than the window are dropped as new
// ones come (the timestamp check refuses anything older anyway). Memory
// only: after a restart a replay is still refused by the timestamp once the
// window has passed. One thread.

#include <QByteArray>
#include <QHash>

#include <deque>

namespace gd::api {

class NonceCache
{
public:
    explicit NonceCache(qint64 windowMs = 5 * 60 * 1000, qsizetype maxEntries = 2'000'000);

    // Records the nonce; false when it was seen within the window (or the
    // cache is full of live nonces, which refuses rather than forgets).
    bool remember(const QByteArray &appId, const QByteArray &nonce, qint64 nowMs);
    qsizetype size() const { return m_seen.size(); }

private:
    void expire(qint64 nowMs);

    qint64 m_windowMs;
    qsizetype m_maxEntries;
    QHash<QByteArray, qint64> m_seen; // app + '\n' + nonce -> when
    std::deque<std::pair<qint64, QByteArray>> m_order;
};

} // namespace gd::api
