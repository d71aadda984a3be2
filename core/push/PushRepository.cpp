#include "push/PushRepository.h"

#include "store/SqlDialect.h"

#include "store/SqlQueries.h"
#include "util/Log.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

constexpr auto str = &SqlQueries::text;
constexpr auto exec = &SqlQueries::exec;

const QString kProductColumns = QStringLiteral(
    "id, title, price_cents, coupon_cents, link, image, category, tags, available, updated_ms");

Product productFromQuery(const QSqlQuery &q)
{
    Product p;
    p.id = q.value(0).toString();
    p.title = q.value(1).toString();
    p.priceCents = q.value(2).toLongLong();
    p.couponCents = q.value(3).toLongLong();
    p.link = q.value(4).toString();
    p.image = q.value(5).toString();
    p.category = q.value(6).toString();
    p.tags = q.value(7).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    p.available = q.value(8).toInt() != 0;
    p.updatedMs = q.value(9).toLongLong();
    return p;
}

QVariantList productBinds(const Product &p)
{
    return {str(p.title),
            p.priceCents,
            p.couponCents,
            str(p.link),
            str(p.image),
            str(p.category),
            str(p.tags.join(QLatin1Char('\n'))),
            p.available ? 1 : 0,
            p.updatedMs};
}

const QString kRuleColumns
    = QStringLiteral("id, name, enabled, targets, schedule, text, image_path, product_image, caps,"
                     " missed, last_run_ms, created_ms, updated_ms");

PushRule ruleFromQuery(const QSqlQuery &q)
{
    PushRule r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.enabled = q.value(2).toInt() != 0;
    r.setTargetsJson(q.value(3).toString());
    r.schedule
        = PushSchedule::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
    r.text = q.value(5).toString();
    r.imagePath = q.value(6).toString();
    r.productImage = q.value(7).toInt() != 0;
    r.setCapsJson(q.value(8).toString());
    r.missed = q.value(9).toInt() == 1 ? MissedRunPolicy::CatchUp : MissedRunPolicy::Skip;
    r.lastRunMs = q.value(10).toLongLong();
    r.createdMs = q.value(11).toLongLong();
    r.updatedMs = q.value(12).toLongLong();
    return r;
}

const QString kLogColumns = QStringLiteral(
    "id, rule_id, broadcast_id, room_id, room_name, account_id, product_id, product_title, run_ms,"
    " due_ms, outbox_id, text, image_path, choice, created_ms");

PushLogEntry logFromQuery(const QSqlQuery &q)
{
    PushLogEntry e;
    e.id = q.value(0).toLongLong();
    e.ruleId = q.value(1).toLongLong();
    e.broadcastId = q.value(2).toLongLong();
    e.roomId = q.value(3).toString();
    e.roomName = q.value(4).toString();
    e.accountId = q.value(5).toString();
    e.productId = q.value(6).toString();
    e.productTitle = q.value(7).toString();
    e.runMs = q.value(8).toLongLong();
    e.dueMs = q.value(9).toLongLong();
    e.outboxId = q.value(10).toLongLong();
    e.text = q.value(11).toString();
    e.imagePath = q.value(12).toString();
    e.choiceJson = q.value(13).toString();
    e.createdMs = q.value(14).toLongLong();
    return e;
}

QVector<PushLogEntry> selectLog(QSqlDatabase &db, const QString &where, const QVariantList &binds)
{
    QVector<PushLogEntry> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT %1 FROM push_log %2").arg(kLogColumns, where), binds,
              nullptr))
        return out;
    while (q.next())
        out.append(logFromQuery(q));
    return out;
}

} // namespace

QVector<Product> PushRepository::loadProducts(QSqlDatabase &db)
{
    QVector<Product> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT %1 FROM products ORDER BY id").arg(kProductColumns), {},
              nullptr))
        return out;
    while (q.next())
        out.append(productFromQuery(q));
    return out;
}

