// bench_alerts: end to end, how long after a message is stored its alert is
// shown in the inbox (the AlertListModel row on the GUI thread), while the
// store takes 1,000 customer messages/s across 100 groups: chatter,
// questions, complaints and staff replies, with the seeded rules (complaint,
// 10-minute response time, offline) plus a 2,000-word keyword rule. The time
// runs from the writer's messagesStored (after commit) to the model's
// rowsInserted. Goal: max <= 1,000 ms.
//
// Usage: bench_alerts [--quick] [--seconds S] [--rate R]

#include "BenchJson.h"

#include "AlertListModel.h"
#include "monitor/AlertMonitor.h"
#include "monitor/AlertRepository.h"
#include "monitor/Clock.h"
#include "monitor/SignalSources.h"
#include "store/Store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace gd;
using namespace gd::bench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto numArg = [&](const QString &name, double fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toDouble() : fallback;
    };
    const double seconds = numArg(QStringLiteral("--seconds"), quick ? 5 : 20);
    const double rate = numArg(QStringLiteral("--rate"), 1000);

    QTemporaryDir dir;
    Store store;
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("bench.db")), &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // A big keyword list besides the seeded rules: made-up product codes and
    // a few words customers do write.
    store.submitWrite([](StoreWriter::Batch &b) {
        AlertRule words;
        words.name = QStringLiteral("敏感词");
        words.kind = RuleKind::Keywords;
        words.severity = AlertSeverity::Warning;
        QStringList list
            = {QStringLiteral("曝光"), QStringLiteral("12315"), QStringLiteral("律师函")};
        for (int i = 0; i < 2000; ++i)
            list.append(QStringLiteral("型号X%1Q").arg(i, 4, 10, QLatin1Char('0')));
        words.pattern = list.join(QLatin1Char('\n'));
        QString e;
        AlertRepository::saveRule(b.db(), words, &e);
    });
    store.flush();

    SystemClock clock;
    AlertMonitor monitor(&store, &clock, defaultSignalSourceFactory());
    AlertListModel model(&monitor);
    QElapsedTimer since;
    since.start();
    QMutex mutex;
    QHash<QString, qint64> storedAt; // message id -> ms
    QObject::connect(
        &store, &Store::messagesStored, &store,
        [&](const QVector<Message> &messages) {
            const qint64 now = since.elapsed();
            QMutexLocker lock(&mutex);
            for (const Message &m : messages)
                storedAt.insert(m.id, now);
        },
        Qt::DirectConnection);
    QVector<double> latencies;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
                     [&](const QModelIndex &, int first, int last) {
                         const qint64 now = since.elapsed();
                         QMutexLocker lock(&mutex);
                         for (int r = first; r <= last; ++r) {
                             const auto it = storedAt.constFind(model.alertAt(r).messageId);
                             if (it != storedAt.constEnd())
                                 latencies.append(double(now - it.value()));
                         }
                     });
    bool loaded = false;
    QObject::connect(&monitor, &AlertMonitor::alertsLoaded, &app, [&] { loaded = true; });
    monitor.start();
    while (!loaded)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    const QStringList chatter = {
        QStringLiteral("收到，谢谢"),       QStringLiteral("好的"),
        QStringLiteral("今天天气不错"),     QStringLiteral("已经下单了"),
        QStringLiteral("这个颜色挺好看的"), QStringLiteral("哈哈哈"),
        QStringLiteral("明天见"),           QStringLiteral("东西不错，点赞"),
    };
    const QStringList questions = {
        QStringLiteral("发票什么时候能开？"),
        QStringLiteral("请问有没有蓝色的"),
        QStringLiteral("多久能到货？"),
        QStringLiteral("能不能便宜一点"),
    };
    const QStringList complaints = {
        QStringLiteral("等了三天还没发货，太差劲了，我要投诉！"),
        QStringLiteral("质量太差了，必须退货退款"),
        QStringLiteral("客服一直不回，气死我了！！！"),
        QStringLiteral("再不处理我就去12315曝光你们"),
    };
    int sent = 0;
    int complaintCount = 0;
    const int total = int(seconds * rate);
    const int perTick = qMax(1, int(rate / 100)); // a batch every 10 ms
    QTimer feeder;
    feeder.setInterval(10);
    QElapsedTimer feedClock;
    feedClock.start();
    QObject::connect(&feeder, &QTimer::timeout, &app, [&] {
        // Catch up to the rate from the start, so timer slack does not lower it.
        const int due = qMin(total, int(feedClock.elapsed() * rate / 1000.0));
        QVector<Message> batch;
        while (sent < due && batch.size() < perTick * 10) {
            Message m;
            m.accountId = QStringLiteral("bench");
            m.id = QStringLiteral("m%1").arg(sent);
            m.roomId = QStringLiteral("%1@chatroom").arg(1000 + sent % 100);
            const int kind = sent % 50;
            m.kind = MessageKind::Text;
            m.timestampMs = QDateTime::currentMSecsSinceEpoch();
            if (kind == 7) {
                m.fromSelf = true; // the bot answers now and then
                m.talkerId = QStringLiteral("bot");
                m.talkerName = QStringLiteral("客服机器人");
                m.text = QStringLiteral("您好，已为您登记");
            } else {
                m.talkerId = QStringLiteral("wxid_c%1").arg(sent % 700);
                m.talkerName = QStringLiteral("客户%1").arg(sent % 700);
                if (kind == 3) {
                    m.text = complaints.at((sent / 50) % complaints.size());
                    ++complaintCount;
                } else if (kind % 10 == 1) {
                    m.text = questions.at((sent / 10) % questions.size());
                } else {
                    m.text = chatter.at(sent % chatter.size());
                }
            }
            batch.append(m);
            ++sent;
        }
        if (!batch.isEmpty())
            store.insertMessages(batch);
        if (sent >= total)
            feeder.stop();
    });
    feeder.start();
    const double feedSeconds = seconds;
    QElapsedTimer wall;
    wall.start();
    while (feeder.isActive() || wall.elapsed() < qint64(feedSeconds * 1000) + 3000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!feeder.isActive() && latencies.size() >= complaintCount
            && wall.elapsed() > qint64(feedSeconds * 1000))
            break;
    }
    const double achieved = sent / (feedClock.elapsed() / 1000.0);
    monitor.stop();
    store.close();

    QJsonObject extra{{QStringLiteral("messages"), sent},
                      {QStringLiteral("rate_msg_s"), qRound(achieved)},
                      {QStringLiteral("alerts_shown"), int(latencies.size())},
                      {QStringLiteral("complaints_sent"), complaintCount}};
    printJson(QStringLiteral("alert_shown_after_store_p50"), percentile(latencies, 50),
              QStringLiteral("ms"), QStringLiteral("<= 1000"), extra);
    printJson(QStringLiteral("alert_shown_after_store_p99"), percentile(latencies, 99),
              QStringLiteral("ms"), QStringLiteral("<= 1000"), extra);
    printJson(QStringLiteral("alert_shown_after_store_max"), percentile(latencies, 100),
              QStringLiteral("ms"), QStringLiteral("<= 1000"), extra);
    return latencies.isEmpty() ? 1 : 0;
}
