#include "monitor/AlertMonitor.h"

#include "monitor/AlertRepository.h"
#include "monitor/AlertRuleSet.h"
#include "monitor/Clock.h"
#include "monitor/OfflineWatch.h"
#include "monitor/ResponseTimers.h"
#include "store/BlockingWrite.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <map>
#include <mutex>

namespace gd {
namespace {

std::atomic<int> g_monitorCounter{0};

void registerMetaTypes()
{
    static std::once_flag once;
    std::call_once(once, [] {
        qRegisterMetaType<gd::Alert>();
        qRegisterMetaType<QVector<gd::Alert>>();
        qRegisterMetaType<gd::AlertRule>();
        qRegisterMetaType<QVector<gd::AlertRule>>();
        qRegisterMetaType<QVector<gd::Message>>();
    });
}

} // namespace

struct AlertMonitor::Shared
{
    mutable QMutex mutex;
    // Open alerts by id, kept up to date one alert at a time: copying the
    // whole set on every change made a burst of alerts quadratic.
    std::map<qint64, Alert> active;
    QVector<AlertRule> rules;
    // Stored messages not looked at yet, appended on the writer's thread: a
    // backlog is taken in a few large rounds (one alert write each) rather
    // than one round per store batch, and stop() never waits behind it.
    QVector<Message> stored;
    bool stopping = false;
};

class AlertMonitor::Worker : public QObject
{
public:
    Worker(AlertMonitor *owner, Store *store, const Clock *clock,
           MessageSignalSourceFactory factory, const AlertMonitorOptions &options,
           std::shared_ptr<Shared> shared)
        : m_owner(owner)
        , m_store(store)
        , m_clock(clock)
        , m_factory(std::move(factory))
        , m_options(options)
        , m_shared(std::move(shared))
    {}

