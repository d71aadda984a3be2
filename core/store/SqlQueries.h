#pragma once
// The small helpers every read of the store shares: prepare, bind in order,
// run, and log a failure with the statement (never the bound values: they
// are customers' text).

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

class QSqlQuery;

namespace gd {

class SqlQueries
{
public:
    // false (and a log line) when the statement cannot be prepared or run.
    static bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds);
    // The first column of every row (empty on failure).
    static QStringList strings(const QSqlDatabase &db, const QString &sql,
                               const QVariantList &binds);
};

} // namespace gd
