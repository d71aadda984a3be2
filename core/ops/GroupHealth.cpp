#include "ops/GroupHealth.h"

#include <algorithm>
#include <cmath>

namespace gd {

double GroupHealth::score(const GroupActivityCounts &a)
{
    const auto part = [](double value, double full) { return std::min(1.0, value / full); };
    // Volume on a log scale: 60 customer messages a month is "full", and
    // the first few count the most.
    const double volume = std::log2(1.0 + a.customerMessages30) / std::log2(61.0);
    double s = 2.0 * std::min(1.0, volume);
    s += 1.5 * part(a.activeCustomers30, 10);
    s += 1.0 * part(a.staffReplies30, 30);
    s += 0.5 * part(a.customerMessages7, 10);
    return s;
}

int GroupHealth::stars(const GroupActivityCounts &activity)
{
    return std::clamp(int(std::lround(score(activity))), 0, kMaxStars);
}

QString GroupHealth::starText(int stars)
{
    stars = std::clamp(stars, 0, kMaxStars);
    return QString(stars, QChar(0x2605)) + QString(kMaxStars - stars, QChar(0x2606));
}

QVector<GroupActivityCounts> GroupHealth::quietGroups(QVector<GroupActivityCounts> groups)
{
    groups.removeIf([](const GroupActivityCounts &a) { return !isQuiet(a); });
    std::stable_sort(groups.begin(), groups.end(),
                     [](const GroupActivityCounts &a, const GroupActivityCounts &b) {
                         const double sa = score(a), sb = score(b);
                         if (sa != sb)
                             return sa < sb;
                         return a.lastCustomerMs < b.lastCustomerMs;
                     });
    return groups;
}

} // namespace gd
