#include "api/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace gd::api {

bool RateLimiter::take(const QString &appId, int ratePerMinute, qint64 nowMs, int *retryAfterS)
{
    const double rate = std::max(1, ratePerMinute) / 60000.0; // tokens per ms
    const double capacity = std::max(5.0, ratePerMinute / 4.0);
    auto it = m_buckets.find(appId);
    if (it == m_buckets.end())
        it = m_buckets.insert(appId, Bucket{capacity, nowMs});
    Bucket &b = it.value();
    b.tokens = std::min(capacity, b.tokens + std::max<qint64>(0, nowMs - b.lastMs) * rate);
    b.lastMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return true;
    }
    if (retryAfterS)
        *retryAfterS = std::max(1, int(std::ceil((1.0 - b.tokens) / rate / 1000.0)));
    return false;
}

void RateLimiter::forget(const QString &appId)
{
    m_buckets.remove(appId);
}

} // namespace gd::api
