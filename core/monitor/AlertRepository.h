#pragma once
// The SQL of the monitor's tables (alert_rules, alerts, alert_history), one
// row mapper each. Writes take the store writer's batch connection (see
// Store::submitWrite); reads take any connection of the caller's thread.
// Stateless: every function works on the connection it is given.

#include "monitor/Alert.h"
#include "monitor/AlertRule.h"

#include <QVector>

class QSqlDatabase;
class QSqlQuery;

namespace gd {

class AlertRepository
{
public:
    // --- rules ---
    // Rules in id order. A row whose params do not parse comes back with
    // brokenReason set (and is not applied), the others are unaffected.
    static QVector<AlertRule> loadRules(QSqlDatabase &db);
    // Inserts (id 0: rule.id is set) or updates. false on a failed statement.
    static bool saveRule(QSqlDatabase &db, AlertRule &rule, QString *error);
    static bool deleteRule(QSqlDatabase &db, qint64 ruleId, QString *error);
    static bool setBrokenReason(QSqlDatabase &db, qint64 ruleId, const QString &reason);

    // --- alerts ---
    // Inserts the alert (alert.id is set) with a Raised history row.
    static bool insertAlert(QSqlDatabase &db, Alert &alert, QString *error);
    // The same for many, with the statements prepared once; stops at the
    // first failure.
    static bool insertAlerts(QSqlDatabase &db, QVector<Alert> &alerts, QString *error);
    // Writes the alert's state, assignee, snooze and updated time, and one
    // history row.
    static bool updateAlert(QSqlDatabase &db, const Alert &alert, const AlertHistoryEntry &entry,
                            QString *error);
    // Open, acknowledged and snoozed alerts, oldest first.
    static QVector<Alert> loadActive(QSqlDatabase &db);
    // Alerts whose excerpt, group, customer, rule or assignee contain `text`
    // (all when empty), newest first; resolved ones too when asked.
    static QVector<Alert> search(QSqlDatabase &db, const QString &text, bool includeResolved,
                                 int limit);
    static Alert alertById(QSqlDatabase &db, qint64 id); // with history; id 0 if none
    static QVector<AlertHistoryEntry> history(QSqlDatabase &db, qint64 alertId);

    // --- the alert row mapper, for the live updates of a shared archive ---
    static QString alertColumns(); // for "SELECT %1 FROM " + alertTables()
    static int alertColumnCount();
    static QString alertTables(); // alerts a, with its rule's name
    static Alert alertFromRow(const QSqlQuery &q);
};

} // namespace gd
