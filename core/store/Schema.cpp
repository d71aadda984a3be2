#include "store/Schema.h"

#include "stats/StatsCounters.h"
#include "store/PgBigramIndex.h"
#include "store/PostgresSchema.h"
#include "store/SearchTokenizer.h"
#include "store/SqlDialect.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <vector>

namespace gd {
namespace {

using Step = std::function<bool(QSqlDatabase &, QString *)>;

bool execAll(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = q.lastError().text() + QLatin1String(" in: ") + sql.left(120);
            return false;
        }
    }
    return true;
}

// v1: the vertical slice. No foreign keys on purpose: messages may arrive for
// rooms and contacts the sync has not delivered yet, and must not be lost.
bool createV1(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE accounts ("
                           " id TEXT PRIMARY KEY,"
                           " display_name TEXT NOT NULL DEFAULT '',"
                           " endpoint TEXT NOT NULL DEFAULT '',"
                           " tls INTEGER NOT NULL DEFAULT 0,"
                           " server_name TEXT NOT NULL DEFAULT '',"
                           " ca_file TEXT NOT NULL DEFAULT '',"
                           " demo INTEGER NOT NULL DEFAULT 0,"
                           " self_contact_id TEXT NOT NULL DEFAULT '',"
                           " self_name TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE contacts ("
                           " account_id TEXT NOT NULL,"
                           " id TEXT NOT NULL,"
                           " name TEXT NOT NULL DEFAULT '',"
                           " alias TEXT NOT NULL DEFAULT '',"
                           " avatar TEXT NOT NULL DEFAULT '',"
                           " gender INTEGER NOT NULL DEFAULT 0,"
                           " type INTEGER NOT NULL DEFAULT 0,"
                           " is_friend INTEGER NOT NULL DEFAULT 0,"
                           " weixin TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (account_id, id))"),
            QStringLiteral("CREATE TABLE rooms ("
                           " account_id TEXT NOT NULL,"
                           " id TEXT NOT NULL,"
                           " topic TEXT NOT NULL DEFAULT '',"
                           " owner_id TEXT NOT NULL DEFAULT '',"
                           " avatar TEXT NOT NULL DEFAULT '',"
                           " admin_ids TEXT NOT NULL DEFAULT ''," // space-separated
                           " member_ids TEXT NOT NULL DEFAULT ''," // space-separated
                           " PRIMARY KEY (account_id, id))"),
            QStringLiteral("CREATE TABLE room_members ("
                           " account_id TEXT NOT NULL,"
                           " room_id TEXT NOT NULL,"
                           " contact_id TEXT NOT NULL,"
                           " room_alias TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL DEFAULT '',"
                           " inviter_id TEXT NOT NULL DEFAULT '',"
                           " avatar TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (account_id, room_id, contact_id))"),
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY,"
                           " account_id TEXT NOT NULL,"
                           " msg_id TEXT NOT NULL,"
                           " conversation_id TEXT NOT NULL,"
                           " room_id TEXT NOT NULL DEFAULT '',"
                           " talker_id TEXT NOT NULL DEFAULT '',"
                           " talker_name TEXT NOT NULL DEFAULT '',"
                           " listener_id TEXT NOT NULL DEFAULT '',"
                           " kind INTEGER NOT NULL DEFAULT 0,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " filename TEXT NOT NULL DEFAULT '',"
                           " ts_ms INTEGER NOT NULL,"
                           " from_self INTEGER NOT NULL DEFAULT 0,"
                           " mention_ids TEXT NOT NULL DEFAULT ''," // space-separated
                           " outbox_id INTEGER NOT NULL DEFAULT 0,"
                           " UNIQUE (account_id, msg_id))"),
            // Keyset pagination of one conversation on (ts_ms, id).
            QStringLiteral("CREATE INDEX messages_by_conversation"
                           " ON messages (account_id, conversation_id, ts_ms, id)"),
            // Maintained by the writer on insert so the room list never scans messages.
            QStringLiteral("CREATE TABLE conversations ("
                           " account_id TEXT NOT NULL,"
                           " conversation_id TEXT NOT NULL,"
                           " last_ms INTEGER NOT NULL DEFAULT 0,"
                           " last_rowid INTEGER NOT NULL DEFAULT 0,"
                           " last_preview TEXT NOT NULL DEFAULT '',"
                           " last_sender TEXT NOT NULL DEFAULT '',"
                           " last_kind INTEGER NOT NULL DEFAULT 0,"
                           " unread INTEGER NOT NULL DEFAULT 0,"
                           " last_read_rowid INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (account_id, conversation_id))"),
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY,"
                           " account_id TEXT NOT NULL,"
                           " conversation_id TEXT NOT NULL,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " state INTEGER NOT NULL DEFAULT 0,"
                           " error TEXT NOT NULL DEFAULT '',"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " created_ms INTEGER NOT NULL DEFAULT 0,"
                           " updated_ms INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX outbox_by_state ON outbox (account_id, state, id)"),
            QStringLiteral(
                "CREATE INDEX outbox_by_conversation ON outbox (account_id, conversation_id, id)"),
        },
        error);
}

