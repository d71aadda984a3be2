#include "store/SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace gd {

QString SqlDialect::driver()
{
    return QStringLiteral("QSQLITE");
}

QString SqlDialect::connectOptions()
{
    return QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
}

QStringList SqlDialect::writerSetup()
{
    return {
        QStringLiteral("PRAGMA journal_mode=WAL"),   QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA busy_timeout=10000"), QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-32000"),
    };
}

QStringList SqlDialect::readerSetup()
{
    // Not QSQLITE_OPEN_READONLY: a read-only connection cannot create the
    // WAL index when no writer has the file open. query_only keeps it honest.
    return {
        queryOnly(),
        QStringLiteral("PRAGMA cache_size=-16000"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
}

QString SqlDialect::queryOnly()
{
    return QStringLiteral("PRAGMA query_only=1");
}

QString SqlDialect::schemaVersionQuery()
{
    return QStringLiteral("PRAGMA user_version");
}

QString SqlDialect::setSchemaVersion(int version)
{
    return QStringLiteral("PRAGMA user_version = %1").arg(version);
}

QString SqlDialect::integrityCheck(int maxProblems)
{
    return QStringLiteral("PRAGMA quick_check(%1)").arg(maxProblems);
}

QStringList SqlDialect::integrityOk()
{
    return {QStringLiteral("ok")};
}

QString SqlDialect::pageLimit(qint64 pages)
{
    // SQLite's own default cap when lifted (it cannot be set below the
    // file's current size: then the file's size is the cap).
    return QStringLiteral("PRAGMA max_page_count = %1").arg(pages > 0 ? pages : 1073741823);
}

QString SqlDialect::optimize()
{
    return QStringLiteral("PRAGMA optimize");
}

QString SqlDialect::indexHint(const QString &index)
{
    return QStringLiteral(" INDEXED BY ") + index;
}

qint64 SqlDialect::insertedId(const QSqlQuery &query)
{
    return query.lastInsertId().toLongLong();
}

QString SqlDialect::containsFolded(const QString &column)
{
    return QStringLiteral("instr(lower(%1), lower(?)) > 0").arg(column);
}

bool SqlDialect::foldsCase(const QString &term)
{
    // SQLite's lower() folds ASCII only: a term with a cased letter beyond
    // it is not folded the same way.
    for (QChar c : term) {
        if (c.unicode() >= 0x80 && (c.toLower() != c || c.toUpper() != c))
            return false;
    }
    return true;
}

} // namespace gd
