#pragma once
// The SQL of the push tables (products, product_history, product_stats,
// push_rules, push_room_settings, push_log, push_runs, broadcasts), one row
// mapper each. Writes take the store writer's batch connection (see
// Store::submitWrite); reads take any connection of the caller's thread.
// Stateless: every function works on the connection it is given.

#include "push/Product.h"
#include "push/PushGroup.h"
#include "push/PushLogEntry.h"
#include "push/PushRule.h"
#include "push/SelectionPolicy.h"

#include <QHash>
#include <QVector>

class QSqlDatabase;

namespace gd {

struct CatalogImportSummary
{
    int added = 0;
    int changed = 0;
    int unchanged = 0;
};

struct ProductHistoryEntry
{
    qint64 atMs = 0;
    QString source; // "import:<file name>" or "edit"
    QString changesJson; // field -> [old, new]
};

enum class PushRunOutcome : int { Ran = 0, SkippedMissed = 1, CaughtUp = 2 };

struct PushRunRecord
{
    qint64 ruleId = 0;
    qint64 runMs = 0;
    PushRunOutcome outcome = PushRunOutcome::Ran;
    int sends = 0;
    qint64 atMs = 0;
};

struct StatsRow
{
    QString roomId;
    QString productId;
    qint64 clicks = 0;
    qint64 orders = 0;
};

struct BroadcastRecord
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString text;
    QString imagePath;
    QString targetsJson;
    qint64 dueMs = 0;
    qint64 createdMs = 0;
};

class PushRepository
{
public:
    // --- catalog ---
    static QVector<Product> loadProducts(QSqlDatabase &db);
    // Inserts new products, updates changed ones (one history row each with
    // what changed), leaves identical ones alone: importing the same file
    // twice changes nothing.
    static bool importProducts(QSqlDatabase &db, const QVector<Product> &products,
                               const QString &source, qint64 nowMs, CatalogImportSummary *summary,
                               QString *error);
    static bool deleteProduct(QSqlDatabase &db, const QString &productId, qint64 nowMs,
                              QString *error);
    static QVector<ProductHistoryEntry> history(QSqlDatabase &db, const QString &productId);
    // Clicks/orders per group and product; an import replaces the numbers.
    static bool importStats(QSqlDatabase &db, const QVector<StatsRow> &rows, QString *error);
    static QHash<QString, QHash<QString, ProductStats>> loadStats(QSqlDatabase &db);

    // --- rules ---
    static QVector<PushRule> loadRules(QSqlDatabase &db);
    static bool saveRule(QSqlDatabase &db, PushRule &rule, QString *error); // id 0: insert
    static bool deleteRule(QSqlDatabase &db, qint64 ruleId, QString *error);
    static bool setLastRun(QSqlDatabase &db, qint64 ruleId, qint64 runMs, QString *error);
    static bool recordRun(QSqlDatabase &db, const PushRunRecord &run, QString *error);
    static QVector<PushRunRecord> runs(QSqlDatabase &db, qint64 ruleId);

    // --- groups ---
    // Every room of every account, merged by room id, with tags and switch.
    static QVector<PushGroup> loadGroups(QSqlDatabase &db);
    static bool setPushEnabled(QSqlDatabase &db, const QString &roomId, bool enabled,
                               QString *error);

    // --- log ---
    static bool insertLog(QSqlDatabase &db, PushLogEntry &entry, QString *error);
    // Rule pushes (not broadcasts) made at or after sinceMs, oldest first.
    static QVector<PushLogEntry> logSince(QSqlDatabase &db, qint64 sinceMs);
    // Newest first; empty roomId / productId: any.
    static QVector<PushLogEntry> log(QSqlDatabase &db, const QString &roomId,
                                     const QString &productId, int limit);
    static QVector<PushLogEntry> broadcastLog(QSqlDatabase &db, qint64 broadcastId);

    // --- broadcasts ---
    static bool insertBroadcast(QSqlDatabase &db, BroadcastRecord &b, QString *error);
    static bool setBroadcastCampaign(QSqlDatabase &db, qint64 broadcastId, qint64 campaignId,
                                     QString *error);
    static QVector<BroadcastRecord> broadcasts(QSqlDatabase &db, int limit);
};

} // namespace gd