// v2: full-text search. A contentless FTS5 table whose rowid is messages.id,
// over SearchTokenizer::indexText(text) (CJK as bigrams). Contentless keeps
// the file small: the text is stored once, in messages.
bool addSearchIndexV2(QSqlDatabase &db, QString *error)
{
    if (!execAll(db,
                 {QStringLiteral("CREATE VIRTUAL TABLE message_index USING fts5("
                                 "body, content='', columnsize=0,"
                                 " tokenize='unicode61 remove_diacritics 0')")},
                 error)) {
        return false;
    }
    // Index what an older version stored.
    QSqlQuery select(db);
    select.setForwardOnly(true);
    QSqlQuery insert(db);
    if (!select.exec(QStringLiteral("SELECT id, text FROM messages"))
        || !insert.prepare(
            QStringLiteral("INSERT INTO message_index (rowid, body) VALUES (?, ?)"))) {
        *error = select.lastError().text() + insert.lastError().text();
        return false;
    }
    qint64 count = 0;
    while (select.next()) {
        insert.bindValue(0, select.value(0));
        insert.bindValue(1, SearchTokenizer::indexText(select.value(1).toString()));
        if (!insert.exec()) {
            *error = insert.lastError().text();
            return false;
        }
        ++count;
    }
    qCInfo(lcStore) << "indexed" << count << "stored messages for search";
    return true;
}

// v3: staff tags on rooms and contacts. Links are removed with their tag by
// the writer (foreign keys stay off, see v1).
bool addTagsV3(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
            QStringLiteral(
                "CREATE TABLE room_tags ("
                " account_id TEXT NOT NULL, room_id TEXT NOT NULL, tag_id INTEGER NOT NULL,"
                " PRIMARY KEY (account_id, room_id, tag_id))"),
            QStringLiteral("CREATE INDEX room_tags_by_tag ON room_tags (tag_id, account_id)"),
            QStringLiteral(
                "CREATE TABLE contact_tags ("
                " account_id TEXT NOT NULL, contact_id TEXT NOT NULL, tag_id INTEGER NOT NULL,"
                " PRIMARY KEY (account_id, contact_id, tag_id))"),
            QStringLiteral("CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id, account_id)"),
        },
        error);
}

// v4: a message that repeats another (same talker, conversation and text
// within seconds, new id) keeps the first one's id here; feeds skip such rows.
bool addDuplicateMarkV4(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN duplicate_of TEXT NOT NULL DEFAULT ''"),
        },
        error);
}

// v5: member history. A member who leaves keeps their row, marked with the
// time; a contact's groups and recent messages are looked up by contact.
bool addMemberHistoryV5(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral(
                "ALTER TABLE room_members ADD COLUMN joined_ms INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "ALTER TABLE room_members ADD COLUMN left_ms INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "CREATE INDEX room_members_by_contact ON room_members (account_id, contact_id)"),
            QStringLiteral(
                "CREATE INDEX messages_by_talker ON messages (account_id, talker_id, ts_ms, id)"),
        },
        error);
}

// v6: file sends in the outbox: the kind and the outbox's copy of the file.
bool addOutboxFilesV6(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN kind INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN file_path TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN file_name TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN file_size INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN mime TEXT NOT NULL DEFAULT ''"),
        },
        error);
}

