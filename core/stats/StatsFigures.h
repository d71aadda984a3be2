#pragma once
// StatsFigures: what the statistics view and the reports show for one scope
// and period (compared with the period before it), as plain values.

#include <QDate>
#include <QMap>
#include <QString>
#include <QVector>

#include <array>

namespace gd {

// Which conversations the figures cover.
struct StatsScope
{
    enum class Kind : int { All = 0, Group = 1, Tag = 2, Account = 3 };
    Kind kind = Kind::All;
    QString accountId; // Group, Account
    QString roomId; // Group
    QString tag; // Tag: a room tag's name
};

struct StatsRequest
{
    StatsScope scope;
    QDate from; // first local day
    QDate to; // last local day (inclusive)
    qint64 nowMs = 0; // waits still open are measured up to here (0: the current time)
    int topCount = 10; // most active customers, quietest groups
};

// First-response time buckets: < 1 min, 1-5, 5-15, 15-60 min, >= 1 h.
inline constexpr int kResponseBuckets = 5;
inline constexpr qint64 kResponseBucketLimitsMs[kResponseBuckets - 1]
    = {60'000, 300'000, 900'000, 3'600'000};

struct PeriodFigures
{
    qint64 customerMessages = 0;
    qint64 staffMessages = 0;
    qint64 activeCustomers = 0; // distinct (account, customer) who wrote
    qint64 joins = 0;
    qint64 leaves = 0;
    // Waits that began in the period (a customer wrote, nobody had answered
    // since) and were answered; times count business hours only where a
    // response-time rule sets them for the conversation.
    qint64 responses = 0;
    qint64 unanswered = 0; // waits that began in the period and still wait
    qint64 medianResponseMs = -1; // -1: no responses
    qint64 p90ResponseMs = -1;
    std::array<qint64, kResponseBuckets> responseBuckets{};
    // Against the response-time rule of the conversation (waits without a
    // rule count in neither): answered in time, answered late or waiting too long.
    qint64 targetMet = 0;
    qint64 targetMissed = 0;
    QMap<int, qint64> alertsByKind; // AlertKind -> alerts raised in the period
};

struct HourVolume
{
    qint64 hourStartMs = 0; // UTC hour start
    qint64 customer = 0;
    qint64 staff = 0;
};

struct CustomerActivity
{
    QString accountId;
    QString customerId;
    QString name; // as known from contacts or room members; may be empty
    qint64 messages = 0;
};

struct GroupActivity
{
    QString accountId;
    QString roomId;
    QString topic;
    qint64 messages = 0; // customers' and staff's
};

struct StatsFigures
{
    StatsRequest request;
    qint64 fromMs = 0; // local midnight starting `from`
    qint64 toMs = 0; // local midnight after `to`
    PeriodFigures current;
    PeriodFigures previous; // the same number of days just before
    QVector<HourVolume> hourly; // current period, every hour (zeros included)
    // Customer and staff messages by local weekday (0 = Monday) and hour.
    std::array<std::array<qint64, 24>, 7> heatmap{};
    QVector<CustomerActivity> topCustomers; // most messages first
    QVector<GroupActivity> quietestGroups; // groups (rooms) in scope, fewest messages first
    qint64 elapsedMs = 0; // how long computing took
};

// Hour, local day or ISO week (from Monday) bins of the hourly series.
struct VolumeBin
{
    qint64 startMs = 0;
    qint64 customer = 0;
    qint64 staff = 0;
};
enum class VolumeGranularity : int { Hour = 0, Day = 1, Week = 2 };
QVector<VolumeBin> binVolume(const QVector<HourVolume> &hourly, VolumeGranularity granularity);

} // namespace gd
