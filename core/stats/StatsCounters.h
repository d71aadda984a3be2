#pragma once
// StatsCounters: the statistics tables the store writer keeps up to date in
// the transaction that stores the messages, so the statistics view reads
// small pre-aggregated rows and never scans the archive:
//   stats_hourly        (account, conversation, UTC hour) -> customer and
//                       staff messages, joins, leaves
//   stats_customer_days (account, conversation, local day, customer) ->
//                       messages; distinct active customers of any whole-day
//                       period are exact from it
//   stats_waits         customers waiting for a reply now (since when)
//   stats_responses     answered waits: when the customer wrote, when staff
//                       replied (business hours are applied when reading, so
//                       changing them changes the figures of the past too)
// and rollups of them, so a month of figures reads a few thousand rows
// however many groups there are (a group is busy some hours of a day):
//   stats_daily         (local day, account, conversation) -> customer and
//                       staff messages, joins, leaves
//   stats_account_hourly (UTC hour, account) -> customer and staff messages
//   stats_account_customer_days (local day, account, customer) -> messages
// Staff are the bot account's own messages (from_self) and contacts carrying
// the staff tag (kStaffTag, as monitoring has it) when the message is
// stored; group system lines are not counted. Stateless: the caller passes its connection's
// statement cache (StoreWriter::Batch::prepared) and reports a failure.

#include "model/Types.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

class QSqlDatabase;
class QSqlQuery;

namespace gd {

class StatsCounters
{
public:
    using Prepare = std::function<QSqlQuery &(const QString &sql)>;

    static constexpr qint64 kHourMs = 3600 * 1000;
    static constexpr const char *kStaffTag = "staff";
    static qint64 hourOf(qint64 ms) { return ms / kHourMs; }
    // The local calendar day of a time, as a Julian day number (QDate's).
    static qint64 localDayOf(qint64 ms);
    // Whether a stored message counts, and as whose.
    static bool counts(const Message &m) { return m.kind != MessageKind::System; }

    // Migration step: creates the tables and fills them once from the
    // messages and room members already stored. false and *error on failure.
    static bool createTables(QSqlDatabase &db, QString *error);
    // Migration step after it: the rollups and the indexes by conversation,
    // filled once from the counters.
    static bool createRollups(QSqlDatabase &db, QString *error);

    // Counts of stored messages summed in memory (hours, customer days,
    // days, and the account rollups), to be written at once by writeTally:
    // the store writer keeps one per batch rather than upserting per job.
    class Tally
    {
    public:
        Tally();
        ~Tally();
        Tally(const Tally &) = delete;
        Tally &operator=(const Tally &) = delete;
        bool isEmpty() const;

    private:
        friend class StatsCounters;
        struct Data;
        std::unique_ptr<Data> d;
    };

    // The customers the writer knows to be waiting in stats_waits as of its
    // last commit, kept across batches by a writer that is the archive's
    // only one (an SQLite file): a customer who writes again before a reply
    // then needs no statement in later batches either (in a burst across
    // hundreds of groups that was one statement per customer and batch).
    // It learns only from committed batches (learn(), after the commit), so
    // a batch rolled back leaves it as it was.
    class WaitMemory
    {
    public:
        WaitMemory();
        ~WaitMemory();
        WaitMemory(const WaitMemory &) = delete;
        WaitMemory &operator=(const WaitMemory &) = delete;
        // What a batch's tally changed, to be learnt once it committed.
        struct Change;
        static std::shared_ptr<const Change> changeOf(const Tally &tally);
        void learn(const Change &change);
        bool knows(const QString &accountId, const QString &roomId,
                   const QString &customerId) const;
        // Beyond this many waiting customers it starts again from nothing
        // (every wait is then written once more, and remembered again).
        static constexpr qsizetype kLimit = 200000;

    private:
        struct Data;
        std::unique_ptr<Data> d;
    };

    // The messages stored new in this batch (duplicates left out). Returns
    // the statement that failed, or nullptr.
    static QSqlQuery *recordMessages(const Prepare &prepared, const QVector<Message> &stored);
    // The same, but the counts go to `tally`; waits and responses (which
    // depend on the order of messages) are written at once. `known`, if
    // given, is what earlier committed batches left in stats_waits.
    static QSqlQuery *recordMessages(const Prepare &prepared, const QVector<Message> &stored,
                                     Tally &tally, const WaitMemory *known = nullptr);
    // Writes what `tally` summed up (and leaves it as it is).
    static QSqlQuery *writeTally(const Prepare &prepared, Tally &tally);
    // Before a join or leave event is applied to room_members: counts those
    // of `contactIds` for whom it changes something (a join of a present
    // member or a leave of one who left is a replay).
    static QSqlQuery *recordMembership(const Prepare &prepared, const QString &accountId,
                                       const QString &roomId, const QStringList &contactIds,
                                       qint64 atMs, bool joined);
    // Joins and leaves seen by a member sync (already decided by the caller).
    static QSqlQuery *addMembership(const Prepare &prepared, const QString &accountId,
                                    const QString &roomId, qint64 atMs, int joins, int leaves);
};

} // namespace gd
