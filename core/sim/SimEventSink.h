#pragma once
// One subscriber's outgoing event queue, as the hub sees it. The gRPC Event
// stream implements it; tests could implement it without a network.
// enqueue() does no I/O so it may be called under the simulator's locks;
// kick() and close() talk to the transport and are called with no lock held.

#include "sim/SimEvent.h"

#include <QString>

namespace gd::sim {

class SimEventSink
{
public:
    virtual ~SimEventSink() = default;
    // Queues an event; false if the stream is closing (the event is dropped).
    virtual bool enqueue(SimEvent event) = 0;
    // Starts writing what is queued, if no write is in flight.
    virtual void kick() = 0;
    // Ends the stream with a gRPC status code.
    virtual void close(int code, const QString &message) = 0;
};

} // namespace gd::sim
