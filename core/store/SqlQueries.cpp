#include "store/SqlQueries.h"

#include "util/Log.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVector>

namespace gd {

namespace {

bool failed(const QSqlQuery &q, const char *what, const QString &sql, QString *error)
{
    if (error)
        *error = q.lastError().text();
    qCWarning(lcStore) << what << q.lastError().text() << sql.left(120);
    return false;
}

} // namespace

bool SqlQueries::run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    return exec(q, sql, binds, nullptr);
}

bool SqlQueries::exec(QSqlQuery &q, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!q.prepare(sql))
        return failed(q, "cannot prepare query:", sql, error);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, bindable(binds.at(i)));
    if (!q.exec())
        return failed(q, "query failed:", sql, error);
    return true;
}

bool SqlQueries::execNamed(QSqlQuery &q, const QString &sql, const QVariantMap &binds,
                           QString *error)
{
    if (!q.prepare(sql))
        return failed(q, "cannot prepare query:", sql, error);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), bindable(it.value()));
    if (!q.exec())
        return failed(q, "query failed:", sql, error);
    return true;
}

QVariant SqlQueries::text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

const QString &SqlQueries::placeholder(int index)
{
    static const QVector<QString> names = [] {
        QVector<QString> out;
        for (int i = 0; i < kMaxPlaceholders; ++i)
            out.append(QStringLiteral(":p%1").arg(i));
        return out;
    }();
    return names.at(index);
}

QVariant SqlQueries::bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    return value;
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
