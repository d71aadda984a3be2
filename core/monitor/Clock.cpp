#include "monitor/Clock.h"

#include <QDateTime>

namespace gd {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace gd