    void init();
    void shutdown();
    void onMessagesStored(const QVector<Message> &messages);
    // Takes what the writer left in Shared::stored, a bounded round at a time.
    void drainStored();
    void tick();
    void changeState(qint64 alertId, AlertAction action, const QString &actor,
                     const QString &detail, qint64 snoozeUntilMs);
    void saveRule(AlertRule rule);
    void deleteRule(qint64 ruleId);
    void setAccountReady(const QString &accountId, bool ready);
    void removeAccount(const QString &accountId);
    void setStaffContacts(const QString &accountId, const QStringList &ids);
    // Alerts other programs raised or changed (a shared archive).
    void changedElsewhere(const QVector<Alert> &alerts);
    void invalidateDirectory() { m_loadedAccounts.clear(); }
    void invalidateRooms(const QString &accountId) { m_roomNames.remove(accountId); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

private:
    bool writeAndWait(std::function<bool(QSqlDatabase &, QString *)> work);
    void reloadRules();
    // The open alerts as others see them (activeAlerts()): one alert, or all.
    void publish(const Alert &alert);
    void publishAll();
    void ensureAccount(const QString &accountId);
    bool isStaff(const Message &m) const;
    QString roomName(const Message &m);
    QString accountName(const QString &accountId);
    void raise(QVector<Alert> &alerts);
    // detail: "reply" (a staff reply answered it) or "back" (the bot is back).
    void autoResolve(qint64 alertId, const QString &actor, const QString &detail);
    void emitWaiting(const QString &accountId, const QString &roomId);
    void restoreTimers();

    AlertMonitor *m_owner;
    Store *m_store;
    const Clock *m_clock;
    MessageSignalSourceFactory m_factory;
    AlertMonitorOptions m_options;
    std::shared_ptr<Shared> m_shared;

    QString m_connection;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<MessageSignalSource> m_source;
    QTimer *m_ticker = nullptr;
    AlertRuleSet m_rules;
    ResponseTimers m_timers;
    OfflineWatch m_offline;
    QHash<qint64, Alert> m_active;

    QSet<QString> m_loadedAccounts; // staff and room tags loaded
    QHash<QString, QSet<QString>> m_staff; // account -> contact ids (tag, list, self)
    QHash<QString, QStringList> m_staffLists; // account -> ids set by list
    QHash<QString, QHash<QString, QSet<QString>>> m_roomTags; // account -> room -> tags
    QHash<QString, QHash<QString, QString>> m_roomNames; // account -> room -> topic
    QHash<QString, AccountInfo> m_accounts;
};

void AlertMonitor::Worker::init()
{
    m_connection = QStringLiteral("gd-monitor-%1").arg(++g_monitorCounter);
    QSqlDatabase conn = DatabaseAddress::addConnection(m_store->path(), m_connection);
    if (!conn.open())
        qCWarning(lcEngine) << "monitor cannot read the database:" << conn.lastError().text();
    QSqlQuery(conn).exec(SqlDialect::of(conn).queryOnly());
    m_reader = m_store->createReader();
    if (m_factory)
        m_source = m_factory();
    QSqlDatabase d = db();
    const QVector<Alert> active = AlertRepository::loadActive(d);
    for (const Alert &a : active)
        m_active.insert(a.id, a);
    reloadRules();
    restoreTimers();
    m_ticker = new QTimer(this);
    m_ticker->setInterval(m_options.tickMs);
    connect(m_ticker, &QTimer::timeout, this, [this] { tick(); });
    m_ticker->start();
    publishAll();
    emit m_owner->alertsLoaded(active);
    qCInfo(lcEngine) << "monitor started:" << m_rules.rules().size() << "rule(s)," << active.size()
                     << "open alert(s)";
}

// Response timers live in memory: after a restart they are rebuilt from the
// recent archive (customer questions and complaints, staff replies, in
// order), and the open response alerts are tied to them again. An open one
// whose customer was answered meanwhile is resolved.
void AlertMonitor::Worker::restoreTimers()
{
    if (!m_reader)
        return;
    const qint64 now = m_clock->nowMs();
    const qint64 from = now - m_options.timerMaxAgeMs;
    int replayed = 0;
    QSet<QString> accountIds;
    for (const AccountInfo &account : m_reader->accounts()) {
        m_accounts.insert(account.id, account);
        accountIds.insert(account.id);
    }
    for (const Alert &a : std::as_const(m_active))
        accountIds.insert(a.accountId);
    QSet<QString> answeredKeys; // account, room, customer: a reply stopped their wait
    auto keyOf = [](const QString &account, const QString &room, const QString &customer) {
        return account + QChar(0x1f) + room + QChar(0x1f) + customer;
    };
    for (const QString &accountId : std::as_const(accountIds)) {
        ensureAccount(accountId);
        qint64 afterRow = 0;
        while (true) {
            const QVector<Message> page
                = m_reader->messagesAfterRow(accountId, afterRow, from, now, 2000);
            if (page.isEmpty())
                break;
            for (const Message &m : page) {
                afterRow = m.rowId;
                if (m.kind == MessageKind::System)
                    continue;
                ++replayed;
                if (isStaff(m)) {
                    for (const ResponseTimers::Timer &t : m_timers.staffReplied(m))
                        answeredKeys.insert(keyOf(t.accountId, t.roomId, t.customerId));
                    continue;
                }
                const QString text = m.text.isEmpty() ? m.filename : m.text;
                if (text.isEmpty() || !m_source)
                    continue;
                const MessageSignals sig = m_source->analyse(text);
                if (!sig.question && !sig.complaint)
                    continue;
                const QString roomId = m.conversationId();
                const QSet<QString> tags = m_roomTags.value(m.accountId).value(roomId);
                if (const AlertRule *rule = m_rules.responseRuleFor(m.accountId, roomId, tags)) {
                    if (m_timers.customerWaits(m, *rule, qMin(m.timestampMs, now)))
                        answeredKeys.remove(keyOf(m.accountId, roomId, m.talkerId));
                }
            }
        }
    }
    // Open response alerts: tied to their running timer again, or resolved
    // when the replay saw staff answer that customer. Older ones than the
    // replay reaches stay open for staff to resolve.
    QVector<qint64> answered;
    for (const Alert &a : std::as_const(m_active)) {
        if (a.kind != AlertKind::FirstResponse && a.kind != AlertKind::NextResponse)
            continue;
        if (!m_timers.adoptAlert(a.accountId, a.roomId, a.customerId, a.id)
            && answeredKeys.contains(keyOf(a.accountId, a.roomId, a.customerId)))
            answered.append(a.id);
    }
    for (qint64 id : std::as_const(answered))
        autoResolve(id, QString(), QStringLiteral("reply"));
    if (replayed > 0)
        qCInfo(lcEngine) << "monitor: replayed" << replayed << "recent message(s),"
                         << m_timers.runningCount() << "response timer(s) running";
}

void AlertMonitor::Worker::shutdown()
{
    delete m_ticker;
    m_ticker = nullptr;
    m_source.reset();
    m_reader.reset();
    if (!m_connection.isEmpty()) {
        {
            QSqlDatabase d = QSqlDatabase::database(m_connection, false);
            d.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
        m_connection.clear();
    }
}

bool AlertMonitor::Worker::writeAndWait(std::function<bool(QSqlDatabase &, QString *)> work)
{
    return BlockingWrite::run(m_store, std::move(work), "monitor");
}

void AlertMonitor::Worker::reloadRules()
{
    QSqlDatabase d = db();
    const QVector<AlertRule> stored = AlertRepository::loadRules(d);
    m_rules.setRules(stored);
    // Keep each rule's reason in the database up to date: a broken rule is
    // visible as such in the editor and to other consoles.
    QVector<QPair<qint64, QString>> changed;
    for (int i = 0; i < stored.size(); ++i) {
        const QString now = m_rules.rules().at(i).brokenReason;
        QString before;
        {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("SELECT broken_reason FROM alert_rules WHERE id = ?"));
            q.bindValue(0, stored.at(i).id);
            if (q.exec() && q.next())
                before = q.value(0).toString();
        }
        if (now != before) {
            changed.append({stored.at(i).id, now});
            if (!now.isEmpty())
                qCWarning(lcEngine) << "monitor: rule" << stored.at(i).id << "disabled:" << now;
        }
    }
    if (!changed.isEmpty()) {
        writeAndWait([changed](QSqlDatabase &w, QString *) {
            for (const auto &c : changed)
                AlertRepository::setBrokenReason(w, c.first, c.second);
            return true;
        });
    }
    invalidateDirectory(); // scoped tags may have changed
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->rules = m_rules.rules();
    }
    emit m_owner->rulesChanged(m_rules.rules());
}

void AlertMonitor::Worker::publishAll()
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->active.clear();
    for (const Alert &a : std::as_const(m_active))
        m_shared->active.emplace(a.id, a);
}

