#pragma once
// "What would this rule have done?": runs one rule, before it is saved, over
// the archived messages of a time range and returns the alerts it would have
// raised (not stored). Text rules are matched message by message; a
// response-time rule replays its timers on the messages' own times, staff
// replies included. Meant for a worker thread (it opens its own reader);
// reports progress and stops soon after `cancel` is set.

#include "monitor/Alert.h"
#include "monitor/AlertRule.h"
#include "monitor/MessageSignals.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace gd {

class RuleDryRun
{
public:
    struct Result
    {
        int count = 0; // alerts the rule would have raised
        QVector<Alert> alerts; // the first maxListed of them, oldest first
        qint64 scanned = 0; // messages looked at
        bool cancelled = false;
        QString error; // why it could not run (user's language)
    };
    using Progress = std::function<void(qint64 done, qint64 total)>;

    static Result run(const QString &databasePath, const AlertRule &rule, qint64 fromMs,
                      qint64 toMs, const MessageSignalSourceFactory &signalSource,
                      const QString &staffTag, const std::atomic<bool> &cancel,
                      const Progress &progress, int maxListed = 1000);
};

} // namespace gd
