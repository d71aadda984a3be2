// Monitoring classifier benchmark (issue 13): 10,000 keywords and 100 regular
// expressions in 100 rules, plus the tone scorer and question detector, run on
// realistic customer-service messages on one thread. Prints one JSON object
// per line: messages/s for the whole classify() (goal >= 50,000/s on one core;
// counted per second of the thread's CPU time, so a busy shared machine does
// not understate one core; the wall-clock rate is in "wall_per_s"),
// for the keyword rules alone and for tone + questions alone, the time to
// compile the rules, and the time for one 100,000-character message.
//
//   bench_monitor [--quick] [--messages N] [--keywords K] [--regexes R]
//
// Keywords are words of 2-4 Han characters from jieba's dictionary
// (python3-jieba, read at run time) when installed, else generated.

#include "ArchiveGenerator.h"
#include "BenchJson.h"
#include "monitor/MessageClassifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace gd;
using namespace gd::bench;

namespace {

const char kJiebaDict[] = "/usr/lib/python3/dist-packages/jieba/dict.txt";

bool allHan(const QString &word)
{
    for (QChar c : word)
        if (c.script() != QChar::Script_Han)
            return false;
    return true;
}

// `count` distinct words, common and rare ones alike (sensitive-word lists mix both).
QStringList keywordList(int count, QString *source)
{
    QStringList words;
    QFile dict(QString::fromLatin1(kJiebaDict));
    if (dict.open(QIODevice::ReadOnly)) {
        QList<std::pair<qint64, QString>> byFrequency;
        while (!dict.atEnd()) {
            const QList<QByteArray> cols = dict.readLine().trimmed().split(' ');
            if (cols.size() < 2)
                continue;
            const QString word = QString::fromUtf8(cols[0]);
            if (word.size() >= 2 && word.size() <= 4 && allHan(word))
                byFrequency.append({cols[1].toLongLong(), word});
        }
        std::sort(byFrequency.begin(), byFrequency.end(),
                  [](const auto &a, const auto &b) { return a.first > b.first; });
        const qsizetype step = std::max<qsizetype>(1, byFrequency.size() / count);
        for (qsizetype i = 0; i < byFrequency.size() && words.size() < count; i += step)
            words.append(byFrequency[i].second);
        *source = QStringLiteral("jieba");
    }
    // Top up (or build) with generated two- and three-character words.
    const QString chars
        = QStringLiteral("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"
                         "得就那要下以生会自着去之过家学对可她里后小么心多天而能好都"
                         "然没日于起还发成事只作当想看文无开手十用主行方又如前所本见");
    for (int i = 0; words.size() < count; ++i) {
        QString w;
        int n = i;
        do {
            w += chars[n % chars.size()];
            n /= int(chars.size());
        } while (n > 0 || w.size() < 3);
        words.append(w);
        if (source->isEmpty())
            *source = QStringLiteral("generated");
    }
    return words;
}

QStringList regexList(int count, const QStringList &words)
{
    QStringList out{QStringLiteral("1[3-9]\\d{9}"),
                    QStringLiteral("订单号?[:：]?\\s*\\d{6,}"),
                    QStringLiteral("https?://[^\\s]+"),
                    QStringLiteral("wxid_[a-z0-9]{4,}"),
                    QStringLiteral("[Qq]{2}[:：]?\\s*\\d{5,}"),
                    QStringLiteral("退.{0,3}款"),
                    QStringLiteral("(投诉|举报|曝光).{0,10}(你们|商家|店)"),
                    QStringLiteral("\\d+\\s*(天|日|周)(了|都)?(还|也)?没")};
    for (int i = 0; out.size() < count; ++i) {
        const QString &a = words[(i * 7) % words.size()];
        const QString &b = words[(i * 13 + 1) % words.size()];
        const QString &c = words[(i * 17 + 2) % words.size()];
        switch (i % 4) {
        case 0:
            out.append(QStringLiteral("%1.{0,4}%2").arg(a, b));
            break;
        case 1:
            out.append(QStringLiteral("(?:%1|%2|%3)\\d{2,}").arg(a, b, c));
            break;
        case 2:
            out.append(QStringLiteral("%1[^，。！？]{0,6}%2").arg(a, b));
            break;
        default:
            out.append(QStringLiteral("[0-9]{4,}%1|%2(了|过)?%3").arg(a, b, c));
            break;
        }
    }
    return out;
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + ts.tv_nsec / 1e9;
}

struct Rate
{
    double perCpuSecond = 0; // messages per second of this thread's CPU time: one core
    double perWallSecond = 0; // the same over wall-clock time (lower on a busy machine)
};

template<typename F>
Rate messagesPerSecond(const QStringList &messages, qint64 total, F &&work, qint64 *checksum)
{
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = threadCpuSeconds();
    qint64 sum = 0;
    for (qint64 i = 0; i < total; ++i)
        sum += work(messages[qsizetype(i % messages.size())]);
    const double cpu = threadCpuSeconds() - cpu0;
    const double wall = timer.nsecsElapsed() / 1e9;
    *checksum = sum;
    return {total / cpu, total / wall};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("quick"), QStringLiteral("Fewer messages.")},
                       {QStringLiteral("messages"), QStringLiteral("Messages to classify."),
                        QStringLiteral("n"), QStringLiteral("300000")},
                       {QStringLiteral("keywords"), QStringLiteral("Literal keywords."),
                        QStringLiteral("n"), QStringLiteral("10000")},
                       {QStringLiteral("regexes"), QStringLiteral("Regular expressions."),
                        QStringLiteral("n"), QStringLiteral("100")}});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const qint64 total = quick && !parser.isSet(QStringLiteral("messages"))
        ? 60000
        : parser.value(QStringLiteral("messages")).toLongLong();
    const int keywordCount = parser.value(QStringLiteral("keywords")).toInt();
    const int regexCount = parser.value(QStringLiteral("regexes")).toInt();

    QString source;
    const QStringList keywords = keywordList(keywordCount, &source);
    const QStringList regexes = regexList(regexCount, keywords);
    // 100 rules, each with its share of keywords and regexes, scopes mixed.
    QList<KeywordRule> rules;
    const int ruleCount = 100;
    for (int r = 0; r < ruleCount; ++r) {
        KeywordRule rule;
        rule.id = QStringLiteral("rule-%1").arg(r);
        rule.severity = Severity(r % 5);
        if (r % 10 == 1)
            rule.scope.tags = {QStringLiteral("VIP")};
        for (int k = r; k < keywords.size(); k += ruleCount)
            rule.keywords.append(keywords[k]);
        for (int k = r; k < regexes.size(); k += ruleCount)
            rule.regexes.append(regexes[k]);
        rules.append(rule);
    }

    QElapsedTimer compileTimer;
    compileTimer.start();
    auto ruleSet = std::make_shared<const RuleSet>(rules);
    const double compileMs = compileTimer.nsecsElapsed() / 1e6;
    if (!ruleSet->errors().isEmpty()) {
        std::fprintf(stderr, "rule errors: %s\n", qPrintable(ruleSet->errors().first().message));
        return 1;
    }

    QTemporaryDir noOverrides;
    MessageClassifier classifier(
        Lexicon::standard(QStringLiteral("tone_zh.txt"), noOverrides.path()),
        Lexicon::standard(QStringLiteral("question_zh.txt"), noOverrides.path()));
    classifier.setRules(ruleSet);

    // 20,000 distinct realistic messages (the archive benchmark's generator),
    // plus the labelled set's complaints and questions when found.
    ArchiveGenerator generator;
    QStringList messages;
    for (int i = 0; i < 20000; ++i)
        messages.append(generator.text());
    QFile labelled(QStringLiteral(GD_SOURCE_DIR "/tests/data/monitor_labelled_zh.tsv"));
    if (labelled.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : labelled.readAll().split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() == 4 && !line.startsWith('#') && cols[0] != "complaint")
                messages.append(QString::fromUtf8(cols[3]));
        }
    }
    qint64 chars = 0;
    for (const QString &m : std::as_const(messages))
        chars += m.size();
    const MessageContext context{QStringLiteral("room-1@chatroom"), {QStringLiteral("VIP")}};

    std::fprintf(stderr,
                 "bench_monitor: %d keywords (%s), %d regexes in %d rules; %lld distinct messages, "
                 "mean %.1f chars; %lld classifications per run\n",
                 int(keywords.size()), qPrintable(source), int(regexes.size()), ruleCount,
                 qlonglong(messages.size()), double(chars) / messages.size(), qlonglong(total));

    // Warm up (scratch space, caches), then measure.
    qint64 checksum = 0;
    messagesPerSecond(
        messages, 20000,
        [&](const QString &m) { return classifier.classify(m, context).rules.size(); }, &checksum);

    qint64 ruleHits = 0;
    const Rate full = messagesPerSecond(
        messages, total,
        [&](const QString &m) {
            const Classification c = classifier.classify(m, context);
            return qint64(!c.rules.isEmpty()) * 4 + qint64(c.complaint) * 2 + qint64(c.question);
        },
        &ruleHits);
    qint64 matched = 0;
    const Rate rulesOnly = messagesPerSecond(
        messages, total,
        [&](const QString &m) { return qint64(!ruleSet->evaluate(m, context).isEmpty()); },
        &matched);
    qint64 complaints = 0;
    const Rate toneOnly = messagesPerSecond(
        messages, total,
        [&](const QString &m) {
            return qint64(classifier.toneScorer().score(m).complaint)
                + qint64(classifier.questionDetector().isQuestion(m));
        },
        &complaints);

    const QJsonObject extra{{QStringLiteral("keywords"), int(keywords.size())},
                            {QStringLiteral("regexes"), int(regexes.size())},
                            {QStringLiteral("rules"), ruleCount},
                            {QStringLiteral("messages"), total},
                            {QStringLiteral("threads"), 1},
                            {QStringLiteral("keyword_source"), source}};
    auto withWall = [&](const Rate &rate) {
        QJsonObject o = extra;
        o.insert(QStringLiteral("wall_per_s"), qRound64(rate.perWallSecond));
        return o;
    };
    QJsonObject fullExtra = withWall(full);
    fullExtra.insert(QStringLiteral("share_with_rule_hit"), double(matched) / total);
    printJson(QStringLiteral("monitor_classify_per_s"), full.perCpuSecond, QStringLiteral("msg/s"),
              QStringLiteral(">= 50000"), fullExtra);
    printJson(QStringLiteral("monitor_rules_only_per_s"), rulesOnly.perCpuSecond,
              QStringLiteral("msg/s"), QString(), withWall(rulesOnly));
    printJson(QStringLiteral("monitor_tone_question_per_s"), toneOnly.perCpuSecond,
              QStringLiteral("msg/s"), QString(), withWall(toneOnly));
    printJson(QStringLiteral("monitor_rules_compile"), compileMs, QStringLiteral("ms"), QString(),
              extra);

    // One 100,000-character message (a pasted log, a spam wall).
    QString longText;
    while (longText.size() < 100000)
        longText += messages[longText.size() % messages.size()];
    longText.truncate(100000);
    QVector<double> longMs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const Classification c = classifier.classify(longText, context);
        longMs.append(t.nsecsElapsed() / 1e6);
        checksum += c.rules.size();
    }
    printJson(QStringLiteral("monitor_classify_100k_chars"), percentile(longMs, 50),
              QStringLiteral("ms"), QString(), extra);
    std::fprintf(stderr, "bench_monitor: checksums %lld %lld %lld %lld\n", qlonglong(ruleHits),
                 qlonglong(matched), qlonglong(complaints), qlonglong(checksum));
    return 0;
}