void AlertMonitor::Worker::publish(const Alert &alert)
{
    QMutexLocker lock(&m_shared->mutex);
    const auto it = m_active.constFind(alert.id);
    if (it == m_active.cend())
        m_shared->active.erase(alert.id);
    else
        m_shared->active.insert_or_assign(alert.id, *it);
}

void AlertMonitor::Worker::ensureAccount(const QString &accountId)
{
    if (m_loadedAccounts.contains(accountId) || !m_reader)
        return;
    m_loadedAccounts.insert(accountId);
    if (!m_accounts.contains(accountId)) {
        for (const AccountInfo &a : m_reader->accounts())
            m_accounts.insert(a.id, a);
    }
    QSet<QString> staff;
    for (const QString &id : m_reader->contactsWithTag(accountId, m_options.staffTag))
        staff.insert(id);
    for (const QString &id : m_staffLists.value(accountId))
        staff.insert(id);
    const QString self = m_accounts.value(accountId).selfContactId;
    if (!self.isEmpty())
        staff.insert(self);
    m_staff.insert(accountId, staff);
    QHash<QString, QSet<QString>> tags;
    for (const QString &tag : m_rules.scopedTags()) {
        for (const QString &room : m_reader->roomsWithTag(accountId, tag))
            tags[room].insert(tag);
    }
    m_roomTags.insert(accountId, tags);
}

bool AlertMonitor::Worker::isStaff(const Message &m) const
{
    return m.fromSelf || m_staff.value(m.accountId).contains(m.talkerId);
}