bool PushRepository::importProducts(QSqlDatabase &db, const QVector<Product> &products,
                                    const QString &source, qint64 nowMs,
                                    CatalogImportSummary *summary, QString *error)
{
    CatalogImportSummary s;
    QSqlQuery find(db);
    QSqlQuery write(db);
    for (const Product &p : products) {
        if (!exec(find, QStringLiteral("SELECT %1 FROM products WHERE id = ?").arg(kProductColumns),
                  {p.id}, error))
            return false;
        if (find.next()) {
            const Product before = productFromQuery(find);
            find.finish();
            if (before.sameContent(p)) {
                ++s.unchanged;
                continue;
            }
            QVariantList binds = productBinds(p);
            binds << nowMs << p.id;
            if (!exec(write,
                      QStringLiteral("UPDATE products SET title = ?, price_cents = ?,"
                                     " coupon_cents = ?, link = ?, image = ?, category = ?,"
                                     " tags = ?, available = ?, updated_ms = ?, modified_ms = ?"
                                     " WHERE id = ?"),
                      binds, error)
                || !exec(write,
                         QStringLiteral("INSERT INTO product_history (product_id, at_ms, source,"
                                        " changes) VALUES (?, ?, ?, ?)"),
                         {p.id, nowMs, str(source), p.changesFrom(before)}, error))
                return false;
            ++s.changed;
            continue;
        }
        find.finish();
        QVariantList binds = {p.id};
        binds << productBinds(p) << nowMs << nowMs;
        Product blank; // nothing before: every field is a change
        blank.id = p.id;
        if (!exec(write,
                  QStringLiteral("INSERT INTO products (id, title, price_cents, coupon_cents, link,"
                                 " image, category, tags, available, updated_ms, created_ms,"
                                 " modified_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
                  binds, error)
            || !exec(write,
                     QStringLiteral("INSERT INTO product_history (product_id, at_ms, source,"
                                    " changes) VALUES (?, ?, ?, ?)"),
                     {p.id, nowMs, str(source), p.changesFrom(blank)}, error))
            return false;
        ++s.added;
    }
    if (summary)
        *summary = s;
    return true;
}

bool PushRepository::deleteProduct(QSqlDatabase &db, const QString &productId, qint64 nowMs,
                                   QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("DELETE FROM products WHERE id = ?"), {productId}, error)
        && exec(q,
                QStringLiteral("INSERT INTO product_history (product_id, at_ms, source, changes)"
                               " VALUES (?, ?, 'delete', '{}')"),
                {productId, nowMs}, error);
}

QVector<ProductHistoryEntry> PushRepository::history(QSqlDatabase &db, const QString &productId)
{
    QVector<ProductHistoryEntry> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT at_ms, source, changes FROM product_history"
                             " WHERE product_id = ? ORDER BY at_ms DESC, id DESC"),
              {productId}, nullptr))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

bool PushRepository::importStats(QSqlDatabase &db, const QVector<StatsRow> &rows, QString *error)
{
    QSqlQuery q(db);
    for (const StatsRow &r : rows) {
        if (!exec(q,
                  QStringLiteral("INSERT INTO product_stats (room_id, product_id, clicks, orders)"
                                 " VALUES (?, ?, ?, ?) ON CONFLICT (room_id, product_id) DO UPDATE"
                                 " SET clicks = excluded.clicks, orders = excluded.orders"),
                  {r.roomId, r.productId, r.clicks, r.orders}, error))
            return false;
    }
    return true;
}

QHash<QString, QHash<QString, ProductStats>> PushRepository::loadStats(QSqlDatabase &db)
{
    QHash<QString, QHash<QString, ProductStats>> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT room_id, product_id, clicks, orders FROM product_stats"),
              {}, nullptr))
        return out;
    while (q.next())
        out[q.value(0).toString()][q.value(1).toString()]
            = {q.value(2).toLongLong(), q.value(3).toLongLong()};
    return out;
}

QVector<PushRule> PushRepository::loadRules(QSqlDatabase &db)
{
    QVector<PushRule> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT %1 FROM push_rules ORDER BY id").arg(kRuleColumns), {},
              nullptr))
        return out;
    while (q.next())
        out.append(ruleFromQuery(q));
    return out;
}

