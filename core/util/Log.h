#pragma once
// Logging categories and set-up. Secrets never go to the log.

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGateway)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace gd {
// Installs a message handler that writes timestamped lines to stderr and,
// if logFilePath is not empty, to that file.
void installLogHandler(const QString &logFilePath = {});
} // namespace gd
