#include "push/PushWorkspace.h"

#include "monitor/Clock.h"
#include "push/PushTemplate.h"
#include "store/BlockingWrite.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/Store.h"
#include "util/FileCheck.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <algorithm>
#include <atomic>

namespace gd {
namespace {

std::atomic<int> g_pushConnections{0};
constexpr qint64 kHistoryMs = 30LL * 24 * 3600 * 1000;
constexpr qint64 kMaxImportBytes = 64LL * 1024 * 1024;

qint64 dayStart(qint64 ms, const QTimeZone &zone)
{
    const QDate d = QDateTime::fromMSecsSinceEpoch(ms, zone).date();
    return QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

PushWorkspace::PushWorkspace(Store *store, const Clock *clock, std::shared_ptr<PushOutlet> outlet,
                             PushOptions options)
    : m_store(store)
    , m_clock(clock)
    , m_outlet(std::move(outlet))
    , m_options(std::move(options))
{
    m_connection = QStringLiteral("gd-push-%1").arg(++g_pushConnections);
    // The archive's file, or its server (a team).
    QSqlDatabase conn = DatabaseAddress::addConnection(m_store->path(), m_connection);
    if (!conn.open())
        qCWarning(lcStore) << "push cannot read the database:" << conn.lastError().text();
    QSqlQuery(conn).exec(SqlDialect::of(conn).queryOnly());
}

PushWorkspace::~PushWorkspace()
{
    {
        QSqlDatabase d = QSqlDatabase::database(m_connection, false);
        d.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase PushWorkspace::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

qint64 PushWorkspace::nowMs() const
{
    return m_clock->nowMs();
}

bool PushWorkspace::writeAndWait(std::function<bool(QSqlDatabase &, QString *)> work)
{
    return BlockingWrite::run(m_store, std::move(work), "push",
                              std::chrono::milliseconds(m_options.waitMs));
}

// --- catalog ---

QVector<Product> PushWorkspace::products()
{
    QSqlDatabase d = db();
    return PushRepository::loadProducts(d);
}

CatalogImportReport PushWorkspace::importCatalogFile(const QString &path)
{
    QFile file(path);
    CatalogImportReport report;
    if (file.size() > kMaxImportBytes) {
        report.fileError = QCoreApplication::translate("PushWorkspace",
                                                       "The file is too large (more than 64 MB).");
        return report;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        report.fileError
            = QCoreApplication::translate("PushWorkspace", "The file cannot be read: %1")
                  .arg(file.errorString());
        return report;
    }
    return importCatalog(file.readAll(), QFileInfo(path).fileName());
}

CatalogImportReport PushWorkspace::importCatalog(const QByteArray &bytes, const QString &sourceName)
{
    CatalogImportReport report;
    const CatalogParseResult parsed = CatalogParser::parse(bytes, m_options.zone);
    report.fileError = parsed.fileError;
    report.encoding = parsed.encoding;
    report.errors = parsed.errors;
    if (!parsed.fileError.isEmpty())
        return report;
    const qint64 now = nowMs();
    const QString source = QStringLiteral("import:") + sourceName;
    CatalogImportSummary summary;
    if (!writeAndWait([&](QSqlDatabase &w, QString *e) {
            return PushRepository::importProducts(w, parsed.products, source, now, &summary, e);
        }))
        report.fileError
            = QCoreApplication::translate("PushWorkspace", "The products could not be saved.");
    report.summary = summary;
    return report;
}

bool PushWorkspace::saveProduct(const Product &product, QString *error)
{
    if (product.id.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("PushWorkspace", "The product needs an id.");
        return false;
    }
    if (product.title.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("PushWorkspace", "The product needs a title.");
        return false;
    }
    if (product.priceCents < 0) {
        *error = QCoreApplication::translate("PushWorkspace", "The price cannot be negative.");
        return false;
    }
    const qint64 now = nowMs();
    if (!writeAndWait([&](QSqlDatabase &w, QString *e) {
            return PushRepository::importProducts(w, {product}, QStringLiteral("edit"), now,
                                                  nullptr, e);
        })) {
        *error = QCoreApplication::translate("PushWorkspace", "The product could not be saved.");
        return false;
    }
    return true;
}

bool PushWorkspace::deleteProduct(const QString &productId)
{
    const qint64 now = nowMs();
    return writeAndWait([&](QSqlDatabase &w, QString *e) {
        return PushRepository::deleteProduct(w, productId, now, e);
    });
}

QVector<ProductHistoryEntry> PushWorkspace::productHistory(const QString &productId)
{
    QSqlDatabase d = db();
    return PushRepository::history(d, productId);
}

CatalogImportReport PushWorkspace::importStatsFile(const QString &path)
{
    CatalogImportReport report;
    QFile file(path);
    if (file.size() > kMaxImportBytes || !file.open(QIODevice::ReadOnly)) {
        report.fileError
            = QCoreApplication::translate("PushWorkspace", "The file cannot be read: %1")
                  .arg(file.errorString());
        return report;
    }
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        QStringDecoder gbk("GB18030");
        text = gbk.decode(bytes);
        report.encoding = QStringLiteral("GBK");
    } else {
        report.encoding = QStringLiteral("UTF-8");
    }
    const QStringList lines = text.split(QRegularExpression(QStringLiteral("\r?\n")));
    if (lines.isEmpty()) {
        report.fileError = QCoreApplication::translate("PushWorkspace", "The file is empty.");
        return report;
    }
    QHash<QString, QString> roomByName;
    for (const PushGroup &g : groups()) {
        roomByName.insert(g.roomId, g.roomId);
        roomByName.insert(g.name, g.roomId);
    }
    const QStringList header = lines.first().split(QLatin1Char(','));
    auto col = [&header](std::initializer_list<const char *> names) {
        for (int i = 0; i < header.size(); ++i) {
            const QString h = header.at(i).trimmed().toLower();
            for (const char *n : names) {
                if (h == QString::fromUtf8(n))
                    return i;
            }
        }
        return -1;
    };
    const int cRoom = col({"room_id", "group", "群", "群名", "群id"});
    const int cProduct = col({"product_id", "id", "商品id"});
    const int cClicks = col({"clicks", "点击", "点击数"});
    const int cOrders = col({"orders", "订单", "订单数"});
    if (cRoom < 0 || cProduct < 0 || (cClicks < 0 && cOrders < 0)) {
        report.fileError = QCoreApplication::translate(
            "PushWorkspace",
            "The first line must name the columns: room_id (or group), "
            "product_id, clicks, orders.");
        return report;
    }
    QVector<StatsRow> rows;
    for (int i = 1; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        const QStringList f = lines.at(i).split(QLatin1Char(','));
        auto field = [&f](int c) { return c >= 0 && c < f.size() ? f.at(c).trimmed() : QString(); };
        StatsRow r;
        r.roomId = roomByName.value(field(cRoom));
        r.productId = field(cProduct);
        if (r.roomId.isEmpty()) {
            report.errors.append({i + 1, CatalogRowProblem::UnknownGroup, field(cRoom).left(40)});
            continue;
        }
        if (r.productId.isEmpty()) {
            report.errors.append({i + 1, CatalogRowProblem::MissingProductId, QString()});
            continue;
        }
        // Each count says which of its values is wrong.
        bool ok = true;
        for (const auto &[c, target] :
             {std::pair{cClicks, &r.clicks}, std::pair{cOrders, &r.orders}}) {
            if (!ok || c < 0)
                continue;
            *target = field(c).isEmpty() ? 0 : field(c).toLongLong(&ok);
            if (!ok || *target < 0) {
                ok = false;
                report.errors.append({i + 1, CatalogRowProblem::BadCount, field(c).left(40)});
            }
        }
        if (!ok)
            continue;
        rows.append(r);
    }
    if (!writeAndWait([&rows](QSqlDatabase &w, QString *e) {
            return PushRepository::importStats(w, rows, e);
        }))
        report.fileError
            = QCoreApplication::translate("PushWorkspace", "The numbers could not be saved.");
    report.summary.changed = int(rows.size());
    return report;
}

// --- groups ---

QVector<PushGroup> PushWorkspace::groups()
{
    QSqlDatabase d = db();
    return PushRepository::loadGroups(d);
}

QStringList PushWorkspace::tags()
{
    QStringList out;
    QSqlQuery q(db());
    if (q.exec(QStringLiteral("SELECT name FROM tags ORDER BY name"))) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

bool PushWorkspace::setPushEnabled(const QString &roomId, bool enabled)
{
    return writeAndWait([&](QSqlDatabase &w, QString *e) {
        return PushRepository::setPushEnabled(w, roomId, enabled, e);
    });
}

// --- rules ---

QVector<PushRule> PushWorkspace::rules()
{
    QSqlDatabase d = db();
    return PushRepository::loadRules(d);
}

QString PushWorkspace::problemOf(const PushRule &rule) const
{
    if (rule.name.trimmed().isEmpty())
        return QCoreApplication::translate("PushWorkspace", "Give the rule a name.");
    if (rule.targets.roomIds.isEmpty() && rule.targets.tags.isEmpty())
        return QCoreApplication::translate("PushWorkspace",
                                           "Choose the groups, or tags of groups, to push to.");
    QString p = PushTemplate::problem(rule.text);
    if (!p.isEmpty())
        return p;
    p = rule.schedule.problem();
    if (!p.isEmpty())
        return p;
    if (!rule.imagePath.isEmpty()) {
        if (!QFileInfo::exists(rule.imagePath))
            return QCoreApplication::translate("PushWorkspace", "The picture %1 does not exist.")
                .arg(rule.imagePath);
        const FileCheckResult check = FileCheck::checkFile(rule.imagePath);
        if (!check.ok)
            return check.error;
        if (!check.isImage)
            return QCoreApplication::translate("PushWorkspace", "%1 is not a picture.")
                .arg(QFileInfo(rule.imagePath).fileName());
    }
    return QString();
}

bool PushWorkspace::saveRule(PushRule &rule, QString *error)
{
    const QString problem = problemOf(rule);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const qint64 now = nowMs();
    bool wasEnabled = false;
    for (const PushRule &r : rules()) {
        if (r.id == rule.id)
            wasEnabled = r.enabled;
    }
    if (rule.enabled && !wasEnabled)
        rule.lastRunMs = now; // runs start from now, earlier ones are not "missed"
    if (rule.createdMs == 0)
        rule.createdMs = now;
    rule.updatedMs = now;
    PushRule saved = rule;
    if (!writeAndWait([&saved](QSqlDatabase &w, QString *e) {
            return PushRepository::saveRule(w, saved, e);
        })) {
        *error = QCoreApplication::translate("PushWorkspace", "The rule could not be saved.");
        return false;
    }
    rule.id = saved.id;
    return true;
}

bool PushWorkspace::deleteRule(qint64 ruleId)
{
    return writeAndWait(
        [ruleId](QSqlDatabase &w, QString *e) { return PushRepository::deleteRule(w, ruleId, e); });
}

QVector<PushRunRecord> PushWorkspace::runs(qint64 ruleId)
{
    QSqlDatabase d = db();
    return PushRepository::runs(d, ruleId);
}

// --- plans ---

PushPlanInput PushWorkspace::planInput(const PushRule &rule, qint64 runMs,
                                       const QVector<PushLogEntry> &recent)
{
    QSqlDatabase d = db();
    PushPlanInput in;
    in.rule = rule;
    in.runMs = runMs;
    in.groups = PushRepository::loadGroups(d);
    in.products = PushRepository::loadProducts(d);
    in.spacingMs = m_options.spacingMs;
    in.jitterMs = m_options.jitterMs;
    const auto stats = PushRepository::loadStats(d);
    for (auto it = stats.begin(); it != stats.end(); ++it)
        in.history[it.key()].stats = it.value();
    const qint64 today = dayStart(runMs, m_options.zone);
    for (const PushLogEntry &e : recent) { // oldest first
        if (e.runMs > runMs)
            continue;
        GroupHistory &h = in.history[e.roomId];
        h.lastPushedMs[e.productId] = std::max(h.lastPushedMs.value(e.productId), e.runMs);
        h.lastProductId = e.productId;
        if (e.dueMs >= runMs - in.spacingMs)
            in.accountLastDueMs[e.accountId]
                = std::max(in.accountLastDueMs.value(e.accountId, e.dueMs), e.dueMs);
        if (e.runMs >= today) {
            in.groupSentToday[e.roomId] += 1;
            in.accountSentToday[e.accountId] += 1;
            if (e.ruleId == rule.id)
                in.ruleSentToday += 1;
        }
    }
    return in;
}

QHash<QString, QString> PushWorkspace::accountNames()
{
    QHash<QString, QString> out;
    QSqlQuery q(db());
    if (q.exec(QStringLiteral("SELECT id, display_name FROM accounts"))) {
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

void PushWorkspace::nameAccounts(QVector<PlannedSend> &sends)
{
    const QHash<QString, QString> names = accountNames();
    for (PlannedSend &s : sends)
        s.accountName = names.value(s.accountId);
}

QVector<PlannedSend> PushWorkspace::preview(const PushRule &rule, qint64 runMs)
{
    QSqlDatabase d = db();
    QVector<PlannedSend> plan = PushPlanner::plan(
        planInput(rule, runMs, PushRepository::logSince(d, runMs - kHistoryMs)));
    nameAccounts(plan);
    return plan;
}

QVector<TimelineSlot> PushWorkspace::timeline(qint64 fromMs, qint64 toMs)
{
    QVector<TimelineSlot> out;
    for (const PushRule &r : rules()) {
        if (!r.enabled)
            continue;
        for (qint64 t : r.schedule.runsBetween(fromMs, toMs, m_options.zone, 200))
            out.append({r.id, r.name, t, {}});
    }
    std::stable_sort(out.begin(), out.end(), [](const TimelineSlot &a, const TimelineSlot &b) {
        return a.runMs < b.runMs;
    });
    if (out.size() > 300)
        out.resize(300);
    QSqlDatabase d = db();
    QVector<PushLogEntry> recent = PushRepository::logSince(d, fromMs - kHistoryMs);
    const QVector<PushRule> all = rules();
    const qint64 now = nowMs();
    for (TimelineSlot &slot : out) {
        PushRule rule;
        for (const PushRule &r : all) {
            if (r.id == slot.ruleId)
                rule = r;
        }
        PushPlanInput in = planInput(rule, slot.runMs, recent);
        // The catalog is refreshed as it is now: a product keeps its age.
        if (slot.runMs > now) {
            for (Product &p : in.products) {
                if (p.updatedMs > 0)
                    p.updatedMs += slot.runMs - now;
            }
        }
        slot.sends = PushPlanner::plan(in);
        nameAccounts(slot.sends);
        for (const PlannedSend &s : slot.sends) {
            if (s.skip != PushSkip::None)
                continue;
            PushLogEntry e;
            e.ruleId = rule.id;
            e.roomId = s.group.roomId;
            e.accountId = s.accountId;
            e.productId = s.choice.productId;
            e.runMs = slot.runMs;
            e.dueMs = s.dueMs;
            recent.append(e);
        }
    }
    return out;
}

QVector<PushLogEntry> PushWorkspace::log(const QString &roomId, const QString &productId, int limit)
{
    QSqlDatabase d = db();
    QVector<PushLogEntry> out = PushRepository::log(d, roomId, productId, limit);
    const QHash<QString, QString> names = accountNames();
    for (PushLogEntry &e : out)
        e.accountName = names.value(e.accountId);
    return out;
}

// --- broadcasts ---

QVector<PushGroup> PushWorkspace::broadcastTargets(const PushTargets &targets)
{
    return PushPlanner::resolveTargets(targets, groups());
}

qint64 PushWorkspace::createBroadcast(const QString &text, const QString &imagePath,
                                      const PushTargets &targets, qint64 dueMs, QString *error)
{
    if (text.trimmed().isEmpty() && imagePath.isEmpty()) {
        *error = QCoreApplication::translate("PushWorkspace", "Write a text or choose a picture.");
        return 0;
    }
    if (!imagePath.isEmpty()) {
        const FileCheckResult check = FileCheck::checkFile(imagePath);
        if (!check.ok || !check.isImage) {
            *error = check.ok ? QCoreApplication::translate("PushWorkspace", "%1 is not a picture.")
                                    .arg(QFileInfo(imagePath).fileName())
                              : check.error;
            return 0;
        }
    }
    const QVector<PushGroup> targetsNow = broadcastTargets(targets);
    QVector<PushGroup> reachable;
    for (const PushGroup &g : targetsNow) {
        if (!g.accountIds.isEmpty())
            reachable.append(g);
    }
    if (reachable.isEmpty()) {
        *error = QCoreApplication::translate(
            "PushWorkspace", "Choose at least one group that one of the accounts is in.");
        return 0;
    }
    if (!m_outlet) {
        *error = QCoreApplication::translate("PushWorkspace", "Sending is not available.");
        return 0;
    }
    const qint64 now = nowMs();
    const qint64 start = std::max(dueMs, now);
    const QString title
        = text.trimmed().isEmpty() ? QFileInfo(imagePath).fileName() : text.trimmed().left(40);
    const qint64 campaignId = m_outlet->createCampaign(title, QStringLiteral("broadcast"), error);
    if (campaignId == 0)
        return 0;
    BroadcastRecord record;
    record.campaignId = campaignId;
    record.text = text;
    record.imagePath = imagePath;
    PushRule holder;
    holder.targets = targets;
    record.targetsJson = holder.targetsJson();
    record.dueMs = start;
    record.createdMs = now;
    if (!writeAndWait([&record](QSqlDatabase &w, QString *e) {
            return PushRepository::insertBroadcast(w, record, e);
        })) {
        m_outlet->setCampaignState(campaignId, PushCampaignState::Cancelled);
        *error = QCoreApplication::translate("PushWorkspace", "The broadcast could not be saved.");
        return 0;
    }
    // Spread the groups over the accounts in them, then pace each account.
    QHash<QString, int> perAccount;
    QRandomGenerator rng(quint32(record.id * 2246822519u));
    QVector<PushLogEntry> entries;
    QString stalledError;
    for (const PushGroup &g : reachable) {
        QString account = g.accountIds.first();
        for (const QString &a : g.accountIds) {
            if (perAccount.value(a) < perAccount.value(account))
                account = a;
        }
        const int index = perAccount.value(account);
        perAccount[account] = index + 1;
        PushSend send;
        send.accountId = account;
        send.roomId = g.roomId;
        send.text = text;
        send.imagePath = imagePath;
        send.dueMs = start + qint64(index) * m_options.spacingMs
            + (m_options.jitterMs > 0 && index > 0 ? rng.bounded(m_options.jitterMs) : 0);
        send.campaignId = campaignId;
        send.origin = QStringLiteral("broadcast");
        send.idempotencyKey = QStringLiteral("broadcast:%1:%2").arg(record.id).arg(g.roomId);
        // Once the outbox stalls, the rest is not tried: those groups are
        // reported failed with the reason rather than waited for one by one.
        QString sendError = stalledError;
        const qint64 outboxId = stalledError.isEmpty() ? m_outlet->submit(send, &sendError) : 0;
        if (outboxId == 0 && m_outlet->stalled())
            stalledError = sendError;
        PushLogEntry e;
        e.broadcastId = record.id;
        e.roomId = g.roomId;
        e.roomName = g.name;
        e.accountId = account;
        e.runMs = start;
        e.dueMs = send.dueMs;
        e.outboxId = outboxId;
        e.text = text;
        e.imagePath = imagePath;
        e.choiceJson = sendError; // why the outbox refused it (outboxId 0)
        e.createdMs = now;
        entries.append(e);
    }
    writeAndWait([&entries](QSqlDatabase &w, QString *e) {
        for (PushLogEntry &entry : entries) {
            if (!PushRepository::insertLog(w, entry, e))
                return false;
        }
        return true;
    });
    qCInfo(lcEngine) << "push: broadcast" << record.id << "queued to" << entries.size()
                     << "group(s) as campaign" << campaignId;
    return record.id;
}

QVector<BroadcastRecord> PushWorkspace::broadcasts(int limit)
{
    QSqlDatabase d = db();
    return PushRepository::broadcasts(d, limit);
}

BroadcastReport PushWorkspace::broadcastReport(qint64 broadcastId)
{
    BroadcastReport report;
    QSqlDatabase d = db();
    for (const BroadcastRecord &b : PushRepository::broadcasts(d, 100000)) {
        if (b.id == broadcastId)
            report.broadcast = b;
    }
    if (report.broadcast.id == 0)
        return report;
    const QVector<PushLogEntry> log = PushRepository::broadcastLog(d, broadcastId);
    const QHash<QString, QString> names = accountNames();
    const QHash<QString, PushRowState> states = m_outlet
        ? m_outlet->groupStates(report.broadcast.campaignId)
        : QHash<QString, PushRowState>();
    report.campaign = m_outlet ? m_outlet->campaignState(report.broadcast.campaignId)
                               : PushCampaignState::Active;
    for (const PushLogEntry &e : log) {
        BroadcastReportRow row;
        row.roomId = e.roomId;
        row.roomName = e.roomName;
        row.accountId = e.accountId;
        row.accountName = names.value(e.accountId);
        row.outboxId = e.outboxId;
        if (e.outboxId == 0) {
            row.state = PushDelivery::Failed;
            row.error = e.choiceJson;
        } else {
            const PushRowState s = states.value(e.roomId);
            row.state = s.state;
            row.error = s.error;
        }
        switch (row.state) {
        case PushDelivery::Delivered:
            ++report.delivered;
            break;
        case PushDelivery::Failed:
        case PushDelivery::Unknown:
            ++report.failed;
            break;
        case PushDelivery::Cancelled:
            ++report.cancelled;
            break;
        default:
            ++report.waiting;
        }
        report.rows.append(row);
    }
    return report;
}

void PushWorkspace::pauseBroadcast(qint64 broadcastId, bool paused)
{
    const BroadcastReport r = broadcastReport(broadcastId);
    if (m_outlet && r.broadcast.campaignId > 0 && r.campaign != PushCampaignState::Cancelled)
        m_outlet->setCampaignState(r.broadcast.campaignId,
                                   paused ? PushCampaignState::Paused : PushCampaignState::Active);
}

void PushWorkspace::cancelBroadcast(qint64 broadcastId)
{
    const BroadcastReport r = broadcastReport(broadcastId);
    if (m_outlet && r.broadcast.campaignId > 0)
        m_outlet->setCampaignState(r.broadcast.campaignId, PushCampaignState::Cancelled);
}

// --- scheduler ---

int PushWorkspace::runRule(const PushRule &rule, qint64 scheduledMs, qint64 planMs,
                           PushRunOutcome outcome)
{
    QSqlDatabase d = db();
    const QVector<PlannedSend> plan = PushPlanner::plan(
        planInput(rule, planMs, PushRepository::logSince(d, planMs - kHistoryMs)));
    QVector<PushLogEntry> entries;
    const qint64 now = nowMs();
    // One outbox campaign per run that sends anything, so the run's sends
    // can be reported, paused or cancelled together like a broadcast's.
    qint64 campaignId = 0;
    const bool sends = std::any_of(plan.begin(), plan.end(),
                                   [](const PlannedSend &s) { return s.skip == PushSkip::None; });
    if (sends && m_outlet) {
        const QString title = QStringLiteral("%1 %2").arg(
            rule.name,
            QDateTime::fromMSecsSinceEpoch(scheduledMs, m_options.zone)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        QString error;
        campaignId = m_outlet->createCampaign(title, QStringLiteral("push"), &error);
        if (m_outlet->stalled()) {
            qCWarning(lcEngine) << "push: the outbox does not answer; rule" << rule.id
                                << "runs later";
            return -1;
        }
        if (campaignId == 0) // the sends still go out, only ungrouped
            qCWarning(lcEngine) << "push: no campaign for rule" << rule.id << error;
    }
    for (const PlannedSend &s : plan) {
        if (s.skip != PushSkip::None)
            continue;
        PushSend send;
        send.campaignId = campaignId;
        send.accountId = s.accountId;
        send.roomId = s.group.roomId;
        send.text = s.text;
        send.imagePath = s.imagePath;
        send.dueMs = s.dueMs;
        send.origin = QStringLiteral("push");
        send.idempotencyKey
            = QStringLiteral("rule:%1:%2:%3").arg(rule.id).arg(scheduledMs).arg(s.group.roomId);
        QString error;
        const qint64 outboxId = m_outlet ? m_outlet->submit(send, &error) : 0;
        if (m_outlet && m_outlet->stalled()) {
            qCWarning(lcEngine) << "push: the outbox does not answer; rule" << rule.id
                                << "runs later";
            return -1;
        }
        if (outboxId == 0) {
            qCWarning(lcEngine) << "push: the outbox refused a send of rule" << rule.id << error;
            continue;
        }
        PushLogEntry e;
        e.ruleId = rule.id;
        e.roomId = s.group.roomId;
        e.roomName = s.group.name;
        e.accountId = s.accountId;
        e.productId = s.choice.productId;
        e.productTitle = s.productTitle;
        e.runMs = planMs;
        e.dueMs = s.dueMs;
        e.outboxId = outboxId;
        e.text = s.text;
        e.imagePath = s.imagePath;
        e.choiceJson
            = QString::fromUtf8(QJsonDocument(s.choice.toJson()).toJson(QJsonDocument::Compact));
        e.createdMs = now;
        entries.append(e);
    }
    const PushRunRecord record{rule.id, scheduledMs, outcome, int(entries.size()), now};
    if (!writeAndWait([&entries, record](QSqlDatabase &w, QString *e) {
            for (PushLogEntry &entry : entries) {
                if (!PushRepository::insertLog(w, entry, e))
                    return false;
            }
            return PushRepository::recordRun(w, record, e)
                && PushRepository::setLastRun(w, record.ruleId, record.runMs, e);
        })) {
        qCWarning(lcEngine) << "push: rule" << rule.id << "could not record its run; runs later";
        return -1;
    }
    qCInfo(lcEngine) << "push: rule" << rule.id << "ran for" << scheduledMs << "with"
                     << entries.size() << "send(s)";
    return int(entries.size());
}

PushTickResult PushWorkspace::tick()
{
    PushTickResult result;
    const qint64 now = nowMs();
    for (const PushRule &rule : rules()) {
        if (!rule.enabled)
            continue;
        const qint64 from = rule.lastRunMs > 0 ? rule.lastRunMs : rule.updatedMs;
        const QVector<qint64> runs = rule.schedule.runsBetween(from, now, m_options.zone, 1000);
        if (runs.isEmpty())
            continue;
        QVector<qint64> missed;
        QVector<qint64> due;
        for (qint64 t : runs)
            (t < now - m_options.missedGraceMs ? missed : due).append(t);
        // Catch up once (the latest missed run), and only when no run is on
        // time now anyway; every other missed run is recorded as skipped.
        qint64 catchUp = 0;
        if (rule.missed == MissedRunPolicy::CatchUp && !missed.isEmpty() && due.isEmpty())
            catchUp = missed.takeLast();
        if (!missed.isEmpty()) {
            const qint64 handled = catchUp == 0 && due.isEmpty() ? missed.last() : 0;
            if (!writeAndWait([&missed, &rule, now, handled](QSqlDatabase &w, QString *e) {
                    for (qint64 t : missed) {
                        if (!PushRepository::recordRun(
                                w, {rule.id, t, PushRunOutcome::SkippedMissed, 0, now}, e))
                            return false;
                    }
                    return handled == 0 || PushRepository::setLastRun(w, rule.id, handled, e);
                })) {
                result.stalled = true; // the store does not take writes now
                return result;
            }
            result.skipped += int(missed.size());
            qCInfo(lcEngine) << "push: rule" << rule.id << "skipped" << missed.size()
                             << "missed run(s)";
        }
        // A stalled run stops the tick: nothing more is tried until the
        // outbox answers again (the next tick runs it again).
        auto run = [&result](int sends) {
            if (sends < 0) {
                result.stalled = true;
                return false;
            }
            result.sends += sends;
            ++result.runs;
            return true;
        };
        if (catchUp != 0 && !run(runRule(rule, catchUp, now, PushRunOutcome::CaughtUp)))
            return result;
        for (qint64 t : due) {
            if (!run(runRule(rule, t, t, PushRunOutcome::Ran)))
                return result;
        }
    }
    return result;
}

} // namespace gd
