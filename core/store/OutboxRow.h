#pragma once
// How an outbox row is read: the column list and the conversion to an
// OutboxEntry, shared by the writer (which reports changed rows) and the
// reader, so a new column is added in one place.

#include "model/Types.h"

#include <QString>

class QSqlQuery;

namespace gd {

// The columns outboxFromQuery() expects, in order.
QString outboxColumns();
OutboxEntry outboxFromQuery(const QSqlQuery &q);

} // namespace gd