// v7: monitoring. Rules staff write (a broken one keeps its reason and is
// skipped), the alerts they raised with their state, and each alert's history
// (action codes and data, never display text: the UI words them).
bool addAlertsV7(QSqlDatabase &db, QString *error)
{
    if (!execAll(db,
                 {
                     QStringLiteral("CREATE TABLE alert_rules ("
                                    " id INTEGER PRIMARY KEY,"
                                    " name TEXT NOT NULL DEFAULT '',"
                                    " kind INTEGER NOT NULL DEFAULT 0,"
                                    " enabled INTEGER NOT NULL DEFAULT 1,"
                                    " severity INTEGER NOT NULL DEFAULT 1,"
                                    " account_id TEXT NOT NULL DEFAULT ''," // '' = every account
                                    " scope INTEGER NOT NULL DEFAULT 0," // global, group, tag
                                    " scope_value TEXT NOT NULL DEFAULT ''," // room id or tag name
                                    " pattern TEXT NOT NULL DEFAULT '',"
                                    " params TEXT NOT NULL DEFAULT ''," // JSON: minutes, hours, ...
                                    " broken_reason TEXT NOT NULL DEFAULT '',"
                                    " created_ms INTEGER NOT NULL DEFAULT 0,"
                                    " updated_ms INTEGER NOT NULL DEFAULT 0)"),
                     QStringLiteral("CREATE TABLE alerts ("
                                    " id INTEGER PRIMARY KEY,"
                                    " kind INTEGER NOT NULL DEFAULT 0,"
                                    " severity INTEGER NOT NULL DEFAULT 1,"
                                    " rule_id INTEGER NOT NULL DEFAULT 0,"
                                    " account_id TEXT NOT NULL DEFAULT '',"
                                    " room_id TEXT NOT NULL DEFAULT ''," // the conversation
                                    " room_name TEXT NOT NULL DEFAULT '',"
                                    " customer_id TEXT NOT NULL DEFAULT '',"
                                    " customer_name TEXT NOT NULL DEFAULT '',"
                                    " message_id TEXT NOT NULL DEFAULT '',"
                                    " message_row INTEGER NOT NULL DEFAULT 0,"
                                    " excerpt TEXT NOT NULL DEFAULT '',"
                                    " matched TEXT NOT NULL DEFAULT ''," // keywords, minutes waited
                                    " created_ms INTEGER NOT NULL DEFAULT 0,"
                                    " updated_ms INTEGER NOT NULL DEFAULT 0,"
                                    " state INTEGER NOT NULL DEFAULT 0,"
                                    " assigned_to TEXT NOT NULL DEFAULT '',"
                                    " snoozed_until_ms INTEGER NOT NULL DEFAULT 0)"),
                     QStringLiteral("CREATE INDEX alerts_by_state ON alerts (state, created_ms)"),
                     QStringLiteral(
                         "CREATE INDEX alerts_by_room ON alerts (account_id, room_id, state)"),
                     QStringLiteral("CREATE TABLE alert_history ("
                                    " id INTEGER PRIMARY KEY,"
                                    " alert_id INTEGER NOT NULL,"
                                    " at_ms INTEGER NOT NULL,"
                                    " action INTEGER NOT NULL,"
                                    " actor TEXT NOT NULL DEFAULT '',"
                                    " detail TEXT NOT NULL DEFAULT '')"),
                     QStringLiteral(
                         "CREATE INDEX alert_history_by_alert ON alert_history (alert_id, id)"),
                 },
                 error)) {
        return false;
    }
    return Schema::seedStartingRules(db, error);
}

} // namespace

// Starting rules, so a new desk is watched at once; staff edit or delete
// them like their own. Kinds: 2 complaint, 3 response time, 4 bot offline;
// severities: 1 warning, 2 high, 3 critical.
bool Schema::seedStartingRules(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO alert_rules (name, kind, severity, params)"
                                  " VALUES (?, ?, ?, ?)"))) {
        *error = q.lastError().text();
        return false;
    }
    const struct
    {
        const char *name;
        int kind;
        int severity;
        const char *params;
    } seeds[] = {
        {QT_TRANSLATE_NOOP("Schema", "Complaints"), 2, 2, ""},
        {QT_TRANSLATE_NOOP("Schema", "Unanswered customers"), 3, 1,
         R"({"minutes":10,"first":true,"next":true})"},
        {QT_TRANSLATE_NOOP("Schema", "Bot offline"), 4, 3, R"({"minutes":5})"},
    };
    for (const auto &seed : seeds) {
        q.bindValue(0, QCoreApplication::translate("Schema", seed.name));
        q.bindValue(1, seed.kind);
        q.bindValue(2, seed.severity);
        q.bindValue(3, QString::fromLatin1(seed.params));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

namespace {

// v8: the message journal. A MESSAGE event's id is written here (in a batch,
// before its payload is fetched) and removed in the transaction that stores
// the message: after a crash, a restart fetches what is left. The gateway
// has no replay; the id is all there is. A message given up after retrying
// for hours keeps its row, with when and why.
bool addMessageJournalV8(QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       QStringLiteral("CREATE TABLE message_journal ("
                                      " account_id TEXT NOT NULL,"
                                      " msg_id TEXT NOT NULL,"
                                      " seen_ms INTEGER NOT NULL,"
                                      " given_up_ms INTEGER NOT NULL DEFAULT 0,"
                                      " last_error TEXT NOT NULL DEFAULT '',"
                                      " PRIMARY KEY (account_id, msg_id)) WITHOUT ROWID"),
                   },
                   error);
}

// v9: the members a queued text mentions (@), sent with it as mention ids.
bool addOutboxMentionsV9(QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       QStringLiteral("ALTER TABLE outbox ADD COLUMN mention_ids TEXT NOT NULL "
                                      "DEFAULT ''"), // space-separated
                   },
                   error);
}

