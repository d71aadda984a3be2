#pragma once
// What the monitor needs to know about a message's text, whoever computes it:
// is it a complaint, how unhappy is its tone, does it ask something, which
// lexicon keywords it contains. MessageSignalSource is the seam between the
// alerting side (rules, timers) and the classifier (lexicons, tone scorer).
// One source is used from one thread only.

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace gd {

struct MessageSignals
{
    bool complaint = false;
    double tone = 0; // below 0 is unhappy
    bool question = false;
    QStringList keywords; // lexicon words found
};

class MessageSignalSource
{
public:
    virtual ~MessageSignalSource() = default;
    virtual MessageSignals analyse(const QString &text) = 0;
};

// Makes a source for a thread (the monitor thread, a dry run's worker).
using MessageSignalSourceFactory = std::function<std::unique_ptr<MessageSignalSource>()>;

} // namespace gd
