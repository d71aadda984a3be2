#include "stats/StatsCounters.h"

#include "store/SqlQueries.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <tuple>
#include <utility>

namespace gd {
namespace {

struct HourKey
{
    qint64 hour;
    QString accountId;
    QString roomId;
    bool operator==(const HourKey &o) const
    {
        return hour == o.hour && accountId == o.accountId && roomId == o.roomId;
    }
};
size_t qHash(const HourKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.hour, k.accountId, k.roomId);
}

struct DayKey
{
    qint64 day;
    QString accountId;
    QString roomId;
    QString customerId;
    bool operator==(const DayKey &o) const
    {
        return day == o.day && accountId == o.accountId && roomId == o.roomId
            && customerId == o.customerId;
    }
};
size_t qHash(const DayKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.day, k.accountId, k.roomId, k.customerId);
}

struct HourCounts
{
    qint64 customer = 0;
    qint64 staff = 0;
};

// (hour or day, account) and (day, account, conversation) keys of the rollups.
struct AccountKey
{
    qint64 at;
    QString accountId;
    bool operator==(const AccountKey &o) const { return at == o.at && accountId == o.accountId; }
};
size_t qHash(const AccountKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.at, k.accountId);
}

const QString kUpsertHour = QStringLiteral(
    "INSERT INTO stats_hourly (hour, account_id, room_id, customer_msgs, staff_msgs)"
    " VALUES (:p0, :p1, :p2, :p3, :p4) ON CONFLICT (account_id, room_id, hour) DO UPDATE SET"
    " customer_msgs = stats_hourly.customer_msgs + excluded.customer_msgs,"
    " staff_msgs = stats_hourly.staff_msgs + excluded.staff_msgs");
const QString kUpsertDay = QStringLiteral(
    "INSERT INTO stats_customer_days (day, account_id, room_id, customer_id, messages)"
    " VALUES (:p0, :p1, :p2, :p3, :p4) ON CONFLICT (account_id, room_id, day, customer_id)"
    " DO UPDATE SET messages = stats_customer_days.messages + excluded.messages");
const QString kUpsertDaily = QStringLiteral(
    "INSERT INTO stats_daily (day, account_id, room_id, customer_msgs, staff_msgs)"
    " VALUES (:p0, :p1, :p2, :p3, :p4) ON CONFLICT (day, account_id, room_id) DO UPDATE SET"
    " customer_msgs = stats_daily.customer_msgs + excluded.customer_msgs,"
    " staff_msgs = stats_daily.staff_msgs + excluded.staff_msgs");
const QString kUpsertAccountHour = QStringLiteral(
    "INSERT INTO stats_account_hourly (hour, account_id, customer_msgs, staff_msgs)"
    " VALUES (:p0, :p1, :p2, :p3) ON CONFLICT (hour, account_id) DO UPDATE SET"
    " customer_msgs = stats_account_hourly.customer_msgs + excluded.customer_msgs,"
    " staff_msgs = stats_account_hourly.staff_msgs + excluded.staff_msgs");
const QString kUpsertAccountCustomerDay = QStringLiteral(
    "INSERT INTO stats_account_customer_days (day, account_id, customer_id, messages)"
    " VALUES (:p0, :p1, :p2, :p3) ON CONFLICT (day, account_id, customer_id)"
    " DO UPDATE SET messages = stats_account_customer_days.messages + excluded.messages");
const QString kUpsertDailyMembership = QStringLiteral(
    "INSERT INTO stats_daily (day, account_id, room_id, joins, leaves)"
    " VALUES (:p0, :p1, :p2, :p3, :p4) ON CONFLICT (day, account_id, room_id) DO UPDATE SET"
    " joins = stats_daily.joins + excluded.joins, leaves = stats_daily.leaves + excluded.leaves");
