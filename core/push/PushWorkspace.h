#pragma once
// Everything the push feature does, on the push thread: the catalog (import,
// edit, history), clicks/orders, groups and their push switch, rules (checked
// before they are saved), previews, the timeline of the coming days, the
// push log, and the scheduler's step (run what is due, skip or catch up what
// was missed). Reads use this thread's own connection; writes go through the
// store's writer and are waited for. Not thread-safe: PushService owns one on
// its thread and runs callers' jobs there.

#include "push/CatalogParser.h"
#include "push/PushPlanner.h"
#include "push/PushRepository.h"
#include "push/PushSend.h"

#include <QTimeZone>

#include <memory>

namespace gd {

class Clock;
class Store;

struct CatalogImportReport
{
    QString fileError; // the file could not be read or used at all (translated)
    QString encoding;
    CatalogImportSummary summary;
    QVector<CatalogRowError> errors;
};

struct TimelineSlot
{
    qint64 ruleId = 0;
    QString ruleName;
    qint64 runMs = 0;
    QVector<PlannedSend> sends; // predicted from the catalog as it is now
};

struct PushTickResult
{
    int runs = 0; // runs made (on time or caught up)
    int skipped = 0; // missed runs skipped
    int sends = 0; // sends handed to the outbox
    bool stalled = false; // the outbox or the store did not answer: retried next time
};

// Per group: the outbox row of a broadcast and what became of it.
struct BroadcastReportRow
{
    QString roomId;
    QString roomName;
    QString accountId;
    QString accountName; // the account's display name (empty: unknown)
    qint64 outboxId = 0;
    PushDelivery state = PushDelivery::Waiting;
    QString error;
};

struct BroadcastReport
{
    BroadcastRecord broadcast;
    PushCampaignState campaign = PushCampaignState::Active;
    QVector<BroadcastReportRow> rows;
    int delivered = 0;
    int failed = 0;
    int cancelled = 0;
    int waiting = 0; // queued or being sent
};

struct PushOptions
{
    QTimeZone zone = QTimeZone::systemTimeZone();
    qint64 missedGraceMs = 2 * 60 * 1000; // a run later than this counts as missed
    int spacingMs = 20000; // between two sends of one account in a run
    int jitterMs = 10000;
    int waitMs = 30000; // at most this long for one commit (a failing disk)
};

class PushWorkspace
{
public:
    // outlet may be null (previews only): nothing is sent then.
    PushWorkspace(Store *store, const Clock *clock, std::shared_ptr<PushOutlet> outlet,
                  PushOptions options);
    ~PushWorkspace();
    PushWorkspace(const PushWorkspace &) = delete;
    PushWorkspace &operator=(const PushWorkspace &) = delete;

    qint64 nowMs() const;
    const PushOptions &options() const { return m_options; }

    // --- catalog ---
    QVector<Product> products();
    CatalogImportReport importCatalogFile(const QString &path);
    CatalogImportReport importCatalog(const QByteArray &bytes, const QString &sourceName);
    // An edit from the table; false with a translated reason when refused.
    bool saveProduct(const Product &product, QString *error);
    bool deleteProduct(const QString &productId);
    QVector<ProductHistoryEntry> productHistory(const QString &productId);
    // CSV: room_id (or group name), product_id, clicks, orders.
    CatalogImportReport importStatsFile(const QString &path);

    // --- groups ---
    QVector<PushGroup> groups();
    QStringList tags();
    bool setPushEnabled(const QString &roomId, bool enabled);

    // --- rules ---
    QVector<PushRule> rules();
    // Empty when the rule can be saved: the template, the schedule, the
    // picture (exists and is an image) and the targets are checked first.
    QString problemOf(const PushRule &rule) const;
    // Saves after problemOf(); a rule enabled now starts from now (earlier
    // times of its schedule are not "missed"). Sets rule.id on insert.
    bool saveRule(PushRule &rule, QString *error);
    bool deleteRule(qint64 ruleId);
    QVector<PushRunRecord> runs(qint64 ruleId);

    // --- plans ---
    // Exactly what the rule would send at runMs, given today's history.
    QVector<PlannedSend> preview(const PushRule &rule, qint64 runMs);
    // The enabled rules' runs in (fromMs, toMs], each planned as if the
    // earlier ones were sent (so no product repeats in the prediction).
    QVector<TimelineSlot> timeline(qint64 fromMs, qint64 toMs);
    QVector<PushLogEntry> log(const QString &roomId, const QString &productId, int limit = 500);

    // --- broadcasts ---
    // One message (text and/or picture) to the target groups, as one outbox
    // campaign: each group once, through one of the accounts in it (spread),
    // paced per account from dueMs. Returns the broadcast id, or 0 with a
    // translated *error (nothing to send, a bad picture, no group).
    qint64 createBroadcast(const QString &text, const QString &imagePath,
                           const PushTargets &targets, qint64 dueMs, QString *error);
    // The groups a broadcast would reach (its preview), by name.
    QVector<PushGroup> broadcastTargets(const PushTargets &targets);
    QVector<BroadcastRecord> broadcasts(int limit = 50);
    BroadcastReport broadcastReport(qint64 broadcastId);
    void pauseBroadcast(qint64 broadcastId, bool paused);
    void cancelBroadcast(qint64 broadcastId);

    // --- scheduler ---
    // Runs every enabled rule's due runs, up to now.
    PushTickResult tick();

    // Writes through the store's writer and waits for the commit.
    bool writeAndWait(std::function<bool(QSqlDatabase &, QString *)> work);
    QSqlDatabase db() const;

private:
    // Account id -> display name, so the views show names staff gave them.
    QHash<QString, QString> accountNames();
    void nameAccounts(QVector<PlannedSend> &sends);
    PushPlanInput planInput(const PushRule &rule, qint64 runMs,
                            const QVector<PushLogEntry> &recent);
    // The sends queued, or -1 when the outbox stalled: nothing of the run is
    // recorded then, so the next tick runs it again (the idempotency keys
    // keep whatever was already queued from going out twice).
    int runRule(const PushRule &rule, qint64 scheduledMs, qint64 planMs, PushRunOutcome outcome);

    Store *m_store;
    const Clock *m_clock;
    std::shared_ptr<PushOutlet> m_outlet;
    PushOptions m_options;
    QString m_connection;
};

} // namespace gd