QString AlertMonitor::Worker::roomName(const Message &m)
{
    if (m.roomId.isEmpty())
        return m.talkerName;
    auto it = m_roomNames.find(m.accountId);
    if (it == m_roomNames.end() && m_reader) {
        QHash<QString, QString> names;
        for (const Room &r : m_reader->rooms(m.accountId))
            names.insert(r.id, r.topic);
        it = m_roomNames.insert(m.accountId, names);
    }
    return it == m_roomNames.end() ? QString() : it->value(m.roomId);
}

QString AlertMonitor::Worker::accountName(const QString &accountId)
{
    if (!m_accounts.contains(accountId) && m_reader) {
        for (const AccountInfo &a : m_reader->accounts())
            m_accounts.insert(a.id, a);
    }
    const AccountInfo info = m_accounts.value(accountId);
    return info.displayName.isEmpty() ? accountId : info.displayName;
}

void AlertMonitor::Worker::raise(QVector<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    const bool ok = writeAndWait([&alerts](QSqlDatabase &w, QString *error) {
        return AlertRepository::insertAlerts(w, alerts, error);
    });
    if (!ok) {
        qCWarning(lcEngine) << "monitor: could not store" << alerts.size() << "alert(s)";
        alerts.clear();
        return;
    }
    for (const Alert &a : std::as_const(alerts)) {
        m_active.insert(a.id, a);
        publish(a);
    }
    // One info line per batch: a burst of complaints must not flood the log
    // (per-alert lines are debug, shown with --verbose).
    qCInfo(lcEngine) << "monitor: raised" << alerts.size() << "alert(s)";
    for (const Alert &a : std::as_const(alerts)) {
        qCDebug(lcEngine).noquote()
            << "alert" << a.id << alertKindName(a.kind) << alertSeverityName(a.severity) << "in"
            << a.accountId << a.roomId;
        emit m_owner->alertRaised(a);
    }
}

void AlertMonitor::Worker::autoResolve(qint64 alertId, const QString &actor, const QString &detail)
{
    if (m_active.contains(alertId))
        changeState(alertId, AlertAction::AutoResolved, actor, detail, 0);
}

void AlertMonitor::Worker::emitWaiting(const QString &accountId, const QString &roomId)
{
    emit m_owner->waitingChanged(accountId, roomId, m_timers.oldestWaitingSince(accountId, roomId));
}

void AlertMonitor::Worker::drainStored()
{
    // Bounded rounds: a queued stop() or rule change gets its turn in between.
    constexpr qsizetype kRound = 5000;
    QVector<Message> round;
    bool more = false;
    {
        QMutexLocker lock(&m_shared->mutex);
        if (m_shared->stored.size() <= kRound) {
            round.swap(m_shared->stored);
        } else {
            round = m_shared->stored.first(kRound);
            m_shared->stored.remove(0, kRound);
            more = true;
        }
    }
    if (!round.isEmpty())
        onMessagesStored(round);
    if (more)
        QMetaObject::invokeMethod(
            this, [this] { drainStored(); }, Qt::QueuedConnection);
}