const QString kUpsertMembership = QStringLiteral(
    "INSERT INTO stats_hourly (hour, account_id, room_id, joins, leaves)"
    " VALUES (:p0, :p1, :p2, :p3, :p4) ON CONFLICT (account_id, room_id, hour) DO UPDATE SET"
    " joins = stats_hourly.joins + excluded.joins, leaves = stats_hourly.leaves + excluded.leaves");

const QString p[] = {QStringLiteral(":p0"), QStringLiteral(":p1"), QStringLiteral(":p2"),
                     QStringLiteral(":p3"), QStringLiteral(":p4")};

// Messages in the order they happened (ties by row id), as the brute force
// and the response timers see them.
QVector<const Message *> inTimeOrder(const QVector<Message> &messages)
{
    QVector<const Message *> order;
    order.reserve(messages.size());
    for (const Message &m : messages)
        order.append(&m);
    std::stable_sort(order.begin(), order.end(), [](const Message *a, const Message *b) {
        return std::tie(a->timestampMs, a->rowId) < std::tie(b->timestampMs, b->rowId);
    });
    return order;
}

// Whether a stored message is staff's, in SQL over the messages table.
QString staffSql()
{
    return QStringLiteral("(from_self <> 0 OR EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t"
                          " ON t.id = ct.tag_id WHERE ct.account_id = messages.account_id AND"
                          " ct.contact_id = messages.talker_id AND t.name = '%1'))")
        .arg(QLatin1String(StatsCounters::kStaffTag));
}

// A migration step: its error names the statement, as Schema's steps do.
bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (SqlQueries::exec(q, sql, {}, error))
        return true;
    *error += QLatin1String(" in: ") + sql.left(120);
    return false;
}

// Replays the stored messages of every conversation in time order to fill
// stats_waits and stats_responses, as the writer would have.
bool backfillResponses(QSqlDatabase &db, QString *error)
{
    QSqlQuery select(db);
    select.setForwardOnly(true);
    QSqlQuery response(db);
    QSqlQuery wait(db);
    if (!select.exec(
            QStringLiteral("SELECT account_id, conversation_id, talker_id, %2, mention_ids, ts_ms"
                           " FROM messages WHERE duplicate_of = '' AND kind <> %1"
                           " ORDER BY account_id, conversation_id, ts_ms, id")
                .arg(int(MessageKind::System))
                .arg(staffSql()))
        || !response.prepare(QStringLiteral(
            "INSERT INTO stats_responses (account_id, room_id, customer_id, start_ms, reply_ms)"
            " VALUES (?, ?, ?, ?, ?)"))
        || !wait.prepare(
            QStringLiteral("INSERT INTO stats_waits (account_id, room_id, customer_id, since_ms)"
                           " VALUES (?, ?, ?, ?)"))) {
        *error = select.lastError().text() + response.lastError().text() + wait.lastError().text();
        return false;
    }
    QString account, conversation;
    QHash<QString, qint64> waiting; // customer -> since, of the current conversation
    auto answer = [&](const QString &customer, qint64 since, qint64 at) {
        response.addBindValue(account);
        response.addBindValue(conversation);
        response.addBindValue(customer);
        response.addBindValue(since);
        response.addBindValue(at);
        return response.exec();
    };
    auto flushWaiting = [&]() {
        for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
            wait.addBindValue(account);
            wait.addBindValue(conversation);
            wait.addBindValue(it.key());
            wait.addBindValue(it.value());
            if (!wait.exec())
                return false;
        }
        waiting.clear();
        return true;
    };
    while (select.next()) {
        const QString a = select.value(0).toString();
        const QString c = select.value(1).toString();
        if (a != account || c != conversation) {
            if (!flushWaiting())
                break;
            account = a;
            conversation = c;
        }
        const QString talker = select.value(2).toString();
        const qint64 ts = select.value(5).toLongLong();
        if (!select.value(3).toBool()) {
            if (!talker.isEmpty() && !waiting.contains(talker))
                waiting.insert(talker, ts);
            continue;
        }
        bool answeredMentioned = false;
        const QStringList mentions
            = select.value(4).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &id : mentions) {
            const auto it = waiting.constFind(id);
            if (it == waiting.cend())
                continue;
            if (!answer(id, it.value(), ts))
                break;
            waiting.remove(id);
            answeredMentioned = true;
        }
        if (answeredMentioned)
            continue;
        for (auto it = waiting.cbegin(); it != waiting.cend(); ++it)
            answer(it.key(), it.value(), ts);
        waiting.clear();
    }
    if (!flushWaiting() || response.lastError().isValid() || wait.lastError().isValid()
        || select.lastError().isValid()) {
        *error = select.lastError().text() + response.lastError().text() + wait.lastError().text();
        return false;
    }
    return true;
}

} // namespace

