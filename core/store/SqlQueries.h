#pragma once
// The small helpers every repository shares: prepare, bind in order, run,
// and log a failure with the statement (never the bound values: they are
// customers' text); text columns bound as '' rather than NULL.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

class QSqlQuery;

namespace gd {

class SqlQueries
{
public:
    // false (and a log line) when the statement cannot be prepared or run.
    static bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds);
    // The same, with the driver's reason in *error (when given) on failure.
    static bool exec(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error);
    // A text value to bind: a null QString becomes '' (text columns are NOT
    // NULL, and '' compares equal in lookups).
    static QVariant text(const QString &s);
    // The first column of every row (empty on failure).
    static QStringList strings(const QSqlDatabase &db, const QString &sql,
                               const QVariantList &binds);
};

} // namespace gd