// v10: product pushes (core/push): the catalog with its change history and
// per-group clicks/orders, push rules, the per-group push switch, every push
// handed to the outbox (push_log) and every scheduled run handled (push_runs,
// so a restart knows what was run, skipped or caught up), broadcasts.
bool addPushV10(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE products ("
                           " id TEXT PRIMARY KEY,"
                           " title TEXT NOT NULL DEFAULT '',"
                           " price_cents INTEGER NOT NULL DEFAULT 0,"
                           " coupon_cents INTEGER NOT NULL DEFAULT -1,"
                           " link TEXT NOT NULL DEFAULT '',"
                           " image TEXT NOT NULL DEFAULT '',"
                           " category TEXT NOT NULL DEFAULT '',"
                           " tags TEXT NOT NULL DEFAULT ''," // newline-separated
                           " available INTEGER NOT NULL DEFAULT 1,"
                           " updated_ms INTEGER NOT NULL DEFAULT 0,"
                           " created_ms INTEGER NOT NULL DEFAULT 0,"
                           " modified_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE product_history ("
                           " id INTEGER PRIMARY KEY,"
                           " product_id TEXT NOT NULL,"
                           " at_ms INTEGER NOT NULL,"
                           " source TEXT NOT NULL DEFAULT ''," // import:<file> or edit
                           " changes TEXT NOT NULL DEFAULT '')"), // JSON field -> [old, new]
            QStringLiteral("CREATE INDEX product_history_by_product"
                           " ON product_history (product_id, at_ms)"),
            QStringLiteral("CREATE TABLE product_stats ("
                           " room_id TEXT NOT NULL, product_id TEXT NOT NULL,"
                           " clicks INTEGER NOT NULL DEFAULT 0, orders INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (room_id, product_id))"),
            QStringLiteral("CREATE TABLE push_rules ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL DEFAULT '',"
                           " enabled INTEGER NOT NULL DEFAULT 0,"
                           " targets TEXT NOT NULL DEFAULT ''," // JSON
                           " schedule TEXT NOT NULL DEFAULT ''," // JSON
                           " text TEXT NOT NULL DEFAULT '',"
                           " image_path TEXT NOT NULL DEFAULT '',"
                           " product_image INTEGER NOT NULL DEFAULT 0,"
                           " caps TEXT NOT NULL DEFAULT ''," // JSON
                           " missed INTEGER NOT NULL DEFAULT 0,"
                           " last_run_ms INTEGER NOT NULL DEFAULT 0,"
                           " created_ms INTEGER NOT NULL DEFAULT 0,"
                           " updated_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE push_room_settings ("
                           " room_id TEXT PRIMARY KEY, push_enabled INTEGER NOT NULL DEFAULT 1)"),
            QStringLiteral("CREATE TABLE push_log ("
                           " id INTEGER PRIMARY KEY,"
                           " rule_id INTEGER NOT NULL DEFAULT 0,"
                           " broadcast_id INTEGER NOT NULL DEFAULT 0,"
                           " room_id TEXT NOT NULL DEFAULT '',"
                           " room_name TEXT NOT NULL DEFAULT '',"
                           " account_id TEXT NOT NULL DEFAULT '',"
                           " product_id TEXT NOT NULL DEFAULT '',"
                           " product_title TEXT NOT NULL DEFAULT '',"
                           " run_ms INTEGER NOT NULL DEFAULT 0,"
                           " due_ms INTEGER NOT NULL DEFAULT 0,"
                           " outbox_id INTEGER NOT NULL DEFAULT 0,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " image_path TEXT NOT NULL DEFAULT '',"
                           " choice TEXT NOT NULL DEFAULT ''," // JSON (PushChoice)
                           " created_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX push_log_by_room ON push_log (room_id, run_ms)"),
            QStringLiteral("CREATE INDEX push_log_by_product ON push_log (product_id, run_ms)"),
            QStringLiteral("CREATE INDEX push_log_by_broadcast ON push_log (broadcast_id)"),
            QStringLiteral("CREATE TABLE push_runs ("
                           " rule_id INTEGER NOT NULL, run_ms INTEGER NOT NULL,"
                           " outcome INTEGER NOT NULL DEFAULT 0," // PushRunOutcome
                           " sends INTEGER NOT NULL DEFAULT 0,"
                           " at_ms INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (rule_id, run_ms))"),
            QStringLiteral("CREATE TABLE broadcasts ("
                           " id INTEGER PRIMARY KEY,"
                           " campaign_id INTEGER NOT NULL DEFAULT 0,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " image_path TEXT NOT NULL DEFAULT '',"
                           " targets TEXT NOT NULL DEFAULT ''," // JSON
                           " due_ms INTEGER NOT NULL DEFAULT 0,"
                           " created_ms INTEGER NOT NULL DEFAULT 0)"),
        },
        error);
}