qint64 StatsCounters::localDayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date().toJulianDay();
}

bool StatsCounters::createTables(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    const QString system = QString::number(int(MessageKind::System));
    const QStringList statements = {
        QStringLiteral("CREATE TABLE stats_hourly ("
                       " hour INTEGER NOT NULL," // ms since epoch / 3600000 (UTC hours)
                       " account_id TEXT NOT NULL,"
                       " room_id TEXT NOT NULL," // the conversation: room or contact
                       " customer_msgs INTEGER NOT NULL DEFAULT 0,"
                       " staff_msgs INTEGER NOT NULL DEFAULT 0,"
                       " joins INTEGER NOT NULL DEFAULT 0,"
                       " leaves INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (hour, account_id, room_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE stats_customer_days ("
                       " day INTEGER NOT NULL," // local date as a Julian day number
                       " account_id TEXT NOT NULL,"
                       " room_id TEXT NOT NULL,"
                       " customer_id TEXT NOT NULL,"
                       " messages INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (day, account_id, room_id, customer_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE stats_waits ("
                       " account_id TEXT NOT NULL,"
                       " room_id TEXT NOT NULL,"
                       " customer_id TEXT NOT NULL,"
                       " since_ms INTEGER NOT NULL,"
                       " PRIMARY KEY (account_id, room_id, customer_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE stats_responses ("
                       " id INTEGER PRIMARY KEY,"
                       " account_id TEXT NOT NULL,"
                       " room_id TEXT NOT NULL,"
                       " customer_id TEXT NOT NULL,"
                       " start_ms INTEGER NOT NULL,"
                       " reply_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX stats_responses_by_start ON stats_responses (start_ms)"),
        // Backfill what an older version stored, once.
        QStringLiteral("INSERT INTO stats_hourly (hour, account_id, room_id, customer_msgs, "
                       "staff_msgs)"
                       " SELECT ts_ms / 3600000, account_id, conversation_id,"
                       " SUM(NOT %2), SUM(%2) FROM messages"
                       " WHERE duplicate_of = '' AND kind <> %1"
                       " GROUP BY ts_ms / 3600000, account_id, conversation_id")
            .arg(system, staffSql()),
        // QDate's Julian day of the local date (SQLite's julianday() is
        // half a day less at midnight).
        QStringLiteral("INSERT INTO stats_customer_days (day, account_id, room_id, customer_id, "
                       "messages)"
                       " SELECT CAST(julianday(date(ts_ms / 1000, 'unixepoch', 'localtime')) + "
                       "0.5 AS INTEGER) AS d,"
                       " account_id, conversation_id, talker_id, COUNT(*) FROM messages"
                       " WHERE duplicate_of = '' AND kind <> %1 AND NOT %2 AND talker_id "
                       "<> ''"
                       " GROUP BY d, account_id, conversation_id, talker_id")
            .arg(system, staffSql()),
        // Only the latest join and leave of a member are kept in room_members.
        QStringLiteral("INSERT INTO stats_hourly (hour, account_id, room_id, joins)"
                       " SELECT joined_ms / 3600000 AS h, account_id, room_id, COUNT(*)"
                       " FROM room_members WHERE joined_ms > 0 GROUP BY h, account_id, room_id"
                       " ON CONFLICT (hour, account_id, room_id) DO UPDATE SET joins = "
                       "excluded.joins"),
        QStringLiteral("INSERT INTO stats_hourly (hour, account_id, room_id, leaves)"
                       " SELECT left_ms / 3600000 AS h, account_id, room_id, COUNT(*)"
                       " FROM room_members WHERE left_ms > 0 GROUP BY h, account_id, room_id"
                       " ON CONFLICT (hour, account_id, room_id) DO UPDATE SET leaves = "
                       "excluded.leaves"),
    };
    for (const QString &sql : statements) {
        if (!exec(q, sql, error))
            return false;
    }
    return backfillResponses(db, error);
}

