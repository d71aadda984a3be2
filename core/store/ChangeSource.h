#pragma once
// One kind of row that ChangeListener follows on a shared server archive:
// where its rows are, what orders their changes, and what to do with the
// rows other programs changed. The room that owns the table says it (the
// store: messages; core/outbox: outbox rows; core/monitor: alerts), so the
// listener needs no knowledge of their types.

#include <QString>

#include <functional>

class QSqlQuery;

namespace gd {

struct ChangeSource
{
    QString kind; // as in the notification: "messages", "outbox", "alerts", "presence"
    QString table; // FROM clause, with the alias the columns use ("messages m")
    QString number; // the change number column ("m.id", "o.change_seq")
    QString origin; // the change origin column ("m.change_origin")
    QString columns; // the row mapper's columns, first in the SELECT
    int columnCount = 0;
    QString filter; // an extra condition for the rows worth delivering (may be empty)
    // On the listener's thread: one row another program changed (the row
    // mapper's columns from index 0), in change order...
    std::function<void(const QSqlQuery &row)> take;
    // ...and, after the rows of one catch-up, hands them on.
    std::function<void()> deliver;
};

} // namespace gd
