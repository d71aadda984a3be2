// The statistics figures (StatsQuery over the counters the store writer
// keeps) against a brute-force computation over the same generated archive:
// volumes, heatmap, active and most active customers, quietest groups,
// joins and leaves, response times with business hours across nights,
// weekends and day boundaries, targets met and missed, alerts by kind; for
// every kind of scope, and again after the counters are rebuilt from the
// archive by the migration.

#include "monitor/AlertRepository.h"
#include "monitor/AlertRule.h"
#include "monitor/BusinessHours.h"
#include "stats/BusinessTime.h"
#include "stats/StatsCounters.h"
#include "stats/StatsQuery.h"
#include "store/Store.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

using namespace gd;

namespace {

constexpr qint64 kMinute = 60'000;

struct MemberEvent
{
    QString accountId, roomId, contactId;
    qint64 atMs;
    bool join;
};

struct Expected
{
    PeriodFigures period;
    QVector<qint64> hourly; // customer + staff per hour
    std::array<std::array<qint64, 24>, 7> heatmap{};
    QVector<QPair<QString, qint64>> top; // customer id, messages
    QVector<QPair<QString, qint64>> quiet; // room id, messages
};

} // namespace

class TestStatsFigures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void figuresMatchBruteForce_data();
    void figuresMatchBruteForce();
    void rollupsMatchBruteForce();
    void backfillGivesTheSameFigures();
    void businessTimeSkipsNightsWeekendsAndHolidays();

private:
    void generate();
    bool inScope(const StatsScope &scope, const QString &accountId, const QString &roomId) const;
    Expected bruteForce(const StatsScope &scope, qint64 fromMs, qint64 toMs, QDate from,
                        QDate to) const;
    StatsFigures compute(const StatsScope &scope, QDate from, QDate to);
    void compare(const StatsScope &scope, QDate from, QDate to);
    qint64 bruteBusinessMs(const QString &accountId, const QString &roomId, qint64 from,
                           qint64 to) const;
    qint64 targetMsOf(const QString &roomId) const;
    QVector<MemberEvent> countedEvents() const;
    static bool isStaff(const Message &m);
    using Rows = std::map<QStringList, QVector<qint64>>;
    Rows tableRows(const QString &sql, int keyColumns);

    QTemporaryDir m_dir;
    QString m_path;
    QVector<Message> m_messages; // in the order stored
    QVector<MemberEvent> m_events;
    QVector<Alert> m_alerts;
    QVector<Room> m_rooms;
    QSet<QString> m_vipRooms; // "account/room" tagged vip
    BusinessHours m_officeHours;
    qint64 m_nowMs = 0;
    QDate m_lastDay;
};

void TestStatsFigures::initTestCase()
{
    // A zone east of UTC, so local days and UTC hours differ.
    qputenv("TZ", "Asia/Shanghai");
    tzset();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("stats.db"));
    generate();
}

