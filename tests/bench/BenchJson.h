#pragma once
// One JSON object per line on stdout: {"name","value","unit","goal", ...extra}.

#include <QJsonDocument>
#include <QJsonObject>
#include <QVector>

#include <algorithm>
#include <cstdio>

namespace gd::bench {

inline void printJson(const QString &name, double value, const QString &unit, const QString &goal,
                      const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("value"), qRound64(value * 1000) / 1000.0);
    o.insert(QStringLiteral("unit"), unit);
    o.insert(QStringLiteral("goal"), goal);
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    fprintf(stdout, "%s\n", line.constData());
    fflush(stdout);
}

inline double percentile(QVector<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index
        = std::min<qsizetype>(values.size() - 1, qsizetype(p / 100.0 * values.size()));
    return values.at(index);
}

} // namespace gd::bench