bool StatsCounters::createRollups(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    // The local day of a UTC hour's start, as QDate's Julian day number.
    const QString localDay = QStringLiteral(
        "CAST(julianday(date(hour * 3600, 'unixepoch', 'localtime')) + 0.5 AS INTEGER)");
    const QStringList statements = {
        QStringLiteral("CREATE TABLE stats_daily ("
                       " day INTEGER NOT NULL," // local date as a Julian day number
                       " account_id TEXT NOT NULL,"
                       " room_id TEXT NOT NULL,"
                       " customer_msgs INTEGER NOT NULL DEFAULT 0,"
                       " staff_msgs INTEGER NOT NULL DEFAULT 0,"
                       " joins INTEGER NOT NULL DEFAULT 0,"
                       " leaves INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (day, account_id, room_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE stats_account_hourly ("
                       " hour INTEGER NOT NULL,"
                       " account_id TEXT NOT NULL,"
                       " customer_msgs INTEGER NOT NULL DEFAULT 0,"
                       " staff_msgs INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (hour, account_id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE stats_account_customer_days ("
                       " day INTEGER NOT NULL,"
                       " account_id TEXT NOT NULL,"
                       " customer_id TEXT NOT NULL,"
                       " messages INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (day, account_id, customer_id)) WITHOUT ROWID"),
        // One group or the groups of a tag: their rows by conversation.
        QStringLiteral("CREATE INDEX stats_hourly_by_room ON stats_hourly (account_id, room_id, "
                       "hour)"),
        QStringLiteral("CREATE INDEX stats_customer_days_by_room ON stats_customer_days"
                       " (account_id, room_id, day, customer_id, messages)"),
        // Response times are read conversation by conversation (one rule
        // each), from the index alone.
        QStringLiteral("DROP INDEX IF EXISTS stats_responses_by_start"),
        QStringLiteral("CREATE INDEX stats_responses_by_room ON stats_responses"
                       " (account_id, room_id, start_ms, reply_ms)"),
        // Filled once from the counters kept so far.
        QStringLiteral("INSERT INTO stats_daily (day, account_id, room_id, customer_msgs, "
                       "staff_msgs, joins, leaves)"
                       " SELECT %1 AS d, account_id, room_id, SUM(customer_msgs), "
                       "SUM(staff_msgs), SUM(joins), SUM(leaves) FROM stats_hourly"
                       " GROUP BY d, account_id, room_id")
            .arg(localDay),
        QStringLiteral("INSERT INTO stats_account_hourly (hour, account_id, customer_msgs, "
                       "staff_msgs)"
                       " SELECT hour, account_id, SUM(customer_msgs), SUM(staff_msgs) FROM "
                       "stats_hourly WHERE customer_msgs + staff_msgs > 0 GROUP BY hour, "
                       "account_id"),
        QStringLiteral("INSERT INTO stats_account_customer_days (day, account_id, customer_id, "
                       "messages)"
                       " SELECT day, account_id, customer_id, SUM(messages) FROM "
                       "stats_customer_days GROUP BY day, account_id, customer_id"),
    };
    for (const QString &sql : statements) {
        if (!exec(q, sql, error))
            return false;
    }
    return true;
}