void TestStatsFigures::generate()
{
    QRandomGenerator random(14);
    m_officeHours = BusinessHours::weekdays(QTime(9, 0), QTime(18, 0));
    m_lastDay = QDate(2026, 11, 20); // a Friday
    const QDate firstDay = m_lastDay.addDays(-27);
    m_officeHours.setHolidays({m_lastDay.addDays(-3)});
    m_nowMs = QDateTime(m_lastDay.addDays(1), QTime(10, 0)).toMSecsSinceEpoch();

    const QStringList accounts = {QStringLiteral("acc1"), QStringLiteral("acc2")};
    for (int i = 0; i < 7; ++i) {
        Room r;
        r.accountId = accounts[i % 2];
        r.id = QStringLiteral("room%1@chatroom").arg(i);
        r.topic = QStringLiteral("群%1").arg(i);
        m_rooms.append(r);
        if (i % 3 == 0)
            m_vipRooms.insert(r.accountId + QLatin1Char('/') + r.id);
    }
    // Conversations: the rooms (room 6 stays silent) and one direct chat.
    struct Conversation
    {
        QString accountId, roomId, contact;
    };
    QVector<Conversation> conversations;
    for (int i = 0; i < 6; ++i)
        conversations.append({m_rooms[i].accountId, m_rooms[i].id, {}});
    conversations.append({accounts[0], {}, QStringLiteral("wxid_direct")});

    qint64 serial = 0;
    for (const Conversation &c : conversations) {
        qint64 t = QDateTime(firstDay, QTime(0, 0)).toMSecsSinceEpoch();
        const qint64 end = QDateTime(m_lastDay, QTime(23, 0)).toMSecsSinceEpoch();
        while (true) {
            // Gaps from a minute to a day and a half: waits cross nights and weekends.
            t += kMinute
                * (1 + (random.bounded(10) == 0 ? random.bounded(2000) : random.bounded(90)));
            if (t > end)
                break;
            Message m;
            m.accountId = c.accountId;
            m.roomId = c.roomId;
            m.id = QStringLiteral("m%1").arg(++serial);
            m.kind = MessageKind::Text;
            m.text = QStringLiteral("你好 %1").arg(serial);
            m.timestampMs = t;
            const int roll = random.bounded(100);
            if (roll < 38) {
                m.fromSelf = true;
                m.talkerId = QStringLiteral("bot-") + c.accountId;
                if (c.roomId.isEmpty())
                    m.listenerId = c.contact;
                if (!c.roomId.isEmpty() && random.bounded(4) == 0)
                    m.mentionIds = {QStringLiteral("cust%1").arg(random.bounded(8))};
            } else {
                m.talkerId = c.roomId.isEmpty() ? c.contact
                                                : QStringLiteral("cust%1").arg(random.bounded(8));
                if (roll > 96)
                    m.kind = MessageKind::System; // not counted
            }
            m_messages.append(m);
            if (roll == 50) { // a repeat under a new id: kept out of the counts
                Message d = m;
                d.id += QStringLiteral("d");
                d.duplicateOf = m.id;
                m_messages.append(d);
            }
        }
    }
    std::stable_sort(m_messages.begin(), m_messages.end(), [](const Message &a, const Message &b) {
        return a.timestampMs < b.timestampMs;
    });
    // Joins and leaves, with replays (a join of a present member).
    for (int i = 0; i < 120; ++i) {
        const Room &r = m_rooms[random.bounded(m_rooms.size())];
        const qint64 at
            = QDateTime(firstDay.addDays(random.bounded(28)), QTime(0, 0)).toMSecsSinceEpoch()
            + kMinute * random.bounded(24 * 60);
        m_events.append({r.accountId, r.id, QStringLiteral("cust%1").arg(random.bounded(10)), at,
                         random.bounded(2) == 0});
    }
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const MemberEvent &a, const MemberEvent &b) { return a.atMs < b.atMs; });
    for (int i = 0; i < 40; ++i) {
        Alert a;
        a.kind = AlertKind(random.bounded(6));
        const Room &r = m_rooms[random.bounded(m_rooms.size())];
        a.accountId = r.accountId;
        a.roomId = a.kind == AlertKind::BotOffline ? QString() : r.id;
        a.createdMs
            = QDateTime(firstDay.addDays(random.bounded(28)), QTime(0, 0)).toMSecsSinceEpoch()
            + kMinute * random.bounded(24 * 60);
        a.updatedMs = a.createdMs;
        m_alerts.append(a);
    }

    Store store;
    QString error;
    QVERIFY2(store.open(m_path, &error), qPrintable(error));
    store.upsertRooms(m_rooms);
    // A staff member writing from their own WeChat: tagged, so staff.
    store.addTag(TagTarget::Contact, QStringLiteral("acc1"), QStringLiteral("cust7"),
                 QStringLiteral("staff"));
    for (const QString &key : std::as_const(m_vipRooms)) {
        const QStringList parts = key.split(QLatin1Char('/'));
        store.addTag(TagTarget::Room, parts[0], parts[1], QStringLiteral("vip"));
    }
    // Response-time rules: office hours everywhere (10 min), vip groups
    // always open (5 min). The seeded rules make way.
    store.submitWrite([this](StoreWriter::Batch &b) {
        QString e;
        for (const AlertRule &r : AlertRepository::loadRules(b.db()))
            AlertRepository::deleteRule(b.db(), r.id, &e);
        AlertRule office;
        office.name = QStringLiteral("office");
        office.kind = RuleKind::ResponseTime;
        office.minutes = 10;
        office.hours = m_officeHours;
        AlertRepository::saveRule(b.db(), office, &e);
        AlertRule vip;
        vip.name = QStringLiteral("vip");
        vip.kind = RuleKind::ResponseTime;
        vip.minutes = 5;
        vip.scope = AlertRuleScope::Tag;
        vip.scopeValue = QStringLiteral("vip");
        AlertRepository::saveRule(b.db(), vip, &e);
        for (Alert a : m_alerts)
            AlertRepository::insertAlert(b.db(), a, &e);
    });
    // Stored in time order, in batches that mix conversations, members
    // events between them as they happen. Each batch is its own
    // transaction (flush): customers wait across batches, and replies in a
    // later batch answer them (the writer remembers the waits it committed).
    int e = 0;
    for (qsizetype i = 0; i < m_messages.size(); i += 37) {
        const QVector<Message> batch = m_messages.mid(i, 37);
        while (e < m_events.size() && m_events[e].atMs <= batch.first().timestampMs) {
            const MemberEvent &ev = m_events[e++];
            if (ev.join)
                store.recordMembersJoined(ev.accountId, ev.roomId, {ev.contactId}, ev.atMs);
            else
                store.recordMembersLeft(ev.accountId, ev.roomId, {ev.contactId}, ev.atMs);
        }
        store.insertMessages(batch);
        store.flush();
    }
    for (; e < m_events.size(); ++e) {
        const MemberEvent &ev = m_events[e];
        if (ev.join)
            store.recordMembersJoined(ev.accountId, ev.roomId, {ev.contactId}, ev.atMs);
        else
            store.recordMembersLeft(ev.accountId, ev.roomId, {ev.contactId}, ev.atMs);
    }
    store.flush();
    store.close();
}

