#pragma once
// How urgent a monitoring hit is, lowest to highest. Stored and exchanged by
// its stable English name ("info" ... "critical"), never by display text.

#include <QString>
#include <QStringView>

#include <optional>

namespace gd {

enum class Severity : int {
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
};

// "info", "low", "medium", "high", "critical".
QString severityName(Severity severity);
// The inverse of severityName (case-insensitive); nothing for an unknown name.
std::optional<Severity> severityFromName(QStringView name);

} // namespace gd
