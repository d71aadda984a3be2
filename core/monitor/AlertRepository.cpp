#include "monitor/AlertRepository.h"
#include "store/SqlDialect.h"

#include "store/SqlQueries.h"
#include "util/Log.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

constexpr auto str = &SqlQueries::text;
constexpr auto exec = &SqlQueries::exec;

const QString kRuleColumns
    = QStringLiteral("id, name, kind, enabled, severity, account_id, scope, scope_value, pattern,"
                     " params, broken_reason, created_ms, updated_ms");

AlertRule ruleFromQuery(const QSqlQuery &q)
{
    AlertRule r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.kind = RuleKind(q.value(2).toInt());
    r.enabled = q.value(3).toInt() != 0;
    r.severity = AlertSeverity(std::clamp(q.value(4).toInt(), 0, 3));
    r.accountId = q.value(5).toString();
    r.scope = AlertRuleScope(q.value(6).toInt());
    r.scopeValue = q.value(7).toString();
    r.pattern = q.value(8).toString();
    QString error;
    if (!r.setParamsJson(q.value(9).toString(), &error))
        r.brokenReason = error;
    else
        r.brokenReason = q.value(10).toString();
    r.createdMs = q.value(11).toLongLong();
    r.updatedMs = q.value(12).toLongLong();
    if (int(r.kind) < 0 || int(r.kind) > int(RuleKind::BotOffline)) {
        r.kind = RuleKind::Complaint;
        r.enabled = false;
        r.brokenReason = QStringLiteral("unknown rule kind %1").arg(q.value(2).toInt());
    }
    return r;
}

const QString kAlertColumns = QStringLiteral(
    "a.id, a.kind, a.severity, a.rule_id, a.account_id, a.room_id, a.room_name, a.customer_id,"
    " a.customer_name, a.message_id, a.message_row, a.excerpt, a.matched, a.created_ms,"
    " a.updated_ms, a.state, a.assigned_to, a.snoozed_until_ms, COALESCE(r.name, '')");
const QString kAlertFrom
    = QStringLiteral(" FROM alerts a LEFT JOIN alert_rules r ON r.id = a.rule_id");

Alert alertFromQuery(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toLongLong();
    a.kind = AlertKind(q.value(1).toInt());
    a.severity = AlertSeverity(std::clamp(q.value(2).toInt(), 0, 3));
    a.ruleId = q.value(3).toLongLong();
    a.accountId = q.value(4).toString();
    a.roomId = q.value(5).toString();
    a.roomName = q.value(6).toString();
    a.customerId = q.value(7).toString();
    a.customerName = q.value(8).toString();
    a.messageId = q.value(9).toString();
    a.messageRowId = q.value(10).toLongLong();
    a.excerpt = q.value(11).toString();
    a.matched = q.value(12).toString();
    a.createdMs = q.value(13).toLongLong();
    a.updatedMs = q.value(14).toLongLong();
    a.state = AlertState(std::clamp(q.value(15).toInt(), 0, 3));
    a.assignedTo = q.value(16).toString();
    a.snoozedUntilMs = q.value(17).toLongLong();
    a.ruleName = q.value(18).toString();
    return a;
}

bool insertHistory(QSqlDatabase &db, qint64 alertId, const AlertHistoryEntry &e, QString *error)
{
    QSqlQuery q(db);
    return exec(q,
                QStringLiteral("INSERT INTO alert_history (alert_id, at_ms, action, actor, detail)"
                               " VALUES (?, ?, ?, ?, ?)"),
                {alertId, e.atMs, int(e.action), str(e.actor), str(e.detail)}, error);
}

} // namespace

QVector<AlertRule> AlertRepository::loadRules(QSqlDatabase &db)
{
    QVector<AlertRule> rules;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT %1 FROM alert_rules ORDER BY id").arg(kRuleColumns), {},
              nullptr))
        return rules;
    while (q.next())
        rules.append(ruleFromQuery(q));
    return rules;
}