bool TestStatsFigures::inScope(const StatsScope &scope, const QString &accountId,
                               const QString &roomId) const
{
    switch (scope.kind) {
    case StatsScope::Kind::All:
        return true;
    case StatsScope::Kind::Account:
        return accountId == scope.accountId;
    case StatsScope::Kind::Group:
        return accountId == scope.accountId && roomId == scope.roomId;
    case StatsScope::Kind::Tag:
        return m_vipRooms.contains(accountId + QLatin1Char('/') + roomId);
    }
    return false;
}

qint64 TestStatsFigures::targetMsOf(const QString &roomKey) const
{
    return m_vipRooms.contains(roomKey) ? 5 * kMinute : 10 * kMinute;
}

qint64 TestStatsFigures::bruteBusinessMs(const QString &accountId, const QString &roomId,
                                         qint64 from, qint64 to) const
{
    if (m_vipRooms.contains(accountId + QLatin1Char('/') + roomId))
        return std::max<qint64>(0, to - from);
    // Minute by minute (every time here is on a whole minute).
    qint64 total = 0;
    for (qint64 t = from; t < to; t += kMinute) {
        if (m_officeHours.isOpenAt(t))
            total += kMinute;
    }
    return total;
}

QVector<MemberEvent> TestStatsFigures::countedEvents() const
{
    // Joins and leaves as the store applies them (replays change nothing).
    QVector<MemberEvent> counted;
    std::map<QString, std::pair<qint64, qint64>> members; // joined, left
    for (const MemberEvent &ev : m_events) {
        const QString key
            = ev.accountId + QLatin1Char('/') + ev.roomId + QLatin1Char('/') + ev.contactId;
        const auto it = members.find(key);
        bool counts;
        if (ev.join) {
            counts = it == members.end() || (it->second.second > 0 && it->second.second <= ev.atMs);
            if (it == members.end())
                members[key] = {ev.atMs, 0};
            else if (it->second.second <= ev.atMs)
                it->second = {ev.atMs, 0};
        } else {
            counts = it == members.end() || (it->second.second == 0 && it->second.first <= ev.atMs);
            if (it == members.end())
                members[key] = {0, ev.atMs};
            else if (it->second.second == 0 && it->second.first <= ev.atMs)
                it->second.second = ev.atMs;
        }
        if (counts)
            counted.append(ev);
    }
    return counted;
}

bool TestStatsFigures::isStaff(const Message &m)
{
    return m.fromSelf
        || (m.accountId == QLatin1String("acc1") && m.talkerId == QLatin1String("cust7"));
}

