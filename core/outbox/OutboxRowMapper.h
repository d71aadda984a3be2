#pragma once
// How an outbox row is read: the column list and the conversion to an
// OutboxEntry, used by every outbox query, so a new column is added in one
// place.

#include "model/Types.h"

#include <QString>

class QSqlQuery;

namespace gd {

class OutboxRowMapper
{
public:
    // The columns fromQuery() expects, in order (for "SELECT %1 FROM outbox").
    static QString columns();
    static OutboxEntry fromQuery(const QSqlQuery &q);
};

} // namespace gd
