#include "ops/OpsRepository.h"

#include "store/SqlDialect.h"

#include "store/SqlQueries.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

constexpr auto exec = &SqlQueries::exec;

QuickReply replyFrom(const QSqlQuery &q)
{
    QuickReply r;
    r.id = q.value(0).toLongLong();
    r.owner = q.value(1).toString();
    r.folder = q.value(2).toString();
    r.title = q.value(3).toString();
    r.shortcut = q.value(4).toString();
    r.body = q.value(5).toString();
    r.imagePath = q.value(6).toString();
    r.updatedMs = q.value(7).toLongLong();
    return r;
}

GroupNote noteFrom(const QSqlQuery &q)
{
    GroupNote n;
    n.accountId = q.value(0).toString();
    n.target = GroupNote::Target(q.value(1).toInt());
    n.targetId = q.value(2).toString();
    n.body = q.value(3).toString();
    n.updatedMs = q.value(4).toLongLong();
    n.updatedBy = q.value(5).toString();
    return n;
}

} // namespace

QVector<QuickReply> OpsRepository::loadQuickReplies(QSqlDatabase &db)
{
    QVector<QuickReply> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT id, owner, folder, title, shortcut, body, image_path,"
                             " updated_ms FROM quick_replies ORDER BY id"),
              {}, nullptr))
        return out;
    while (q.next())
        out.append(replyFrom(q));
    return out;
}

bool OpsRepository::saveQuickReply(QSqlDatabase &db, QuickReply &reply, QString *error)
{
    QSqlQuery q(db);
    const QVariantList values{reply.owner, reply.folder,    reply.title,    reply.shortcut,
                              reply.body,  reply.imagePath, reply.updatedMs};
    if (reply.id == 0) {
        const SqlDialect &dialect = SqlDialect::of(db);
        if (!exec(q,
                  QStringLiteral("INSERT INTO quick_replies (owner, folder, title, shortcut,"
                                 " body, image_path, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")
                      + dialect.returningId(),
                  values, error))
            return false;
        reply.id = dialect.insertedId(q);
        return true;
    }
    QVariantList binds = values;
    binds << reply.id;
    return exec(q,
                QStringLiteral("UPDATE quick_replies SET owner = ?, folder = ?, title = ?,"
                               " shortcut = ?, body = ?, image_path = ?, updated_ms = ?"
                               " WHERE id = ?"),
                binds, error);
}

bool OpsRepository::deleteQuickReply(QSqlDatabase &db, qint64 id, QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("DELETE FROM quick_replies WHERE id = ?"), {id}, error);
}

GroupNote OpsRepository::note(QSqlDatabase &db, const QString &accountId, GroupNote::Target target,
                              const QString &targetId)
{
    QSqlQuery q(db);
    if (exec(q,
             QStringLiteral("SELECT account_id, target, target_id, body, updated_ms, updated_by"
                            " FROM notes WHERE account_id = ? AND target = ? AND target_id = ?"),
             {accountId, int(target), targetId}, nullptr)
        && q.next())
        return noteFrom(q);
    GroupNote n;
    n.accountId = accountId;
    n.target = target;
    n.targetId = targetId;
    return n;
}

bool OpsRepository::saveNote(QSqlDatabase &db, const GroupNote &note, QString *error)
{
    QSqlQuery q(db);
    if (note.body.trimmed().isEmpty())
        return exec(q,
                    QStringLiteral("DELETE FROM notes WHERE account_id = ? AND target = ?"
                                   " AND target_id = ?"),
                    {note.accountId, int(note.target), note.targetId}, error);
    return exec(q,
                QStringLiteral("INSERT INTO notes (account_id, target, target_id, body,"
                               " updated_ms, updated_by) VALUES (?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT (account_id, target, target_id) DO UPDATE SET"
                               " body = excluded.body, updated_ms = excluded.updated_ms,"
                               " updated_by = excluded.updated_by"),
                {note.accountId, int(note.target), note.targetId, note.body, note.updatedMs,
                 note.updatedBy},
                error);
}

QVector<GroupNote> OpsRepository::searchNotes(QSqlDatabase &db, const QString &accountId,
                                              const QString &text, int limit)
{
    QVector<GroupNote> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT account_id, target, target_id, body, updated_ms, updated_by"
                             " FROM notes WHERE account_id = ? AND %1"
                             " ORDER BY updated_ms DESC LIMIT ?")
                  .arg(SqlDialect::of(db).containsFolded(QStringLiteral("body"))),
              {accountId, text, limit}, nullptr))
        return out;
    while (q.next())
        out.append(noteFrom(q));
    return out;
}