void AlertMonitor::Worker::onMessagesStored(const QVector<Message> &messages)
{
    const qint64 now = m_clock->nowMs();
    QVector<Alert> raised;
    QSet<QPair<QString, QString>> waitingRooms;
    for (const Message &m : messages) {
        if (!m.duplicateOf.isEmpty() || m.kind == MessageKind::System)
            continue;
        ensureAccount(m.accountId);
        const QString roomId = m.conversationId();
        if (isStaff(m)) {
            const QVector<ResponseTimers::Timer> stopped = m_timers.staffReplied(m);
            for (const ResponseTimers::Timer &t : stopped) {
                if (t.alertId != 0)
                    autoResolve(t.alertId, m.talkerName, QStringLiteral("reply"));
            }
            if (!stopped.isEmpty())
                waitingRooms.insert({m.accountId, roomId});
            continue;
        }
        const QString text = m.text.isEmpty() ? m.filename : m.text;
        if (text.isEmpty())
            continue;
        const MessageSignals sig = m_source ? m_source->analyse(text) : MessageSignals();
        const QSet<QString> tags = m_roomTags.value(m.accountId).value(roomId);
        const QVector<AlertRuleSet::Hit> hits = m_rules.match(m.accountId, roomId, tags, text, sig);
        if (!hits.isEmpty()) {
            const AlertRule &top = m_rules.rules().at(hits.first().ruleIndex);
            Alert a;
            a.kind = hits.first().kind;
            a.severity = top.severity;
            a.ruleId = top.id;
            a.ruleName = top.name;
            a.accountId = m.accountId;
            a.roomId = roomId;
            a.roomName = roomName(m);
            a.customerId = m.talkerId;
            a.customerName = m.talkerName;
            a.messageId = m.id;
            a.messageRowId = m.rowId;
            a.excerpt = alertExcerpt(text);
            QStringList matched;
            for (const AlertRuleSet::Hit &h : hits) {
                for (const QString &w : h.matched) {
                    if (!matched.contains(w))
                        matched.append(w);
                }
            }
            a.matched = matched.join(QLatin1Char(' '));
            a.createdMs = now;
            a.updatedMs = now;
            raised.append(a);
        }
        if (sig.question || sig.complaint) {
            const AlertRule *rule = m_rules.responseRuleFor(m.accountId, roomId, tags);
            const qint64 start = (m.timestampMs > 0 && m.timestampMs < now) ? m.timestampMs : now;
            if (rule && now - start <= m_options.timerMaxAgeMs
                && m_timers.customerWaits(m, *rule, start))
                waitingRooms.insert({m.accountId, roomId});
        }
    }
    raise(raised);
    for (const auto &room : std::as_const(waitingRooms))
        emitWaiting(room.first, room.second);
}

void AlertMonitor::Worker::tick()
{
    const qint64 now = m_clock->nowMs();
    // Response timers that ran out.
    const QVector<ResponseTimers::Timer> due = m_timers.takeDue(now);
    if (!due.isEmpty()) {
        QVector<Alert> alerts;
        for (const ResponseTimers::Timer &t : due) {
            Alert a;
            a.kind = t.kind;
            a.severity = t.severity;
            a.ruleId = t.ruleId;
            a.ruleName = t.ruleName;
            a.accountId = t.accountId;
            a.roomId = t.roomId;
            a.roomName = roomName(t.message);
            a.customerId = t.customerId;
            a.customerName = t.customerName;
            a.messageId = t.message.id;
            a.messageRowId = t.message.rowId;
            a.excerpt
                = alertExcerpt(t.message.text.isEmpty() ? t.message.filename : t.message.text);
            a.matched = QString::number(t.minutes);
            a.createdMs = now;
            a.updatedMs = now;
            alerts.append(a);
        }
        raise(alerts);
        for (const Alert &a : std::as_const(alerts))
            m_timers.setAlertId(a.accountId, a.roomId, a.customerId, a.id);
    }
    // Bots not ready for too long.
    const QVector<OfflineWatch::Change> overdue
        = m_offline.takeOverdue(now, [this](const QString &accountId) -> qint64 {
              const AlertRule *rule = m_rules.offlineRuleFor(accountId);
              return rule ? qint64(rule->minutes) * 60 * 1000 : 0;
          });
    if (!overdue.isEmpty()) {
        QVector<Alert> alerts;
        for (const OfflineWatch::Change &c : overdue) {
            const AlertRule *rule = m_rules.offlineRuleFor(c.accountId);
            Alert a;
            a.kind = AlertKind::BotOffline;
            a.severity = rule ? rule->severity : AlertSeverity::Critical;
            a.ruleId = rule ? rule->id : 0;
            a.ruleName = rule ? rule->name : QString();
            a.accountId = c.accountId;
            a.roomName = accountName(c.accountId);
            a.matched = QString::number((now - c.sinceMs) / 60000);
            a.createdMs = now;
            a.updatedMs = now;
            alerts.append(a);
        }
        raise(alerts);
        for (const Alert &a : std::as_const(alerts))
            m_offline.setAlertId(a.accountId, a.id);
    }
    // Snoozes that ended: the alert comes back.
    QVector<qint64> wake;
    for (const Alert &a : std::as_const(m_active)) {
        if (a.state == AlertState::Snoozed && a.snoozedUntilMs <= now)
            wake.append(a.id);
    }
    for (qint64 id : std::as_const(wake))
        changeState(id, AlertAction::SnoozeEnded, {}, {}, 0);
}

