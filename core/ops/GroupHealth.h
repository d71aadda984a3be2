#pragma once
// How alive a customer group is, from its recent activity: customer
// messages, distinct customers who wrote, and staff replies (the bot's own
// sends and contacts tagged as staff) over the last 7 and 30 days. Rated
// 0 to 5 stars so the group list can show and sort it and the cleanup can
// pick the quiet groups. Plain values and pure functions.

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace gd {

struct GroupActivityCounts
{
    QString roomId;
    QString topic;
    int customerMessages7 = 0;
    int activeCustomers7 = 0;
    int staffReplies7 = 0;
    int customerMessages30 = 0;
    int activeCustomers30 = 0;
    int staffReplies30 = 0;
    qint64 lastCustomerMs = 0; // within the 30 days; 0: none

    bool operator==(const GroupActivityCounts &other) const = default;
};

class GroupHealth
{
    Q_DECLARE_TR_FUNCTIONS(GroupHealth)

public:
    static constexpr int kMaxStars = 5;

    // 0.0 .. 5.0: conversation volume (up to 2), distinct customers (1.5),
    // staff replies (1), the last week's customer messages (0.5). Each part
    // saturates, so one chatty customer cannot make a group look healthy.
    static double score(const GroupActivityCounts &activity);
    static int stars(const GroupActivityCounts &activity); // score rounded, 0..5
    // Two stars or fewer: a candidate for cleanup.
    static bool isQuiet(const GroupActivityCounts &activity) { return stars(activity) <= 2; }
    // "★★★☆☆"
    static QString starText(int stars);
    // The quiet groups, quietest first (then the longest silent).
    static QVector<GroupActivityCounts> quietGroups(QVector<GroupActivityCounts> groups);
};

} // namespace gd
