#include "stats/StatsQuery.h"

#include "monitor/AlertRepository.h"
#include "monitor/AlertRule.h"
#include "stats/BusinessTime.h"
#include "stats/StatsCounters.h"
#include "store/SqlQueries.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <memory>

namespace gd {
namespace {

QString roomKey(const QString &accountId, const QString &roomId)
{
    return accountId + QChar(0x1f) + roomId;
}

// The scope as a condition on a table's account and room columns, with its
// bound values.
struct ScopeSql
{
    QString where;
    QVariantMap binds;
};

ScopeSql scopeSql(const StatsScope &scope, const QString &account, const QString &room)
{
    ScopeSql s;
    switch (scope.kind) {
    case StatsScope::Kind::All:
        s.where = QStringLiteral("1");
        break;
    case StatsScope::Kind::Account:
        s.where = QStringLiteral("%1 = :sacc").arg(account);
        s.binds.insert(QStringLiteral(":sacc"), scope.accountId);
        break;
    case StatsScope::Kind::Group:
        s.where = QStringLiteral("%1 = :sacc AND %2 = :sroom").arg(account, room);
        s.binds.insert(QStringLiteral(":sacc"), scope.accountId);
        s.binds.insert(QStringLiteral(":sroom"), scope.roomId);
        break;
    case StatsScope::Kind::Tag:
        // A list built once, not a subquery per row.
        s.where = QStringLiteral("(%1, %2) IN (SELECT rt.account_id, rt.room_id FROM room_tags rt"
                                 " JOIN tags t ON t.id = rt.tag_id WHERE t.name = :stag)")
                      .arg(account, room);
        s.binds.insert(QStringLiteral(":stag"), scope.tag);
        break;
    }
    return s;
}

class Runner
{
public:
    Runner(QSqlDatabase &db, QString *error)
        : m_db(db)
        , m_error(error)
    {}

    // Prepares sql (with %SCOPE% replaced by the scope on columns a/r),
    // binds the scope and `binds`, and runs it. false on failure.
    bool run(QSqlQuery &q, QString sql, const StatsScope &scope, const QString &a, const QString &r,
             const QVariantMap &binds)
    {
        const ScopeSql s = scopeSql(scope, a, r);
        sql.replace(QLatin1String("%SCOPE%"), s.where);
        q = QSqlQuery(m_db);
        q.setForwardOnly(true);
        QVariantMap all = s.binds;
        all.insert(binds);
        return SqlQueries::execNamed(q, sql, all, m_error);
    }
    bool fail(const QSqlQuery &q)
    {
        if (m_error)
            *m_error = q.lastError().text();
        return false;
    }

private:
    QSqlDatabase &m_db;
    QString *m_error;
};

// The response-time rule of each conversation (most specific wins, as in
// monitoring), with its business-time clock.
class ResponseRules
{
public:
    explicit ResponseRules(QSqlDatabase &db)
    {
        for (const AlertRule &r : AlertRepository::loadRules(db)) {
            if (r.kind == RuleKind::ResponseTime && r.enabled && r.brokenReason.isEmpty())
                m_rules.append(r);
        }
        m_clocks.resize(m_rules.size());
        if (m_rules.isEmpty())
            return;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT rt.account_id, rt.room_id, t.name FROM room_tags rt"
                                  " JOIN tags t ON t.id = rt.tag_id"))) {
            while (q.next())
                m_tags[roomKey(q.value(0).toString(), q.value(1).toString())].insert(
                    q.value(2).toString());
        }
    }

    // -1: no rule for the conversation.
    int ruleFor(const QString &accountId, const QString &roomId)
    {
        const QString key = roomKey(accountId, roomId);
        const auto it = m_ruleOf.constFind(key);
        if (it != m_ruleOf.cend())
            return *it;
        int best = -1;
        int bestSpecificity = 0;
        const QSet<QString> tags = m_tags.value(key);
        for (int i = 0; i < m_rules.size(); ++i) {
            const int s = m_rules[i].specificity(accountId, roomId, tags);
            if (s > bestSpecificity) {
                best = i;
                bestSpecificity = s;
            }
        }
        m_ruleOf.insert(key, best);
        return best;
    }
    qint64 duration(int rule, qint64 fromMs, qint64 toMs)
    {
        if (rule < 0)
            return std::max<qint64>(0, toMs - fromMs);
        if (!m_clocks[rule])
            m_clocks[rule] = std::make_unique<BusinessTime>(m_rules[rule].hours);
        return m_clocks[rule]->between(fromMs, toMs);
    }
    qint64 targetMs(int rule) const { return qint64(m_rules[rule].minutes) * 60'000; }
    // Wall-clock durations (no business hours to apply).
    bool wallClock(int rule) const { return rule < 0 || m_rules[rule].hours.isAlwaysOpen(); }

private:
    QVector<AlertRule> m_rules;
    std::vector<std::unique_ptr<BusinessTime>> m_clocks;
    QHash<QString, QSet<QString>> m_tags;
    QHash<QString, int> m_ruleOf;
};

