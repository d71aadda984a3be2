// gd-console-probe: a headless console for tests and benchmarks of team mode
// (issue 18). It opens a shared archive the way a console does (no engine),
// follows it live, and prints one tab-separated line per change as it sees
// it, with the time it saw it (ms since the epoch), so a test can measure
// how long a committed message takes to reach every console:
//   message <seen_ms> <row id> <account> <conversation> <message id> <message time>
//   outbox <seen_ms> <outbox id> <account> <conversation> <state>
//   ready <ms>                  (listening; printed once at start)
// With --send account/conversation/text it also submits one send into the
// shared outbox (an engine owning the account sends it) and prints
//   queued <ms> <outbox id> <text>
// With --send-every S as well it queues another such send every S seconds,
// the text numbered (" #2", " #3", ...): a benchmark measures from "queued"
// to the gateway. It stops after --seconds (default: runs until killed).

#include "model/Types.h"
#include "outbox/OutboxRepository.h"
#include "outbox/SendRequest.h"
#include "store/ChangeFeed.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>

using namespace gd;

namespace {

void printLine(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A headless console on a shared archive: prints what it sees."));
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("The archive (postgresql://...)."),
                                            QStringLiteral("address"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Stop after this many seconds."),
                                           QStringLiteral("n"));
    const QCommandLineOption sendOption(
        QStringLiteral("send"), QStringLiteral("Queue one send: account/conversation/text."),
        QStringLiteral("send"));
    const QCommandLineOption sendEveryOption(
        QStringLiteral("send-every"), QStringLiteral("Repeat --send every this many seconds."),
        QStringLiteral("s"));
    parser.addOptions({databaseOption, secondsOption, sendOption, sendEveryOption});
    parser.process(app);
    if (!parser.isSet(databaseOption)) {
        std::fputs("gd-console-probe: --database is required\n", stderr);
        return 2;
    }

    Store store;
    QString error;
    if (!store.open(parser.value(databaseOption), &error)) {
        std::fprintf(stderr, "gd-console-probe: %s\n", error.toUtf8().constData());
        return 1;
    }
    OutboxRepository::of(&store); // follows the shared outbox
    ChangeFeed feed(&store);
    QObject::connect(&feed, &ChangeFeed::changed, &app, [](const StoreChange &change) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (const auto *added = std::get_if<change::MessagesAdded>(&change)) {
            for (const Message &m : added->messages) {
                printLine(QStringLiteral("message\t%1\t%2\t%3\t%4\t%5\t%6")
                              .arg(now)
                              .arg(m.rowId)
                              .arg(m.accountId, m.conversationId(), m.id)
                              .arg(m.timestampMs));
            }
        } else if (const auto *row = std::get_if<change::OutboxRowChanged>(&change)) {
            printLine(QStringLiteral("outbox\t%1\t%2\t%3\t%4\t%5")
                          .arg(now)
                          .arg(row->entry.id)
                          .arg(row->entry.accountId, row->entry.conversationId)
                          .arg(int(row->entry.state)));
        }
    });
    printLine(QStringLiteral("ready\t%1").arg(QDateTime::currentMSecsSinceEpoch()));

    if (parser.isSet(sendOption)) {
        const QStringList parts = parser.value(sendOption).split(QLatin1Char('/'));
        if (parts.size() < 3) {
            std::fputs("gd-console-probe: --send wants account/conversation/text\n", stderr);
            return 2;
        }
        SendRequest request;
        request.accountId = parts[0];
        request.conversationId = parts[1];
        request.text = parts.mid(2).join(QLatin1Char('/'));
        request.origin = QStringLiteral("console");
        const auto queue = [&store](const SendRequest &r) {
            const SubmitResult result = OutboxRepository::of(&store)->submit(r).result();
            printLine(QStringLiteral("queued\t%1\t%2\t%3")
                          .arg(QDateTime::currentMSecsSinceEpoch())
                          .arg(result.id)
                          .arg(r.text));
        };
        queue(request);
        if (parser.isSet(sendEveryOption)) {
            auto *every = new QTimer(&app);
            QObject::connect(every, &QTimer::timeout, &app, [queue, request, n = 1]() mutable {
                SendRequest next = request;
                next.text += QStringLiteral(" #%1").arg(++n);
                queue(next);
            });
            every->start(int(parser.value(sendEveryOption).toDouble() * 1000));
        }
    }
    if (parser.isSet(secondsOption))
        QTimer::singleShot(int(parser.value(secondsOption).toDouble() * 1000), &app,
                           &QCoreApplication::quit);
    return app.exec();
}
