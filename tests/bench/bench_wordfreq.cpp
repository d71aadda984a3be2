// Word-frequency benchmark (issue 14): jieba's dictionary (python3-jieba,
// read at run time) loaded into gd::Segmenter, then the word frequency of
// 100,000 generated customer-service messages (ArchiveGenerator text: orders,
// refunds, shipping, product names, English, emoji) with the standard stop
// words. Prints JSON lines: dictionary load time and the memory it takes
// (VmRSS before/after), the word-frequency wall time on one thread (goal <= 3 s)
// and with --threads workers, and the segmentation rate.
//
//   bench_wordfreq [--quick] [--messages N] [--threads T] [--dict PATH]

#include "ArchiveGenerator.h"
#include "BenchJson.h"
#include "stats/Segmenter.h"
#include "stats/StopWords.h"
#include "stats/WordFrequency.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <ctime>

using namespace gd;
using namespace gd::bench;

namespace {

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

// CPU time of the calling thread: what the work costs on one core, even when
// the shared machine is busy (the wall time is reported beside it).
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Reduced sizes.")});
    parser.addOption(
        {QStringLiteral("messages"), QStringLiteral("Messages."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Workers."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("dict"), QStringLiteral("dict.txt path."), QStringLiteral("PATH")});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const int messages = parser.isSet(QStringLiteral("messages"))
        ? parser.value(QStringLiteral("messages")).toInt()
        : (quick ? 20000 : 100000);
    const int threads = parser.isSet(QStringLiteral("threads"))
        ? parser.value(QStringLiteral("threads")).toInt()
        : std::max(2, QThread::idealThreadCount());
    const QString dict = parser.isSet(QStringLiteral("dict")) ? parser.value(QStringLiteral("dict"))
                                                              : Segmenter::defaultDictionaryPath();
    const QString suffix = messages == 100000 ? QString() : QStringLiteral("_%1msgs").arg(messages);

    const double rssBefore = rssMb();
    Segmenter segmenter;
    QElapsedTimer timer;
    timer.start();
    const double loadCpuStart = threadCpuSeconds();
    if (!segmenter.loadDictionary(dict)) {
        fprintf(stderr, "%s\n", qPrintable(segmenter.errorString()));
        return 1;
    }
    segmenter.addServiceWords(); // as the product loads it
    const double loadMs = timer.nsecsElapsed() / 1e6;
    const double loadCpuMs = (threadCpuSeconds() - loadCpuStart) * 1000;
    const double rssAfter = rssMb();
    printJson(QStringLiteral("wordfreq_dict_load"), loadMs, QStringLiteral("ms"),
              QStringLiteral("report"),
              {{QStringLiteral("words"), double(segmenter.wordCount())},
               {QStringLiteral("cpu_ms"), qRound(loadCpuMs)}});
    printJson(QStringLiteral("wordfreq_dict_memory"), rssAfter - rssBefore, QStringLiteral("MB"),
              QStringLiteral("report"),
              {{QStringLiteral("table_mb"), segmenter.memoryBytes() / 1048576.0}});

    ArchiveGenerator generator;
    QStringList texts;
    texts.reserve(messages);
    qint64 chars = 0;
    for (int i = 0; i < messages; ++i) {
        texts.append(generator.text());
        chars += texts.last().size();
    }
    const StopWords stopWords = StopWords::standard();

    for (int t : {1, threads}) {
        WordFrequencyOptions options;
        options.threads = t;
        timer.restart();
        const double cpuStart = threadCpuSeconds();
        const WordFrequencyResult result
            = WordFrequency::count(segmenter, stopWords, texts, options);
        const double seconds = timer.nsecsElapsed() / 1e9;
        const double cpuSeconds = threadCpuSeconds() - cpuStart; // the calling thread's share
        if (result.messages != messages) {
            fprintf(stderr, "processed %lld of %d messages\n", qlonglong(result.messages),
                    messages);
            return 1;
        }
        QJsonObject extra{
            {QStringLiteral("threads"), t},
            {QStringLiteral("messages"), messages},
            {QStringLiteral("chars_per_s"), qRound64(chars / seconds)},
            {QStringLiteral("calling_thread_cpu_s"), qRound(cpuSeconds * 1000) / 1000.0},
            {QStringLiteral("distinct_words"), result.ranked.size()},
            {QStringLiteral("tokens"), double(result.tokens)}};
        QStringList top;
        for (int i = 0; i < std::min<qsizetype>(10, result.ranked.size()); ++i)
            top.append(result.ranked[i].word);
        extra.insert(QStringLiteral("top10"), top.join(u' '));
        printJson(QStringLiteral("wordfreq_%1thread%2").arg(t).arg(suffix), seconds,
                  QStringLiteral("s"), QStringLiteral("<= 3"), extra);
        if (t == threads)
            break;
    }
    return 0;
}