// What a batch did to stats_waits, by account and conversation: the
// customers it left waiting (put there, or known to be there), and the waits
// it answered (whole conversations, and customers a reply mentioned).
struct StatsCounters::WaitMemory::Change
{
    QHash<std::pair<QString, QString>, QSet<QString>> waiting;
    QSet<std::pair<QString, QString>> answeredRooms;
    QHash<std::pair<QString, QString>, QSet<QString>> answeredCustomers;

    bool answered(const std::pair<QString, QString> &room, const QString &customer) const
    {
        if (answeredRooms.contains(room))
            return true;
        const auto it = answeredCustomers.constFind(room);
        return it != answeredCustomers.cend() && it->contains(customer);
    }
};

struct StatsCounters::Tally::Data
{
    QHash<HourKey, HourCounts> hours;
    QHash<DayKey, qint64> days;
    QHash<DayKey, HourCounts> dailies; // (day, account, conversation, "")
    QHash<qint64, qint64> dayOfHour; // local day of each UTC hour seen (no offsets below 1 h)
    // A customer writing again before a reply needs no statement (a busy
    // group's customers write several times in a row).
    WaitMemory::Change waits;
};

struct StatsCounters::WaitMemory::Data
{
    QHash<std::pair<QString, QString>, QSet<QString>> waiting; // (account, room) -> customers
    qsizetype size = 0;
};

StatsCounters::WaitMemory::WaitMemory()
    : d(std::make_unique<Data>())
{}

StatsCounters::WaitMemory::~WaitMemory() = default;

std::shared_ptr<const StatsCounters::WaitMemory::Change>
StatsCounters::WaitMemory::changeOf(const Tally &tally)
{
    return std::make_shared<Change>(tally.d->waits); // shares the hashes' data
}

void StatsCounters::WaitMemory::learn(const Change &change)
{
    // Answers first: a customer answered and waiting again in the same
    // batch is in `waiting` as well.
    for (const auto &room : change.answeredRooms) {
        const auto it = d->waiting.constFind(room);
        if (it != d->waiting.cend()) {
            d->size -= it->size();
            d->waiting.erase(it);
        }
    }
    for (auto it = change.answeredCustomers.cbegin(); it != change.answeredCustomers.cend(); ++it) {
        const auto room = d->waiting.find(it.key());
        if (room == d->waiting.end())
            continue;
        for (const QString &customer : it.value())
            d->size -= room->remove(customer) ? 1 : 0;
    }
    for (auto it = change.waiting.cbegin(); it != change.waiting.cend(); ++it) {
        if (it->isEmpty())
            continue;
        QSet<QString> &room = d->waiting[it.key()];
        d->size -= room.size();
        room.unite(it.value());
        d->size += room.size();
    }
    if (d->size > kLimit) {
        d->waiting.clear();
        d->size = 0;
    }
}

bool StatsCounters::WaitMemory::knows(const QString &accountId, const QString &roomId,
                                      const QString &customerId) const
{
    const auto it = d->waiting.constFind({accountId, roomId});
    return it != d->waiting.cend() && it->contains(customerId);
}

StatsCounters::Tally::Tally()
    : d(std::make_unique<Data>())
{}

StatsCounters::Tally::~Tally() = default;

bool StatsCounters::Tally::isEmpty() const
{
    return d->hours.isEmpty() && d->days.isEmpty() && d->dailies.isEmpty();
}

QSqlQuery *StatsCounters::recordMessages(const Prepare &prepared, const QVector<Message> &stored)
{
    Tally tally;
    if (QSqlQuery *bad = recordMessages(prepared, stored, tally))
        return bad;
    return writeTally(prepared, tally);
}

