#include "engine/PacerSettings.h"

#include <QSettings>

#include <algorithm>

namespace gd {

void applyPacerSettings(SessionTuning &tuning, const QSettings &settings)
{
    bool ok = false;
    const double rate = settings.value(QStringLiteral("pacer/messagesPerSecond")).toDouble(&ok);
    if (ok)
        tuning.sendRatePerSecond
            = std::clamp(rate, 0.01, 20.0); // never faster than WeChat tolerates in bursts
    const int burst = settings.value(QStringLiteral("pacer/burst")).toInt(&ok);
    if (ok)
        tuning.sendBurst = std::clamp(burst, 1, 20);
    const int jitter = settings.value(QStringLiteral("pacer/jitterMs")).toInt(&ok);
    if (ok)
        tuning.sendJitterMs = std::clamp(jitter, 0, 10000);
}

} // namespace gd
