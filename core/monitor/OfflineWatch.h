#pragma once
// Watches whether each bot account is ready. An account that is not ready
// for longer than its rule's minutes is reported once as offline; when it is
// ready again after that, once as back. Pure logic on explicit times (the
// monitor passes its clock). Used from one thread.

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>

namespace gd {

class OfflineWatch
{
public:
    struct Change
    {
        QString accountId;
        bool offline = true; // true: went offline (too long); false: back
        qint64 sinceMs = 0; // when it stopped being ready
        qint64 alertId = 0; // back: the offline alert to resolve
    };

    // The account's readiness as the engine reports it (repeats are fine).
    // Returns a "back" change when an account reported offline is ready again.
    QVector<Change> setReady(const QString &accountId, bool ready, qint64 nowMs);
    void removeAccount(const QString &accountId);
    // Accounts not ready for longer than thresholdMs(accountId) (<= 0: not
    // watched) that were not reported yet.
    QVector<Change> takeOverdue(qint64 nowMs, const std::function<qint64(QString)> &thresholdMs);
    void setAlertId(const QString &accountId, qint64 alertId);

private:
    struct State
    {
        bool ready = false;
        qint64 notReadySinceMs = 0;
        bool reported = false;
        qint64 alertId = 0;
    };
    QHash<QString, State> m_states;
};

} // namespace gd