// v11: the HTTP API (core/api): apps issued in the UI (their secrets live in
// the keychain, not here), the sends each app made with its idempotency key,
// the webhook events waiting for delivery and the delivery log.
bool addApiV11(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE api_apps ("
                           " id TEXT PRIMARY KEY,"
                           " name TEXT NOT NULL DEFAULT '',"
                           " account_ids TEXT NOT NULL DEFAULT ''," // newline-separated; '' all
                           " group_ids TEXT NOT NULL DEFAULT '',"
                           " can_read INTEGER NOT NULL DEFAULT 1,"
                           " can_send INTEGER NOT NULL DEFAULT 0,"
                           " can_alerts INTEGER NOT NULL DEFAULT 0,"
                           " rate_per_minute INTEGER NOT NULL DEFAULT 120,"
                           " webhook_url TEXT NOT NULL DEFAULT '',"
                           " webhook_events INTEGER NOT NULL DEFAULT 7,"
                           " created_ms INTEGER NOT NULL DEFAULT 0,"
                           " revoked_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE api_sends ("
                           " outbox_id INTEGER PRIMARY KEY,"
                           " app_id TEXT NOT NULL,"
                           " idem_key TEXT NOT NULL DEFAULT '',"
                           " request_hash TEXT NOT NULL DEFAULT '',"
                           " created_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX api_sends_by_key ON api_sends (app_id, idem_key)"),
            QStringLiteral("CREATE TABLE webhook_queue ("
                           " id INTEGER PRIMARY KEY,"
                           " app_id TEXT NOT NULL,"
                           " event_type TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " created_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE webhook_log ("
                           " id INTEGER PRIMARY KEY,"
                           " app_id TEXT NOT NULL,"
                           " at_ms INTEGER NOT NULL,"
                           " events INTEGER NOT NULL DEFAULT 0,"
                           " first_event_id INTEGER NOT NULL DEFAULT 0,"
                           " last_event_id INTEGER NOT NULL DEFAULT 0,"
                           " attempt INTEGER NOT NULL DEFAULT 1,"
                           " http_status INTEGER NOT NULL DEFAULT 0,"
                           " error TEXT NOT NULL DEFAULT '',"
                           " duration_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX webhook_log_by_app ON webhook_log (app_id, id)"),
        },
        error);
}

// v12: the outbox as its own module (core/outbox). Every row gets a due time
// (sends later, scheduled pushes: old rows are due when they were created),
// the campaign it belongs to (one broadcast fanned out to many groups and
// accounts), who queued it, and an idempotency key unique per origin (a
// request made twice queues once; request_part tells the rows of one
// request apart). Campaigns: 0 active, 1 paused, 2 cancelled.
// Messages get system_event: what a join, leave or topic change was, as data
// (JSON: kind, actor, targets, topic), so each reader sees it in their own
// language; older system rows keep only their text.
bool addOutboxSchedulingV12(QSqlDatabase &db, QString *error)
{
    return execAll(
        db,
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN due_ms INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE outbox SET due_ms = created_ms"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN campaign_id INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN origin TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("UPDATE outbox SET origin = 'composer'"),
            QStringLiteral(
                "ALTER TABLE outbox ADD COLUMN idempotency_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN request_part INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE UNIQUE INDEX outbox_idempotency"
                           " ON outbox (origin, idempotency_key, request_part)"
                           " WHERE idempotency_key <> ''"),
            QStringLiteral("CREATE INDEX outbox_by_campaign ON outbox (campaign_id, state)"
                           " WHERE campaign_id <> 0"),
            QStringLiteral("CREATE TABLE campaigns ("
                           " id INTEGER PRIMARY KEY,"
                           " title TEXT NOT NULL DEFAULT '',"
                           " origin TEXT NOT NULL DEFAULT '',"
                           " state INTEGER NOT NULL DEFAULT 0,"
                           " created_ms INTEGER NOT NULL DEFAULT 0,"
                           " updated_ms INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN system_event TEXT NOT NULL DEFAULT ''"),
        },
        error);
}

// v13: statistics counters kept by the writer (see StatsCounters), filled
// once from what is stored.
bool addStatsCountersV13(QSqlDatabase &db, QString *error)
{
    return StatsCounters::createTables(db, error);
}

// v14: nonces of verified API requests, so a request replayed right after a
// restart is still refused (the memory cache starts empty).
bool addApiNoncesV14(QSqlDatabase &db, QString *error)
{
    return execAll(db,
                   {
                       QStringLiteral("CREATE TABLE api_nonces ("
                                      " app_id TEXT NOT NULL,"
                                      " nonce TEXT NOT NULL,"
                                      " seen_ms INTEGER NOT NULL,"
                                      " PRIMARY KEY (app_id, nonce))"),
                       QStringLiteral("CREATE INDEX api_nonces_by_time ON api_nonces (seen_ms)"),
                   },
                   error);
}

// v15: rollups of the statistics counters (daily per conversation, hourly
// per account, customers' days per account) and indexes by conversation, so
// the statistics view reads little for any number of groups.
bool addStatsRollupsV15(QSqlDatabase &db, QString *error)
{
    return StatsCounters::createRollups(db, error);
}

// v16 (team mode, issue 18; the first step run on both databases): which
// engine runs which account. A lease is held by one engine until it
// expires (by the database's clock); the engine renews it with a heartbeat
// and another engine takes the account over once it lapsed.
bool addAccountLeasesV16(QSqlDatabase &db, QString *error)
{
    const QString big = SqlDialect::of(db).bigInteger();
    return execAll(db,
                   {
                       QStringLiteral("CREATE TABLE account_leases ("
                                      " account_id TEXT PRIMARY KEY,"
                                      " engine_id TEXT NOT NULL,"
                                      " acquired_ms %1 NOT NULL,"
                                      " expires_ms %1 NOT NULL)")
                           .arg(big),
                   },
                   error);
}