QSqlQuery *StatsCounters::recordMessages(const Prepare &prepared, const QVector<Message> &stored,
                                         Tally &tally, const WaitMemory *known)
{
    QHash<HourKey, HourCounts> &hours = tally.d->hours;
    QHash<DayKey, qint64> &days = tally.d->days;
    QHash<DayKey, HourCounts> &dailies = tally.d->dailies;
    QHash<qint64, qint64> &dayOfHour = tally.d->dayOfHour;
    WaitMemory::Change &waits = tally.d->waits;
    QHash<std::pair<QString, QString>, QSet<QString>> &waiting = waits.waiting;

    QSqlQuery &wait = prepared(QStringLiteral(
        "INSERT INTO stats_waits (account_id, room_id, customer_id, since_ms)"
        " VALUES (:p0, :p1, :p2, :p3) ON CONFLICT (account_id, room_id, customer_id) DO NOTHING"));
    QSqlQuery &answerOne = prepared(QStringLiteral(
        "INSERT INTO stats_responses (account_id, room_id, customer_id, start_ms, reply_ms)"
        " SELECT account_id, room_id, customer_id, since_ms, :p0 FROM stats_waits"
        " WHERE account_id = :p1 AND room_id = :p2 AND customer_id = :p3"));
    QSqlQuery &answerAll = prepared(QStringLiteral(
        "INSERT INTO stats_responses (account_id, room_id, customer_id, start_ms, reply_ms)"
        " SELECT account_id, room_id, customer_id, since_ms, :p0 FROM stats_waits"
        " WHERE account_id = :p1 AND room_id = :p2"));
    QSqlQuery &clearOne = prepared(QStringLiteral(
        "DELETE FROM stats_waits WHERE account_id = :p1 AND room_id = :p2 AND customer_id = :p3"));
    QSqlQuery &clearAll = prepared(
        QStringLiteral("DELETE FROM stats_waits WHERE account_id = :p1 AND room_id = :p2"));
    // The staff-tagged contacts of each account, asked once per call (they
    // are few; asking per talker cost a query per message in a burst).
    QSqlQuery &staffTag = prepared(
        QStringLiteral("SELECT ct.contact_id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
                       " WHERE ct.account_id = :p0 AND t.name = :p1"));
    QHash<QString, QSet<QString>> staffOf; // account -> tagged staff
    auto isStaff = [&](const Message &m, bool *ok) {
        *ok = true;
        if (m.fromSelf)
            return true;
        if (m.talkerId.isEmpty())
            return false;
        auto it = staffOf.constFind(m.accountId);
        if (it == staffOf.cend()) {
            staffTag.bindValue(p[0], m.accountId);
            staffTag.bindValue(p[1], QLatin1String(kStaffTag));
            if (!staffTag.exec()) {
                *ok = false;
                return false;
            }
            QSet<QString> staff;
            while (staffTag.next())
                staff.insert(staffTag.value(0).toString());
            staffTag.finish();
            it = staffOf.insert(m.accountId, staff);
        }
        return it->contains(m.talkerId);
    };
    for (const Message *m : inTimeOrder(stored)) {
        if (!counts(*m))
            continue;
        const QString conversation = m->conversationId();
        const qint64 hour = hourOf(m->timestampMs);
        HourCounts &h = hours[{hour, m->accountId, conversation}];
        bool ok = true;
        const bool staff = isStaff(*m, &ok);
        if (!ok)
            return &staffTag;
        // In a zone of whole hours a UTC hour lies within one local day.
        static const bool wholeHours = QDateTime::currentDateTime().offsetFromUtc() % 3600 == 0;
        qint64 d;
        if (wholeHours) {
            auto day = dayOfHour.constFind(hour);
            if (day == dayOfHour.cend())
                day = dayOfHour.insert(hour, localDayOf(m->timestampMs));
            d = *day;
        } else {
            d = localDayOf(m->timestampMs);
        }
        HourCounts &daily = dailies[{d, m->accountId, conversation, QString()}];
        if (!staff) {
            ++h.customer;
            ++daily.customer;
            if (m->talkerId.isEmpty())
                continue;
            ++days[{d, m->accountId, conversation, m->talkerId}];
            const std::pair<QString, QString> room{m->accountId, conversation};
            QSet<QString> &waitingHere = waiting[room];
            if (waitingHere.contains(m->talkerId))
                continue; // waiting since an earlier message: the row stays
            waitingHere.insert(m->talkerId);
            if (known && known->knows(m->accountId, conversation, m->talkerId)
                && !waits.answered(room, m->talkerId))
                continue; // waiting since an earlier batch, not answered since

            wait.bindValue(p[0], m->accountId);
            wait.bindValue(p[1], conversation);
            wait.bindValue(p[2], m->talkerId);
            wait.bindValue(p[3], m->timestampMs);
            if (!wait.exec())
                return &wait;
            continue;
        }
        ++h.staff;
        ++daily.staff;
        // A reply that mentions waiting customers answers them; any other
        // reply answers everyone waiting in the conversation.
        bool answeredMentioned = false;
        for (const QString &id : m->mentionIds) {
            answerOne.bindValue(p[0], m->timestampMs);
            answerOne.bindValue(p[1], m->accountId);
            answerOne.bindValue(p[2], conversation);
            answerOne.bindValue(p[3], id);
            if (!answerOne.exec())
                return &answerOne;
            if (answerOne.numRowsAffected() > 0) {
                answeredMentioned = true;
                waiting[{m->accountId, conversation}].remove(id);
                waits.answeredCustomers[{m->accountId, conversation}].insert(id);
                clearOne.bindValue(p[1], m->accountId);
                clearOne.bindValue(p[2], conversation);
                clearOne.bindValue(p[3], id);
                if (!clearOne.exec())
                    return &clearOne;
            }
        }
        if (answeredMentioned)
            continue;
        waiting.remove({m->accountId, conversation});
        waits.answeredRooms.insert({m->accountId, conversation});
        waits.answeredCustomers.remove({m->accountId, conversation});
        answerAll.bindValue(p[0], m->timestampMs);
        answerAll.bindValue(p[1], m->accountId);
        answerAll.bindValue(p[2], conversation);
        if (!answerAll.exec())
            return &answerAll;
        if (answerAll.numRowsAffected() > 0) {
            clearAll.bindValue(p[1], m->accountId);
            clearAll.bindValue(p[2], conversation);
            if (!clearAll.exec())
                return &clearAll;
        }
    }

    return nullptr;
}