bool AlertRepository::saveRule(QSqlDatabase &db, AlertRule &rule, QString *error)
{
    QSqlQuery q(db);
    const QVariantList values
        = {str(rule.name),         int(rule.kind),         rule.enabled ? 1 : 0, int(rule.severity),
           str(rule.accountId),    int(rule.scope),        str(rule.scopeValue), str(rule.pattern),
           str(rule.paramsJson()), str(rule.brokenReason), rule.updatedMs};
    if (rule.id == 0) {
        QVariantList binds = values;
        binds.append(rule.createdMs);
        if (!exec(q,
                  QStringLiteral("INSERT INTO alert_rules (name, kind, enabled, severity,"
                                 " account_id, scope, scope_value, pattern, params, broken_reason,"
                                 " updated_ms, created_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                      + SqlDialect::of(db).returningId(),
                  binds, error))
            return false;
        rule.id = SqlDialect::of(db).insertedId(q);
        return true;
    }
    QVariantList binds = values;
    binds.append(rule.id);
    return exec(q,
                QStringLiteral("UPDATE alert_rules SET name = ?, kind = ?, enabled = ?,"
                               " severity = ?, account_id = ?, scope = ?, scope_value = ?,"
                               " pattern = ?, params = ?, broken_reason = ?, updated_ms = ?"
                               " WHERE id = ?"),
                binds, error);
}

bool AlertRepository::deleteRule(QSqlDatabase &db, qint64 ruleId, QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("DELETE FROM alert_rules WHERE id = ?"), {ruleId}, error);
}

bool AlertRepository::setBrokenReason(QSqlDatabase &db, qint64 ruleId, const QString &reason)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("UPDATE alert_rules SET broken_reason = ? WHERE id = ?"),
                {str(reason), ruleId}, nullptr);
}

bool AlertRepository::insertAlert(QSqlDatabase &db, Alert &a, QString *error)
{
    QVector<Alert> one{a};
    if (!insertAlerts(db, one, error))
        return false;
    a = one.constFirst();
    return true;
}

bool AlertRepository::insertAlerts(QSqlDatabase &db, QVector<Alert> &alerts, QString *error)
{
    if (alerts.isEmpty())
        return true;
    // Prepared once for the whole batch: a burst of complaints raises
    // thousands of alerts at once, and preparing two statements per alert
    // was most of the cost of storing them.
    QSqlQuery insert(db);
    QSqlQuery history(db);
    const QString insertSql
        = QStringLiteral("INSERT INTO alerts (kind, severity, rule_id, account_id, room_id,"
                         " room_name, customer_id, customer_name, message_id, message_row,"
                         " excerpt, matched, created_ms, updated_ms, state, assigned_to,"
                         " snoozed_until_ms) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7,"
                         " :p8, :p9, :p10, :p11, :p12, :p13, :p14, :p15, :p16)")
        + SqlDialect::of(db).returningId();
    const QString historySql
        = QStringLiteral("INSERT INTO alert_history (alert_id, at_ms, action, actor, detail)"
                         " VALUES (:p0, :p1, :p2, :p3, :p4)");
    // Bound by name (SqlQueries::placeholder): binding by position was the
    // larger part of storing a burst's alerts.
    auto failed = [error](const QSqlQuery &q, const QString &what, const QString &sql) {
        if (error)
            *error = q.lastError().text();
        qCWarning(lcStore) << what << q.lastError().text() << sql.left(120);
        return false;
    };
    if (!insert.prepare(insertSql))
        return failed(insert, QStringLiteral("cannot prepare query:"), insertSql);
    if (!history.prepare(historySql))
        return failed(history, QStringLiteral("cannot prepare query:"), historySql);
    for (Alert &a : alerts) {
        const QVariantList binds
            = {int(a.kind),      int(a.severity), a.ruleId,          str(a.accountId),
               str(a.roomId),    str(a.roomName), str(a.customerId), str(a.customerName),
               str(a.messageId), a.messageRowId,  str(a.excerpt),    str(a.matched),
               a.createdMs,      a.updatedMs,     int(a.state),      str(a.assignedTo),
               a.snoozedUntilMs};
        for (int i = 0; i < binds.size(); ++i)
            insert.bindValue(SqlQueries::placeholder(i), binds.at(i));
        if (!insert.exec())
            return failed(insert, QStringLiteral("query failed:"), insertSql);
        a.id = SqlDialect::of(db).insertedId(insert);
        AlertHistoryEntry raised;
        raised.atMs = a.createdMs;
        raised.action = AlertAction::Raised;
        a.history = {raised};
        const QVariantList entry
            = {a.id, raised.atMs, int(raised.action), str(raised.actor), str(raised.detail)};
        for (int i = 0; i < entry.size(); ++i)
            history.bindValue(SqlQueries::placeholder(i), entry.at(i));
        if (!history.exec())
            return failed(history, QStringLiteral("query failed:"), historySql);
    }
    return true;
}

