#pragma once
// The small helpers every repository shares: prepare, bind in order, run,
// and log a failure with the statement (never the bound values: they are
// customers' text); text columns bound as '' rather than NULL (every text
// column is NOT NULL, so a null QString must not reach the driver as NULL).

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

class QSqlQuery;

namespace gd {

class SqlQueries
{
public:
    // false (and a log line) when the statement cannot be prepared or run.
    // A null QString among binds is bound as '' (see bindable()).
    static bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds);
    // The same, with the driver's reason in *error (when given) on failure.
    static bool exec(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error);
    // exec() for a statement with named placeholders (":name" -> value).
    static bool execNamed(QSqlQuery &q, const QString &sql, const QVariantMap &binds,
                          QString *error);
    // A text value to bind: a null QString becomes '' (text columns are NOT
    // NULL, and '' compares equal in lookups). exec() does this itself; this
    // is for statements bound by hand (batches that prepare once).
    static QVariant text(const QString &s);
    // A value as exec() binds it: a QVariant holding a null QString becomes
    // '', anything else (an invalid QVariant too, for a real NULL) as it is.
    static QVariant bindable(const QVariant &value);
    // ":p<index>", made once (index < kMaxPlaceholders), for statements
    // bound by name in a loop: Qt's positional bindValue(int) formats a
    // ":<index>" name for every value it binds.
    static const QString &placeholder(int index);
    static constexpr int kMaxPlaceholders = 64;
    // The first column of every row (empty on failure).
    static QStringList strings(const QSqlDatabase &db, const QString &sql,
                               const QVariantList &binds);
};

} // namespace gd
