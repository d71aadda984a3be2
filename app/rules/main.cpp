// groupdesk-rules: the monitoring classifier on the command line.
//
//   groupdesk-rules classify [--rules FILE] [--group ID] [--tag TAG]... [--lexicon-dir DIR]
//       reads UTF-8 text from stdin, one message per line, and writes one JSON
//       object per input line, in order:
//       {"complaint":true,"tone":-4.5,"question":false,"escalation":true,
//        "keywords":["投诉"],"rules":[{"id":"refund","severity":"high",
//        "hits":[{"text":"退款","start":3,"length":2}]}]}
//       ("rules" only with --rules; positions in UTF-16 code units).
//   groupdesk-rules check FILE
//       reads a rule file and reports every problem; exit status 1 if any.
//
// Exit status: 0 success, 1 a rule file or lexicon with errors, 2 bad arguments.

#include "monitor/MessageClassifier.h"
#include "monitor/RuleFile.h"
#include "Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

// The tool's own sentences, under one translation context lupdate can see.
class RulesTool
{
    Q_DECLARE_TR_FUNCTIONS(RulesTool)
};

void printError(const QString &message)
{
    std::fprintf(stderr, "groupdesk-rules: %s\n", message.toLocal8Bit().constData());
}

void printRuleErrors(const QString &file, const QList<gd::RuleError> &errors)
{
    for (const gd::RuleError &e : errors) {
        QString where = e.where;
        if (where.isEmpty() && !e.ruleId.isEmpty())
            where = RulesTool::tr("rule \"%1\"").arg(e.ruleId);
        printError(where.isEmpty() ? RulesTool::tr("%1: %2").arg(file, e.message)
                                   : RulesTool::tr("%1: %2: %3").arg(file, where, e.message));
    }
}

QJsonObject toJson(const gd::Classification &c, bool withRules)
{
    QJsonObject o;
    o.insert(QStringLiteral("complaint"), c.complaint);
    o.insert(QStringLiteral("tone"), c.tone);
    o.insert(QStringLiteral("question"), c.question);
    o.insert(QStringLiteral("escalation"), c.escalation);
    o.insert(QStringLiteral("keywords"), QJsonArray::fromStringList(c.keywords));
    if (withRules) {
        QJsonArray rules;
        for (const gd::RuleMatch &match : c.rules) {
            QJsonArray hits;
            for (const gd::RuleMatch::Hit &hit : match.hits) {
                hits.append(QJsonObject{{QStringLiteral("text"), hit.text},
                                        {QStringLiteral("start"), hit.start},
                                        {QStringLiteral("length"), hit.length}});
            }
            rules.append(QJsonObject{{QStringLiteral("id"), match.ruleId},
                                     {QStringLiteral("severity"), gd::severityName(match.severity)},
                                     {QStringLiteral("hits"), hits}});
        }
        o.insert(QStringLiteral("rules"), rules);
    }
    return o;
}

int runCheck(const QStringList &args)
{
    if (args.size() != 1) {
        printError(RulesTool::tr("check takes one rule file"));
        return 2;
    }
    const gd::RuleFile::Result parsed = gd::RuleFile::load(args.at(0));
    printRuleErrors(args.at(0), parsed.errors);
    const gd::RuleSet set(parsed.rules);
    printRuleErrors(args.at(0), set.errors());
    if (!parsed.ok() || !set.errors().isEmpty())
        return 1;
    std::printf(
        "%s\n",
        qPrintable(RulesTool::tr("%1: %n rule(s), all usable", nullptr, int(parsed.rules.size()))
                       .arg(args.at(0))));
    return 0;
}

int runClassify(const QCommandLineParser &parser, const QStringList &args)
{
    if (!args.isEmpty()) {
        printError(RulesTool::tr("classify reads messages from stdin; unexpected argument \"%1\"")
                       .arg(args.at(0)));
        return 2;
    }
    QString lexiconDir = gd::Lexicon::defaultOverrideDir();
    if (parser.isSet(QStringLiteral("lexicon-dir"))) {
        lexiconDir = parser.value(QStringLiteral("lexicon-dir"));
        if (!QDir(lexiconDir).exists()) {
            printError(RulesTool::tr("the lexicon folder %1 does not exist").arg(lexiconDir));
            return 2;
        }
    }
    QString toneError;
    QString questionError;
    const gd::Lexicon tone
        = gd::Lexicon::standard(QStringLiteral("tone_zh.txt"), lexiconDir, &toneError);
    const gd::Lexicon questions
        = gd::Lexicon::standard(QStringLiteral("question_zh.txt"), lexiconDir, &questionError);
    if (!toneError.isEmpty() || !questionError.isEmpty()) {
        for (const QString &e : {toneError, questionError})
            if (!e.isEmpty())
                printError(e);
        return 1;
    }
    gd::MessageClassifier classifier(tone, questions);

    const bool withRules = parser.isSet(QStringLiteral("rules"));
    if (withRules) {
        const QString file = parser.value(QStringLiteral("rules"));
        const gd::RuleFile::Result parsed = gd::RuleFile::load(file);
        auto set = std::make_shared<const gd::RuleSet>(parsed.rules);
        printRuleErrors(file, parsed.errors);
        printRuleErrors(file, set->errors());
        if (!parsed.ok() || !set->errors().isEmpty())
            return 1; // a tool for tuning: do not classify with half the rules
        classifier.setRules(set);
    }
    gd::MessageContext context;
    context.groupId = parser.value(QStringLiteral("group"));
    context.tags = parser.values(QStringLiteral("tag"));

    const bool interactive = ::isatty(STDOUT_FILENO);
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const QString text = QString::fromUtf8(line.data(), qsizetype(line.size()));
        const QByteArray json = QJsonDocument(toJson(classifier.classify(text, context), withRules))
                                    .toJson(QJsonDocument::Compact);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fputc('\n', stdout);
        if (interactive)
            std::fflush(stdout);
    }
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        printError(RulesTool::tr("cannot write the results"));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("groupdesk-rules"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    gd::Translations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(RulesTool::tr(
        "GroupDesk monitoring rules.\n"
        "  classify  read messages (one per line) from stdin, write one JSON object per line\n"
        "  check     report the problems of a rule file"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), RulesTool::tr("classify or check"));
    parser.addOptions({
        {QStringLiteral("rules"), RulesTool::tr("Also apply the keyword rules of <file> (JSON)."),
         QStringLiteral("file")},
        {QStringLiteral("group"),
         RulesTool::tr("Classify as messages of the group <id> (for scoped rules)."),
         QStringLiteral("id")},
        {QStringLiteral("tag"),
         RulesTool::tr("The group carries <tag> (repeatable; for scoped rules)."),
         QStringLiteral("tag")},
        {QStringLiteral("lexicon-dir"),
         RulesTool::tr("Read tone_zh.txt and question_zh.txt from <dir> when present there."),
         QStringLiteral("dir")},
    });
    if (!parser.parse(app.arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        printError(RulesTool::tr("no command given; use classify or check (see --help)"));
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == u"classify")
        return runClassify(parser, args);
    if (command == u"check")
        return runCheck(args);
    printError(RulesTool::tr("unknown command \"%1\"; use classify or check").arg(command));
    return 2;
}