QVector<GroupActivityCounts> OpsRepository::groupActivity(QSqlDatabase &db,
                                                          const QString &accountId, qint64 nowMs,
                                                          const QString &staffTag)
{
    constexpr qint64 day = 24LL * 3600 * 1000;
    const qint64 from30 = nowMs - 30 * day;
    const qint64 from7 = nowMs - 7 * day;
    QVector<GroupActivityCounts> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // One pass over the account's last 30 days of group messages (the
    // reader thread's work), summed per room first and then joined to every
    // room so silent ones are listed. (Joined before summing, SQLite walked
    // the recent messages once per room: 27 s for 500 rooms and 100,000
    // messages, on every start of the window and every refresh.)
    const QString sql = QStringLiteral(
        "WITH staff AS (SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
        "  WHERE ct.account_id = ? AND t.name = ?),"
        " recent AS (SELECT m.room_id AS room, m.talker_id AS talker, m.ts_ms AS ts,"
        "  (m.from_self = 1 OR m.talker_id IN (SELECT contact_id FROM staff)) AS is_staff"
        "  FROM messages m WHERE m.account_id = ? AND m.room_id <> '' AND m.ts_ms > ?"
        "  AND m.ts_ms <= ? AND m.kind <> 100 AND m.duplicate_of = ''),"
        " per_room AS (SELECT room,"
        "  SUM(CASE WHEN NOT is_staff AND ts > ? THEN 1 ELSE 0 END) AS customer7,"
        "  COUNT(DISTINCT CASE WHEN NOT is_staff AND ts > ? THEN talker END) AS active7,"
        "  SUM(CASE WHEN is_staff AND ts > ? THEN 1 ELSE 0 END) AS staff7,"
        "  SUM(CASE WHEN NOT is_staff THEN 1 ELSE 0 END) AS customer30,"
        "  COUNT(DISTINCT CASE WHEN NOT is_staff THEN talker END) AS active30,"
        "  SUM(CASE WHEN is_staff THEN 1 ELSE 0 END) AS staff30,"
        "  MAX(CASE WHEN NOT is_staff THEN ts END) AS last_customer"
        "  FROM recent GROUP BY room)"
        " SELECT r.id, r.topic, COALESCE(p.customer7, 0), COALESCE(p.active7, 0),"
        "  COALESCE(p.staff7, 0), COALESCE(p.customer30, 0), COALESCE(p.active30, 0),"
        "  COALESCE(p.staff30, 0), COALESCE(p.last_customer, 0)"
        " FROM rooms r LEFT JOIN per_room p ON p.room = r.id"
        " WHERE r.account_id = ? ORDER BY r.id");
    if (!exec(q, sql,
              {accountId, staffTag, accountId, from30, nowMs, from7, from7, from7, accountId},
              nullptr))
        return out;
    while (q.next()) {
        GroupActivityCounts a;
        a.roomId = q.value(0).toString();
        a.topic = q.value(1).toString();
        a.customerMessages7 = q.value(2).toInt();
        a.activeCustomers7 = q.value(3).toInt();
        a.staffReplies7 = q.value(4).toInt();
        a.customerMessages30 = q.value(5).toInt();
        a.activeCustomers30 = q.value(6).toInt();
        a.staffReplies30 = q.value(7).toInt();
        a.lastCustomerMs = q.value(8).toLongLong();
        out.append(a);
    }
    return out;
}

bool OpsRepository::markLeft(QSqlDatabase &db, const QString &accountId, const QString &roomId,
                             qint64 atMs, QString *error)
{
    QSqlQuery q(db);
    return exec(q,
                QStringLiteral("INSERT INTO left_rooms (account_id, room_id, left_ms)"
                               " VALUES (?, ?, ?) ON CONFLICT (account_id, room_id)"
                               " DO UPDATE SET left_ms = excluded.left_ms"),
                {accountId, roomId, atMs}, error);
}

bool OpsRepository::appendLog(QSqlDatabase &db, const OpsLogEntry &e, QString *error)
{
    QSqlQuery q(db);
    return exec(q,
                QStringLiteral("INSERT INTO ops_log (at_ms, kind, account_id, room_id, contact_id,"
                               " rule_id, trigger_id, outcome, detail)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {e.atMs, int(e.kind), e.accountId, e.roomId, e.contactId, e.ruleId, e.triggerId,
                 int(e.outcome), e.detail},
                error);
}

QVector<OpsLogEntry> OpsRepository::log(QSqlDatabase &db, const QString &accountId, int kind,
                                        int limit)
{
    QVector<OpsLogEntry> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT id, at_ms, kind, account_id, room_id, contact_id, rule_id,"
                             " trigger_id, outcome, detail FROM ops_log"
                             " WHERE account_id = ? AND (? = 0 OR kind = ?)"
                             " ORDER BY at_ms DESC, id DESC LIMIT ?"),
              {accountId, kind, kind, limit}, nullptr))
        return out;
    while (q.next()) {
        OpsLogEntry e;
        e.id = q.value(0).toLongLong();
        e.atMs = q.value(1).toLongLong();
        e.kind = OpsLogEntry::Kind(q.value(2).toInt());
        e.accountId = q.value(3).toString();
        e.roomId = q.value(4).toString();
        e.contactId = q.value(5).toString();
        e.ruleId = q.value(6).toLongLong();
        e.triggerId = q.value(7).toString();
        e.outcome = OpsLogEntry::Outcome(q.value(8).toInt());
        e.detail = q.value(9).toString();
        out.append(e);
    }
    return out;
}

QStringList OpsRepository::leftRooms(QSqlDatabase &db, const QString &accountId)
{
    QStringList out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (exec(q,
             QStringLiteral("SELECT room_id FROM left_rooms WHERE account_id = ? ORDER BY room_id"),
             {accountId}, nullptr)) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

} // namespace gd
