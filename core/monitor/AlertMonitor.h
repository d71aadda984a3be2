#pragma once
// The monitor: evaluates every stored message off the GUI thread and keeps
// the alerts. It lives on a thread of its own and subscribes to
// Store::messagesStoredHere (this program's messages) queued, so rules see each message
// once, after it is committed (the session pipeline's observer hook, engine
// side). It runs the text rules (keywords, expressions, complaint tone),
// the response timers with business hours, the offline watch, snooze
// wake-ups, and persists alerts and their history through the store's
// writer. Every public method may be called from any thread; results come
// back as signals (queue them to the receiver's thread).

#include "model/Types.h"
#include "monitor/Alert.h"
#include "monitor/AlertRule.h"
#include "monitor/MessageSignals.h"

#include <QObject>
#include <QVector>

#include <functional>
#include <memory>

class QThread;

namespace gd {

class Clock;
class Store;

struct AlertMonitorOptions
{
    int tickMs = 1000; // how often timers, offline watch and snoozes are checked
    QString staffTag = QStringLiteral("staff"); // contacts with this tag count as staff
    // Messages older than this when they arrive (a backlog) start no response timer.
    qint64 timerMaxAgeMs = 12LL * 3600 * 1000;
    bool seedDefaultRules = true; // first start with no rules: complaint, response, offline
};

class AlertMonitor : public QObject
{
    Q_OBJECT
public:
    // The clock and the signal source factory are used on the monitor
    // thread; the clock must outlive the monitor.
    AlertMonitor(Store *store, const Clock *clock, MessageSignalSourceFactory signalSource,
                 const AlertMonitorOptions &options = {}, QObject *parent = nullptr);
    ~AlertMonitor() override; // stops the thread

    // Starts the thread: loads rules and open alerts, then watches messages.
    void start();
    void stop(); // idempotent; call before the store closes

    // A snapshot of the alerts not resolved, and of the rules (any thread).
    QVector<Alert> activeAlerts() const;
    QVector<AlertRule> rules() const;

    // --- what staff do (any thread; `actor` is the person at this desk) ---
    void acknowledge(qint64 alertId, const QString &actor);
    void assign(qint64 alertId, const QString &person, const QString &actor);
    void snooze(qint64 alertId, qint64 untilMs, const QString &actor);
    void resolve(qint64 alertId, const QString &actor);
    void reopen(qint64 alertId, const QString &actor);

    // --- rules ---
    // Saves (id 0: adds) a rule and applies it at once; a rule with a
    // problem (AlertRuleSet::problemOf) is refused: ruleSaveFailed says why.
    void saveRule(const AlertRule &rule);
    void deleteRule(qint64 ruleId);

    // --- engine state and staff ---
    void setAccountReady(const QString &accountId, bool ready);
    void removeAccount(const QString &accountId);
    // Staff by list, per account (besides the bot itself and the staff tag).
    void setStaffContacts(const QString &accountId, const QStringList &contactIds);

    // --- reads, answered in `context`'s thread ---
    void search(const QString &text, bool includeResolved, QObject *context,
                std::function<void(QVector<Alert>)> done);
    void alertWithHistory(qint64 alertId, QObject *context, std::function<void(Alert)> done);

    // Runs timers, offline watch and snoozes now (tests, after moving a fake clock).
    void tickNow();
    // Blocks until the monitor has handled everything queued before (tests).
    void sync();

signals:
    // Delivered from the monitor thread: connect with a queued connection
    // (AutoConnection does) from objects of other threads.
    void alertsLoaded(const QVector<gd::Alert> &active);
    void alertRaised(const gd::Alert &alert); // new, or back from a snooze
    void alertChanged(const gd::Alert &alert); // state, assignee or snooze changed
    void rulesChanged(const QVector<gd::AlertRule> &rules);
    void ruleSaveFailed(qint64 ruleId, const QString &reason);
    // Running response timers per conversation changed (the room list).
    void waitingChanged(const QString &accountId, const QString &roomId, qint64 waitingSinceMs);

private:
    class Worker;
    Store *m_store;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace gd
