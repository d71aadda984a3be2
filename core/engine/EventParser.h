#pragma once
// Turns one Event-stream item (type number + JSON text) into a typed event.
// Never throws and never crashes on bad input: malformed JSON, missing
// required fields or fields of the wrong type give a MalformedEvent with the
// reason; unknown types give an IgnoredEvent; unknown fields are ignored.

#include "engine/GatewayEvent.h"

#include <QByteArray>

namespace gd {

class EventParser
{
public:
    static events::GatewayEvent parse(int type, const QByteArray &payloadJson);
    // Gateways send ms; some send seconds. Values below 1e11 are seconds.
    static qint64 normalizeTimestampMs(double value);
};

} // namespace gd