qint64 localMidnightMs(QDate day)
{
    return QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
}

} // namespace

qint64 StatsQuery::quantile(const QVector<qint64> &sorted, double q)
{
    if (sorted.isEmpty())
        return -1;
    const qsizetype rank = qsizetype(std::ceil(q * double(sorted.size())));
    return sorted[std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1)];
}

int StatsQuery::bucketOf(qint64 ms)
{
    for (int i = 0; i < kResponseBuckets - 1; ++i) {
        if (ms < kResponseBucketLimitsMs[i])
            return i;
    }
    return kResponseBuckets - 1;
}

StatsFigures StatsQuery::compute(QSqlDatabase &db, const StatsRequest &request, QString *error,
                                 const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    StatsFigures f;
    f.request = request;
    if (!request.from.isValid() || !request.to.isValid() || request.to < request.from) {
        if (error)
            *error = QStringLiteral("invalid period");
        return f;
    }
    const qint64 days = request.from.daysTo(request.to) + 1;
    const QDate prevFrom = request.from.addDays(-days);
    f.fromMs = localMidnightMs(request.from);
    f.toMs = localMidnightMs(request.to.addDays(1));
    const qint64 prevFromMs = localMidnightMs(prevFrom);
    const qint64 nowMs = request.nowMs > 0 ? request.nowMs : QDateTime::currentMSecsSinceEpoch();
    const StatsScope &scope = request.scope;
    auto cancelled = [cancel] { return cancel && cancel->load(); };

    Runner runner(db, error);
    QSqlQuery q;
    const QString a = QStringLiteral("x.account_id"), r = QStringLiteral("x.room_id");
    // Hours [h0, h1) of the period; a local midnight is a UTC hour boundary
    // in whole-hour zones (elsewhere the first and last hour are partial).
    const qint64 h0 = StatsCounters::hourOf(f.fromMs);
    const qint64 h1 = StatsCounters::hourOf(f.toMs + StatsCounters::kHourMs - 1);

    const qint64 d0 = request.from.toJulianDay(), d1 = request.to.toJulianDay();
    const qint64 pd0 = prevFrom.toJulianDay();
    const bool byAccount
        = scope.kind == StatsScope::Kind::All || scope.kind == StatsScope::Kind::Account;

    // --- per conversation, from the daily rollup: both periods' volumes,
    // joins and leaves, the quietest groups, who has response times ---
    struct Conversation
    {
        QString accountId, roomId;
        qint64 messages = 0; // current period, customers' and staff's
    };
    QVector<Conversation> conversations; // with customer messages around either period
    QHash<QString, qint64> perRoom;
    // A day more on each side: a wait that began just before a local
    // midnight may sit in the next day's row (counters filled from hours).
    if (!runner.run(
            q,
            QStringLiteral(
                "SELECT account_id, room_id,"
                " SUM(CASE WHEN day >= :d0 AND day <= :d1 THEN customer_msgs ELSE 0 END),"
                " SUM(CASE WHEN day >= :d0 AND day <= :d1 THEN staff_msgs ELSE 0 END),"
                " SUM(CASE WHEN day >= :d0 AND day <= :d1 THEN joins ELSE 0 END),"
                " SUM(CASE WHEN day >= :d0 AND day <= :d1 THEN leaves ELSE 0 END),"
                " SUM(CASE WHEN day >= :pd0 AND day < :d0 THEN customer_msgs ELSE 0 END),"
                " SUM(CASE WHEN day >= :pd0 AND day < :d0 THEN staff_msgs ELSE 0 END),"
                " SUM(CASE WHEN day >= :pd0 AND day < :d0 THEN joins ELSE 0 END),"
                " SUM(CASE WHEN day >= :pd0 AND day < :d0 THEN leaves ELSE 0 END),"
                " SUM(customer_msgs) FROM stats_daily x WHERE day >= :pd0 - 1 AND day <= :d1 + 1"
                " AND %SCOPE% GROUP BY account_id, room_id"),
            scope, a, r,
            {{QStringLiteral(":d0"), d0},
             {QStringLiteral(":d1"), d1},
             {QStringLiteral(":pd0"), pd0}}))
        return {};
    while (q.next()) {
        Conversation c{q.value(0).toString(), q.value(1).toString(), 0};
        f.current.customerMessages += q.value(2).toLongLong();
        f.current.staffMessages += q.value(3).toLongLong();
        f.current.joins += q.value(4).toLongLong();
        f.current.leaves += q.value(5).toLongLong();
        f.previous.customerMessages += q.value(6).toLongLong();
        f.previous.staffMessages += q.value(7).toLongLong();
        f.previous.joins += q.value(8).toLongLong();
        f.previous.leaves += q.value(9).toLongLong();
        c.messages = q.value(2).toLongLong() + q.value(3).toLongLong();
        if (c.messages > 0)
            perRoom.insert(roomKey(c.accountId, c.roomId), c.messages);
        if (q.value(10).toLongLong() > 0)
            conversations.append(std::move(c));
    }
    if (cancelled())
        return f;

    // --- the hourly series of the current period and the heatmap ---
    f.hourly.resize(h1 - h0);
    for (qint64 h = h0; h < h1; ++h)
        f.hourly[h - h0].hourStartMs = h * StatsCounters::kHourMs;
    const QString hourlySql = byAccount
        ? QStringLiteral("SELECT hour, SUM(customer_msgs), SUM(staff_msgs) FROM "
                         "stats_account_hourly x WHERE hour >= :h0 AND hour < :h1 AND %SCOPE% "
                         "GROUP BY hour")
        : QStringLiteral("SELECT hour, SUM(customer_msgs), SUM(staff_msgs) FROM stats_hourly x "
                         "WHERE %SCOPE% AND hour >= :h0 AND "
                         "hour < :h1 GROUP BY hour");
    if (!runner.run(q, hourlySql, scope, a, r,
                    {{QStringLiteral(":h0"), h0}, {QStringLiteral(":h1"), h1}}))
        return {};
    while (q.next()) {
        HourVolume &v = f.hourly[q.value(0).toLongLong() - h0];
        v.customer = q.value(1).toLongLong();
        v.staff = q.value(2).toLongLong();
    }
    for (const HourVolume &v : std::as_const(f.hourly)) {
        if (v.customer == 0 && v.staff == 0)
            continue;
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(v.hourStartMs);
        f.heatmap[t.date().dayOfWeek() - 1][t.time().hour()] += v.customer + v.staff;
    }

    // --- quietest groups: every room in scope, by messages in the period ---
    {
        if (!runner.run(q,
                        QStringLiteral("SELECT account_id, id, topic FROM rooms x WHERE %SCOPE%"),
                        scope, a, QStringLiteral("x.id"), {}))
            return {};
        QVector<GroupActivity> groups;
        while (q.next()) {
            GroupActivity g{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), 0};
            g.messages = perRoom.value(roomKey(g.accountId, g.roomId));
            groups.append(g);
        }
        std::sort(groups.begin(), groups.end(), [](const GroupActivity &x, const GroupActivity &y) {
            return std::tie(x.messages, x.topic, x.accountId, x.roomId)
                < std::tie(y.messages, y.topic, y.accountId, y.roomId);
        });
        f.quietestGroups = groups.mid(0, request.topCount);
    }

    // --- active customers and the most active ones ---
    // All groups or an account: the per-account rollup; a group or a tag:
    // the customers' days of those conversations.
    const QString customersFrom = byAccount
        ? QStringLiteral("stats_account_customer_days x WHERE day >= :d0 AND day <= :d1 AND "
                         "%SCOPE%")
        : QStringLiteral("stats_customer_days x WHERE "
                         "%SCOPE% AND day >= :d0 AND day <= :d1");
    if (!runner.run(q,
                    QStringLiteral("SELECT account_id, customer_id, SUM(messages) FROM ")
                        + customersFrom + QStringLiteral(" GROUP BY account_id, customer_id"),
                    scope, a, r, {{QStringLiteral(":d0"), d0}, {QStringLiteral(":d1"), d1}}))
        return {};
    QVector<CustomerActivity> customers;
    while (q.next())
        customers.append(
            {q.value(0).toString(), q.value(1).toString(), {}, q.value(2).toLongLong()});
    f.current.activeCustomers = customers.size();
    const qsizetype top = std::min<qsizetype>(request.topCount, customers.size());
    std::partial_sort(customers.begin(), customers.begin() + top, customers.end(),
                      [](const CustomerActivity &x, const CustomerActivity &y) {
                          if (x.messages != y.messages)
                              return x.messages > y.messages;
                          return std::tie(x.accountId, x.customerId)
                              < std::tie(y.accountId, y.customerId);
                      });
    customers.resize(top);
    {
        QSqlQuery name(db);
        name.prepare(QStringLiteral(
            "SELECT COALESCE(NULLIF((SELECT CASE WHEN alias <> '' THEN alias ELSE name END FROM "
            "contacts WHERE account_id = :a AND id = :c), ''), (SELECT name FROM room_members "
            "WHERE account_id = :a AND contact_id = :c AND name <> '' LIMIT 1), '')"));
        for (CustomerActivity &c : customers) {
            name.bindValue(QStringLiteral(":a"), c.accountId);
            name.bindValue(QStringLiteral(":c"), c.customerId);
            if (name.exec() && name.next())
                c.name = name.value(0).toString();
        }
    }
    f.topCustomers = customers;
    if (!runner.run(q,
                    QStringLiteral("SELECT COUNT(*) FROM (SELECT DISTINCT account_id, customer_id "
                                   "FROM ")
                        + customersFrom + QLatin1Char(')'),
                    scope, a, r, {{QStringLiteral(":d0"), pd0}, {QStringLiteral(":d1"), d0 - 1}}))
        return {};
    if (q.next())
        f.previous.activeCustomers = q.value(0).toLongLong();
    if (cancelled())
        return f;

    // --- response times and targets, both periods at once, conversation by
    // conversation (one rule each) from the index by conversation ---
    ResponseRules rules(db);
    QVector<qint64> times[2];
    auto periodOf = [&](qint64 startMs) { return startMs >= f.fromMs ? 0 : 1; };
    auto figuresOf
        = [&](int period) -> PeriodFigures & { return period == 0 ? f.current : f.previous; };
    QSqlQuery responses(db);
    responses.setForwardOnly(true);
    if (!responses.prepare(QStringLiteral(
            "SELECT start_ms, reply_ms FROM stats_responses INDEXED BY stats_responses_by_room"
            " WHERE account_id = :a AND room_id = :r AND start_ms >= :f AND start_ms < :t"))) {
        runner.fail(responses);
        return {};
    }
    for (const Conversation &c : std::as_const(conversations)) {
        if (cancelled())
            return f;
        responses.bindValue(QStringLiteral(":a"), c.accountId);
        responses.bindValue(QStringLiteral(":r"), c.roomId);
        responses.bindValue(QStringLiteral(":f"), prevFromMs);
        responses.bindValue(QStringLiteral(":t"), f.toMs);
        if (!responses.exec()) {
            runner.fail(responses);
            return {};
        }
        const int rule = rules.ruleFor(c.accountId, c.roomId);
        const bool wall = rules.wallClock(rule);
        const qint64 target = rule >= 0 ? rules.targetMs(rule) : 0;
        while (responses.next()) {
            const qint64 start = responses.value(0).toLongLong();
            const qint64 reply = responses.value(1).toLongLong();
            const qint64 ms
                = wall ? std::max<qint64>(0, reply - start) : rules.duration(rule, start, reply);
            const int period = periodOf(start);
            PeriodFigures &p = figuresOf(period);
            times[period].append(ms);
            ++p.responseBuckets[bucketOf(ms)];
            if (rule >= 0)
                ++(ms <= target ? p.targetMet : p.targetMissed);
        }
    }
    for (int period = 0; period < 2; ++period) {
        std::sort(times[period].begin(), times[period].end());
        PeriodFigures &p = figuresOf(period);
        p.responses = times[period].size();
        p.medianResponseMs = quantile(times[period], 0.5);
        p.p90ResponseMs = quantile(times[period], 0.9);
    }
    if (!runner.run(q,
                    QStringLiteral("SELECT account_id, room_id, since_ms FROM stats_waits x WHERE "
                                   "since_ms >= :f AND since_ms < :t AND %SCOPE%"),
                    scope, a, r,
                    {{QStringLiteral(":f"), prevFromMs}, {QStringLiteral(":t"), f.toMs}}))
        return {};
    while (q.next()) {
        const qint64 since = q.value(2).toLongLong();
        PeriodFigures &p = figuresOf(periodOf(since));
        ++p.unanswered;
        const int rule = rules.ruleFor(q.value(0).toString(), q.value(1).toString());
        if (rule >= 0 && rules.duration(rule, since, nowMs) > rules.targetMs(rule))
            ++p.targetMissed;
    }

    // --- alerts by kind ---
    if (!runner.run(
            q,
            QStringLiteral("SELECT kind, created_ms >= :mid, COUNT(*) FROM alerts x WHERE "
                           "created_ms >= :f AND created_ms < :t AND %SCOPE% GROUP BY 1, 2"),
            scope, a, r,
            {{QStringLiteral(":f"), prevFromMs},
             {QStringLiteral(":t"), f.toMs},
             {QStringLiteral(":mid"), f.fromMs}}))
        return {};
    while (q.next())
        figuresOf(q.value(1).toBool() ? 0 : 1).alertsByKind[q.value(0).toInt()]
            += q.value(2).toLongLong();
    f.elapsedMs = timer.elapsed();
    return f;
}

QVector<VolumeBin> binVolume(const QVector<HourVolume> &hourly, VolumeGranularity granularity)
{
    QVector<VolumeBin> bins;
    for (const HourVolume &v : hourly) {
        qint64 start = v.hourStartMs;
        if (granularity != VolumeGranularity::Hour) {
            QDate day = QDateTime::fromMSecsSinceEpoch(v.hourStartMs).date();
            if (granularity == VolumeGranularity::Week)
                day = day.addDays(1 - day.dayOfWeek());
            start = localMidnightMs(day);
        }
        if (bins.isEmpty() || bins.last().startMs != start)
            bins.append({start, 0, 0});
        bins.last().customer += v.customer;
        bins.last().staff += v.staff;
    }
    return bins;
}

} // namespace gd
