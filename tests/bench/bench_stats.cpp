// Statistics benchmarks (issue 14): an archive of N generated messages
// (default 1,000,000 over 90 days in 500 groups, a third of them staff
// replies) stored through the writer, which keeps the statistics counters;
// then the figures of the statistics view for the last 30 days over all
// groups (goal <= 500 ms; cold and warm), for one tag, and the word
// frequency of about 100,000 customer messages computed off the calling
// thread by StatsService (goal <= 3 s; the dictionary load is reported
// apart). Prints JSON lines.
//
//   bench_stats [--quick] [--messages N] [--rooms R] [--days D] [--word-messages W]
//               [--db PATH]   (keep the archive there; reused if it exists, for
//                              measuring the figures again without regenerating)

#include "ArchiveGenerator.h"
#include "BenchJson.h"
#include "stats/StatsService.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QEventLoop>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstdlib>
#include <ctime>

using namespace gd;
using namespace gd::bench;

namespace {
// This thread's CPU time: on a busy shared machine the wall time says more
// about the neighbours than about the figures.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}
double loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Reduced sizes.")});
    parser.addOption(
        {QStringLiteral("messages"), QStringLiteral("Messages."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("rooms"), QStringLiteral("Groups."), QStringLiteral("R")});
    parser.addOption(
        {QStringLiteral("days"), QStringLiteral("Days spanned."), QStringLiteral("D")});
    parser.addOption({QStringLiteral("word-messages"),
                      QStringLiteral("Customer messages to count words in."), QStringLiteral("W")});
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Archive file to keep (reused when it exists)."),
                      QStringLiteral("PATH")});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const qint64 total = parser.value(QStringLiteral("messages")).toLongLong() > 0
        ? parser.value(QStringLiteral("messages")).toLongLong()
        : (quick ? 200000 : 1000000);
    const int rooms = parser.value(QStringLiteral("rooms")).toInt() > 0
        ? parser.value(QStringLiteral("rooms")).toInt()
        : 500;
    const int days = parser.value(QStringLiteral("days")).toInt() > 0
        ? parser.value(QStringLiteral("days")).toInt()
        : 90;
    const qint64 wordTarget = parser.value(QStringLiteral("word-messages")).toLongLong() > 0
        ? parser.value(QStringLiteral("word-messages")).toLongLong()
        : (quick ? 20000 : 100000);

    QTemporaryDir dir;
    const QString keep = parser.value(QStringLiteral("db"));
    const QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("stats.db")) : keep;
    const bool reuse = !keep.isEmpty() && QFileInfo::exists(keep);
    const QDate lastDay = QDate::currentDate().addDays(-1);
    const qint64 endMs = QDateTime(lastDay.addDays(1), QTime(0, 0)).toMSecsSinceEpoch() - 1000;
    if (!reuse) {
        Store store;
        QString error;
        if (!store.open(path, &error)) {
            fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(error));
            return 1;
        }
        QVector<Room> roomRows;
        for (int r = 0; r < rooms; ++r)
            roomRows.append({QStringLiteral("bench"),
                             ArchiveGenerator::roomId(r),
                             QStringLiteral("群%1").arg(r),
                             {},
                             {},
                             {},
                             {}});
        store.upsertRooms(roomRows);
        for (int r = 0; r < rooms; r += 10)
            store.addTag(TagTarget::Room, QStringLiteral("bench"), ArchiveGenerator::roomId(r),
                         QStringLiteral("vip"));
        ArchiveGenerator generator;
        QElapsedTimer timer;
        timer.start();
        QVector<Message> batch;
        for (qint64 i = 0; i < total; ++i) {
            Message m = generator.message(i, total, int(i % rooms), endMs, days);
            if (i % 3 == 1) { // a staff reply
                m.fromSelf = true;
                m.talkerId = QStringLiteral("bench-bot");
                m.talkerName.clear();
            }
            batch.append(std::move(m));
            if (batch.size() == 5000) {
                store.insertMessages(batch);
                batch.clear();
                while (store.writeState().waitingRows > 50000)
                    QThread::msleep(5);
            }
        }
        store.insertMessages(batch);
        store.flush();
        const double s = timer.elapsed() / 1000.0;
        printJson(QStringLiteral("stats_archive_insert_rate"), double(total) / s,
                  QStringLiteral("msg/s"),
                  QStringLiteral("info: the writer keeping the statistics counters"),
                  {{QStringLiteral("messages"), double(total)}, {QStringLiteral("seconds"), s}});
        store.close();
    }

    if (reuse) { // brought to this version's schema (a migration, timed for information)
        QElapsedTimer timer;
        timer.start();
        Store store;
        QString error;
        if (!store.open(path, &error)) {
            fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(error));
            return 1;
        }
        store.close();
        printJson(QStringLiteral("stats_reused_archive_open"), double(timer.elapsed()),
                  QStringLiteral("ms"), QStringLiteral("info: migrations of a kept archive"));
    }
    StatsService service(path);
    StatsRequest request;
    request.to = lastDay;
    request.from = lastDay.addDays(-29);
    QElapsedTimer timer;
    timer.start();
    QString error;
    double cpu = threadCpuMs();
    StatsFigures f = service.figuresNow(request, &error);
    const double cold = timer.nsecsElapsed() / 1e6;
    const double coldCpu = threadCpuMs() - cpu;
    if (!error.isEmpty()) {
        fprintf(stderr, "figures failed: %s\n", qPrintable(error));
        return 1;
    }
    QVector<double> warm, warmCpu;
    for (int i = 0; i < 5; ++i) {
        timer.restart();
        cpu = threadCpuMs();
        f = service.figuresNow(request, &error);
        warm.append(timer.nsecsElapsed() / 1e6);
        warmCpu.append(threadCpuMs() - cpu);
    }
    const QJsonObject extra{{QStringLiteral("messages"), double(total)},
                            {QStringLiteral("rooms"), rooms},
                            {QStringLiteral("period_messages"),
                             double(f.current.customerMessages + f.current.staffMessages)},
                            {QStringLiteral("active_customers"), double(f.current.activeCustomers)},
                            {QStringLiteral("responses"), double(f.current.responses)},
                            {QStringLiteral("cold_ms"), cold},
                            {QStringLiteral("cold_cpu_ms"), coldCpu},
                            {QStringLiteral("warm_cpu_ms"), percentile(warmCpu, 50)},
                            {QStringLiteral("load_average"), loadAverage()}};
    printJson(QStringLiteral("stats_view_figures_30d_all_groups"), percentile(warm, 50),
              QStringLiteral("ms"), QStringLiteral("<= 500 ms"), extra);
    printJson(QStringLiteral("stats_view_figures_30d_all_groups_cold"), cold, QStringLiteral("ms"),
              QStringLiteral("<= 500 ms"), extra);
    request.scope.kind = StatsScope::Kind::Tag;
    request.scope.tag = QStringLiteral("vip");
    timer.restart();
    cpu = threadCpuMs();
    f = service.figuresNow(request, &error);
    printJson(QStringLiteral("stats_view_figures_30d_one_tag"), timer.nsecsElapsed() / 1e6,
              QStringLiteral("ms"), QStringLiteral("<= 500 ms"),
              {{QStringLiteral("period_messages"),
                double(f.current.customerMessages + f.current.staffMessages)},
               {QStringLiteral("cpu_ms"), threadCpuMs() - cpu}});

    // Word frequency: the days that hold about wordTarget customer messages,
    // counted on the service's worker thread while this thread waits in an
    // event loop (as the GUI thread would).
    const double customerPerDay = double(total) * 2.0 / 3.0 / double(days);
    const int wordDays = std::max(1, int(std::lround(double(wordTarget) / customerPerDay)));
    StatsRequest words;
    words.to = lastDay;
    words.from = lastDay.addDays(1 - wordDays);
    for (int run = 0; run < 2; ++run) {
        QEventLoop loop;
        WordFrequencyResult result;
        qint64 progressCalls = 0;
        timer.restart();
        service.countWords(
            words, 200, &app, [&](qint64, qint64) { ++progressCalls; },
            [&](WordFrequencyResult r, const QString &e) {
                result = std::move(r);
                error = e;
                loop.quit();
            });
        loop.exec();
        const double ms = timer.nsecsElapsed() / 1e6;
        if (!error.isEmpty()) {
            fprintf(stderr, "word count failed: %s\n", qPrintable(error));
            return 1;
        }
        printJson(run == 0 ? QStringLiteral("stats_word_frequency_first_with_dictionary_load")
                           : QStringLiteral("stats_word_frequency"),
                  ms, QStringLiteral("ms"), QStringLiteral("<= 3000 ms off the GUI thread"),
                  {{QStringLiteral("customer_messages"), double(result.messages)},
                   {QStringLiteral("tokens"), double(result.tokens)},
                   {QStringLiteral("days"), wordDays},
                   {QStringLiteral("top_word"), result.ranked.value(0).word},
                   {QStringLiteral("progress_updates"), double(progressCalls)},
                   {QStringLiteral("threads"), QThread::idealThreadCount()}});
    }
    return 0;
}