// v17 changes nothing: the number was held for a team-mode step (issue 18)
// written at the same time as v18, and that step turned out to need no
// schema change. Kept so that every version number means one thing.
bool noChangeV17(QSqlDatabase &, QString *)
{
    return true;
}

// v18 (team mode, issue 18): live changes between the programs sharing one
// server database. Each changed row carries a change number (messages: their
// id) and the connection that changed it (change_origin, the gd.origin
// setting DatabaseAddress gives every server connection), so a console
// catches up on "rows after the last number I saw" and leaves out its own
// writes, which its store announced already. On PostgreSQL, triggers number
// the rows and notify (pg_notify, delivered at commit) on channel
// gd_changes with "<kind>:<highest number>"; on SQLite the columns exist but
// stay 0 (one program per file, nothing to listen for). Also the presence
// table: who is answering in which conversation (a heartbeat row per agent).
bool addLiveChangesV18(QSqlDatabase &db, QString *error)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    const QString big = dialect.bigInteger();
    QStringList statements = {
        QStringLiteral("CREATE TABLE presence (account_id TEXT NOT NULL,"
                       " conversation_id TEXT NOT NULL, agent TEXT NOT NULL,"
                       " activity INTEGER NOT NULL DEFAULT 0, seen_ms %1 NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (account_id, conversation_id, agent))")
            .arg(big),
    };
    const QStringList numbered
        = {QStringLiteral("outbox"), QStringLiteral("alerts"), QStringLiteral("presence")};
    if (!dialect.isPostgreSql()) {
        statements << QStringLiteral(
            "ALTER TABLE messages ADD COLUMN change_origin TEXT NOT NULL DEFAULT ''");
        for (const QString &table : numbered) {
            statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN change_seq %2 NOT NULL"
                                         " DEFAULT 0")
                              .arg(table, big)
                       << QStringLiteral("ALTER TABLE %1 ADD COLUMN change_origin TEXT NOT NULL"
                                         " DEFAULT ''")
                              .arg(table)
                       // The same indexes on both (tst_schema_postgres).
                       << QStringLiteral("CREATE INDEX %1_by_change ON %1 (change_seq)").arg(table);
        }
        return execAll(db, statements, error);
    }
    const QString origin = QStringLiteral("coalesce(current_setting('gd.origin', true), '')");
    statements << QStringLiteral("CREATE SEQUENCE gd_change_seq")
               << QStringLiteral("ALTER TABLE messages ADD COLUMN change_origin TEXT NOT NULL"
                                 " DEFAULT %1")
                      .arg(origin)
               // An updated row gets a new number and origin; an inserted
               // one has them from the column defaults.
               << QStringLiteral("CREATE FUNCTION gd_stamp_change() RETURNS trigger"
                                 " LANGUAGE plpgsql AS $$ BEGIN"
                                 " NEW.change_seq := nextval('gd_change_seq');"
                                 " NEW.change_origin := %1;"
                                 " RETURN NEW; END $$")
                      .arg(origin)
               // One notification per statement that changed rows, with the
               // highest number it wrote (never a message's text).
               << QStringLiteral(
                      "CREATE FUNCTION gd_notify_messages() RETURNS trigger LANGUAGE plpgsql AS"
                      " $$ DECLARE top BIGINT; BEGIN SELECT max(id) INTO top FROM changed;"
                      " IF top IS NOT NULL THEN"
                      " PERFORM pg_notify('gd_changes', 'messages:' || top); END IF;"
                      " RETURN NULL; END $$")
               << QStringLiteral(
                      "CREATE FUNCTION gd_notify_change() RETURNS trigger LANGUAGE plpgsql AS"
                      " $$ DECLARE top BIGINT; BEGIN SELECT max(change_seq) INTO top FROM changed;"
                      " IF top IS NOT NULL THEN"
                      " PERFORM pg_notify('gd_changes', TG_ARGV[0] || ':' || top); END IF;"
                      " RETURN NULL; END $$")
               << QStringLiteral("CREATE TRIGGER messages_notify AFTER INSERT ON messages"
                                 " REFERENCING NEW TABLE AS changed FOR EACH STATEMENT"
                                 " EXECUTE FUNCTION gd_notify_messages()");
    for (const QString &table : numbered) {
        statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN change_seq BIGINT NOT NULL"
                                     " DEFAULT nextval('gd_change_seq')")
                          .arg(table)
                   << QStringLiteral("ALTER TABLE %1 ADD COLUMN change_origin TEXT NOT NULL"
                                     " DEFAULT %2")
                          .arg(table, origin)
                   << QStringLiteral("CREATE INDEX %1_by_change ON %1 (change_seq)").arg(table)
                   << QStringLiteral("CREATE TRIGGER %1_stamp BEFORE UPDATE ON %1 FOR EACH ROW"
                                     " EXECUTE FUNCTION gd_stamp_change()")
                          .arg(table);
        for (const QString &event : {QStringLiteral("INSERT"), QStringLiteral("UPDATE")})
            statements << QStringLiteral("CREATE TRIGGER %1_notify_%2 AFTER %3 ON %1"
                                         " REFERENCING NEW TABLE AS changed FOR EACH STATEMENT"
                                         " EXECUTE FUNCTION gd_notify_change('%1')")
                              .arg(table, event.toLower(), event);
    }
    return execAll(db, statements, error);
}

