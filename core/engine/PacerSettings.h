#pragma once
// The send pacer is settable without rebuilding: QSettings keys
// pacer/messagesPerSecond, pacer/burst and pacer/jitterMs override the
// SessionTuning defaults (about 1 message/s, a burst of 3, up to 300 ms of
// random jitter). Out-of-range values are clamped to something safe.

#include "engine/SessionTuning.h"

class QSettings;

namespace gd {

void applyPacerSettings(SessionTuning &tuning, const QSettings &settings);

} // namespace gd
