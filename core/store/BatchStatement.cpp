#include "store/BatchStatement.h"

#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "store/SqliteStatement.h"

#include <QSqlQuery>

namespace gd {

BatchStatement::BatchStatement(StoreWriter::Batch &batch, const QString &sql)
    : m_batch(batch)
{
    if (SqlDialect::of(batch.db()).isPostgreSql())
        m_query = &batch.prepared(sql);
    else
        m_native = &batch.native(sql);
}

void BatchStatement::bind(int index, const QString &text)
{
    if (m_native)
        m_native->bind(index, text);
    else
        m_query->bindValue(SqlQueries::placeholder(index), SqlQueries::text(text));
}

void BatchStatement::bind(int index, qint64 value)
{
    if (m_native)
        m_native->bind(index, value);
    else
        m_query->bindValue(SqlQueries::placeholder(index), value);
}

void BatchStatement::bind(int index, const QVariant &value)
{
    if (m_native)
        m_native->bind(index, value);
    else
        m_query->bindValue(SqlQueries::placeholder(index), value);
}

bool BatchStatement::exec(const QString &what)
{
    if (m_native) {
        if (m_native->exec())
            return true;
        m_batch.fail(what, *m_native);
        return false;
    }
    if (m_query->exec())
        return true;
    m_batch.fail(what, *m_query);
    return false;
}

qint64 BatchStatement::changes() const
{
    return m_native ? m_native->changes() : m_query->numRowsAffected();
}

} // namespace gd
