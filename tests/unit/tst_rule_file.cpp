// RuleFile and RuleSet: the JSON rule format parsed with errors that say
// where and what; a broken rule is disabled with its reason while the others
// apply; scopes (global, group, tag) decide where a rule counts.
#include "monitor/RuleFile.h"
#include "monitor/RuleSet.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gd;

namespace {

QString errorsText(const QList<RuleError> &errors)
{
    QStringList lines;
    for (const RuleError &e : errors)
        lines.append(e.where + QStringLiteral(" | ") + e.ruleId + QStringLiteral(" | ")
                     + e.message);
    return lines.join(u'\n');
}

} // namespace

class TestRuleFile : public QObject
{
    Q_OBJECT
private slots:
    void parsesAFullRule()
    {
        const QByteArray json = R"({"version": 1, "rules": [
            {"id": "refund", "name": "退款", "severity": "high",
             "scope": {"groups": ["r1@chatroom"], "tags": ["VIP"]},
             "keywords": ["退款", "退钱"], "regexes": ["退.{0,2}款"], "enabled": false},
            {"id": "threat", "keywords": ["12315"]}]})";
        const RuleFile::Result result = RuleFile::parse(json);
        QVERIFY2(result.ok(), qPrintable(errorsText(result.errors)));
        QCOMPARE(result.rules.size(), 2);
        const KeywordRule &refund = result.rules[0];
        QCOMPARE(refund.id, QStringLiteral("refund"));
        QCOMPARE(refund.name, QStringLiteral("退款"));
        QCOMPARE(refund.severity, Severity::High);
        QCOMPARE(refund.scope.groups, QStringList{QStringLiteral("r1@chatroom")});
        QCOMPARE(refund.scope.tags, QStringList{QStringLiteral("VIP")});
        QCOMPARE(refund.keywords.size(), 2);
        QCOMPARE(refund.regexes, QStringList{QStringLiteral("退.{0,2}款")});
        QVERIFY(!refund.enabled);
        const KeywordRule &threat = result.rules[1];
        QCOMPARE(threat.severity, Severity::Medium); // the default
        QVERIFY(threat.scope.isGlobal());
        QVERIFY(threat.enabled);
    }

    void serializeRoundTrips()
    {
        KeywordRule a{QStringLiteral("a"),
                      QStringLiteral("名字"),
                      Severity::Critical,
                      RuleScope{{QStringLiteral("g1")}, {}},
                      {QStringLiteral("词")},
                      {QStringLiteral("x+y")},
                      true};
        KeywordRule b{QStringLiteral("b"),         {},   Severity::Info, RuleScope{}, {},
                      {QStringLiteral("\\d{11}")}, false};
        const RuleFile::Result back = RuleFile::parse(RuleFile::serialize({a, b}));
        QVERIFY2(back.ok(), qPrintable(errorsText(back.errors)));
        QCOMPARE(back.rules.size(), 2);
        QVERIFY(back.rules[0] == a);
        QVERIFY(back.rules[1] == b);
    }

    // Found by fuzz_rule_file: text that does not survive a write and a read
    // (an unpaired surrogate, U+FEFF, which Qt's JSON reader drops) is
    // settled when the file is read, so what GroupDesk writes reads back the same.
    void textThatWouldNotReadBackIsSettledOnRead()
    {
        const RuleFile::Result result = RuleFile::parse(
            R"({"rules": [{"id": "a\ud800", "keywords": ["x\ufeffy", "\udc00"]}]})");
        QVERIFY2(result.ok(), qPrintable(errorsText(result.errors)));
        QCOMPARE(result.rules.size(), 1);
        QCOMPARE(result.rules[0].id, QStringLiteral("a\uFFFD"));
        QCOMPARE(result.rules[0].keywords,
                 (QStringList{QStringLiteral("xy"), QStringLiteral("\uFFFD")}));
        const RuleFile::Result back = RuleFile::parse(RuleFile::serialize(result.rules));
        QVERIFY2(back.ok(), qPrintable(errorsText(back.errors)));
        QVERIFY(back.rules == result.rules);
        // An id of nothing but U+FEFF is as empty as "".
        QVERIFY(!RuleFile::parse(R"({"rules": [{"id": "\ufeff", "keywords": ["x"]}]})").ok());
    }

    void syntaxErrorsGiveLineAndColumn()
    {
        const RuleFile::Result result = RuleFile::parse("{\"rules\": [\n  {\"id\": \"x\",,}\n]}");
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.rules.isEmpty());
        // Qt reports the offset at or just after the stray comma (column 14).
        QVERIFY2(result.errors[0].where.startsWith(QStringLiteral("2:1")),
                 qPrintable(result.errors[0].where));
        QVERIFY(result.errors[0].message.contains(QStringLiteral("JSON")));
    }

    void structuralErrorsSayWhere_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QString() << "rules";
        QTest::newRow("no rules") << QByteArray("{}") << "rules"
                                  << "missing";
        QTest::newRow("rules not array") << QByteArray("{\"rules\": {}}") << "rules"
                                         << "array";
        QTest::newRow("future version")
            << QByteArray("{\"version\": 2, \"rules\": []}") << "version"
            << "2";
        QTest::newRow("rule not object") << QByteArray("{\"rules\": [\"x\"]}") << "rules[0]"
                                         << "object";
        QTest::newRow("no id") << QByteArray("{\"rules\": [{\"keywords\": [\"a\"]}]}") << "rules[0]"
                               << "id";
        QTest::newRow("bad severity") << QByteArray(
            "{\"rules\": [{\"id\": \"a\", \"severity\": \"urgent\", \"keywords\": [\"a\"]}]}")
                                      << "rules[0].severity"
                                      << "urgent";
        QTest::newRow("keyword not string")
            << QByteArray("{\"rules\": [{\"id\": \"a\", \"keywords\": [\"a\", 5]}]}")
            << "rules[0].keywords[1]"
            << "number";
        QTest::newRow("typo field")
            << QByteArray("{\"rules\": [{\"id\": \"a\", \"keyword\": [\"a\"]}]}") << "rules[0]"
            << "keyword";
        QTest::newRow("bad scope") << QByteArray(
            "{\"rules\": [{\"id\": \"a\", \"keywords\": [\"a\"], \"scope\": {\"room\": []}}]}")
                                   << "rules[0].scope"
                                   << "room";
        QTest::newRow("nothing to match")
            << QByteArray("{\"rules\": [{\"id\": \"a\"}]}") << "rules[0]"
            << "keywords";
        QTest::newRow("duplicate id")
            << QByteArray("{\"rules\": [{\"id\": \"a\", \"keywords\": [\"x\"]}, {\"id\": \"a\", "
                          "\"keywords\": [\"y\"]}]}")
            << "rules[1].id"
            << "a";
    }

    void structuralErrorsSayWhere()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, mentions);
        const RuleFile::Result result = RuleFile::parse(json);
        QVERIFY(!result.ok());
        bool found = false;
        for (const RuleError &e : result.errors)
            found = found || (e.where == where && e.message.contains(mentions));
        QVERIFY2(found, qPrintable(errorsText(result.errors)));
    }

    void goodRulesSurviveABadOne()
    {
        const RuleFile::Result result = RuleFile::parse(R"({"rules": [
            {"id": "good", "keywords": ["退款"]},
            {"id": "bad", "severity": 3, "keywords": ["x"]},
            {"id": "also good", "regexes": ["\\d{11}"]}]})");
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors[0].ruleId, QStringLiteral("bad"));
        QCOMPARE(result.rules.size(), 2);
    }

    void garbageNeverCrashes()
    {
        const QList<QByteArray> inputs{
            QByteArray(),
            QByteArray("\0\0\0", 3),
            "{",
            "{\"rules\": [",
            "nul",
            "\xff\xfe{}",
            QByteArray(100000, '['),
            "{\"rules\": [{\"id\": \"\\ud800\", \"keywords\": [\"\\u0000\"]}]}"};
        for (const QByteArray &input : inputs) {
            const RuleFile::Result result = RuleFile::parse(input);
            RuleSet set(result.rules); // whatever parsed must compile or be refused
            Q_UNUSED(set);
        }
    }

    void loadReportsAMissingFile()
    {
        QTemporaryDir dir;
        const RuleFile::Result result = RuleFile::load(dir.filePath(QStringLiteral("none.json")));
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.rules.isEmpty());
    }

    void brokenRuleIsDisabledWithReasonOthersApply()
    {
        RuleSet set({KeywordRule{QStringLiteral("bad"),
                                 {},
                                 Severity::High,
                                 {},
                                 {QStringLiteral("退款")},
                                 {QStringLiteral("退(款")},
                                 true},
                     KeywordRule{QStringLiteral("good"),
                                 {},
                                 Severity::Low,
                                 {},
                                 {QStringLiteral("退款")},
                                 {},
                                 true}});
        QCOMPARE(set.activeRuleCount(), 1);
        QVERIFY(!set.isActive(QStringLiteral("bad")));
        QVERIFY(set.isActive(QStringLiteral("good")));
        QCOMPARE(set.errors().size(), 1);
        QCOMPARE(set.errors()[0].ruleId, QStringLiteral("bad"));
        QVERIFY(set.errors()[0].message.contains(QStringLiteral("missing )")));
        const QList<RuleMatch> matches = set.evaluate(QStringLiteral("我要退款"));
        QCOMPARE(matches.size(), 1);
        QCOMPARE(matches[0].ruleId, QStringLiteral("good"));
        QCOMPARE(matches[0].severity, Severity::Low);
        QCOMPARE(matches[0].hits.size(), 1);
        QCOMPARE(matches[0].hits[0].text, QStringLiteral("退款"));
        QCOMPARE(matches[0].hits[0].start, 2);
    }

    void scopesDecideWhereARuleCounts()
    {
        RuleSet set({KeywordRule{QStringLiteral("global"),
                                 {},
                                 Severity::Low,
                                 {},
                                 {QStringLiteral("发票")},
                                 {},
                                 true},
                     KeywordRule{QStringLiteral("group"),
                                 {},
                                 Severity::High,
                                 RuleScope{{QStringLiteral("g1")}, {}},
                                 {QStringLiteral("发票")},
                                 {},
                                 true},
                     KeywordRule{QStringLiteral("tag"),
                                 {},
                                 Severity::Critical,
                                 RuleScope{{}, {QStringLiteral("VIP")}},
                                 {},
                                 {QStringLiteral("发.")},
                                 true},
                     KeywordRule{QStringLiteral("off"),
                                 {},
                                 Severity::Critical,
                                 {},
                                 {QStringLiteral("发票")},
                                 {},
                                 false}});
        QVERIFY2(set.errors().isEmpty(), qPrintable(errorsText(set.errors())));
        auto ids = [&](const MessageContext &context) {
            QStringList out;
            for (const RuleMatch &m : set.evaluate(QStringLiteral("开发票"), context))
                out.append(m.ruleId);
            return out;
        };
        QCOMPARE(ids({}), QStringList{QStringLiteral("global")});
        QCOMPARE(ids({QStringLiteral("g1"), {}}),
                 (QStringList{QStringLiteral("global"), QStringLiteral("group")}));
        QCOMPARE(ids({QStringLiteral("g2"), {QStringLiteral("VIP")}}),
                 (QStringList{QStringLiteral("global"), QStringLiteral("tag")}));
        QCOMPARE(ids({QStringLiteral("g1"), {QStringLiteral("普通"), QStringLiteral("VIP")}}),
                 (QStringList{QStringLiteral("global"), QStringLiteral("group"),
                              QStringLiteral("tag")}));
    }

    void emptyAndDuplicateIdsAreRefused()
    {
        RuleSet set(
            {KeywordRule{QString(), {}, Severity::Low, {}, {QStringLiteral("a")}, {}, true},
             KeywordRule{
                 QStringLiteral("x"), {}, Severity::Low, {}, {QStringLiteral("a")}, {}, true},
             KeywordRule{
                 QStringLiteral("x"), {}, Severity::Low, {}, {QStringLiteral("b")}, {}, true}});
        QCOMPARE(set.activeRuleCount(), 1);
        QCOMPARE(set.errors().size(), 2);
        QCOMPARE(set.evaluate(QStringLiteral("ab")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRuleFile)
#include "tst_rule_file.moc"
