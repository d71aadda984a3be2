#include "CommitTimes.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

#include <algorithm>
#include <cmath>

namespace gd::test {

QHash<qint64, qint64> messageCommitTimes(const QSqlDatabase &db, QString *error)
{
    QHash<qint64, qint64> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT id, floor(extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000)::bigint"
            " FROM messages WHERE duplicate_of = ''"))) {
        *error = q.lastError().text();
        return {};
    }
    while (q.next()) {
        if (q.isNull(1)) {
            *error = QStringLiteral("row %1 has no commit time (track_commit_timestamp off?)")
                         .arg(q.value(0).toLongLong());
            return {};
        }
        out.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    return out;
}

qint64 percentile(QVector<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

} // namespace gd::test
