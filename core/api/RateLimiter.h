#pragma once
// Per-app request budget: a token bucket refilled at the app's rate per
// minute, holding a quarter minute's worth (at least 5) for bursts. A
// request without a token is refused with 429 and a Retry-After. One thread.

#include <QHash>
#include <QString>

namespace gd::api {

class RateLimiter
{
public:
    // Takes a token; false and *retryAfterS (>= 1) when there is none.
    bool take(const QString &appId, int ratePerMinute, qint64 nowMs, int *retryAfterS);
    void forget(const QString &appId);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
};

} // namespace gd::api