QSqlQuery *StatsCounters::writeTally(const Prepare &prepared, Tally &tally)
{
    const QHash<HourKey, HourCounts> &hours = tally.d->hours;
    const QHash<DayKey, qint64> &days = tally.d->days;
    const QHash<DayKey, HourCounts> &dailies = tally.d->dailies;
    QSqlQuery &hour = prepared(kUpsertHour);
    for (auto it = hours.cbegin(); it != hours.cend(); ++it) {
        hour.bindValue(p[0], it.key().hour);
        hour.bindValue(p[1], it.key().accountId);
        hour.bindValue(p[2], it.key().roomId);
        hour.bindValue(p[3], it->customer);
        hour.bindValue(p[4], it->staff);
        if (!hour.exec())
            return &hour;
    }
    QSqlQuery &day = prepared(kUpsertDay);
    QHash<DayKey, qint64> accountDays; // (day, account, "", customer): all conversations
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        day.bindValue(p[0], it.key().day);
        day.bindValue(p[1], it.key().accountId);
        day.bindValue(p[2], it.key().roomId);
        day.bindValue(p[3], it.key().customerId);
        day.bindValue(p[4], it.value());
        if (!day.exec())
            return &day;
        accountDays[{it.key().day, it.key().accountId, QString(), it.key().customerId}]
            += it.value();
    }
    // The rollups the view reads, so a period costs rows per day or per
    // account rather than per conversation and hour.
    QSqlQuery &daily = prepared(kUpsertDaily);
    for (auto it = dailies.cbegin(); it != dailies.cend(); ++it) {
        daily.bindValue(p[0], it.key().day);
        daily.bindValue(p[1], it.key().accountId);
        daily.bindValue(p[2], it.key().roomId);
        daily.bindValue(p[3], it->customer);
        daily.bindValue(p[4], it->staff);
        if (!daily.exec())
            return &daily;
    }
    QHash<AccountKey, HourCounts> accountHours;
    for (auto it = hours.cbegin(); it != hours.cend(); ++it) {
        HourCounts &a = accountHours[{it.key().hour, it.key().accountId}];
        a.customer += it->customer;
        a.staff += it->staff;
    }
    QSqlQuery &accountHour = prepared(kUpsertAccountHour);
    for (auto it = accountHours.cbegin(); it != accountHours.cend(); ++it) {
        accountHour.bindValue(p[0], it.key().at);
        accountHour.bindValue(p[1], it.key().accountId);
        accountHour.bindValue(p[2], it->customer);
        accountHour.bindValue(p[3], it->staff);
        if (!accountHour.exec())
            return &accountHour;
    }
    QSqlQuery &accountDay = prepared(kUpsertAccountCustomerDay);
    for (auto it = accountDays.cbegin(); it != accountDays.cend(); ++it) {
        accountDay.bindValue(p[0], it.key().day);
        accountDay.bindValue(p[1], it.key().accountId);
        accountDay.bindValue(p[2], it.key().customerId);
        accountDay.bindValue(p[3], it.value());
        if (!accountDay.exec())
            return &accountDay;
    }
    return nullptr;
}