// v19 (issue 18, search over a million messages on a server): the search
// index on PostgreSQL becomes a posting table (PgBigramIndex): one row per
// token and message, keyed (token, id), plus (token, conversation_key, id)
// for a search within one room, so a query reads a token's newest messages
// off a B-tree instead of collecting every message holding it (a GIN index
// over a tsvector per message gives them in no order). Existing tokens move
// over as they are; the tsvector table goes. The conversation key is a
// function of the database so the writer, this step and the search compute
// it alike. On SQLite (FTS5) nothing changes.
bool addSearchPostingsV19(QSqlDatabase &db, QString *error)
{
    if (!SqlDialect::of(db).isPostgreSql())
        return true;
    return execAll(
        db,
        {
            QStringLiteral("CREATE FUNCTION gd_conversation_key(account TEXT, conversation TEXT)"
                           " RETURNS INTEGER LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS"
                           " $$ SELECT ('x' || left(md5(account || chr(1) || conversation), 8))"
                           "::bit(32)::integer $$"),
            // "C": byte order, so a prefix is a range of the index.
            QStringLiteral("CREATE TABLE message_tokens (token TEXT COLLATE \"C\" NOT NULL,"
                           " conversation_key INTEGER NOT NULL, id BIGINT NOT NULL)"),
            PgBigramIndex::addFromStatement(
                QStringLiteral("(SELECT id, array_to_string(tsvector_to_array(tokens), ' ')"
                               " AS tokens FROM message_index) AS s")),
            QStringLiteral("DROP TABLE message_index"),
            // Indexes after the rows: one sort each instead of a million inserts.
            QStringLiteral("ALTER TABLE message_tokens ADD PRIMARY KEY (token, id)"),
            QStringLiteral("CREATE INDEX message_tokens_by_conversation"
                           " ON message_tokens (token, conversation_key, id)"),
            // Statistics on ten times the usual number of tokens: the planner
            // then knows which token of a query is the rare one to start from.
            QStringLiteral("ALTER TABLE message_tokens ALTER COLUMN token SET STATISTICS 1000"),
            QStringLiteral("ANALYZE message_tokens"),
        },
        error);
}

// v20 (issue 11, the archive's insert rate and size): the two per-conversation
// counter tables are keyed the way they are read. The statistics view reads
// stats_hourly and stats_customer_days only for one group or a tag's groups
// (whole accounts come from the rollups), through an index that repeated the
// table in conversation order; the writer's upserts were the only users of
// the time-first keys. Keyed (account, conversation, time) the index goes:
// two B-tree writes less per counted message and about 15 % of the archive's
// size. SQLite cannot change a table's key in place: the rows move to a new
// table; PostgreSQL swaps the key constraint.
bool keyStatsByConversationV20(QSqlDatabase &db, QString *error)
{
    if (SqlDialect::of(db).isPostgreSql())
        return execAll(
            db,
            {
                QStringLiteral("DROP INDEX stats_hourly_by_room"),
                QStringLiteral("ALTER TABLE stats_hourly DROP CONSTRAINT stats_hourly_pkey,"
                               " ADD PRIMARY KEY (account_id, room_id, hour)"),
                QStringLiteral("DROP INDEX stats_customer_days_by_room"),
                QStringLiteral("ALTER TABLE stats_customer_days DROP CONSTRAINT"
                               " stats_customer_days_pkey,"
                               " ADD PRIMARY KEY (account_id, room_id, day, customer_id)"),
            },
            error);
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE stats_hourly_v20 ("
                           " hour INTEGER NOT NULL,"
                           " account_id TEXT NOT NULL,"
                           " room_id TEXT NOT NULL,"
                           " customer_msgs INTEGER NOT NULL DEFAULT 0,"
                           " staff_msgs INTEGER NOT NULL DEFAULT 0,"
                           " joins INTEGER NOT NULL DEFAULT 0,"
                           " leaves INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (account_id, room_id, hour)) WITHOUT ROWID"),
            QStringLiteral("INSERT INTO stats_hourly_v20 SELECT hour, account_id, room_id,"
                           " customer_msgs, staff_msgs, joins, leaves FROM stats_hourly"
                           " ORDER BY account_id, room_id, hour"),
            QStringLiteral("DROP TABLE stats_hourly"), // its index goes with it
            QStringLiteral("ALTER TABLE stats_hourly_v20 RENAME TO stats_hourly"),
            QStringLiteral("CREATE TABLE stats_customer_days_v20 ("
                           " day INTEGER NOT NULL,"
                           " account_id TEXT NOT NULL,"
                           " room_id TEXT NOT NULL,"
                           " customer_id TEXT NOT NULL,"
                           " messages INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (account_id, room_id, day, customer_id)) WITHOUT ROWID"),
            QStringLiteral("INSERT INTO stats_customer_days_v20 SELECT day, account_id, room_id,"
                           " customer_id, messages FROM stats_customer_days"
                           " ORDER BY account_id, room_id, day, customer_id"),
            QStringLiteral("DROP TABLE stats_customer_days"),
            QStringLiteral("ALTER TABLE stats_customer_days_v20 RENAME TO stats_customer_days"),
        },
        error);
}