Expected TestStatsFigures::bruteForce(const StatsScope &scope, qint64 fromMs, qint64 toMs,
                                      QDate from, QDate to) const
{
    Expected x;
    const qint64 h0 = fromMs / StatsCounters::kHourMs;
    x.hourly.resize((toMs - fromMs) / StatsCounters::kHourMs);
    std::map<std::pair<QString, QString>, qint64> customers;
    QHash<QString, qint64> perRoom;
    QVector<qint64> times;
    // Response waits: replayed per conversation over the whole archive.
    QHash<QString, QHash<QString, qint64>> waiting; // conversation -> customer -> since
    auto record = [&](const QString &account, const QString &conversation, qint64 since,
                      qint64 at) {
        if (since < fromMs || since >= toMs || !inScope(scope, account, conversation))
            return;
        const qint64 ms = bruteBusinessMs(account, conversation, since, at);
        times.append(ms);
        ++x.period.responseBuckets[ms < 60'000          ? 0
                                       : ms < 300'000   ? 1
                                       : ms < 900'000   ? 2
                                       : ms < 3'600'000 ? 3
                                                        : 4];
        ++(ms <= targetMsOf(account + QLatin1Char('/') + conversation) ? x.period.targetMet
                                                                       : x.period.targetMissed);
    };
    for (const Message &m : m_messages) {
        if (!m.duplicateOf.isEmpty() || m.kind == MessageKind::System)
            continue;
        const QString conversation = m.conversationId();
        const QString key = m.accountId + QLatin1Char('/') + conversation;
        const bool staff = isStaff(m);
        if (staff) {
            QHash<QString, qint64> &w = waiting[key];
            bool answered = false;
            for (const QString &id : m.mentionIds) {
                if (w.contains(id)) {
                    record(m.accountId, conversation, w.take(id), m.timestampMs);
                    answered = true;
                }
            }
            if (!answered) {
                for (auto it = w.cbegin(); it != w.cend(); ++it)
                    record(m.accountId, conversation, it.value(), m.timestampMs);
                w.clear();
            }
        } else if (!waiting[key].contains(m.talkerId)) {
            waiting[key].insert(m.talkerId, m.timestampMs);
        }
        if (m.timestampMs < fromMs || m.timestampMs >= toMs
            || !inScope(scope, m.accountId, conversation))
            continue;
        ++(staff ? x.period.staffMessages : x.period.customerMessages);
        ++x.hourly[m.timestampMs / StatsCounters::kHourMs - h0];
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(m.timestampMs);
        ++x.heatmap[t.date().dayOfWeek() - 1][t.time().hour()];
        perRoom[key] += 1;
        const QDate day = t.date();
        if (!staff && day >= from && day <= to)
            ++customers[{m.accountId, m.talkerId}];
    }
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('/'));
        for (auto w = it->cbegin(); w != it->cend(); ++w) {
            if (w.value() < fromMs || w.value() >= toMs || !inScope(scope, parts[0], parts[1]))
                continue;
            ++x.period.unanswered;
            if (bruteBusinessMs(parts[0], parts[1], w.value(), m_nowMs) > targetMsOf(it.key()))
                ++x.period.targetMissed;
        }
    }
    std::sort(times.begin(), times.end());
    x.period.responses = times.size();
    if (!times.isEmpty()) {
        // Nearest rank: the smallest value with at least q of them at or below it.
        auto rank = [&](double q) {
            for (qsizetype i = 0; i < times.size(); ++i) {
                if (double(i + 1) >= q * double(times.size()) - 1e-9)
                    return times[i];
            }
            return times.last();
        };
        x.period.medianResponseMs = rank(0.5);
        x.period.p90ResponseMs = rank(0.9);
    }
    x.period.activeCustomers = qint64(customers.size());
    QVector<std::tuple<qint64, QString, QString>> top;
    for (const auto &[who, n] : customers)
        top.append({-n, who.first, who.second});
    std::sort(top.begin(), top.end());
    for (int i = 0; i < std::min<qsizetype>(10, top.size()); ++i)
        x.top.append({std::get<2>(top[i]), -std::get<0>(top[i])});
    for (const MemberEvent &ev : countedEvents()) {
        if (ev.atMs >= fromMs && ev.atMs < toMs && inScope(scope, ev.accountId, ev.roomId))
            ++(ev.join ? x.period.joins : x.period.leaves);
    }
    for (const Alert &a : m_alerts) {
        if (a.createdMs >= fromMs && a.createdMs < toMs && inScope(scope, a.accountId, a.roomId))
            ++x.period.alertsByKind[int(a.kind)];
    }
    QVector<std::tuple<qint64, QString, QString>> quiet;
    for (const Room &r : m_rooms) {
        if (inScope(scope, r.accountId, r.id))
            quiet.append({perRoom.value(r.accountId + QLatin1Char('/') + r.id), r.topic, r.id});
    }
    std::sort(quiet.begin(), quiet.end());
    for (const auto &[n, topic, id] : quiet)
        x.quiet.append({id, n});
    return x;
}