void AlertMonitor::Worker::changeState(qint64 alertId, AlertAction action, const QString &actor,
                                       const QString &detail, qint64 snoozeUntilMs)
{
    auto it = m_active.find(alertId);
    Alert a;
    if (it != m_active.end()) {
        a = *it;
    } else if (action == AlertAction::Reopened) {
        QSqlDatabase d = db();
        a = AlertRepository::alertById(d, alertId);
        if (a.id == 0 || a.state != AlertState::Resolved)
            return;
    } else {
        return; // resolved already, or unknown
    }
    const qint64 now = m_clock->nowMs();
    AlertHistoryEntry entry;
    entry.atMs = now;
    entry.action = action;
    entry.actor = actor;
    entry.detail = detail;
    switch (action) {
    case AlertAction::Acknowledged:
        a.state = AlertState::Acknowledged;
        break;
    case AlertAction::Assigned:
        a.assignedTo = detail;
        if (a.state == AlertState::Open)
            a.state = AlertState::Acknowledged;
        break;
    case AlertAction::Snoozed:
        a.state = AlertState::Snoozed;
        a.snoozedUntilMs = snoozeUntilMs;
        entry.detail = QString::number(snoozeUntilMs);
        break;
    case AlertAction::SnoozeEnded:
    case AlertAction::Reopened:
        a.state = AlertState::Open;
        a.snoozedUntilMs = 0;
        break;
    case AlertAction::Resolved:
    case AlertAction::AutoResolved:
        a.state = AlertState::Resolved;
        a.snoozedUntilMs = 0;
        break;
    case AlertAction::Raised:
        return;
    }
    a.updatedMs = now;
    if (!writeAndWait([a, entry](QSqlDatabase &w, QString *error) {
            return AlertRepository::updateAlert(w, a, entry, error);
        })) {
        qCWarning(lcEngine) << "monitor: could not store the change of alert" << alertId;
        return;
    }
    a.history.append(entry);
    if (a.state == AlertState::Resolved) {
        m_active.remove(alertId);
        if (action == AlertAction::Resolved) {
            // Staff dealt with it by hand: its response timer stops too.
            m_timers.forgetAlert(alertId);
            emitWaiting(a.accountId, a.roomId);
        }
    } else {
        m_active.insert(alertId, a);
    }
    publish(a);
    emit m_owner->alertChanged(a);
    if (action == AlertAction::SnoozeEnded || action == AlertAction::Reopened)
        emit m_owner->alertRaised(a);
}

void AlertMonitor::Worker::changedElsewhere(const QVector<Alert> &alerts)
{
    for (Alert a : alerts) {
        const auto it = m_active.constFind(a.id);
        const bool known = it != m_active.cend();
        if (known)
            a.history = it->history;
        if (a.state == AlertState::Resolved)
            m_active.remove(a.id);
        else
            m_active.insert(a.id, a);
        publish(a);
        emit m_owner->alertChanged(a);
        if (!known && a.state == AlertState::Open)
            emit m_owner->alertRaised(a);
    }
}

void AlertMonitor::Worker::saveRule(AlertRule rule)
{
    const QString problem = AlertRuleSet::problemOf(rule);
    if (!problem.isEmpty()) {
        emit m_owner->ruleSaveFailed(rule.id, problem);
        return;
    }
    const qint64 now = m_clock->nowMs();
    if (rule.id == 0)
        rule.createdMs = now;
    rule.updatedMs = now;
    rule.brokenReason.clear();
    QString error;
    if (!writeAndWait([&rule, &error](QSqlDatabase &w, QString *e) {
            const bool ok = AlertRepository::saveRule(w, rule, e);
            error = *e;
            return ok;
        })) {
        emit m_owner->ruleSaveFailed(
            rule.id, QCoreApplication::translate("AlertMonitor", "The rule could not be saved."));
        return;
    }
    reloadRules();
}