const std::vector<Step> &steps()
{
    static const std::vector<Step> list = {
        createV1, // 0 -> 1
        addSearchIndexV2, // 1 -> 2
        addTagsV3, // 2 -> 3
        addDuplicateMarkV4, // 3 -> 4
        addMemberHistoryV5, // 4 -> 5
        addOutboxFilesV6, // 5 -> 6
        addAlertsV7, // 6 -> 7
        addMessageJournalV8, // 7 -> 8
        addOutboxMentionsV9, // 8 -> 9
        addPushV10, // 9 -> 10
        addApiV11, // 10 -> 11
        addOutboxSchedulingV12, // 11 -> 12
        addStatsCountersV13, // 12 -> 13
        addApiNoncesV14, // 13 -> 14
        addStatsRollupsV15, // 14 -> 15
        addAccountLeasesV16, // 15 -> 16: runs on PostgreSQL too
        noChangeV17, // 16 -> 17: nothing (see above)
        addLiveChangesV18, // 17 -> 18
        addSearchPostingsV19, // 18 -> 19: PostgreSQL only
        keyStatsByConversationV20, // 19 -> 20
    };
    return list;
}

} // namespace

int Schema::latestVersion()
{
    return int(steps().size());
}

int Schema::userVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(SqlDialect::of(db).schemaVersionQuery()) || !q.next())
        return -1;
    return q.value(0).toInt();
}

int Schema::fileUserVersion(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return 0;
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return -1;
    // Bytes 60..63: the user version, big-endian.
    const auto *b = reinterpret_cast<const uchar *>(header.constData());
    return int((quint32(b[60]) << 24) | (quint32(b[61]) << 16) | (quint32(b[62]) << 8)
               | quint32(b[63]));
}

bool Schema::migrate(QSqlDatabase &db, QString *error, int targetVersion)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    // Two programs opening one server database at once: one migrates, the
    // other waits and then finds the work done.
    QSqlQuery lock(db);
    if (!dialect.migrationLock().isEmpty() && !lock.exec(dialect.migrationLock())) {
        *error = lock.lastError().text();
        return false;
    }
    const bool ok = migrateLocked(db, error, targetVersion);
    if (!dialect.migrationUnlock().isEmpty())
        lock.exec(dialect.migrationUnlock());
    return ok;
}

bool Schema::migrateLocked(QSqlDatabase &db, QString *error, int targetVersion)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    const int latest = latestVersion();
    if (targetVersion < 0 || targetVersion > latest)
        targetVersion = latest;
    int version = userVersion(db);
    if (version < 0) {
        *error = db.lastError().text();
        return false;
    }
    if (version > latest) {
        *error = QStringLiteral("schema version %1 is newer than this program's %2")
                     .arg(version)
                     .arg(latest);
        return false;
    }
    if (dialect.isPostgreSql() && version < PostgresSchema::kBaselineVersion) {
        // SQLite's steps up to the baseline never run on a server: a new
        // database starts at the baseline, in one transaction.
        if (version != 0) {
            *error = QStringLiteral("server schema version %1 predates team mode").arg(version);
            return false;
        }
        QString stepError;
        bool ok = db.transaction();
        ok = ok && PostgresSchema::createBaseline(db, &stepError);
        if (ok) {
            QSqlQuery q(db);
            ok = q.exec(dialect.setSchemaVersion(PostgresSchema::kBaselineVersion));
            if (!ok)
                stepError = q.lastError().text();
        }
        if (!ok || !db.commit()) {
            if (stepError.isEmpty())
                stepError = db.lastError().text();
            db.rollback();
            *error = QStringLiteral("creating the schema on the server failed: %1").arg(stepError);
            return false;
        }
        version = PostgresSchema::kBaselineVersion;
        qCInfo(lcStore) << "created the database schema at version" << version << "on the server";
    }
    while (version < targetVersion) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QString stepError;
        bool ok = steps()[size_t(version)](db, &stepError);
        if (ok) {
            QSqlQuery q(db);
            ok = q.exec(dialect.setSchemaVersion(version + 1));
            if (!ok)
                stepError = q.lastError().text();
        }
        if (!ok || !db.commit()) {
            if (stepError.isEmpty())
                stepError = db.lastError().text();
            db.rollback();
            *error = QStringLiteral("migration %1 -> %2 failed: %3")
                         .arg(version)
                         .arg(version + 1)
                         .arg(stepError);
            return false;
        }
        qCInfo(lcStore) << "migrated database schema to version" << version + 1;
        ++version;
    }
    return true;
}

} // namespace gd
