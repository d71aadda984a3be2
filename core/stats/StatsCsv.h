#pragma once
// StatsCsv: the figures as CSV tables (UTF-8 with a BOM so spreadsheet
// programs read Chinese; RFC 4180 quoting), one per chart of the statistics
// view, and all of them together for the report's attachment. Column
// headers are translated; values are plain numbers (milliseconds, counts).

#include "stats/StatsFigures.h"
#include "stats/WordFrequency.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gd {

class StatsCsv
{
public:
    static QByteArray summary(const StatsFigures &f);
    static QByteArray volume(const StatsFigures &f, VolumeGranularity granularity);
    static QByteArray heatmap(const StatsFigures &f);
    static QByteArray responses(const StatsFigures &f);
    static QByteArray customers(const StatsFigures &f);
    static QByteArray groups(const StatsFigures &f);
    static QByteArray alerts(const StatsFigures &f);
    static QByteArray words(const QList<WordCount> &words);
    // Every table above (but words), each under a title line.
    static QByteArray all(const StatsFigures &f);

    // Names of the figure rows, response buckets and alert kinds (shared with
    // the view and the report so they read the same).
    static QString bucketName(int bucket);
    static QString alertKindName(int kind);

    static QString field(const QString &value); // quoted when needed

private:
    static QByteArray table(const QStringList &header, const QList<QStringList> &rows);
};

} // namespace gd