StatsFigures TestStatsFigures::compute(const StatsScope &scope, QDate from, QDate to)
{
    const QString name = QStringLiteral("stats-test");
    StatsFigures f;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        if (db.open()) {
            StatsRequest request;
            request.scope = scope;
            request.from = from;
            request.to = to;
            request.nowMs = m_nowMs;
            QString error;
            f = StatsQuery::compute(db, request, &error);
            if (!error.isEmpty())
                qWarning() << error;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return f;
}

void TestStatsFigures::compare(const StatsScope &scope, QDate from, QDate to)
{
    const StatsFigures f = compute(scope, from, to);
    const qint64 fromMs = QDateTime(from, QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(to.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 days = from.daysTo(to) + 1;
    const Expected x = bruteForce(scope, fromMs, toMs, from, to);
    const Expected prev
        = bruteForce(scope, QDateTime(from.addDays(-days), QTime(0, 0)).toMSecsSinceEpoch(), fromMs,
                     from.addDays(-days), from.addDays(-1));
    QVERIFY(x.period.customerMessages > 0 || scope.kind == StatsScope::Kind::Group);
    for (const auto &[got, want] :
         {std::pair{f.current, x.period}, std::pair{f.previous, prev.period}}) {
        QCOMPARE(got.customerMessages, want.customerMessages);
        QCOMPARE(got.staffMessages, want.staffMessages);
        QCOMPARE(got.activeCustomers, want.activeCustomers);
        QCOMPARE(got.joins, want.joins);
        QCOMPARE(got.leaves, want.leaves);
        QCOMPARE(got.responses, want.responses);
        QCOMPARE(got.unanswered, want.unanswered);
        QCOMPARE(got.medianResponseMs, want.medianResponseMs);
        QCOMPARE(got.p90ResponseMs, want.p90ResponseMs);
        QCOMPARE(got.responseBuckets, want.responseBuckets);
        QCOMPARE(got.targetMet, want.targetMet);
        QCOMPARE(got.targetMissed, want.targetMissed);
        QCOMPARE(got.alertsByKind, want.alertsByKind);
    }
    QCOMPARE(f.hourly.size(), x.hourly.size());
    for (int i = 0; i < f.hourly.size(); ++i)
        QCOMPARE(f.hourly[i].customer + f.hourly[i].staff, x.hourly[i]);
    QCOMPARE(f.heatmap, x.heatmap);
    QCOMPARE(f.topCustomers.size(), x.top.size());
    for (int i = 0; i < x.top.size(); ++i) {
        QCOMPARE(f.topCustomers[i].customerId, x.top[i].first);
        QCOMPARE(f.topCustomers[i].messages, x.top[i].second);
    }
    QCOMPARE(f.quietestGroups.size(), std::min<qsizetype>(10, x.quiet.size()));
    for (int i = 0; i < f.quietestGroups.size(); ++i) {
        QCOMPARE(f.quietestGroups[i].roomId, x.quiet[i].first);
        QCOMPARE(f.quietestGroups[i].messages, x.quiet[i].second);
    }
    // The day and week bins add up to the same volume.
    qint64 total = 0;
    for (const VolumeBin &b : binVolume(f.hourly, VolumeGranularity::Week))
        total += b.customer + b.staff;
    QCOMPARE(total, x.period.customerMessages + x.period.staffMessages);
}

void TestStatsFigures::figuresMatchBruteForce_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("room");
    QTest::addColumn<int>("days");
    QTest::newRow("all, 14 days") << int(StatsScope::Kind::All) << QString() << QString() << 14;
    QTest::newRow("all, 3 days") << int(StatsScope::Kind::All) << QString() << QString() << 3;
    QTest::newRow("account") << int(StatsScope::Kind::Account) << QStringLiteral("acc1")
                             << QString() << 10;
    QTest::newRow("group") << int(StatsScope::Kind::Group) << QStringLiteral("acc2")
                           << QStringLiteral("room1@chatroom") << 12;
    QTest::newRow("direct chat") << int(StatsScope::Kind::Group) << QStringLiteral("acc1")
                                 << QStringLiteral("wxid_direct") << 12;
    QTest::newRow("tag") << int(StatsScope::Kind::Tag) << QString() << QString() << 7;
}

void TestStatsFigures::figuresMatchBruteForce()
{
    QFETCH(int, kind);
    QFETCH(QString, account);
    QFETCH(QString, room);
    QFETCH(int, days);
    StatsScope scope;
    scope.kind = StatsScope::Kind(kind);
    scope.accountId = account;
    scope.roomId = room;
    scope.tag = QStringLiteral("vip");
    compare(scope, m_lastDay.addDays(1 - days), m_lastDay);
}

TestStatsFigures::Rows TestStatsFigures::tableRows(const QString &sql, int keyColumns)
{
    Rows rows;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                qWarning() << q.lastError().text();
            while (q.next()) {
                QStringList key;
                QVector<qint64> values;
                for (int i = 0; i < q.record().count(); ++i) {
                    if (i < keyColumns)
                        key.append(q.value(i).toString());
                    else
                        values.append(q.value(i).toLongLong());
                }
                rows[key] = values;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rows"));
    return rows;
}

void TestStatsFigures::rollupsMatchBruteForce()
{
    // The rollups the view reads, row by row, against the archive.
    Rows daily, accountHourly, accountCustomers;
    auto day = [](qint64 ms) {
        return QString::number(QDateTime::fromMSecsSinceEpoch(ms).date().toJulianDay());
    };
    for (const Message &m : std::as_const(m_messages)) {
        if (!m.duplicateOf.isEmpty() || m.kind == MessageKind::System)
            continue;
        const bool staff = isStaff(m);
        QVector<qint64> &d = daily[{day(m.timestampMs), m.accountId, m.conversationId()}];
        d.resize(4);
        ++d[staff ? 1 : 0];
        QVector<qint64> &h
            = accountHourly[{QString::number(m.timestampMs / StatsCounters::kHourMs), m.accountId}];
        h.resize(2);
        ++h[staff ? 1 : 0];
        if (!staff && !m.talkerId.isEmpty()) {
            QVector<qint64> &c = accountCustomers[{day(m.timestampMs), m.accountId, m.talkerId}];
            c.resize(1);
            ++c[0];
        }
    }
    for (const MemberEvent &ev : countedEvents()) {
        QVector<qint64> &d = daily[{day(ev.atMs), ev.accountId, ev.roomId}];
        d.resize(4);
        ++d[ev.join ? 2 : 3];
    }
    QVERIFY(daily.size() > 100);
    QVERIFY(accountCustomers.size() > 100);
    QCOMPARE(tableRows(QStringLiteral("SELECT day, account_id, room_id, customer_msgs, "
                                      "staff_msgs, joins, leaves FROM stats_daily"),
                       3),
             daily);
    QCOMPARE(tableRows(QStringLiteral("SELECT hour, account_id, customer_msgs, staff_msgs FROM "
                                      "stats_account_hourly"),
                       2),
             accountHourly);
    QCOMPARE(tableRows(QStringLiteral("SELECT day, account_id, customer_id, messages FROM "
                                      "stats_account_customer_days"),
                       3),
             accountCustomers);
}

void TestStatsFigures::backfillGivesTheSameFigures()
{
    StatsScope all;
    const QDate from = m_lastDay.addDays(-13);
    const StatsFigures live = compute(all, from, m_lastDay);
    // An archive from before the rollups (version 14): they are filled
    // from the counters, joins and leaves included.
    auto dropAndReopen = [this](const QStringList &statements) {
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : statements)
                QVERIFY2(q.exec(sql), qPrintable(sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        store.close();
    };
    // v20 keyed the two per-conversation tables by conversation: back to
    // the time-first keys and their by-room indexes of version 19.
    const QStringList undoV20
        = {QStringLiteral("CREATE TABLE h19 (hour INTEGER NOT NULL, account_id TEXT NOT"
                          " NULL, room_id TEXT NOT NULL, customer_msgs INTEGER NOT NULL"
                          " DEFAULT 0, staff_msgs INTEGER NOT NULL DEFAULT 0, joins"
                          " INTEGER NOT NULL DEFAULT 0, leaves INTEGER NOT NULL DEFAULT"
                          " 0, PRIMARY KEY (hour, account_id, room_id)) WITHOUT ROWID"),
           QStringLiteral("INSERT INTO h19 SELECT hour, account_id, room_id, customer_msgs,"
                          " staff_msgs, joins, leaves FROM stats_hourly"),
           QStringLiteral("DROP TABLE stats_hourly"),
           QStringLiteral("ALTER TABLE h19 RENAME TO stats_hourly"),
           QStringLiteral("CREATE INDEX stats_hourly_by_room ON stats_hourly (account_id,"
                          " room_id, hour)"),
           QStringLiteral("CREATE TABLE d19 (day INTEGER NOT NULL, account_id TEXT NOT"
                          " NULL, room_id TEXT NOT NULL, customer_id TEXT NOT NULL,"
                          " messages INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day,"
                          " account_id, room_id, customer_id)) WITHOUT ROWID"),
           QStringLiteral("INSERT INTO d19 SELECT day, account_id, room_id, customer_id,"
                          " messages FROM stats_customer_days"),
           QStringLiteral("DROP TABLE stats_customer_days"),
           QStringLiteral("ALTER TABLE d19 RENAME TO stats_customer_days"),
           QStringLiteral("CREATE INDEX stats_customer_days_by_room ON stats_customer_days"
                          " (account_id, room_id, day, customer_id, messages)")};
    dropAndReopen(undoV20 + QStringList{QStringLiteral("PRAGMA user_version = 19")});
    if (QTest::currentTestFailed())
        return;
    // Opened at 19, migrated to 20 again: the counters moved over unchanged
    // (a group's and a tag's figures read them; whole accounts the rollups).
    StatsScope group;
    group.kind = StatsScope::Kind::Group;
    group.accountId = QStringLiteral("acc2");
    group.roomId = QStringLiteral("room1@chatroom");
    compare(group, m_lastDay.addDays(-11), m_lastDay);
    if (QTest::currentTestFailed())
        return;
    StatsScope tagged;
    tagged.kind = StatsScope::Kind::Tag;
    tagged.tag = QStringLiteral("vip");
    compare(tagged, m_lastDay.addDays(-6), m_lastDay);
    if (QTest::currentTestFailed())
        return;

    dropAndReopen(
        undoV20
        + QStringList{QStringLiteral("DROP TABLE stats_daily"),
                      QStringLiteral("DROP TABLE stats_account_hourly"),
                      QStringLiteral("DROP TABLE stats_account_customer_days"),
                      QStringLiteral("DROP INDEX stats_hourly_by_room"),
                      QStringLiteral("DROP INDEX stats_customer_days_by_room"),
                      QStringLiteral("DROP INDEX stats_responses_by_room"),
                      QStringLiteral("CREATE INDEX stats_responses_by_start ON stats_responses "
                                     "(start_ms)"),
                      QStringLiteral("DROP TABLE account_leases"), // v16
                      // v18
                      QStringLiteral("DROP TABLE presence"),
                      QStringLiteral("DROP INDEX outbox_by_change"),
                      QStringLiteral("DROP INDEX alerts_by_change"),
                      QStringLiteral("ALTER TABLE messages DROP COLUMN change_origin"),
                      QStringLiteral("ALTER TABLE outbox DROP COLUMN change_seq"),
                      QStringLiteral("ALTER TABLE outbox DROP COLUMN change_origin"),
                      QStringLiteral("ALTER TABLE alerts DROP COLUMN change_seq"),
                      QStringLiteral("ALTER TABLE alerts DROP COLUMN change_origin"),
                      QStringLiteral("PRAGMA user_version = 14")});
    if (QTest::currentTestFailed())
        return;
    rollupsMatchBruteForce();
    if (QTest::currentTestFailed())
        return;
    const StatsFigures fromCounters = compute(all, from, m_lastDay);
    for (const auto &[got, want] : {std::pair{fromCounters.current, live.current},
                                    std::pair{fromCounters.previous, live.previous}}) {
        QCOMPARE(got.customerMessages, want.customerMessages);
        QCOMPARE(got.staffMessages, want.staffMessages);
        QCOMPARE(got.activeCustomers, want.activeCustomers);
        QCOMPARE(got.joins, want.joins);
        QCOMPARE(got.leaves, want.leaves);
        QCOMPARE(got.responses, want.responses);
        QCOMPARE(got.medianResponseMs, want.medianResponseMs);
        QCOMPARE(got.p90ResponseMs, want.p90ResponseMs);
    }
    QCOMPARE(fromCounters.heatmap, live.heatmap);

    // An archive from before the counters: their tables and those of later
    // steps (api_nonces, v14; the rollups, v15; leases, v16) gone, version 12. Opening
    // it runs the migrations, which fill them from the messages. Joins and
    // leaves come back only as far as room_members keeps them (the latest
    // of each member), so they are left out of this comparison.
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql :
             {"DROP TABLE stats_hourly", "DROP TABLE stats_customer_days", "DROP TABLE stats_waits",
              "DROP TABLE stats_responses", "DROP TABLE api_nonces", "DROP TABLE stats_daily",
              "DROP TABLE stats_account_hourly", "DROP TABLE stats_account_customer_days",
              "DROP TABLE account_leases", "DROP TABLE presence", "DROP INDEX outbox_by_change",
              "DROP INDEX alerts_by_change", "ALTER TABLE messages DROP COLUMN change_origin",
              "ALTER TABLE outbox DROP COLUMN change_seq",
              "ALTER TABLE outbox DROP COLUMN change_origin",
              "ALTER TABLE alerts DROP COLUMN change_seq",
              "ALTER TABLE alerts DROP COLUMN change_origin", "PRAGMA user_version = 12"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
    {
        Store store;
        QString error;
        QVERIFY2(store.open(m_path, &error), qPrintable(error));
        store.close();
    }
    const StatsFigures rebuilt = compute(all, from, m_lastDay);
    QVERIFY(live.current.customerMessages > 100);
    QCOMPARE(rebuilt.current.customerMessages, live.current.customerMessages);
    QCOMPARE(rebuilt.current.staffMessages, live.current.staffMessages);
    QCOMPARE(rebuilt.current.activeCustomers, live.current.activeCustomers);
    QCOMPARE(rebuilt.current.responses, live.current.responses);
    QCOMPARE(rebuilt.current.unanswered, live.current.unanswered);
    QCOMPARE(rebuilt.current.medianResponseMs, live.current.medianResponseMs);
    QCOMPARE(rebuilt.current.p90ResponseMs, live.current.p90ResponseMs);
    QCOMPARE(rebuilt.current.responseBuckets, live.current.responseBuckets);
    QCOMPARE(rebuilt.heatmap, live.heatmap);
    QCOMPARE(rebuilt.previous.customerMessages, live.previous.customerMessages);
}

void TestStatsFigures::businessTimeSkipsNightsWeekendsAndHolidays()
{
    BusinessTime clock(m_officeHours);
    const QDate friday = m_lastDay.addDays(-7);
    // Friday 17:50 to Monday 09:05: ten minutes on Friday, five on Monday.
    QCOMPARE(clock.between(QDateTime(friday, QTime(17, 50)).toMSecsSinceEpoch(),
                           QDateTime(friday.addDays(3), QTime(9, 5)).toMSecsSinceEpoch()),
             15 * kMinute);
    // The holiday (a Tuesday) counts nothing; the next day from opening.
    const QDate holiday = m_lastDay.addDays(-3);
    QCOMPARE(clock.between(QDateTime(holiday, QTime(10, 0)).toMSecsSinceEpoch(),
                           QDateTime(holiday.addDays(1), QTime(9, 30)).toMSecsSinceEpoch()),
             30 * kMinute);
    QCOMPARE(clock.between(100, 50), 0);
}

QTEST_GUILESS_MAIN(TestStatsFigures)
#include "tst_stats_figures.moc"
