#include "monitor/OfflineWatch.h"

namespace gd {

QVector<OfflineWatch::Change> OfflineWatch::setReady(const QString &accountId, bool ready,
                                                     qint64 nowMs)
{
    QVector<Change> changes;
    auto it = m_states.find(accountId);
    if (it == m_states.end()) {
        State s;
        s.ready = ready;
        s.notReadySinceMs = ready ? 0 : nowMs;
        m_states.insert(accountId, s);
        return changes;
    }
    if (it->ready == ready)
        return changes;
    it->ready = ready;
    if (ready) {
        if (it->reported)
            changes.append(Change{accountId, false, it->notReadySinceMs, it->alertId});
        it->reported = false;
        it->alertId = 0;
        it->notReadySinceMs = 0;
    } else {
        it->notReadySinceMs = nowMs;
    }
    return changes;
}

void OfflineWatch::removeAccount(const QString &accountId)
{
    m_states.remove(accountId);
}

QVector<OfflineWatch::Change>
OfflineWatch::takeOverdue(qint64 nowMs, const std::function<qint64(QString)> &thresholdMs)
{
    QVector<Change> changes;
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        if (it->ready || it->reported)
            continue;
        const qint64 limit = thresholdMs(it.key());
        if (limit > 0 && nowMs - it->notReadySinceMs >= limit) {
            it->reported = true;
            changes.append(Change{it.key(), true, it->notReadySinceMs, 0});
        }
    }
    return changes;
}

void OfflineWatch::setAlertId(const QString &accountId, qint64 alertId)
{
    auto it = m_states.find(accountId);
    if (it != m_states.end())
        it->alertId = alertId;
}

} // namespace gd