bool PushRepository::saveRule(QSqlDatabase &db, PushRule &r, QString *error)
{
    QSqlQuery q(db);
    const QVariantList values
        = {str(r.name),
           r.enabled ? 1 : 0,
           r.targetsJson(),
           QString::fromUtf8(QJsonDocument(r.schedule.toJson()).toJson(QJsonDocument::Compact)),
           str(r.text),
           str(r.imagePath),
           r.productImage ? 1 : 0,
           r.capsJson(),
           int(r.missed),
           r.lastRunMs,
           r.updatedMs};
    if (r.id == 0) {
        // A new rule never takes the id of a deleted one (SQLite would reuse
        // the highest): its log, runs and outbox keys would count as the new
        // rule's (its daily cap full, its first runs "already handled").
        if (!exec(q,
                  QStringLiteral("SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM push_rules"
                                 " UNION ALL SELECT MAX(rule_id) FROM push_log"
                                 " UNION ALL SELECT MAX(rule_id) FROM push_runs) AS ids"),
                  {}, error)
            || !q.next())
            return false;
        const qint64 id = q.value(0).toLongLong() + 1;
        QVariantList binds = values;
        binds << r.createdMs << id;
        if (!exec(q,
                  QStringLiteral("INSERT INTO push_rules (name, enabled, targets, schedule, text,"
                                 " image_path, product_image, caps, missed, last_run_ms,"
                                 " updated_ms, created_ms, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                  binds, error))
            return false;
        r.id = id;
        return true;
    }
    QVariantList binds = values;
    binds << r.id;
    return exec(q,
                QStringLiteral("UPDATE push_rules SET name = ?, enabled = ?, targets = ?,"
                               " schedule = ?, text = ?, image_path = ?, product_image = ?,"
                               " caps = ?, missed = ?, last_run_ms = ?, updated_ms = ?"
                               " WHERE id = ?"),
                binds, error);
}

bool PushRepository::deleteRule(QSqlDatabase &db, qint64 ruleId, QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("DELETE FROM push_rules WHERE id = ?"), {ruleId}, error);
}

bool PushRepository::setLastRun(QSqlDatabase &db, qint64 ruleId, qint64 runMs, QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("UPDATE push_rules SET last_run_ms = ? WHERE id = ?"),
                {runMs, ruleId}, error);
}

bool PushRepository::recordRun(QSqlDatabase &db, const PushRunRecord &run, QString *error)
{
    QSqlQuery q(db);
    return exec(q,
                QStringLiteral("INSERT INTO push_runs (rule_id, run_ms, outcome, sends, at_ms)"
                               " VALUES (?, ?, ?, ?, ?) ON CONFLICT (rule_id, run_ms) DO UPDATE"
                               " SET outcome = excluded.outcome, sends = excluded.sends,"
                               " at_ms = excluded.at_ms"),
                {run.ruleId, run.runMs, int(run.outcome), run.sends, run.atMs}, error);
}

QVector<PushRunRecord> PushRepository::runs(QSqlDatabase &db, qint64 ruleId)
{
    QVector<PushRunRecord> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT rule_id, run_ms, outcome, sends, at_ms FROM push_runs"
                             " WHERE rule_id = ? ORDER BY run_ms"),
              {ruleId}, nullptr))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                    PushRunOutcome(q.value(2).toInt()), q.value(3).toInt(),
                    q.value(4).toLongLong()});
    return out;
}

QVector<PushGroup> PushRepository::loadGroups(QSqlDatabase &db)
{
    QVector<PushGroup> out;
    QHash<QString, int> index;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT account_id, id, topic FROM rooms ORDER BY id, account_id"),
              {}, nullptr))
        return out;
    while (q.next()) {
        const QString room = q.value(1).toString();
        auto it = index.find(room);
        if (it == index.end()) {
            PushGroup g;
            g.roomId = room;
            g.name = q.value(2).toString();
            index.insert(room, int(out.size()));
            out.append(g);
            it = index.find(room);
        }
        PushGroup &g = out[*it];
        g.accountIds << q.value(0).toString();
        if (g.name.isEmpty())
            g.name = q.value(2).toString();
    }
    if (exec(q,
             QStringLiteral("SELECT rt.room_id, t.name FROM room_tags rt JOIN tags t"
                            " ON t.id = rt.tag_id ORDER BY t.name"),
             {}, nullptr)) {
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toString());
            if (it != index.constEnd() && !out[*it].tags.contains(q.value(1).toString()))
                out[*it].tags << q.value(1).toString();
        }
    }
    if (exec(q, QStringLiteral("SELECT room_id, push_enabled FROM push_room_settings"), {},
             nullptr)) {
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toString());
            if (it != index.constEnd())
                out[*it].pushEnabled = q.value(1).toInt() != 0;
        }
    }
    return out;
}