QSqlQuery *StatsCounters::recordMembership(const Prepare &prepared, const QString &accountId,
                                           const QString &roomId, const QStringList &contactIds,
                                           qint64 atMs, bool joined)
{
    QSqlQuery &known = prepared(QStringLiteral(
        "SELECT joined_ms, left_ms FROM room_members WHERE account_id = :p0 AND room_id = :p1"
        " AND contact_id = :p2"));
    int changed = 0;
    for (const QString &id : contactIds) {
        known.bindValue(p[0], accountId);
        known.bindValue(p[1], roomId);
        known.bindValue(p[2], id);
        if (!known.exec())
            return &known;
        if (!known.next()) {
            ++changed; // unknown so far: joined, or left before we saw them
        } else {
            const qint64 joinedMs = known.value(0).toLongLong();
            const qint64 leftMs = known.value(1).toLongLong();
            // The same conditions under which Store applies the event.
            if (joined ? (leftMs > 0 && leftMs <= atMs) : (leftMs == 0 && joinedMs <= atMs))
                ++changed;
        }
        known.finish();
    }
    return addMembership(prepared, accountId, roomId, atMs, joined ? changed : 0,
                         joined ? 0 : changed);
}

QSqlQuery *StatsCounters::addMembership(const Prepare &prepared, const QString &accountId,
                                        const QString &roomId, qint64 atMs, int joins, int leaves)
{
    if (joins == 0 && leaves == 0)
        return nullptr;
    QSqlQuery &q = prepared(kUpsertMembership);
    q.bindValue(p[0], hourOf(atMs));
    q.bindValue(p[1], accountId);
    q.bindValue(p[2], roomId);
    q.bindValue(p[3], joins);
    q.bindValue(p[4], leaves);
    if (!q.exec())
        return &q;
    QSqlQuery &daily = prepared(kUpsertDailyMembership);
    daily.bindValue(p[0], localDayOf(atMs));
    daily.bindValue(p[1], accountId);
    daily.bindValue(p[2], roomId);
    daily.bindValue(p[3], joins);
    daily.bindValue(p[4], leaves);
    return daily.exec() ? nullptr : &daily;
}

} // namespace gd