void AlertMonitor::Worker::deleteRule(qint64 ruleId)
{
    if (writeAndWait([ruleId](QSqlDatabase &w, QString *error) {
            return AlertRepository::deleteRule(w, ruleId, error);
        }))
        reloadRules();
}

void AlertMonitor::Worker::setAccountReady(const QString &accountId, bool ready)
{
    const qint64 now = m_clock->nowMs();
    const QVector<OfflineWatch::Change> changes = m_offline.setReady(accountId, ready, now);
    if (ready)
        m_loadedAccounts.remove(accountId); // the bot's own id is known now
    for (const OfflineWatch::Change &c : changes) {
        if (c.alertId != 0)
            autoResolve(c.alertId, QString(), QStringLiteral("back"));
        Alert a;
        a.kind = AlertKind::BotBack;
        a.severity = AlertSeverity::Info;
        a.accountId = accountId;
        a.roomName = accountName(accountId);
        a.matched = QString::number((now - c.sinceMs) / 60000);
        a.createdMs = now;
        a.updatedMs = now;
        QVector<Alert> alerts{a};
        raise(alerts);
    }
}

void AlertMonitor::Worker::removeAccount(const QString &accountId)
{
    m_offline.removeAccount(accountId);
}

void AlertMonitor::Worker::setStaffContacts(const QString &accountId, const QStringList &ids)
{
    m_staffLists.insert(accountId, ids);
    m_loadedAccounts.remove(accountId);
}

// --- AlertMonitor ---

AlertMonitor::AlertMonitor(Store *store, const Clock *clock, MessageSignalSourceFactory factory,
                           const AlertMonitorOptions &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_shared(std::make_shared<Shared>())
{
    registerMetaTypes();
    m_worker = new Worker(this, store, clock, std::move(factory), options, m_shared);
}

AlertMonitor::~AlertMonitor()
{
    stop();
    delete m_worker; // never started, or already moved back to nothing
}

void AlertMonitor::start()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("gd-monitor"));
    m_worker->moveToThread(m_thread);
    Worker *w = m_worker;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->stopping = false;
    }
    connect(m_thread, &QThread::started, w, [w] { w->init(); });
    // Collected on the writer's thread; the worker is woken once per backlog.
    const std::shared_ptr<Shared> shared = m_shared;
    connect(
        m_store, &Store::messagesStoredHere, w,
        [w, shared](const QVector<Message> &messages) {
            // Only this program's messages: on a shared archive another
            // program's monitor classifies its own, and their alerts come
            // here as changes (below).
            // Posted under the lock: once stop() set `stopping`, w may be deleted.
            QMutexLocker lock(&shared->mutex);
            if (shared->stopping)
                return;
            const bool wake = shared->stored.isEmpty();
            shared->stored += messages;
            if (wake)
                QMetaObject::invokeMethod(
                    w, [w] { w->drainStored(); }, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    connect(
        m_store, &Store::tagsChanged, w, [w] { w->invalidateDirectory(); }, Qt::QueuedConnection);
    connect(
        m_store, &Store::contactsChanged, w, [w] { w->invalidateDirectory(); },
        Qt::QueuedConnection);
    connect(
        m_store, &Store::roomsChanged, w,
        [w](const QString &accountId) { w->invalidateRooms(accountId); }, Qt::QueuedConnection);
    connect(
        m_store, &Store::accountsChanged, w, [w] { w->invalidateDirectory(); },
        Qt::QueuedConnection);
    m_thread->start();
    // A shared archive: alerts other programs raise, acknowledge, assign or
    // resolve show here as they do there.
    ChangeSource others;
    others.kind = QStringLiteral("alerts");
    others.table = AlertRepository::alertTables();
    others.number = QStringLiteral("a.change_seq");
    others.origin = QStringLiteral("a.change_origin");
    others.columns = AlertRepository::alertColumns();
    others.columnCount = AlertRepository::alertColumnCount();
    auto taken = std::make_shared<QVector<Alert>>();
    others.take
        = [taken](const QSqlQuery &row) { taken->append(AlertRepository::alertFromRow(row)); };
    others.deliver = [w, shared, taken] {
        const QVector<Alert> alerts = std::exchange(*taken, {});
        QMutexLocker lock(&shared->mutex);
        if (shared->stopping)
            return;
        QMetaObject::invokeMethod(
            w, [w, alerts] { w->changedElsewhere(alerts); }, Qt::QueuedConnection);
    };
    m_store->watchChanges(others);
}

void AlertMonitor::stop()
{
    if (!m_thread)
        return;
    disconnect(m_store, nullptr, m_worker, nullptr);
    Worker *w = m_worker;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->stopping = true; // a signal already being delivered adds nothing now
    }
    // What was stored but not looked at yet is looked at now, in one round
    // (one alert write), instead of queued rounds the stop would wait behind.
    QMetaObject::invokeMethod(
        w,
        [w, shared = m_shared] {
            QVector<Message> rest;
            {
                QMutexLocker lock(&shared->mutex);
                rest.swap(shared->stored);
            }
            if (!rest.isEmpty())
                w->onMessagesStored(rest);
            w->shutdown();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    delete m_worker;
    m_worker = nullptr;
}

QVector<Alert> AlertMonitor::activeAlerts() const
{
    QVector<Alert> list;
    QMutexLocker lock(&m_shared->mutex);
    list.reserve(qsizetype(m_shared->active.size()));
    for (const auto &entry : m_shared->active)
        list.append(entry.second);
    return list;
}

QVector<AlertRule> AlertMonitor::rules() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->rules;
}

void AlertMonitor::acknowledge(qint64 alertId, const QString &actor)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, alertId, actor] {
        w->changeState(alertId, AlertAction::Acknowledged, actor, {}, 0);
    });
}

