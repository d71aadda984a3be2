// fuzz-sources: core/monitor/RuleFile.cpp core/monitor/Severity.cpp
// Keyword rule files (RuleFile, issue 13) come from users and from other
// tools: any bytes. RuleFile::parse must never crash; every rule it returns
// has a non-empty, unique id and something to match; a rule that fails is
// reported with an error; and what GroupDesk writes (serialize) reads back
// as the same rules without errors.
#include "monitor/RuleFile.h"

#include <QSet>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace gd;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const RuleFile::Result result = RuleFile::parse(json);
    QSet<QString> ids;
    for (const KeywordRule &rule : result.rules) {
        check(!rule.id.trimmed().isEmpty());
        check(!ids.contains(rule.id));
        ids.insert(rule.id);
        check(!rule.keywords.isEmpty() || !rule.regexes.isEmpty());
        check(severityFromName(severityName(rule.severity)) == rule.severity);
    }
    for (const RuleError &error : result.errors)
        check(!error.message.isEmpty());

    const RuleFile::Result back = RuleFile::parse(RuleFile::serialize(result.rules));
    check(back.ok());
    check(back.rules.size() == result.rules.size());
    for (qsizetype i = 0; i < back.rules.size(); ++i)
        check(back.rules[i] == result.rules[i]);

    // One rule on its own (as a database column holds it) agrees with the file.
    for (const KeywordRule &rule : result.rules) {
        QList<RuleError> errors;
        const std::optional<KeywordRule> single
            = RuleFile::ruleFromJson(RuleFile::ruleToJson(rule), QStringLiteral("rule"), &errors);
        check(single.has_value() && errors.isEmpty() && *single == rule);
    }
    return 0;
}
