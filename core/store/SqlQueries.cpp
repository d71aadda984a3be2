#include "store/SqlQueries.h"

#include "util/Log.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gd {

bool SqlQueries::run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    return exec(q, sql, binds, nullptr);
}

bool SqlQueries::exec(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!q.prepare(sql)) {
        if (error)
            *error = q.lastError().text();
        qCWarning(lcStore) << "cannot prepare query:" << q.lastError().text() << sql.left(120);
        return false;
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        qCWarning(lcStore) << "query failed:" << q.lastError().text() << sql.left(120);
        return false;
    }
    return true;
}

QVariant SqlQueries::text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QStringList SqlQueries::strings(const QSqlDatabase &db, const QString &sql,
                                const QVariantList &binds)
{
    QStringList out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!run(q, sql, binds))
        return out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace gd