void AlertMonitor::assign(qint64 alertId, const QString &person, const QString &actor)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, alertId, person, actor] {
        w->changeState(alertId, AlertAction::Assigned, actor, person, 0);
    });
}

void AlertMonitor::snooze(qint64 alertId, qint64 untilMs, const QString &actor)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, alertId, untilMs, actor] {
        w->changeState(alertId, AlertAction::Snoozed, actor, {}, untilMs);
    });
}

void AlertMonitor::resolve(qint64 alertId, const QString &actor)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, alertId, actor] { w->changeState(alertId, AlertAction::Resolved, actor, {}, 0); });
}

void AlertMonitor::reopen(qint64 alertId, const QString &actor)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, alertId, actor] { w->changeState(alertId, AlertAction::Reopened, actor, {}, 0); });
}

void AlertMonitor::saveRule(const AlertRule &rule)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, rule] { w->saveRule(rule); });
}

void AlertMonitor::deleteRule(qint64 ruleId)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, ruleId] { w->deleteRule(ruleId); });
}

void AlertMonitor::setAccountReady(const QString &accountId, bool ready)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, accountId, ready] { w->setAccountReady(accountId, ready); });
}

void AlertMonitor::removeAccount(const QString &accountId)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, accountId] { w->removeAccount(accountId); });
}

void AlertMonitor::setStaffContacts(const QString &accountId, const QStringList &contactIds)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, accountId, contactIds] { w->setStaffContacts(accountId, contactIds); });
}

void AlertMonitor::search(const QString &text, bool includeResolved, QObject *context,
                          std::function<void(QVector<Alert>)> done)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(w, [w, text, includeResolved, guard, done] {
        QSqlDatabase d = w->db();
        QVector<Alert> result = AlertRepository::search(d, text, includeResolved, 500);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, result] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void AlertMonitor::alertWithHistory(qint64 alertId, QObject *context,
                                    std::function<void(Alert)> done)
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(w, [w, alertId, guard, done] {
        QSqlDatabase d = w->db();
        Alert a = AlertRepository::alertById(d, alertId);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, a] {
                if (guard)
                    done(a);
            },
            Qt::QueuedConnection);
    });
}

void AlertMonitor::tickNow()
{
    if (!m_worker)
        return;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->tick(); });
}

void AlertMonitor::sync()
{
    if (!m_worker || !m_thread || QThread::currentThread() == m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace gd
