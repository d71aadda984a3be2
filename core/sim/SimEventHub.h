#pragma once
// The simulator's Event subscribers: at most one stream per token, events
// fanned out to all of them in one order. Callers queue events under their
// own locks and call flush() after releasing them; flush() starts the writes
// and runs deferred callbacks, so no gRPC call ever happens under a lock.

#include "sim/SimEvent.h"
#include "sim/SimEventSink.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace gd::sim {

class SimEventHub
{
public:
    // Registers a sink for token with the replay events queued first.
    // False if the token already has a stream (ALREADY_EXISTS).
    bool attach(const QString &token, const std::shared_ptr<SimEventSink> &sink,
                const QVector<SimEvent> &replay);
    void detach(const SimEventSink *sink);

    // Queues the event for every subscriber; returns how many got it. Only the
    // first gets event.onWritten; with no subscriber it runs (false) at flush().
    int broadcast(SimEvent event);
    // Runs fn at the next flush(), outside every lock.
    void defer(std::function<void()> fn);
    void flush();

    int subscriberCount() const;
    // Ends every stream (shutdown, or a fault) with the given status code.
    void closeAll(int code, const QString &message);

private:
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<SimEventSink>> m_sinks; // token -> stream
    std::vector<std::shared_ptr<SimEventSink>> m_toKick;
    std::vector<std::function<void()>> m_deferred;
};

} // namespace gd::sim