bool PushRepository::setPushEnabled(QSqlDatabase &db, const QString &roomId, bool enabled,
                                    QString *error)
{
    QSqlQuery q(db);
    return exec(q,
                QStringLiteral("INSERT INTO push_room_settings (room_id, push_enabled)"
                               " VALUES (?, ?) ON CONFLICT (room_id)"
                               " DO UPDATE SET push_enabled = excluded.push_enabled"),
                {roomId, enabled ? 1 : 0}, error);
}

bool PushRepository::insertLog(QSqlDatabase &db, PushLogEntry &e, QString *error)
{
    QSqlQuery q(db);
    if (!exec(q,
              QStringLiteral("INSERT INTO push_log (rule_id, broadcast_id, room_id, room_name,"
                             " account_id, product_id, product_title, run_ms, due_ms, outbox_id,"
                             " text, image_path, choice, created_ms)"
                             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                  + SqlDialect::of(db).returningId(),
              {e.ruleId, e.broadcastId, str(e.roomId), str(e.roomName), str(e.accountId),
               str(e.productId), str(e.productTitle), e.runMs, e.dueMs, e.outboxId, str(e.text),
               str(e.imagePath), str(e.choiceJson), e.createdMs},
              error))
        return false;
    e.id = SqlDialect::of(db).insertedId(q);
    return true;
}

QVector<PushLogEntry> PushRepository::logSince(QSqlDatabase &db, qint64 sinceMs)
{
    return selectLog(db,
                     QStringLiteral("WHERE broadcast_id = 0 AND run_ms >= ? ORDER BY run_ms, id"),
                     {sinceMs});
}

QVector<PushLogEntry> PushRepository::log(QSqlDatabase &db, const QString &roomId,
                                          const QString &productId, int limit)
{
    return selectLog(db,
                     QStringLiteral("WHERE broadcast_id = 0 AND (? = '' OR room_id = ?)"
                                    " AND (? = '' OR product_id = ?)"
                                    " ORDER BY run_ms DESC, id DESC LIMIT ?"),
                     {str(roomId), str(roomId), str(productId), str(productId), limit});
}

QVector<PushLogEntry> PushRepository::broadcastLog(QSqlDatabase &db, qint64 broadcastId)
{
    return selectLog(db, QStringLiteral("WHERE broadcast_id = ? ORDER BY room_name, id"),
                     {broadcastId});
}

bool PushRepository::insertBroadcast(QSqlDatabase &db, BroadcastRecord &b, QString *error)
{
    QSqlQuery q(db);
    if (!exec(
            q,
            QStringLiteral("INSERT INTO broadcasts (campaign_id, text, image_path, targets,"
                           " due_ms, created_ms) VALUES (?,?,?,?,?,?)")
                + SqlDialect::of(db).returningId(),
            {b.campaignId, str(b.text), str(b.imagePath), str(b.targetsJson), b.dueMs, b.createdMs},
            error))
        return false;
    b.id = SqlDialect::of(db).insertedId(q);
    return true;
}

bool PushRepository::setBroadcastCampaign(QSqlDatabase &db, qint64 broadcastId, qint64 campaignId,
                                          QString *error)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("UPDATE broadcasts SET campaign_id = ? WHERE id = ?"),
                {campaignId, broadcastId}, error);
}

QVector<BroadcastRecord> PushRepository::broadcasts(QSqlDatabase &db, int limit)
{
    QVector<BroadcastRecord> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!exec(q,
              QStringLiteral("SELECT id, campaign_id, text, image_path, targets, due_ms,"
                             " created_ms FROM broadcasts ORDER BY id DESC LIMIT ?"),
              {limit}, nullptr))
        return out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                    q.value(6).toLongLong()});
    return out;
}

} // namespace gd