bool AlertRepository::updateAlert(QSqlDatabase &db, const Alert &a, const AlertHistoryEntry &entry,
                                  QString *error)
{
    QSqlQuery q(db);
    if (!exec(q,
              QStringLiteral("UPDATE alerts SET state = ?, assigned_to = ?, snoozed_until_ms = ?,"
                             " updated_ms = ? WHERE id = ?"),
              {int(a.state), str(a.assignedTo), a.snoozedUntilMs, a.updatedMs, a.id}, error))
        return false;
    return insertHistory(db, a.id, entry, error);
}

QVector<Alert> AlertRepository::loadActive(QSqlDatabase &db)
{
    QVector<Alert> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT %1%2 WHERE a.state <> %3 ORDER BY a.created_ms, a.id")
                  .arg(kAlertColumns, kAlertFrom)
                  .arg(int(AlertState::Resolved)),
              {}, nullptr))
        return out;
    while (q.next())
        out.append(alertFromQuery(q));
    return out;
}

QVector<Alert> AlertRepository::search(QSqlDatabase &db, const QString &text, bool includeResolved,
                                       int limit)
{
    QVector<Alert> out;
    QString where = includeResolved
        ? QStringLiteral(" WHERE 1 = 1")
        : QStringLiteral(" WHERE a.state <> %1").arg(int(AlertState::Resolved));
    QVariantList binds;
    const QString needle = text.trimmed();
    if (!needle.isEmpty()) {
        const SqlDialect &dialect = SqlDialect::of(db);
        QStringList any;
        for (const char *column : {"a.excerpt", "a.room_name", "a.customer_name", "a.assigned_to",
                                   "a.matched", "COALESCE(r.name, '')"})
            any << dialect.containsText(QString::fromLatin1(column));
        where += QStringLiteral(" AND (%1)").arg(any.join(QStringLiteral(" OR ")));
        for (int i = 0; i < 6; ++i)
            binds.append(needle);
    }
    binds.append(qMax(1, limit));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT %1%2%3 ORDER BY a.created_ms DESC, a.id DESC LIMIT ?")
                  .arg(kAlertColumns, kAlertFrom, where),
              binds, nullptr))
        return out;
    while (q.next())
        out.append(alertFromQuery(q));
    return out;
}

Alert AlertRepository::alertById(QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    if (!exec(q, QStringLiteral("SELECT %1%2 WHERE a.id = ?").arg(kAlertColumns, kAlertFrom), {id},
              nullptr)
        || !q.next())
        return {};
    Alert a = alertFromQuery(q);
    a.history = history(db, id);
    return a;
}

QVector<AlertHistoryEntry> AlertRepository::history(QSqlDatabase &db, qint64 alertId)
{
    QVector<AlertHistoryEntry> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT at_ms, action, actor, detail FROM alert_history"
                             " WHERE alert_id = ? ORDER BY id"),
              {alertId}, nullptr))
        return out;
    while (q.next()) {
        AlertHistoryEntry e;
        e.atMs = q.value(0).toLongLong();
        e.action = AlertAction(q.value(1).toInt());
        e.actor = q.value(2).toString();
        e.detail = q.value(3).toString();
        out.append(e);
    }
    return out;
}

} // namespace gd

namespace gd {

QString AlertRepository::alertColumns()
{
    return kAlertColumns;
}

int AlertRepository::alertColumnCount()
{
    return 19;
}

QString AlertRepository::alertTables()
{
    return QStringLiteral("alerts a LEFT JOIN alert_rules r ON r.id = a.rule_id");
}

Alert AlertRepository::alertFromRow(const QSqlQuery &q)
{
    return alertFromQuery(q);
}

} // namespace gd
