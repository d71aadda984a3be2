#pragma once
// Nonces seen within the signing window, per app: a nonce used again before
// it expires is a replay. Entries older than the window are dropped as new
// ones come (the timestamp check refuses anything older anyway). The
// service also writes each nonce to the archive and loads the recent ones
// at start, so a replay right after a restart is refused too. One thread.

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
    // How long a nonce is kept: twice the window, since a timestamp may be
    // up to a window in the future.
    qint64 retentionMs() const { return 2 * m_windowMs; }

private:
    void expire(qint64 nowMs);

    qint64 m_windowMs;
    qsizetype m_maxEntries;
    QHash<QByteArray, qint64> m_seen; // app + '\n' + nonce -> when
    std::deque<std::pair<qint64, QByteArray>> m_order;
};

} // namespace gd::api
