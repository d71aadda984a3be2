#pragma once
// Logging categories and set-up. Secrets never go to the log.
// Lines about single messages (a repeat, a failed fetch) are debug lines:
// they are shown only in verbose mode, so a burst of 100,000 messages cannot
// flood the terminal or the log file. The log file rotates by size.

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcGateway)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace gd {

struct LogOptions
{
    // Debug lines (per message, per call) too. QT_LOGGING_RULES still wins.
    bool verbose = false;
    // The file is renamed to <file>.1 (.1 to .2, ...) when it passes this
    // size; <file>.<keptFiles - 1> is the oldest kept. Bounds the log to
    // about maxFileBytes * keptFiles.
    qint64 maxFileBytes = 10 * 1024 * 1024;
    int keptFiles = 5;
};

// Installs a message handler that writes timestamped lines to stderr and,
// if logFilePath is not empty, to that file (rotated as options say).
// Calling it again replaces the file and the options.
void installLogHandler(const QString &logFilePath = {}, const LogOptions &options = {});
} // namespace gd
